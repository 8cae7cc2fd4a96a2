"""Create or update a staff account: `heard manage add_staff USERNAME [--can-create]`."""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Create a staff account (or reset its password). Leads then add it to consultations "
        "from the Team page."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--can-create",
            action="store_true",
            help="allow this account to create consultations (it becomes lead of those it creates)",
        )
        parser.add_argument(
            "--password-stdin", action="store_true", help="read the password from standard input"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        username: str = options["username"]
        user_model = get_user_model()
        try:
            user_model._meta.get_field("username").run_validators(username)
        except ValidationError as error:
            raise CommandError(
                f"Username: {' '.join(error.messages)} Nothing was changed."
            ) from None
        if options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass(f"Password for {username}: ")
            if getpass.getpass("Again: ") != password:
                raise CommandError("The two passwords differ; nothing was changed.")
        candidate = user_model(username=username)
        try:
            password_validation.validate_password(password, candidate)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages) + " Nothing was changed.") from None
        with transaction.atomic():
            user, created = user_model.objects.get_or_create(username=username)
            user.set_password(password)
            user.save()
            if options["can_create"]:
                user.user_permissions.add(Permission.objects.get(codename="add_consultation"))
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} staff account {username}.")
