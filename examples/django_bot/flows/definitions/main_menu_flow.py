"""A traditional flow definition (steps for the chatbot engine): not a WhatsApp Flow."""

MAIN_MENU_FLOW = {
    "name": "main_menu",
    "trigger_keywords": ["menu", "hi"],
    "steps": [{"name": "show_menu", "type": "send_message"}],
}
