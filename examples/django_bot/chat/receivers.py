"""What the bot does when a contact completes a flow (the answers are already stored)."""

from typing import Any

from django.dispatch import receiver

from flowops.contrib.django import flow_completed


@receiver(flow_completed)
def completed(completion: Any, record: Any, response: Any, **_: Any) -> None:
    print(f"{completion.sender} completed {record.name}: {completion.data}")
