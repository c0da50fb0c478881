"""The command line (CONTRACT §3). Bad input is one plain line per problem on standard error
and exit status 2, never a traceback. One module per command family registers on `app`."""

from klaverblad.cli import backup, explain, measures, optimise, plan, portfolio, rank, serve  # noqa: F401  (registers the commands)
from klaverblad.cli.common import app
from klaverblad.cli.users import users

app.add_typer(users, name="user")


def main() -> None:
    app()
