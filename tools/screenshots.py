"""Screenshots of the main screens for the README and for looking at what we made.

  python tools/screenshots.py OUT_DIR [--lang fi|uk|en] [--data-dir DIR]

Without --data-dir a small demo database is written to a temporary folder.
Runs offscreen at 1366x768.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from lumijobi_desktop.core import accounts, demo, visits
from lumijobi_desktop.core.paths import DataPaths
from lumijobi_desktop.core.store import open_store
from lumijobi_desktop.ui.main_window import MainWindow
from lumijobi_desktop.ui.qt_language import apply_language
from lumijobi_desktop.ui.session import DeskSession


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--lang", default="fi")
    parser.add_argument("--data-dir")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    if args.data_dir:
        paths = DataPaths(Path(args.data_dir))
        open_store(paths)
    else:
        paths = DataPaths(Path(tempfile.mkdtemp(prefix="lumijobi-shots-"))).ensure()
        open_store(paths)
        demo.generate_demo(size="small", seed=1)
    admin = accounts.active_user_named(demo.DEMO_ADMIN_NAME)
    apply_language(args.lang)
    window = MainWindow(DeskSession(admin, paths))
    window.resize(1366, 768)
    window.show()
    desk = window.desk()
    if not args.data_dir:
        # A morning at the desk: a few real check-ins, so today's list is not empty.
        for typed in ("virt", "melnyk", "bond", "niem"):
            desk.search.setText(typed)
            desk._pick_current_result()
            desk._confirm()
        desk._check_in_anonymous(visits.Purpose.GOODS)
    desk.search.setText("kova")
    desk._pick_current_result()
    app.processEvents()
    window.grab().save(str(out / f"desk-{args.lang}.png"))
    for area in ("persons", "settings", "users", "audit"):
        window.show_area(area)
        app.processEvents()
        window.grab().save(str(out / f"{area}-{args.lang}.png"))
    window.show_area("goods")
    goods = window.views["goods"]
    for tab in (goods.handout, goods.intake, goods.stock, goods.places):
        goods.setCurrentWidget(tab)
        app.processEvents()
        window.grab().save(
            str(out / f"goods-{tab.objectName() or type(tab).__name__}-{args.lang}.png")
        )
    _events(app, window, out, args.lang)
    _advice(app, window, out, args.lang)
    print(out)


def _events(app: QApplication, window: MainWindow, out: Path, lang: str) -> None:
    """The month and week calendars, a coffee meeting's door, and a full event's sign-ups."""
    from lumijobi_desktop.core.events import Event, EventKind
    from lumijobi_desktop.core.registrations import Registration

    window.show_area("events")
    calendar = window.views["events"]
    for mode in ("month", "week"):
        calendar.show_mode(mode)
        app.processEvents()
        window.grab().save(str(out / f"events-{mode}-{lang}.png"))
    last_coffee = (
        Event.select()
        .where((Event.kind == EventKind.COFFEE.value) & (Event.starts_at < demo_now()))
        .order_by(Event.starts_at.desc())
        .first()
    )
    window.open_event(last_coffee.id, tab="door")
    app.processEvents()
    window.grab().save(str(out / f"events-door-{lang}.png"))
    waiting = Registration.select().where(Registration.status == "waiting").first()
    window.open_event(waiting.event_id, tab="signups")
    app.processEvents()
    window.grab().save(str(out / f"events-signups-{lang}.png"))
    window.show_area("partners")
    app.processEvents()
    window.grab().save(str(out / f"partners-{lang}.png"))


def _advice(app: QApplication, window: MainWindow, out: Path, lang: str) -> None:
    """The coordinator's week with a booking open, the day, the queue, the to-do list, the
    figures; and a booked visitor's slip in Finnish and the visitor's language."""
    import subprocess

    from lumijobi_desktop.core.advice import AdviceSession, SessionStatus
    from lumijobi_desktop.printing.advice_papers import write_slip

    window.show_area("advice")
    advice = window.views["advice"]
    booked = (
        AdviceSession.select()
        .where(
            (AdviceSession.status == SessionStatus.BOOKED.value)
            & (AdviceSession.starts_at >= demo_now())
        )
        .order_by(AdviceSession.starts_at)
        .first()
    )
    advice.open_session(booked.id)
    app.processEvents()
    window.grab().save(str(out / f"advice-week-{lang}.png"))
    advice.show_mode("day")
    app.processEvents()
    window.grab().save(str(out / f"advice-day-{lang}.png"))
    advice.show_mode("week")
    for name, tab in (("queue", advice.queue), ("todo", advice.todo), ("figures", advice.figures)):
        advice.tabs.setCurrentWidget(tab)
        app.processEvents()
        window.grab().save(str(out / f"advice-{name}-{lang}.png"))
    slip = out / f"advice-slip-{lang}.pdf"
    write_slip(window.session.user, booked.id, slip, None if lang == "fi" else lang)
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", str(slip), str(slip.with_suffix(""))], check=False
    )


def demo_now():
    import datetime as dt

    return dt.datetime.now()


if __name__ == "__main__":
    main()
