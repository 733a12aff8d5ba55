"""Settings of the example bot: sqlite, the old chat models, and flowops on the local emulator."""

from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "example-only-change-me"
DEBUG = True
ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
USE_TZ = True
ROOT_URLCONF = "botsite.urls"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "chat",
    "flowops.contrib.django",
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}

# The suffix the old command appended to flow names on Meta (migrate_flow_definitions uses it).
META_SYNC_VERSION_SUFFIX = "v1.02"

FLOWOPS = {
    "MANIFEST": BASE_DIR / "flows.yaml",
    "ENVIRONMENT": "local",  # the built-in emulator; use your real environment in production
    "TRADITIONAL_FLOWS": "chat.flows.traditional_flow_names",
    "TRADITIONAL_FLOW_MODEL": "chat.Flow",
    "MIRROR_MODEL": "chat.WhatsAppFlow",
    "MIRROR_DEFAULTS": "chat.flows.mirror_defaults",
    "RESPONSE_MODEL": "chat.WhatsAppFlowResponse",
}
