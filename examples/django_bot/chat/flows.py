"""The callables FLOWOPS names: the traditional-flow catalogue and the mirror's extra fields."""

from typing import Any

from chat.models import Flow, MetaAppConfig


def traditional_flow_names() -> Any:
    return Flow.objects.values_list("name", flat=True)


def mirror_defaults(record: Any) -> dict[str, Any]:
    """WhatsAppFlow.meta_app_config is required: new rows get the active config."""
    config, _ = MetaAppConfig.objects.get_or_create(is_active=True, defaults={"name": "default"})
    return {"meta_app_config": config}
