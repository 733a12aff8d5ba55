"""The dotted-path callables the settings name."""

from typing import Any

from tests.django_integration.legacy.models import Flow, MetaAppConfig


def names() -> Any:
    return Flow.objects.values_list("name", flat=True)


def mirror_defaults(record: Any) -> dict[str, Any]:
    return {"meta_app_config": MetaAppConfig.objects.get_or_create(name="default")[0]}
