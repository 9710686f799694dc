"""WSGI entry point, used by gunicorn: `gunicorn n8portal.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "n8portal.settings")

application = get_wsgi_application()
