"""The command line (CONTRACT §3). Bad input is one plain line per problem on standard error
and exit status 2, never a traceback. One module per command family registers on `app`; the
root group imports a command's module only when that command is needed (`lazy_commands`)."""

from klaverblad.cli.common import app

__all__ = ["app", "main"]


def main() -> None:
    app()
