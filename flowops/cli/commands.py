"""Every command by name: the module that defines it, and its one-line help.

``flowops --help`` lists the commands from this table and ``flowops CMD`` imports only
CMD's module, so a command starts without loading the others (pre-commit runs
``flowops validate`` on every commit). Each module adds its command to the group when
imported; tests/test_cli_startup.py keeps these lines equal to the commands' own help.
"""

COMMANDS: dict[str, tuple[str, str]] = {
    "apply": (
        "flowops.cli.apply",
        "Apply the changes `flowops plan` shows (or exactly those saved in PLAN_FILE).",
    ),
    "drift": (
        "flowops.cli.drift",
        "Explain how Meta differs from flows.lock (changes behind flowops' back) and from git.",
    ),
    "emulator": ("flowops.cli.emulator", "A local emulator of Meta's WhatsApp Flows Graph API."),
    "export-runtime": (
        "flowops.cli.export_runtime",
        "Write what the runtime needs from the lock file (load it with Resolver.from_snapshot).",
    ),
    "import": (
        "flowops.cli.import_",
        "Download flows from Meta into whatsapp_flows/, add them to flows.yaml and the lock.",
    ),
    "init": (
        "flowops.cli.init",
        "Create flows.yaml, a starter flow, traditional_flows.yaml and the GitHub workflows.",
    ),
    "plan": ("flowops.cli.plan", "Show what apply would change on Meta, and why."),
    "pr-comment": (
        "flowops.cli.comment",
        "Print the comment body: a hidden marker, the plan, a diagram per changed flow.",
    ),
    "preview": (
        "flowops.cli.preview",
        "Print the preview URL of flow KEY (a key of flows.yaml) and when it expires.",
    ),
    "render": (
        "flowops.cli.render",
        "Draw flow KEY (a key of flows.yaml, or a .json file): one HTML page per screen.",
    ),
    "resolve": (
        "flowops.cli.resolve",
        "Say whether TRADITIONAL_FLOW is served by a WhatsApp Flow, and every check behind it.",
    ),
    "status": (
        "flowops.cli.status",
        "What the lock says about each flow, and whether the chatbot would use it.",
    ),
    "validate": (
        "flowops.cli.validate",
        "Check the manifest and every flow file it names, or only PATHS.",
    ),
}
