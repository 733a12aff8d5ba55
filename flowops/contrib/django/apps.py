"""The Django app: ``INSTALLED_APPS = [..., "flowops.contrib.django"]`` (label ``flowops``)."""

from __future__ import annotations

from django.apps import AppConfig


class FlowopsConfig(AppConfig):
    name = "flowops.contrib.django"
    label = "flowops"
    verbose_name = "WhatsApp Flows (flowops)"

    def ready(self) -> None:
        """Only registers the system checks: nothing is read from disk at start-up."""
        from flowops.contrib.django import checks

        checks.register_all()
