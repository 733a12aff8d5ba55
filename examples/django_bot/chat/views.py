"""The WhatsApp webhook: flow completions are checked, stored and signalled by flowops."""

import json

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from flowops.contrib.django import handle_webhook
from flowops.runtime import CompletionError


@csrf_exempt
def webhook(request: HttpRequest) -> HttpResponse:
    try:
        handle_webhook(json.loads(request.body))
    except (ValueError, CompletionError) as exc:  # forged or stale token, unexpected answers
        return JsonResponse({"error": str(exc)}, status=400)
    return HttpResponse(status=200)
