from django.core.management.base import BaseCommand

from demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Loads the demo directory: the N8 universities and other real stakeholder bodies, real data assets "
        "about children and young people, and fictional sample researchers and projects. Running it again "
        "updates the same entries and adds no duplicates."
    )

    def handle(self, *args, **options):
        load_demo(log=lambda message: self.stdout.write(message))
        self.stdout.write(self.style.SUCCESS("Demo directory loaded."))
