"""The models of the old app (flows/models.py), unchanged: flowops mirrors into them."""

from django.db import models


class MetaAppConfig(models.Model):
    name = models.CharField(max_length=100)
    is_active = models.BooleanField(default=True)


class Flow(models.Model):
    """A traditional chatbot flow."""

    name = models.CharField(max_length=255, unique=True)


class WhatsAppFlow(models.Model):
    SYNC_STATUS = (
        ("draft", "Draft"),
        ("syncing", "Syncing"),
        ("published", "Published"),
        ("deprecated", "Deprecated"),
        ("error", "Error"),
    )
    name = models.CharField(max_length=255, unique=True)
    friendly_name = models.CharField(max_length=255, blank=True)
    description = models.TextField(blank=True)
    flow_id = models.CharField(max_length=100, unique=True, null=True, blank=True)
    flow_json = models.JSONField(default=dict)
    sync_status = models.CharField(max_length=20, choices=SYNC_STATUS, default="draft")
    sync_error = models.TextField(blank=True, null=True)
    version = models.IntegerField(default=1)
    is_active = models.BooleanField(default=False)
    meta_app_config = models.ForeignKey(MetaAppConfig, on_delete=models.CASCADE)
    flow_definition = models.ForeignKey(
        Flow, on_delete=models.SET_NULL, null=True, blank=True, related_name="whatsapp_flows"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    last_synced_at = models.DateTimeField(null=True, blank=True)


class WhatsAppFlowResponse(models.Model):
    whatsapp_flow = models.ForeignKey(WhatsAppFlow, on_delete=models.CASCADE)
    flow_token = models.CharField(max_length=2048)
    response_data = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
