"""A reusable date picker (no traditional flow)."""

DATE_PICKER_WHATSAPP_FLOW_METADATA = {
    "name": "date_picker_whatsapp_flow",
    "friendly_name": "Date Picker WhatsApp Flow",
    "description": "Reusable component that asks for one date.",
    "is_active": True,
}

DATE_PICKER_WHATSAPP_FLOW = {
    "version": "7.3",
    "screens": [
        {
            "id": "PICK_DATE",
            "title": "Pick a date",
            "terminal": True,
            "layout": {
                "type": "SingleColumnLayout",
                "children": [
                    {"type": "DatePicker", "name": "date", "label": "Date", "required": True},
                    {
                        "type": "Footer",
                        "label": "Done",
                        "on-click-action": {
                            "name": "complete",
                            "payload": {"date": "${form.date}"},
                        },
                    },
                ],
            },
        }
    ],
}
