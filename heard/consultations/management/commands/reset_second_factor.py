"""Take away a staff member's second factors when they have lost them all:
`heard manage reset_second_factor USERNAME`. At their next sign-in they set up a new one."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from heard.core import factors


class Command(BaseCommand):
    help = (
        "Remove every second factor (authenticator apps, passkeys, recovery codes) of a staff "
        "account, after checking who asks by other means; recorded in the audit log."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No staff account is called {options['username']!r}.")
        removed = factors.reset(user)
        self.stdout.write(
            f"Removed {removed} second factor(s) of {user.get_username()}; their sessions were "
            "ended. At the next sign-in they set up a new one."
        )
