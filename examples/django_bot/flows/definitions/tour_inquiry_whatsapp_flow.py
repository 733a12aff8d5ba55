"""The tour inquiry WhatsApp Flow, in the old app's layout."""

TOUR_INQUIRY_WHATSAPP_FLOW_METADATA = {
    "name": "tour_inquiry_whatsapp_flow",
    "friendly_name": "Tour Inquiry WhatsApp Flow",
    "description": "Ask a visitor about their tour and collect contact details.",
    "flow_definition_name": "tour_inquiry_flow",
    "is_active": True,
}

TOUR_INQUIRY_WHATSAPP_FLOW = {
    "version": "7.3",
    "screens": [
        {
            "id": "TOUR",
            "title": "Plan your tour",
            "layout": {
                "type": "SingleColumnLayout",
                "children": [
                    {"type": "TextHeading", "text": "Which tour interests you?"},
                    {
                        "type": "RadioButtonsGroup",
                        "name": "tour",
                        "label": "Tour",
                        "required": True,
                        "data-source": [
                            {"id": "old_town", "title": "Old town walk"},
                            {"id": "harbour", "title": "Harbour by boat"},
                            {"id": "food", "title": "Food market tasting"},
                        ],
                    },
                    {
                        "type": "DatePicker",
                        "name": "tour_date",
                        "label": "Preferred date",
                        "required": True,
                        "helper-text": "We confirm availability by message.",
                    },
                    {
                        "type": "Dropdown",
                        "name": "group_size",
                        "label": "Group size",
                        "required": True,
                        "data-source": [
                            {"id": "1", "title": "1 person"},
                            {"id": "2", "title": "2 people"},
                            {"id": "3_5", "title": "3 to 5 people"},
                            {"id": "6_plus", "title": "6 or more"},
                        ],
                    },
                    {
                        "type": "Footer",
                        "label": "Continue",
                        "on-click-action": {
                            "name": "navigate",
                            "next": {"type": "screen", "name": "CONTACT"},
                            "payload": {
                                "tour": "${form.tour}",
                                "tour_date": "${form.tour_date}",
                                "group_size": "${form.group_size}",
                            },
                        },
                    },
                ],
            },
        },
        {
            "id": "CONTACT",
            "title": "Your details",
            "data": {
                "tour": {"type": "string", "__example__": "harbour"},
                "tour_date": {"type": "string", "__example__": "2026-06-01"},
                "group_size": {"type": "string", "__example__": "2"},
            },
            "layout": {
                "type": "SingleColumnLayout",
                "children": [
                    {"type": "TextSubheading", "text": "How can we reach you?"},
                    {
                        "type": "TextInput",
                        "name": "full_name",
                        "label": "Full name",
                        "input-type": "text",
                        "required": True,
                    },
                    {
                        "type": "TextInput",
                        "name": "email",
                        "label": "Email",
                        "input-type": "email",
                        "required": True,
                    },
                    {
                        "type": "TextInput",
                        "name": "phone",
                        "label": "Phone",
                        "input-type": "phone",
                        "required": False,
                    },
                    {
                        "type": "OptIn",
                        "name": "marketing_opt_in",
                        "label": "Send me news about new tours and offers.",
                    },
                    {
                        "type": "Footer",
                        "label": "Review",
                        "on-click-action": {
                            "name": "navigate",
                            "next": {"type": "screen", "name": "CONFIRM"},
                            "payload": {
                                "tour": "${data.tour}",
                                "tour_date": "${data.tour_date}",
                                "group_size": "${data.group_size}",
                                "full_name": "${form.full_name}",
                                "email": "${form.email}",
                                "phone": "${form.phone}",
                                "marketing_opt_in": "${form.marketing_opt_in}",
                            },
                        },
                    },
                ],
            },
        },
        {
            "id": "CONFIRM",
            "title": "Confirm",
            "terminal": True,
            "success": True,
            "data": {
                "tour": {"type": "string", "__example__": "harbour"},
                "tour_date": {"type": "string", "__example__": "2026-06-01"},
                "group_size": {"type": "string", "__example__": "2"},
                "full_name": {"type": "string", "__example__": "Ada Lovelace"},
                "email": {"type": "string", "__example__": "ada@example.com"},
                "phone": {"type": "string", "__example__": "+44 20 7946 0000"},
                "marketing_opt_in": {"type": "boolean", "__example__": False},
            },
            "layout": {
                "type": "SingleColumnLayout",
                "children": [
                    {"type": "TextHeading", "text": "Check your request"},
                    {"type": "TextSubheading", "text": "Tour"},
                    {"type": "TextBody", "text": "${data.tour}"},
                    {"type": "TextSubheading", "text": "Date"},
                    {"type": "TextBody", "text": "${data.tour_date}"},
                    {"type": "TextSubheading", "text": "Contact"},
                    {"type": "TextBody", "text": "${data.full_name}"},
                    {"type": "TextBody", "text": "${data.email}"},
                    {"type": "TextCaption", "text": "We reply within one working day."},
                    {
                        "type": "Footer",
                        "label": "Send request",
                        "on-click-action": {
                            "name": "complete",
                            "payload": {
                                "tour": "${data.tour}",
                                "tour_date": "${data.tour_date}",
                                "group_size": "${data.group_size}",
                                "full_name": "${data.full_name}",
                                "email": "${data.email}",
                                "phone": "${data.phone}",
                                "marketing_opt_in": "${data.marketing_opt_in}",
                            },
                        },
                    },
                ],
            },
        },
    ],
}
