"""flowops: declarative, reviewable WhatsApp Flows."""

__version__ = "0.1.0"
