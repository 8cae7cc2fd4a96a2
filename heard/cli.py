"""The `heard` command: demo, serve, load, keygen, analyse, and Django's own commands (`manage`)."""

from __future__ import annotations

import argparse
import errno
import os
import secrets
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from heard.analysis.commands import add_commands as add_analysis_commands
from heard.core.commandline import setup_django

if TYPE_CHECKING:
    from heard.consultations.loading import LoadResult
    from heard.consultations.models import Consultation

EXAMPLES = Path(__file__).resolve().parent / "examples"  # package data: see heard/examples/
DEMO_FOLDER = EXAMPLES / "human-trafficking-2018"
DEMO_LEAD = "demo-lead"


def _migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


def load_everything(folder: Path) -> tuple[LoadResult, list[str]]:
    """Load a consultation folder: the consultation, then the parts later stages own."""
    from django.db import transaction

    from heard.analysis.loading import load_folder_codebook
    from heard.consultations.loading import load_folder
    from heard.stakeholders.loading import load_sectors

    with transaction.atomic():
        result = load_folder(folder)
        changes = list(result.changes) + load_sectors(folder, result.consultation)
        changes += load_folder_codebook(folder, result.consultation)
    return result, changes


def cmd_load(args: argparse.Namespace) -> int:
    setup_django()
    from heard.core.sources import SourceError

    if args.migrate:
        _migrate()
    try:
        result, changes = load_everything(Path(args.folder))
    except SourceError as error:
        count = len(error.problems)
        print(
            f"heard load: {count} problem{'s' if count != 1 else ''}; nothing was changed.",
            file=sys.stderr,
        )
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    title = result.consultation.title_en
    if result.created:
        print(f"Created “{title}”.")
    elif changes:
        print(f"Updated “{title}”: {', '.join(changes)}.")
    else:
        print(f"“{title}” is up to date; nothing changed.")
    return 0


def _ensure_demo_lead(consultation_keys: list[str]) -> str:
    """Create or reset the demo lead's account; a fresh password is printed on each run."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.db import transaction

    from heard.consultations.models import Consultation, Membership, Role

    password = "-".join(secrets.token_urlsafe(4) for _ in range(3))
    with transaction.atomic():
        user, _ = get_user_model().objects.get_or_create(username=DEMO_LEAD)
        user.set_password(password)
        user.is_staff = False  # the staff area needs no Django admin rights
        user.save()
        user.user_permissions.add(Permission.objects.get(codename="add_consultation"))
        for consultation in Consultation.objects.filter(key__in=consultation_keys):
            Membership.objects.get_or_create(
                consultation=consultation, user=user, defaults={"role": Role.LEAD}
            )
    return password


def cmd_demo(args: argparse.Namespace) -> int:
    started = time.monotonic()
    # The demo lets its lead in with the password alone, so that trying Heard needs no phone;
    # set HEARD_SECOND_FACTOR_ROLES=lead,analyst to try the second factor as in production.
    os.environ.setdefault("HEARD_SECOND_FACTOR_ROLES", "")
    # The demo's emails (files in var/mail) link to where this demo is served, unless told
    # otherwise: `make demo DEMO_ARGS='--port 8765'` must not send people to port 8000.
    os.environ.setdefault("HEARD_PUBLIC_URL", f"http://{args.host}:{args.port}")
    setup_django()
    print("Preparing the database…", flush=True)
    _migrate()
    print(
        f"Loading the demo consultation from {DEMO_FOLDER}…",
        flush=True,
    )
    result, _changes = load_everything(DEMO_FOLDER)
    from heard.events.demo import populate
    from heard.notify.delivery import deliver_due

    demo = populate(result.consultation)
    if demo.people:
        print(
            f"Fictional registry: {demo.people} people, {demo.invitations} invitations, "
            f"{demo.attended} attendances, {demo.notes} sets of notes.",
            flush=True,
        )
    from heard.questionnaires.demo import populate as populate_questionnaire

    answers = populate_questionnaire(result.consultation, DEMO_FOLDER)
    if answers.invited:
        print(
            f"Questionnaire: {answers.invited} personal links, {answers.submitted} submissions, "
            f"{answers.drafts} drafts, {answers.requests} access requests.",
            flush=True,
        )
    from heard.analysis.demo import populate as populate_analysis

    print(
        "Analysing what the demo's people said (redaction, campaigns, codes, themes)…", flush=True
    )
    analysis = populate_analysis(result.consultation)
    if analysis.run:
        print(
            f"Analysis: run {analysis.run} of {analysis.records} records; {analysis.reviewed} "
            f"reviewed by two fictional analysts ({analysis.double_coded} by both), "
            f"{analysis.themes} theme(s) and {analysis.quotes} quotes approved.",
            flush=True,
        )
    from heard.reports.demo import populate as populate_reports

    print("Writing and publishing the two reports, in English and French (PDF, Word)…", flush=True)
    reports = populate_reports(result.consultation)
    if reports.published or reports.files:
        print(
            f"Reports: {len(reports.published)} published, {reports.files} files made "
            "(tagged PDF and DOCX in each language, open data); the full report emailed to "
            f"{reports.told} participants and respondents who asked for it.",
            flush=True,
        )
    delivered = 0
    while True:  # the demo's email goes through the outbox too, written as files in var/mail/
        report = deliver_due(batch=200)
        delivered += report.sent
        if not report.handled:
            break
    if delivered:
        print(f"Email: {delivered} messages delivered as files in var/mail/.", flush=True)
    password = _ensure_demo_lead([result.consultation.key])
    base = f"http://{args.host}:{args.port}"
    consultation = result.consultation
    print(
        f"\nHeard demo ready in {time.monotonic() - started:.1f} s.\n\n"
        f"  Consultations (English):  {base}/en/consultations/\n"
        f"  Consultations (français): {base}/fr/consultations/\n"
        f"  Demo page (English):      {base}/en/consultations/{consultation.slug_en}/\n"
        f"  Page de démo (français):  {base}/fr/consultations/{consultation.slug_fr}/\n"
        f"  Staff area:               {base}/en/staff/\n"
        f"    username: {DEMO_LEAD}\n"
        f"    password: {password}   (new on every `make demo`)\n"
        "    (no second factor in the demo; HEARD_SECOND_FACTOR_ROLES=lead,analyst asks for one)\n",
        flush=True,
    )
    if args.no_serve:
        return 0
    print(
        "Background worker (imports, email): running inside this process; email is written "
        "as files in var/mail/.",
        flush=True,
    )
    _start_embedded_worker()
    return _serve(args.host, args.port, args.threads)


def _warm_up() -> str:
    """What a web process would otherwise do on its first requests, done before it answers any:
    the first respondents after a (re)start do not each pay for a part of it. Imports every view
    (the URL patterns), loads both languages' translations and addresses, compiles the Jinja2
    templates and builds the forms of the questionnaires open now."""
    from django.conf import settings
    from django.urls import get_resolver, reverse
    from django.utils.translation import override

    from heard.core.jinja import compile_all
    from heard.questionnaires import compiled

    started = time.monotonic()
    for code, _name in settings.LANGUAGES:
        with override(code):  # activating a language loads its catalogues
            reverse("home")
    get_resolver().url_patterns  # noqa: B018 - read: every URL pattern's view is imported
    templates = compile_all()
    forms = compiled.warm()
    return (
        f"views and translations loaded, {templates} templates compiled, {forms} open "
        f"questionnaires' forms built, in {time.monotonic() - started:.1f} s"
    )


def _serve(host: str, port: int, threads: int) -> int:
    from waitress.server import create_server

    from heard.wsgi import application

    try:
        server = create_server(application, host=host, port=port, threads=threads, ident="heard")
    except OSError as error:
        if error.errno != errno.EADDRINUSE:
            raise
        print(
            f"heard: port {port} is already in use. Stop what is using it, or choose another "
            f"port: make demo DEMO_ARGS='--port {port + 1}' (or heard serve --port {port + 1}).",
            file=sys.stderr,
        )
        return 1
    # After the port is ours (a port in use is said at once), before the first request is read:
    # connections that arrive meanwhile wait in the socket's queue.
    print(f"Warming up: {_warm_up()}.", flush=True)
    _stop_gracefully_on_sigterm(server)
    print(f"Serving on http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
    server.run()
    print("heard serve: stopped.", flush=True)
    return 0


SHUTDOWN_SECONDS = 20  # the longest a stopping process waits for requests under way


def _stop_gracefully_on_sigterm(server: Any) -> None:
    """On SIGTERM (a supervisor stopping or restarting the process): stop listening at once, so
    the proxy sends new requests elsewhere, finish every request already received (a page being
    saved, an answer being sent), then exit; at most SHUTDOWN_SECONDS."""
    import _thread
    import signal

    from waitress import trigger
    from waitress.channel import HTTPChannel
    from waitress.server import BaseWSGIServer

    # One listening socket (TcpWSGIServer) or several (MultiSocketServer): the same map.
    connections = getattr(server, "_map", None) or getattr(server, "map", {})

    def busy() -> bool:
        dispatcher = server.task_dispatcher
        if dispatcher.queue or dispatcher.active_count:
            return True
        return any(
            channel.requests or channel.request is not None or channel.total_outbufs_len
            for channel in list(connections.values())
            if isinstance(channel, HTTPChannel)
        )

    def finish() -> None:
        deadline = time.monotonic() + SHUTDOWN_SECONDS
        time.sleep(0.05)
        while busy() and time.monotonic() < deadline:
            time.sleep(0.05)
        _thread.interrupt_main()  # waitress's loop ends on it and stops its threads

    def stop_listening() -> None:
        for listener in list(connections.values()):
            if isinstance(listener, BaseWSGIServer):
                listener.close()  # new connections are refused from now on

    def stopping(signum: int, frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once
        print("heard serve: stopping: no new connections; finishing requests…", flush=True)
        # Closed by waitress's own loop (its trigger runs the function there): closing a socket
        # here, while the loop's select() holds it, would fail that select().
        wakeup = next(c for c in connections.values() if isinstance(c, trigger._triggerbase))
        wakeup.pull_trigger(stop_listening)
        threading.Thread(target=finish, name="heard-shutdown", daemon=True).start()

    signal.signal(signal.SIGTERM, stopping)


def cmd_serve(args: argparse.Namespace) -> int:
    setup_django()
    if args.migrate:
        _migrate()
    if args.with_worker:
        _start_embedded_worker()
    return _serve(args.host, args.port, args.threads)


def _start_embedded_worker() -> threading.Event:
    """The embedded default: one worker thread beside the web server, same database, no setup.

    A supervisor starts the loop again if its thread ever ends; the loop itself survives
    database errors (heard.core.runner)."""
    from heard.core.runner import Supervisor, WorkerLoop

    stop = threading.Event()

    def make_loop(restarts: int) -> WorkerLoop:
        return WorkerLoop(stop=stop, batch=100, poll=2.0, embedded=True, restarts=restarts)

    Supervisor(stop=stop, make_loop=make_loop).start_in_background()
    return stop  # set it to stop the worker (the tests do)


def cmd_worker(args: argparse.Namespace) -> int:
    setup_django()
    import signal

    from django.conf import settings

    from heard.core.runner import Supervisor, WorkerLoop
    from heard.notify.transport import from_url

    stop = threading.Event()

    def stopping(signum: int, frame: object) -> None:
        stop.set()
        print("heard worker: stopping after the current batch…", flush=True)

    signal.signal(signal.SIGTERM, stopping)
    signal.signal(signal.SIGINT, stopping)
    print(
        f"heard worker: delivering email to {from_url(settings.HEARD_EMAIL_URL).description}",
        flush=True,
    )

    def say(line: str) -> None:
        print(f"heard worker: {line}", flush=True)

    def make_loop(restarts: int) -> WorkerLoop:
        return WorkerLoop(
            stop=stop, batch=args.batch, poll=args.poll, once=args.once, say=say, restarts=restarts
        )

    Supervisor(stop=stop, make_loop=make_loop).watch()
    return 0


def _consultation(key: str) -> Consultation:
    from heard.consultations.selectors import UnknownConsultation, consultation_by_key

    try:
        return consultation_by_key(key)
    except UnknownConsultation as error:
        raise SystemExit(f"heard: {error}") from None


def cmd_import_stakeholders(args: argparse.Namespace) -> int:
    setup_django()
    from heard.stakeholders.importing import MappingError, import_people
    from heard.stakeholders.tables import TableError, write_csv

    consultation = _consultation(args.consultation)
    mapping = None
    if args.map:
        mapping = dict(item.split("=", 1) for item in args.map)

    def progress(stage: str, done: int, total: int) -> None:
        print(
            f"  {stage}: {done:,}" + (f" of {total:,}" if total else "") + " rows",
            file=sys.stderr,
            flush=True,
        )

    started = time.monotonic()
    try:
        report = import_people(
            actor=None,
            consultation=consultation,
            path=Path(args.file),
            mapping=mapping,
            dry_run=args.dry_run,
            progress=progress,
        )
    except (MappingError, TableError) as error:
        print(f"heard import-stakeholders: {error}; nothing was imported.", file=sys.stderr)
        return 2
    print(
        f"{report} ({time.monotonic() - started:.1f} s)"
        + (" — dry run, nothing saved" if args.dry_run else "")
    )
    for problem in report.problems[: args.show]:
        print(f"  {problem}")
    if len(report.problems) > args.show:
        print(f"  … and {len(report.problems) - args.show} more problems")
    if args.report and report.problems:
        from heard.core.private_files import write_private_file

        write_private_file(  # rows of a registry: owner-only, like the registry export
            Path(args.report),
            write_csv(
                ["row", "column", "reason"],
                [[str(p.row), p.column, p.reason] for p in report.problems],
            ),
        )
        print(f"Every problem is listed in {args.report}.")
    return 1 if report.problems else 0


def cmd_export_stakeholders(args: argparse.Namespace) -> int:
    setup_django()
    from heard.stakeholders.exporting import export_people

    consultation = _consultation(args.consultation)
    target = Path(args.file)
    file_format = target.suffix.lower().lstrip(".")
    if file_format not in ("csv", "xlsx"):
        print("heard export-stakeholders: the file name must end in .csv or .xlsx", file=sys.stderr)
        return 2
    from heard.core.private_files import write_private_file

    # The registry is personal data: the file is readable by its owner only.
    write_private_file(
        target, export_people(actor=None, consultation=consultation, file_format=file_format)
    )
    print(f"Wrote {target} (readable by you only).")
    return 0


def cmd_keygen(args: argparse.Namespace) -> int:
    from cryptography.fernet import Fernet

    print(f"HEARD_SECRET_KEY={secrets.token_urlsafe(50)}")
    print(f"HEARD_ENCRYPTION_KEYS={Fernet.generate_key().decode()}")
    print(f"HEARD_BLIND_INDEX_KEY={secrets.token_urlsafe(32)}")
    return 0


def cmd_rotate_keys(args: argparse.Namespace) -> int:
    setup_django()
    from django.conf import settings

    from heard.analysis.commands import ProgressPrinter
    from heard.core import crypto, erasure_log, rotation

    printer = ProgressPrinter(sys.stderr)
    count = len(settings.ENCRYPTION_KEYS)
    print(
        f"heard rotate-keys: moving every encrypted value and file to the first of the {count} "
        "key(s) in HEARD_ENCRYPTION_KEYS. It can be stopped and run again: what is done is "
        "skipped.",
        file=sys.stderr,
    )
    database = rotation.rotate_database(printer, batch=args.batch)
    files = rotation.rotate_files(printer)
    log_entries = erasure_log.rotate(crypto.reencrypt)
    indexes = rotation.rotate_blind_indexes(printer, batch=args.batch)
    printer.close()
    unreadable = database.unreadable + files.unreadable + indexes.unreadable
    print(
        f"Moved to the newest key: {database.rotated:,} values, {files.rotated:,} files and "
        f"{log_entries:,} erasure log entries; already under it: "
        f"{database.current + files.current:,}."
    )
    print(
        f"Keyed hashes recomputed under the first key of HEARD_BLIND_INDEX_KEY: "
        f"{indexes.rotated:,}; already under it: {indexes.current:,}."
    )
    waiting = rotation.hashes_kept_under_older_keys()
    if waiting and len(settings.BLIND_INDEX_KEYS) > 1:
        print(
            f"{waiting:,} door registration codes of sessions not yet over are kept only as a "
            "keyed hash, which cannot be recomputed: keep the older blind index key after the "
            "new one in HEARD_BLIND_INDEX_KEY until those sessions are over."
        )
    if unreadable:
        shown = "\n".join(f"  {where}" for where in unreadable[:50])
        more = f"\n  … and {len(unreadable) - 50:,} more" if len(unreadable) > 50 else ""
        print(
            f"{len(unreadable):,} values no key in HEARD_ENCRYPTION_KEYS opens; they were left "
            f"as they are. Put back the key they were written with, then run this again:\n"
            f"{shown}{more}"
        )
        return 1
    print(
        "Everything encrypted is under the newest key: the older keys can now be removed from "
        "HEARD_ENCRYPTION_KEYS (keep a copy with the backups made before today)."
    )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    setup_django()
    from heard.analysis.commands import ProgressPrinter
    from heard.consultations import backups
    from heard.core.backup import BackupError

    target = Path(args.file).resolve()
    if target.exists() and not args.replace:
        print(f"heard backup: {target} exists; give another name, or --replace.", file=sys.stderr)
        return 2
    printer = ProgressPrinter(sys.stderr, unit="bytes")
    try:
        info = backups.make(target, printer)
    except (BackupError, OSError) as error:
        printer.close()
        print(f"heard backup: {error}", file=sys.stderr)
        return 1
    printer.close()
    print(
        f"Backed up the {info.engine} database ({info.size:,} bytes, encrypted) to {target}, "
        f"as of {info.made_at:%Y-%m-%d %H:%M:%S %Z}. The erasure log is not in it: keep "
        "backing up HEARD_ERASURE_LOG separately from the backups, with the keys."
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    setup_django()
    from heard.analysis.commands import ProgressPrinter
    from heard.consultations import backups
    from heard.core.backup import BackupError, read_header
    from heard.core.erasure_log import UnreadableLog

    source = Path(args.file).resolve()
    if not source.is_file():
        print(f"heard restore: {source} is not a file.", file=sys.stderr)
        return 2
    try:
        header = read_header(source)
    except BackupError as error:
        print(f"heard restore: {error}", file=sys.stderr)
        return 1
    if not args.yes:
        print(
            f"heard restore: this replaces the whole database with the backup made "
            f"{header.made_at:%Y-%m-%d %H:%M:%S %Z}; everything since is lost, except erasures "
            "and purges, which are done again. Stop the site and the workers first, then run "
            "this again with --yes.",
            file=sys.stderr,
        )
        return 2
    printer = ProgressPrinter(sys.stderr, unit="bytes")
    try:
        restored = backups.restore(source, printer)
    except (BackupError, UnreadableLog, OSError) as error:
        printer.close()
        print(f"heard restore: {error}", file=sys.stderr)
        return 1
    printer.close()
    replayed = restored.replayed
    print(
        f"Restored the backup made {restored.backup.made_at:%Y-%m-%d %H:%M:%S %Z}. From the "
        f"erasure log: {replayed.erasures:,} erasures and {replayed.purges:,} purges done "
        f"again ({replayed.skipped:,} entries were for consultations the backup does not "
        f"have); housekeeping removed {restored.housekeeping:,} more items."
    )
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["heard manage", *args.rest])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="heard", description="Run a government stakeholder consultation end to end."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add_server_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
        sub.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
        sub.add_argument("--threads", type=int, default=8, help="request threads (8)")

    demo = commands.add_parser("demo", help="set up the demo consultation and serve it")
    add_server_options(demo)
    demo.add_argument("--no-serve", action="store_true", help="prepare the demo, then stop")
    demo.set_defaults(func=cmd_demo)

    serve = commands.add_parser("serve", help="serve the site with waitress")
    add_server_options(serve)
    serve.add_argument("--migrate", action="store_true", help="apply migrations first")
    serve.add_argument(
        "--with-worker",
        action="store_true",
        help="also deliver email from this process (one machine, no separate `heard worker`)",
    )
    serve.set_defaults(func=cmd_serve)

    load = commands.add_parser(
        "load", help="create or update a consultation from a folder of YAML files"
    )
    load.add_argument("folder", help="folder holding consultation.yaml (and schedule.yaml)")
    load.add_argument("--migrate", action="store_true", help="apply migrations first")
    load.set_defaults(func=cmd_load)

    worker = commands.add_parser(
        "worker", help="run the background worker (email delivery with retries)"
    )
    worker.add_argument("--once", action="store_true", help="deliver what is due now, then stop")
    worker.add_argument("--poll", type=float, default=2.0, help="seconds between polls (2)")
    worker.add_argument("--batch", type=int, default=100, help="messages per batch (100)")
    worker.set_defaults(func=cmd_worker)

    importer = commands.add_parser(
        "import-stakeholders", help="import people into a consultation's registry (CSV or XLSX)"
    )
    importer.add_argument(
        "consultation", help="the consultation's key, e.g. human-trafficking-2018"
    )
    importer.add_argument("file", help="a .csv or .xlsx file with a header row")
    importer.add_argument(
        "--map",
        action="append",
        metavar="HEADING=FIELD",
        help="map a column to a field (repeat); without it, known headings are recognised",
    )
    importer.add_argument("--dry-run", action="store_true", help="check everything, save nothing")
    importer.add_argument("--report", help="write every problem to this CSV file")
    importer.add_argument("--show", type=int, default=20, help="problems to print (20)")
    importer.set_defaults(func=cmd_import_stakeholders)

    exporter = commands.add_parser(
        "export-stakeholders", help="export a consultation's registry to .csv or .xlsx"
    )
    exporter.add_argument("consultation", help="the consultation's key")
    exporter.add_argument("file", help="where to write it (.csv or .xlsx)")
    exporter.set_defaults(func=cmd_export_stakeholders)

    add_analysis_commands(commands)

    keygen = commands.add_parser("keygen", help="print new secrets for a production setup")
    keygen.set_defaults(func=cmd_keygen)

    rotate = commands.add_parser(
        "rotate-keys",
        help="re-encrypt everything under the newest key, and recompute keyed hashes",
        description=(
            "Put a new key first in HEARD_ENCRYPTION_KEYS or HEARD_BLIND_INDEX_KEY (from `heard "
            "keygen`), keep the old ones after it, restart, then run this. When it reports no "
            "unreadable value, remove the old keys."
        ),
    )
    rotate.add_argument("--batch", type=int, default=500, help="rows per transaction (500)")
    rotate.set_defaults(func=cmd_rotate_keys)

    backup = commands.add_parser(
        "backup",
        help="write an encrypted backup of the database to a file",
        description=(
            "A consistent copy while the site runs (SQLite's online backup, or pg_dump), "
            "encrypted with the first key of HEARD_ENCRYPTION_KEYS. Keep the keys and the "
            "erasure log (HEARD_ERASURE_LOG) safe apart from the backups."
        ),
    )
    backup.add_argument("file", help="the backup file to write, e.g. heard-2026-12-05.backup")
    backup.add_argument("--replace", action="store_true", help="overwrite the file if it exists")
    backup.set_defaults(func=cmd_backup)

    restore = commands.add_parser(
        "restore",
        help="replace the database with a backup, then redo every erasure and purge since",
        description=(
            "Stop the site and workers first. The backup is checked whole before the database "
            "is touched; after it is in place, the erasure log is replayed so that nobody "
            "erased since the backup comes back."
        ),
    )
    restore.add_argument("file", help="a file made by `heard backup`")
    restore.add_argument("--yes", action="store_true", help="confirm: replace the database")
    restore.set_defaults(func=cmd_restore)

    manage = commands.add_parser("manage", help="run a Django management command")
    manage.add_argument("rest", nargs=argparse.REMAINDER, help="the command and its options")
    manage.set_defaults(func=cmd_manage)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
