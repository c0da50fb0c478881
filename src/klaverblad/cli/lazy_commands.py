"""The root command group, importing a command's module only when that command is needed.

Typer turns every registered command into a Click command on each start, and registering a
command means importing its module: about 30-40 ms of a cold `klaverblad plan` (issue #12) went
to commands that were not run. The group below knows each command's name and module up front
(`COMMAND_MODULES`, in the order `klaverblad --help` lists them); it imports the module and
converts the command the first time it is asked for it: to run it, to show its help, or to
list it in `klaverblad --help`, which therefore imports them all and reads as before.
The conversion is Typer's own (`get_command_from_info`, `get_group_from_info`), with the
settings of the root `app`, as `typer.main.get_group` would have done it eagerly.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING, Any, cast

import typer
import typer.main
from typer.core import TyperGroup

if TYPE_CHECKING:
    from typer import _click

# Every command (or group of commands) of `klaverblad`, with the module of `klaverblad.cli`
# that registers it on `common.app`; tests/test_cli_lazy_commands.py checks the two agree.
COMMAND_MODULES: dict[str, str] = {
    "export-all": "backup",
    "import-all": "backup",
    "cashflow": "cashflow",
    "compare": "compare",
    "explain": "explain",
    "measures": "measures",
    "optimise": "optimise",
    "plan": "plan",
    "demo": "plan",
    "portfolio": "portfolio",
    "multi-year-plan": "multi_year_plan",
    "rank": "rank",
    "serve": "serve",
    "user": "users",
}


def registered_name(info: typer.models.CommandInfo) -> str:
    """The name Typer gives a registered command."""
    assert info.callback is not None
    return info.name or typer.main.get_command_name(info.callback.__name__)


def _converted(app: typer.Typer, name: str) -> _click.Command:
    """Import the module that registers `name` on `app` and convert it as Typer does."""
    importlib.import_module(f"klaverblad.cli.{COMMAND_MODULES[name]}")
    for info in app.registered_commands:
        if registered_name(info) == name:
            return typer.main.get_command_from_info(
                info,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
            )
    for group in app.registered_groups:
        if group.name == name:
            return typer.main.get_group_from_info(
                group,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
                suggest_commands=app.suggest_commands,
            )
    raise LookupError(f"klaverblad.cli.{COMMAND_MODULES[name]} does not register '{name}'")


class _Commands(MutableMapping[str, "_click.Command"]):
    """The group's commands by name: those already converted, the others on first access.
    Iterates in the order of `COMMAND_MODULES` (the help's order), then any added later."""

    def __init__(self, converted: MutableMapping[str, _click.Command]) -> None:
        self._converted = dict(converted)

    def __getitem__(self, name: str) -> _click.Command:
        if name not in self._converted:
            if name not in COMMAND_MODULES:
                raise KeyError(name)
            from klaverblad.cli.common import app

            self._converted[name] = _converted(app, name)
        return self._converted[name]

    def __setitem__(self, name: str, command: _click.Command) -> None:
        self._converted[name] = command

    def __delitem__(self, name: str) -> None:
        del self._converted[name]

    def __iter__(self) -> Iterator[str]:
        yield from COMMAND_MODULES
        yield from (name for name in self._converted if name not in COMMAND_MODULES)

    def __len__(self) -> int:
        return len(COMMAND_MODULES.keys() | self._converted.keys())


class LazyCommandGroup(TyperGroup):
    """`klaverblad`'s root group (`typer.Typer(cls=LazyCommandGroup)`): Typer passes it the
    commands already registered; the others are converted when asked for."""

    def __init__(
        self, *, commands: MutableMapping[str, _click.Command] | None = None, **attrs: Any
    ) -> None:
        # Typer annotates `commands` as a dict but keeps any mapping as `self.commands`, typed
        # `MutableMapping`, and only reads it through the mapping methods.
        lazy = cast("dict[str, _click.Command]", _Commands(commands or {}))
        super().__init__(commands=lazy, **attrs)

    def list_commands(self, ctx: _click.Context) -> list[str]:
        # Typer's lists `commands.items()`, which would convert (import) every command.
        return list(self.commands)
