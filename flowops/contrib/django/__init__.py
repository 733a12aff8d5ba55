"""Django integration: ``INSTALLED_APPS += ["flowops.contrib.django"]`` and a ``FLOWOPS`` dict.

```python
from flowops.contrib.django import flows, resolve

decision = resolve("tour_inquiry_flow")      # Resolution (send it) or Fallback (why not)
wf = flows().get(name="tour_inquiry")        # read-only record shaped like the old model
```
Importing this package reads nothing; the first call builds one resolver per process.
"""

from __future__ import annotations

from flowops.contrib.django.completions import (
    flow_completed,
    flow_token,
    handle_completion,
    handle_webhook,
)
from flowops.contrib.django.runtime import flows, resolve, resolver

__all__ = [
    "flow_completed",
    "flow_token",
    "flows",
    "handle_completion",
    "handle_webhook",
    "resolve",
    "resolver",
]
