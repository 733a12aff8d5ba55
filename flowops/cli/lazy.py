"""A click group whose commands are imported when first used, not at start-up."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

import click

from flowops.cli.commands import COMMANDS
from flowops.cli.errors import Group

Registered = Callable[[click.Command], None]


class LazyCommands(MutableMapping[str, click.Command]):
    """Name to command, as click keeps them; reading one not yet defined imports its module."""

    def __init__(self, modules: Mapping[str, str], registered: Registered) -> None:
        self._modules = dict(modules)
        self._commands: dict[str, click.Command] = {}
        self._registered = registered

    def loaded(self, name: str) -> click.Command | None:
        return self._commands.get(name)

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._commands and name in self._modules:
            importlib.import_module(self._modules[name])  # its @cli.command() adds it here
        return self._commands[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._registered(command)
        self._commands[name] = command

    def __delitem__(self, name: str) -> None:
        del self._commands[name]

    def __contains__(self, name: object) -> bool:
        return name in self._modules or name in self._commands

    def __iter__(self) -> Iterator[str]:
        return iter(sorted({*self._modules, *self._commands}))

    def __len__(self) -> int:
        return len({*self._modules, *self._commands})


class LazyGroup(Group):
    """The table in commands.py names every command; ``--help`` lists them from it."""

    def __init__(self, *args: Any, registered: Registered, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        modules = {name: module for name, (module, _) in COMMANDS.items()}
        self.commands = self.lazy = LazyCommands(modules, registered)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Like click's, without importing a command only to print its first line."""
        names = [name for name in self.list_commands(ctx) if not self._hidden(name)]
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        with formatter.section("Commands"):
            formatter.write_dl([(name, self._short_help(name, limit)) for name in names])

    def _hidden(self, name: str) -> bool:
        command = self.lazy.loaded(name)
        return command is not None and command.hidden

    def _short_help(self, name: str, limit: int) -> str:
        command = self.lazy.loaded(name) or click.Command(name, help=COMMANDS[name][1])
        return command.get_short_help_str(limit)
