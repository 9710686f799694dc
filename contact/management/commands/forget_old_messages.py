from django.core.management.base import BaseCommand
from django.utils import timezone

from contact.models import ContactMessage
from contact.sending import KEPT_FOR
from introductions.models import IntroductionRequest


class Command(BaseCommand):
    help = (
        "Deletes contact messages and introduction (and take-part) requests older than a year, as the "
        "privacy notice promises. Safe to run daily."
    )

    def handle(self, *args, **options) -> None:
        cutoff = timezone.now() - KEPT_FOR
        messages, _ = ContactMessage.objects.filter(created__lt=cutoff).delete()
        requests, _ = IntroductionRequest.objects.filter(created__lt=cutoff).delete()
        self.stdout.write(f"Deleted {messages} contact messages and {requests} introduction requests.")
