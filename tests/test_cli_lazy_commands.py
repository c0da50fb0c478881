"""The command line imports what the command run needs, and nothing else (issue #12): a command's
module is imported when that command runs, the web stack and the store only by the commands
that use them. Behaviour, not time: the modules a process has imported."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from klaverblad.cli.lazy_commands import COMMAND_MODULES, registered_name

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "bik-klusjesdienst.yaml"
# What `klaverblad plan` must never import: the web stack, the store, the binary exports, the
# optimiser's solver, Rich (Typer's help and error boxes).
NOT_FOR_A_PLAN = (
    "fastapi",
    "starlette",
    "uvicorn",
    "jinja2",
    "sqlalchemy",
    "alembic",
    "weasyprint",
    "openpyxl",
    "xlsxwriter",
    "scipy",
    "rich",
    "klaverblad.web",
    "klaverblad.store",
)
# Runs `klaverblad plan FILE --format json` in this process, then prints the modules it holds.
RUN_A_PLAN = """
import contextlib, io, json, sys
from klaverblad.cli import main
sys.argv = ["klaverblad", "plan", sys.argv[1], "--format", "json"]
with contextlib.redirect_stdout(io.StringIO()) as plan:
    try:
        main()
    except SystemExit as exit:
        assert not exit.code, exit.code
assert json.loads(plan.getvalue())["schema"] == "klaverblad.plan/1"
print(json.dumps(sorted(sys.modules)))
"""


def modules_after_a_plan() -> set[str]:
    completed = subprocess.run(
        [sys.executable, "-c", RUN_A_PLAN, str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(completed.stdout))


def test_a_plan_imports_neither_the_web_stack_nor_the_store_nor_the_other_commands() -> None:
    modules = modules_after_a_plan()
    imported = sorted(
        module
        for module in modules
        if any(module == name or module.startswith(f"{name}.") for name in NOT_FOR_A_PLAN)
    )
    assert imported == []
    commands = {module for module in modules if module.startswith("klaverblad.cli.")}
    assert commands == {
        "klaverblad.cli.common",
        "klaverblad.cli.lazy_commands",
        "klaverblad.cli.plan",
    }


def test_every_command_is_listed_with_the_module_that_registers_it() -> None:
    from klaverblad.cli.common import app

    for module in set(COMMAND_MODULES.values()):
        __import__(f"klaverblad.cli.{module}")
    registered = {registered_name(info): info.callback for info in app.registered_commands}
    groups = {group.name for group in app.registered_groups}
    assert registered.keys() | groups == COMMAND_MODULES.keys()
    for name, callback in registered.items():
        assert callback.__module__ == f"klaverblad.cli.{COMMAND_MODULES[name]}", name


def test_help_lists_every_command_in_the_order_of_the_table() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "klaverblad", "--help"], capture_output=True, text=True, check=True
    )
    listed = re.findall(r"^│ ([a-z][a-z-]*)  ", completed.stdout, flags=re.MULTILINE)
    assert listed == list(COMMAND_MODULES)


def test_a_mistyped_command_is_answered_with_the_commands_it_resembles() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "klaverblad", "plann"], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 2
    assert "No such command 'plann'. Did you mean 'plan', 'explain'?" in completed.stderr
