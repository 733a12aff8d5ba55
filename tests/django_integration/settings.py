"""Minimal settings for the Django integration tests: sqlite in memory, the old models."""

from pathlib import Path

SECRET_KEY = "tests-only-not-secret"
DEBUG = True
USE_TZ = True
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "flowops.contrib.django",
    "tests.django_integration.legacy",
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FLOWOPS = {
    "MANIFEST": Path(__file__).parent / "project" / "flows.yaml",
    "ENVIRONMENT": "local",
    "TRADITIONAL_FLOWS": "tests.django_integration.legacy.catalogue.names",
    "TRADITIONAL_FLOW_MODEL": "legacy.Flow",
    "MIRROR_MODEL": "legacy.WhatsAppFlow",
    "MIRROR_DEFAULTS": "tests.django_integration.legacy.catalogue.mirror_defaults",
    "RESPONSE_MODEL": "legacy.WhatsAppFlowResponse",
}
