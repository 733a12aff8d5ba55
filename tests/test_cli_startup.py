"""`flowops --help` and `flowops validate` import only what they use (counted, not timed)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click

from flowops.cli import cli
from flowops.cli.commands import COMMANDS
from tests.fakes_flows import make_project

CLI = Path(__file__).resolve().parent.parent / "flowops" / "cli"
# Needed only to reach Meta, run an emulator or explain an invalid document.
UNUSED = {"requests", "jsonschema", "flowops.emulator", "flowops.graph", "flowops.pipeline"}
RUN = """
import sys
from flowops.cli import main
sys.argv = ["flowops", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    print("exit", exc.code, file=sys.stderr)
print("modules", *sorted(sys.modules), file=sys.stderr)
"""


def _run(cwd: Path, *argv: str) -> tuple[str, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", RUN, *argv], cwd=cwd, capture_output=True, text=True, timeout=60
    )
    *_, exit_line, modules = done.stderr.splitlines()
    assert exit_line == "exit 0", done.stdout + done.stderr
    return done.stdout, set(modules.split()[1:])


def test_help_lists_every_command_and_imports_none(tmp_path: Path) -> None:
    output, modules = _run(tmp_path, "--help")
    assert all(f"  {name} " in output for name in COMMANDS)
    assert not {module for _, (module, _) in COMMANDS.items()} & modules
    assert not UNUSED & modules
    assert "yaml" not in modules


def test_validate_of_one_file_loads_no_http_client_emulator_or_schema_explainer(
    tmp_path: Path,
) -> None:
    make_project(tmp_path)
    output, modules = _run(tmp_path, "validate", "whatsapp_flows/survey.json")
    assert "valid" in output
    assert not UNUSED & modules


def test_validate_of_the_project_loads_none_of_them_either(tmp_path: Path) -> None:
    make_project(tmp_path)
    _, modules = _run(tmp_path, "validate")
    assert not UNUSED & modules


def test_the_table_gives_each_command_its_own_first_line() -> None:
    for name, (module, line) in COMMANDS.items():
        command = cli.commands[name]
        assert command.callback is not None and command.callback.__module__ == module
        for limit in (45, 200):
            listed = click.Command(name, help=line).get_short_help_str(limit)
            assert listed == command.get_short_help_str(limit), name


def test_every_command_module_is_in_the_table() -> None:
    registering = re.compile(r"^@cli\.(command|group)\(", re.MULTILINE)
    defined = {
        f"flowops.cli.{path.stem}"
        for path in CLI.glob("*.py")
        if registering.search(path.read_text(encoding="utf-8"))
    }
    assert defined == {module for module, _ in COMMANDS.values()}
