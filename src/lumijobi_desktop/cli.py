"""The `lumijobi` command: demo data, backups, checks and papers, without the GUI."""

from __future__ import annotations

import argparse
import locale
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from lumijobi_desktop import __version__
from lumijobi_desktop.core import backup, i18n
from lumijobi_desktop.core.app_log import configure_logging, log_unexpected
from lumijobi_desktop.core.errors import LumijobiError
from lumijobi_desktop.core.i18n import _, ngettext
from lumijobi_desktop.core.instance_lock import InstanceLock
from lumijobi_desktop.core.paths import DataPaths, resolve_data_dir
from lumijobi_desktop.core.store import check_database, close_store, open_store

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _language_from_environment() -> str:
    for variable in ("LUMIJOBI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value[:2] in i18n.LANGUAGES:
            return value[:2]
    code = (locale.getlocale()[0] or "")[:2]
    return code if code in i18n.LANGUAGES else "en"


def _locked(paths: DataPaths) -> InstanceLock:
    lock = InstanceLock(paths.lock_file)
    if not lock.acquire():
        raise LumijobiError(
            _("Lumijobi Desktop is open on this data folder. Close it first and try again.")
        )
    return lock


def cmd_demo(args: argparse.Namespace, paths: DataPaths) -> int:
    from lumijobi_desktop.core import demo

    if paths.database.exists():
        print(
            _("{path} already has a database; choose an empty folder.").format(path=paths.root),
            file=sys.stderr,
        )
        return EXIT_FAILED
    with _locked(paths):
        open_store(paths)
        summary = demo.generate_demo(size=args.size, seed=args.seed)
        close_store()
    print(_("Demo database written to {path}.").format(path=paths.database))
    print(
        _("{events} events ({coffee} coffee meetings) with {signups} sign-ups.").format(
            events=i18n.format_number(summary.events),
            coffee=i18n.format_number(summary.coffee_meetings),
            signups=i18n.format_number(summary.registrations),
        )
    )
    print(
        _("{sessions} advice sessions with {notes} notes; {waiting} waiting in the queue.").format(
            sessions=i18n.format_number(summary.advice_sessions),
            notes=i18n.format_number(summary.advice_notes),
            waiting=i18n.format_number(summary.advice_queue),
        )
    )
    print(
        _("{volunteers} volunteers with {hours} hours; {pairs} friend pairs.").format(
            volunteers=i18n.format_number(summary.volunteers),
            hours=i18n.format_number(summary.volunteer_hours),
            pairs=i18n.format_number(summary.friend_pairs),
        )
    )
    print(
        _("{persons} visitors, {visits} visits. Log in as {name} with PIN {pin}.").format(
            persons=i18n.format_number(summary.persons),
            visits=i18n.format_number(summary.visits),
            name=demo.DEMO_ADMIN_NAME,
            pin=demo.DEMO_PIN,
        )
    )
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, paths: DataPaths) -> int:
    if not paths.database.exists():
        print(_("There is no database in {path}.").format(path=paths.root), file=sys.stderr)
        return EXIT_FAILED
    open_store(paths)
    try:
        result = backup.run_backup(paths, to=Path(args.to) if args.to else None)
    finally:
        close_store()
    print(_("Backup written to {path}.").format(path=result.local))
    if result.outside:
        print(_("Backup written to {path}.").format(path=result.outside))
    if result.outside_problem:
        print(result.outside_problem, file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, paths: DataPaths) -> int:
    source = Path(args.file)
    if not source.is_file():
        print(_("No such file: {path}").format(path=source), file=sys.stderr)
        return EXIT_FAILED
    with _locked(paths):
        paths.ensure()
        kept = backup.restore(paths, source)
    print(_("Restored {file}.").format(file=source))
    if kept:
        print(_("The previous database was kept as {path}.").format(path=kept))
    return EXIT_OK


def cmd_check(args: argparse.Namespace, paths: DataPaths) -> int:
    if not paths.database.exists():
        print(_("There is no database in {path}.").format(path=paths.root), file=sys.stderr)
        return EXIT_FAILED
    problems = check_database(paths)
    if problems:
        print(_("The database has problems:"), file=sys.stderr)
        for problem in problems[:50]:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_FAILED
    print(_("The database is sound."))
    return EXIT_OK


def cmd_privacy_notice(args: argparse.Namespace, paths: DataPaths) -> int:
    from lumijobi_desktop.core import settings
    from lumijobi_desktop.printing.privacy_notice import render_privacy_notice

    centre = ""
    if paths.database.exists():
        open_store(paths)
        centre = settings.get(settings.CENTRE_NAME)
        close_store()
    render_privacy_notice(Path(args.out), centre_name=centre or "Lumijobi", lang=args.lang)
    print(_("Saved {path}.").format(path=args.out))
    return EXIT_OK


def cmd_layouts(args: argparse.Namespace, paths: DataPaths) -> int:
    from lumijobi_desktop.core.label_layouts import BUILT_IN_LAYOUTS, describe
    from lumijobi_desktop.core.label_settings import available_layouts

    layouts = list(BUILT_IN_LAYOUTS)
    if paths.database.exists():
        open_store(paths)
        layouts = available_layouts()  # with the ones staff made in the app
    for layout in layouts:
        print(f"{layout.name:<14} {describe(layout)}")
    return EXIT_OK


def _codes(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def cmd_labels(args: argparse.Namespace, paths: DataPaths) -> int:
    from lumijobi_desktop.core import catalogue, stock
    from lumijobi_desktop.core.inventory import Donation, Item
    from lumijobi_desktop.core.label_settings import fields_for, layout_named
    from lumijobi_desktop.printing.item_labels import item_labels, location_labels
    from lumijobi_desktop.printing.labels import render_labels

    _open_existing(paths)
    layout = layout_named(args.layout)
    if layout is None:
        print(
            _("Unknown layout {name}; see `lumijobi layouts`.").format(name=args.layout),
            file=sys.stderr,
        )
        return EXIT_FAILED
    actor = _automation_actor()
    if args.items:
        labels = item_labels(stock.item_by_code(actor, code) for code in _codes(args.items))
    elif args.donation is not None:
        if Donation.get_or_none(Donation.id == args.donation) is None:
            print(_("No donation {number}.").format(number=args.donation), file=sys.stderr)
            return EXIT_FAILED
        items = Item.select().where(Item.donation == args.donation).order_by(Item.id)
        labels = item_labels(items)
    else:
        labels = location_labels(catalogue.locations())
    if not labels:
        print(_("Nothing to print."), file=sys.stderr)
        return EXIT_FAILED
    pages = render_labels(
        labels,
        layout,
        Path(args.out),
        start=args.start,
        copies=args.copies,
        outline=args.outline,
        fields=fields_for(layout),
        lang=i18n.current_language().code,
    )
    print(
        _("Saved {path} ({count} labels, {pages} pages).").format(
            path=args.out, count=len(labels) * args.copies, pages=pages
        )
    )
    return EXIT_OK


def _open_existing(paths: DataPaths) -> None:
    if not paths.database.exists():
        raise LumijobiError(_("There is no database in {path}.").format(path=paths.root))
    open_store(paths)


def _event_of(actor, code: str):
    from lumijobi_desktop.core import events

    event = events.find_by_code(actor, code)
    if event is None:
        raise LumijobiError(
            _("{code} is not the code of an event in this database.").format(code=code)
        )
    return event


def cmd_signup_sheet(args: argparse.Namespace, paths: DataPaths) -> int:
    from lumijobi_desktop.printing.event_papers import write_signup_sheet

    _open_existing(paths)
    actor = _automation_actor()
    event = _event_of(actor, args.event)
    pages = write_signup_sheet(actor, event.id, Path(args.out), args.lang, args.blank_rows)
    print(
        ngettext("Saved {path} ({pages} page).", "Saved {path} ({pages} pages).", pages).format(
            path=args.out, pages=pages
        )
    )
    return EXIT_OK


def cmd_poster(args: argparse.Namespace, paths: DataPaths) -> int:
    from lumijobi_desktop.printing.event_papers import write_poster

    _open_existing(paths)
    actor = _automation_actor()
    event = _event_of(actor, args.event)
    write_poster(actor, event.id, Path(args.out), args.lang)
    print(_("Saved {path}.").format(path=args.out))
    return EXIT_OK


def cmd_calendar(args: argparse.Namespace, paths: DataPaths) -> int:
    import datetime as dt

    from lumijobi_desktop.core import settings
    from lumijobi_desktop.core.event_sharing import export_calendar

    _open_existing(paths)
    first = args.date_from or dt.date.today()
    last = args.date_to or first + dt.timedelta(days=365)
    name = settings.get(settings.CENTRE_NAME)
    count = export_calendar(_automation_actor(), Path(args.out), first, last, name, args.lang)
    print(
        ngettext("Saved {path} ({count} event).", "Saved {path} ({count} events).", count).format(
            path=args.out, count=count
        )
    )
    return EXIT_OK


def cmd_advice_slip(args: argparse.Namespace, paths: DataPaths) -> int:
    from lumijobi_desktop.core import advice
    from lumijobi_desktop.core.errors import NotFound
    from lumijobi_desktop.printing.advice_papers import write_slip

    _open_existing(paths)
    actor = _automation_actor()
    try:
        session = advice.get_session(actor, args.session)
    except NotFound:
        raise LumijobiError(
            _("There is no advice session number {number}.").format(number=args.session)
        ) from None
    write_slip(actor, session.id, Path(args.out), args.lang, args.paper)
    print(_("Saved {path}.").format(path=args.out))
    return EXIT_OK


def cmd_advice_day(args: argparse.Namespace, paths: DataPaths) -> int:
    import datetime as dt

    from lumijobi_desktop.printing.advice_papers import write_day_schedule

    _open_existing(paths)
    adviser = _adviser_named(args.adviser)
    day = args.date or dt.date.today()
    pages = write_day_schedule(_automation_actor(), adviser.id, day, Path(args.out))
    print(
        ngettext("Saved {path} ({pages} page).", "Saved {path} ({pages} pages).", pages).format(
            path=args.out, pages=pages
        )
    )
    return EXIT_OK


def cmd_volunteer_certificate(args: argparse.Namespace, paths: DataPaths) -> int:
    from lumijobi_desktop.core.errors import NotFound
    from lumijobi_desktop.core.volunteers import get_volunteer
    from lumijobi_desktop.printing.volunteer_certificate import write_certificate

    _open_existing(paths)
    actor = _automation_actor()
    try:
        volunteer = get_volunteer(actor, args.volunteer)
    except NotFound:
        raise LumijobiError(
            _("There is no volunteer number {number}.").format(number=args.volunteer)
        ) from None
    write_certificate(actor, volunteer.id, args.date_from, args.date_to, Path(args.out), args.lang)
    print(_("Saved {path}.").format(path=args.out))
    return EXIT_OK


def _adviser_named(name: str | None):
    """The adviser with that name; the only one when no name is given."""
    from lumijobi_desktop.core.advice_hours import advisers

    found = advisers()
    names = ", ".join(user.display_name for user in found)
    if name is not None:
        found = [user for user in found if user.display_name.casefold() == name.casefold()]
        if not found:
            raise LumijobiError(
                _("{name} gives no advice here. Advisers: {names}.").format(
                    name=name, names=names or "–"
                )
            )
    if not found:
        raise LumijobiError(_("Nobody gives advice in this database yet."))
    if len(found) > 1:
        raise LumijobiError(_("Choose the adviser with --adviser: {names}.").format(names=names))
    return found[0]


def _date_argument(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a date like 2026-11-24.").format(text=text)
        ) from None


def _automation_actor():
    """The command line runs with the rights of whoever may open the data folder: staff."""
    from lumijobi_desktop.core.permissions import Role
    from lumijobi_desktop.core.users import User

    return User(id=None, display_name="command line", role=Role.STAFF.value, active=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lumijobi", description=_("Lumijobi Desktop from the command line.")
    )
    parser.add_argument("--version", action="version", version=f"lumijobi {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Callable, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--data-dir", help=_("data folder (database, backups, logs)"))
        sub.set_defaults(handler=handler)
        return sub

    demo = command("demo", cmd_demo, _("Write a demo database with realistic visitors."))
    demo.add_argument("--size", choices=["small", "large"], default="small")
    demo.add_argument("--seed", type=int, default=1)

    backup_cmd = command("backup", cmd_backup, _("Back up the database now."))
    backup_cmd.add_argument("--to", help=_("also copy the backup to this folder"))

    restore = command("restore", cmd_restore, _("Replace the database with a backup."))
    restore.add_argument("file", help=_("the backup file"))

    command("check", cmd_check, _("Check the database's integrity and foreign keys."))

    command("layouts", cmd_layouts, _("List the label layouts with their geometry."))
    labels = command("labels", cmd_labels, _("Save item or place labels as PDF."))
    which = labels.add_mutually_exclusive_group(required=True)
    which.add_argument("--items", help=_("item codes separated by commas"))
    which.add_argument("--donation", type=int, help=_("all items of a donation"))
    which.add_argument("--locations", action="store_true", help=_("all places"))
    labels.add_argument("--layout", required=True, help=_("a layout name from `layouts`"))
    labels.add_argument("--start", type=int, default=1, help=_("first free label on the sheet"))
    labels.add_argument("--copies", type=int, default=1)
    labels.add_argument("--outline", action="store_true", help=_("print label outlines"))
    labels.add_argument("--out", required=True, help=_("PDF file to write"))

    sheet = command("signup-sheet", cmd_signup_sheet, _("Save an event's sign-up sheet as PDF."))
    sheet.add_argument("--event", required=True, help=_("the event's code (E…)"))
    sheet.add_argument(
        "--lang", choices=sorted(i18n.LANGUAGES), default="uk", help=_("the second language")
    )
    sheet.add_argument("--blank-rows", type=int, default=10, help=_("empty rows for new names"))
    sheet.add_argument("--out", required=True, help=_("PDF file to write"))

    poster = command("poster", cmd_poster, _("Save an event's poster as PDF."))
    poster.add_argument("--event", required=True, help=_("the event's code (E…)"))
    poster.add_argument(
        "--lang", choices=sorted(i18n.LANGUAGES), default="uk", help=_("the second language")
    )
    poster.add_argument("--out", required=True, help=_("PDF file to write"))

    calendar = command(
        "calendar", cmd_calendar, _("Save the events as an iCalendar file to share.")
    )
    calendar.add_argument("--from", dest="date_from", type=_date_argument, help="YYYY-MM-DD")
    calendar.add_argument("--to", dest="date_to", type=_date_argument, help="YYYY-MM-DD")
    calendar.add_argument("--lang", choices=sorted(i18n.LANGUAGES), default="fi")
    calendar.add_argument("--out", required=True, help=_("iCalendar file (.ics) to write"))

    slip = command(
        "advice-slip", cmd_advice_slip, _("Save the appointment slip of an advice session as PDF.")
    )
    slip.add_argument("--session", type=int, required=True, help=_("the session's number"))
    slip.add_argument(
        "--lang",
        choices=sorted(i18n.LANGUAGES),
        help=_("the visitor's language (the session's language if not given)"),
    )
    slip.add_argument(
        "--paper", choices=["a6", "half-a4"], default="a6", help=_("A6, or the top half of A4")
    )
    slip.add_argument("--out", required=True, help=_("PDF file to write"))

    day_schedule = command(
        "advice-day", cmd_advice_day, _("Save the coordinator's day schedule as PDF (no notes).")
    )
    day_schedule.add_argument(
        "--date", type=_date_argument, help=_("YYYY-MM-DD; today if not given")
    )
    day_schedule.add_argument("--adviser", help=_("the adviser's name, if there are several"))
    day_schedule.add_argument("--out", required=True, help=_("PDF file to write"))

    certificate = command(
        "volunteer-certificate",
        cmd_volunteer_certificate,
        _("Save a volunteer's thank-you certificate as PDF."),
    )
    certificate.add_argument(
        "--volunteer", type=int, required=True, metavar="N", help=_("the volunteer's number")
    )
    certificate.add_argument(
        "--from",
        dest="date_from",
        type=_date_argument,
        required=True,
        metavar="YYYY-MM-DD",
        help=_("first day of the period"),
    )
    certificate.add_argument(
        "--to",
        dest="date_to",
        type=_date_argument,
        required=True,
        metavar="YYYY-MM-DD",
        help=_("last day of the period"),
    )
    certificate.add_argument(
        "--lang", choices=sorted(i18n.LANGUAGES), default="uk", help=_("the second language")
    )
    certificate.add_argument("--out", required=True, help=_("PDF file to write"))

    notice = command("privacy-notice", cmd_privacy_notice, _("Save the privacy notice as PDF."))
    notice.add_argument("--lang", choices=sorted(i18n.LANGUAGES), default="fi")
    notice.add_argument("--out", required=True, help=_("PDF file to write"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    i18n.set_language(_language_from_environment())
    args = build_parser().parse_args(argv)
    paths = resolve_data_dir(args.data_dir)
    try:
        paths.ensure()
        configure_logging(paths)
        return args.handler(args, paths)
    except LumijobiError as error:
        print(error.message, file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:
        log_file = log_unexpected(error)
        print(
            _("Something went wrong. The details are in {path}.").format(path=log_file),
            file=sys.stderr,
        )
        return EXIT_FAILED
    finally:
        close_store()


if __name__ == "__main__":
    sys.exit(main())
