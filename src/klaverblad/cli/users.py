"""`klaverblad user add`: create an account in the configured database (migrations applied)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from klaverblad.cli.common import app, fail

users = typer.Typer(help="Accounts: promoter, municipality, analyst, admin.", no_args_is_help=True)
app.add_typer(users, name="user")


@users.command("add")
def add(
    email: Annotated[str, typer.Option("--email", help="E-mail address (the login)")],
    role: Annotated[str, typer.Option("--role", help="promoter, municipality, analyst or admin")],
    name: Annotated[str, typer.Option("--name", help="Display name")] = "",
    organisation: Annotated[
        str | None, typer.Option("--organisation", help="A promoter's organisation")
    ] = None,
    municipality: Annotated[
        str | None,
        typer.Option(
            "--municipality",
            help="A municipality user's municipality, or the promoter organisation's",
        ),
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input")
    ] = False,
) -> None:
    """Create an account. The password is asked twice without echo (or read from standard input
    with --password-stdin) and stored only as an Argon2 hash."""
    from klaverblad import store

    if role == "promoter" and not (organisation and municipality):
        fail("--organisation and --municipality: a promoter account needs both")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    url = store.database_url()
    try:
        store.upgrade(url)
        sessions = store.session_factory(store.make_engine(url))
        with store.transaction(sessions) as session:
            home = (
                store.ensure_organisation(session, organisation, municipality or "")
                if role == "promoter" and organisation
                else None
            )
            user = store.create_user(
                session,
                email=email,
                display_name=name,
                role=role,
                password=password,
                organisation=home,
                municipality=municipality if role == "municipality" else None,
            )
            created = f"{user.email} ({user.role})"
    except store.AccountError as error:
        fail(f"user add: {error}")
    typer.echo(f"account created: {created}")
