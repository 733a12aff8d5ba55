"""Traveler details; its traditional flow was never created in this bot's database."""

TRAVELER_DETAILS_WHATSAPP_FLOW_METADATA = {
    "name": "traveler_details_whatsapp_flow",
    "friendly_name": "Traveler Details WhatsApp Flow",
    "description": "Collect each traveler's name and passport number.",
    "flow_definition_name": "traveler_details_flow",
    "is_active": True,
}

TRAVELER_DETAILS_WHATSAPP_FLOW = {
    "version": "7.3",
    "screens": [
        {
            "id": "TRAVELER",
            "title": "Traveler details",
            "terminal": True,
            "data": {},
            "layout": {
                "type": "SingleColumnLayout",
                "children": [
                    {
                        "type": "TextInput",
                        "name": "full_name",
                        "label": "Full name",
                        "required": True,
                    },
                    {
                        "type": "TextInput",
                        "name": "passport",
                        "label": "Passport number",
                        "required": True,
                    },
                    {
                        "type": "Footer",
                        "label": "Save",
                        "on-click-action": {
                            "name": "complete",
                            "payload": {
                                "full_name": "${form.full_name}",
                                "passport": "${form.passport}",
                            },
                        },
                    },
                ],
            },
        }
    ],
}
