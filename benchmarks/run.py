"""Times the desk's hot paths on the `large` demo database and prints them against budgets.

  ./dev bench [--seed N] [--rebuild]

The large database (100,000 persons, 1,000,000 visits) is built once into
benchmarks/.data/ and reused. Not part of the test suite: speed is measured
here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
LOGIN = "Demo Admin:1234"
STARTUP_RUNS = 7
TYPED_NAMES = [
    "virtanen",
    "kovalenko",
    "makinen",
    "melnyk",
    "korhonen",
    "bondar",
    "anna",
    "oleksandr",
    "nieminen",
    "shevchenko",
    "0401",
    "laine",
    "hamalainen",
    "tkachenko",
]


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    budget: float
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.value <= self.budget


def data_dir(seed: int, rebuild: bool) -> Path:
    from lumijobi_desktop.core.migrations import LATEST_VERSION

    folder = HERE / ".data" / f"large-seed{seed}-schema{LATEST_VERSION}"
    if rebuild and folder.exists():
        shutil.rmtree(folder)
    if not (folder / "lumijobi.sqlite3").exists():
        folder.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "lumijobi_desktop.cli",
                "demo",
                "--data-dir",
                str(folder),
                "--size",
                "large",
                "--seed",
                str(seed),
            ],
            check=True,
        )
        print(f"built the large database in {time.perf_counter() - started:.1f} s")
    return folder


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["LUMIJOBI_AUTO_LOGIN"] = LOGIN
    return env


def _time_to_window(script: str, folder: Path) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [script, "--data-dir", str(folder), "--report-shown"],
        stdout=subprocess.PIPE,
        text=True,
        env=_environment(),
    )
    shown = None
    for line in process.stdout:
        if line.strip() == "MAIN_WINDOW_SHOWN":
            shown = time.perf_counter() - started
            break
    process.wait()
    if shown is None:
        raise RuntimeError("the main window was never shown")
    return shown


def measure_startup(folder: Path) -> list[Figure]:
    """Process start to the main window shown, as `lumijobi-desktop` runs it.

    After a crash the whole database is checked before anything is written; a
    clean start skips that (see core.store.closed_cleanly). Both are shown.
    """
    from lumijobi_desktop.core.store import CLEAN_MARK

    script = shutil.which("lumijobi-desktop") or str(
        Path(sys.executable).parent / "lumijobi-desktop"
    )
    (folder / CLEAN_MARK).unlink(missing_ok=True)
    after_crash = _time_to_window(script, folder)
    times = [_time_to_window(script, folder) for _run in range(STARTUP_RUNS)]
    spread = f"{STARTUP_RUNS} runs, {min(times):.2f}–{max(times):.2f} s"
    return [
        Figure("start to main window shown (median)", statistics.median(times), "s", 1.0, spread),
        Figure(
            "start after a crash (full integrity check)",
            after_crash,
            "s",
            float("inf"),
            "informational: the check reads the whole file",
        ),
    ]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure_in_process(folder: Path) -> list[Figure]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from lumijobi_desktop.core import accounts, visits
    from lumijobi_desktop.core.paths import DataPaths
    from lumijobi_desktop.core.store import close_store, open_store
    from lumijobi_desktop.ui.main_window import MainWindow
    from lumijobi_desktop.ui.session import DeskSession

    app = QApplication.instance() or QApplication([])
    paths = DataPaths(folder)
    open_store(paths, verify=False)
    name, pin = LOGIN.split(":")
    user = accounts.authenticate(accounts.active_user_named(name).id, pin)
    window = MainWindow(DeskSession(user, paths))
    window.show()
    desk = window.desk()
    keystrokes = []
    for typed in TYPED_NAMES:
        desk.search.clear()
        app.processEvents()
        for char in typed:
            started = time.perf_counter()
            QTest.keyClick(desk.search, char)
            app.processEvents()  # the list repaints: key to updated list
            keystrokes.append(time.perf_counter() - started)
        assert desk.results_model.rowCount() > 0, typed
    search = Figure(
        "search as you type, per keystroke (p95)",
        _percentile(keystrokes, 0.95) * 1000,
        "ms",
        30.0,
        f"{len(keystrokes)} keystrokes, median {statistics.median(keystrokes) * 1000:.1f} ms",
    )

    persons = [desk.results_model.person_at(0)]
    saves = []
    for n in range(200):
        started = time.perf_counter()
        visit = visits.check_in(user, persons[0].id if n % 3 else None, "goods")
        saves.append(time.perf_counter() - started)
        visits.undo_check_in(user, visit.id)
    check_in = Figure(
        "one check-in saved (median)",
        statistics.median(saves) * 1000,
        "ms",
        15.0,
        f"200 saves, p95 {_percentile(saves, 0.95) * 1000:.1f} ms",
    )
    QTest.keyClick(desk.search, Qt.Key_Escape)
    goods = [_stock_view_opening(session := window.session), _scan_to_basket(session)]
    events = [_events_month(session), _door_tick(session)]
    advice = [_advice_week(session), _advice_booking(session)]
    volunteers = _friend_suggestions(session)
    window.close()
    close_store()
    return [search, check_in, *goods, *events, *advice, *volunteers]


def _opening_times(make_view, runs: int = 5) -> tuple[list[float], object]:
    """Seconds from creating a view to it being shown and painted, `runs` times."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        view = make_view()
        view.resize(1200, 700)
        view.show()
        app.processEvents()
        times.append(time.perf_counter() - started)
        view.close()
        view.deleteLater()
    return times, view


def _stock_view_opening(session) -> Figure:
    """A fresh stock view over the whole stock: counted, first page loaded and painted."""
    from lumijobi_desktop.core.inventory import Item
    from lumijobi_desktop.ui.goods.stock_view import StockView

    times, view = _opening_times(lambda: StockView(session))
    return Figure(
        "stock view opening (median of 5)",
        statistics.median(times) * 1000,
        "ms",
        300.0,
        f"{Item.select().count():,} items, {view.model.total():,} at the centre",
    )


def _events_month(session) -> Figure:
    """The events area opened on the month of the latest events: queried, laid out, painted.
    No budget was named for it; it is watched so the calendar stays instant as years pile up.
    """
    from lumijobi_desktop.core.events import Event
    from lumijobi_desktop.ui.events.events_view import EventsView

    latest = Event.select(Event.starts_at).order_by(Event.starts_at.desc()).limit(1).scalar()

    def month_view():
        view = EventsView(session)
        view.go_to(latest.date())
        return view

    times, _view = _opening_times(month_view)
    return Figure(
        "events month view opening (median of 5)",
        statistics.median(times) * 1000,
        "ms",
        float("inf"),
        f"{Event.select().count():,} events in the database",
    )


def _door_tick(session) -> Figure:
    """Ticking a signed-up person at the door: the sign-up and their visit saved."""
    from lumijobi_desktop.core import registrations
    from lumijobi_desktop.core.events import Event
    from lumijobi_desktop.core.registrations import Registration

    waiting = list(
        Registration.select()
        .join(Event)
        .where(
            ~Registration.attended
            & (Registration.status == "signed_up")
            & Event.cancelled_at.is_null()
        )
        .limit(100)
    )
    times = []
    for registration in waiting:  # signed up, not yet ticked
        started = time.perf_counter()
        registrations.set_attended(session.user, registration.id, True)
        times.append(time.perf_counter() - started)
        registrations.set_attended(session.user, registration.id, False)
    return Figure(
        "a tick at the door saved (median)",
        statistics.median(times) * 1000,
        "ms",
        float("inf"),
        f"{len(times)} ticks, p95 {_percentile(times, 0.95) * 1000:.1f} ms",
    )


def _advice_week(session) -> Figure:
    """The advice area opened on this week: hours, bookings and held times laid out, painted."""
    from lumijobi_desktop.core.advice import AdviceSession
    from lumijobi_desktop.ui.advice.advice_view import AdviceView

    times, _view = _opening_times(lambda: AdviceView(session))
    return Figure(
        "advice week view opening (median of 5)",
        statistics.median(times) * 1000,
        "ms",
        float("inf"),
        f"{AdviceSession.select().count():,} sessions in the database",
    )


def _advice_booking(session) -> Figure:
    """Booking a free advice time (overlap and hours checked), then cancelling it again."""
    import datetime as dt

    from lumijobi_desktop.core import advice, advice_booking, advice_topics
    from lumijobi_desktop.core.advice_hours import advisers
    from lumijobi_desktop.core.people import Person

    adviser = advisers()[0]
    today = dt.date.today()
    free = advice.free_starts(
        adviser.id, today + dt.timedelta(days=1), today + dt.timedelta(days=60)
    )
    topic = advice_topics.topics()[0]
    person = Person.select().first()
    times = []
    for start, _window in free[:50]:
        data = advice_booking.BookingData(adviser.id, start, topic.id, 30, "uk")
        started = time.perf_counter()
        booked = advice_booking.book_session(session.user, person.id, data)
        times.append(time.perf_counter() - started)
        advice_booking.cancel_session(session.user, booked.id)
        booked.delete_instance()  # the cached database stays as it was built
    return Figure(
        "an advice booking saved (median)",
        statistics.median(times) * 1000,
        "ms",
        float("inf"),
        f"{len(times)} bookings, p95 {_percentile(times, 0.95) * 1000:.1f} ms",
    )


def _friend_suggestions(session) -> list[Figure]:
    """Volunteers suggested for a request for a friend: every active one ranked, with reasons.

    Two figures: going from one request to the next (the volunteers are read once and reused),
    and the first suggestions after a change in the database (read again).
    """
    from lumijobi_desktop.core import friend_service, settings
    from lumijobi_desktop.core.friend_service import FriendRequest, RequestStatus
    from lumijobi_desktop.core.volunteers import Volunteer

    waiting = [
        request.id
        for request in FriendRequest.select(FriendRequest.id)
        .where(FriendRequest.status == RequestStatus.OPEN.value)
        .order_by(FriendRequest.id)
        .limit(20)
    ]
    volunteers = Volunteer.select().count()

    def timed(request_id: int) -> float:
        started = time.perf_counter()
        suggestions = friend_service.suggest_friends(session.user, request_id)
        elapsed = time.perf_counter() - started
        assert suggestions, request_id
        return elapsed

    timed(waiting[0])
    in_a_row = [timed(request_id) for request_id in waiting]
    after_change = []
    for request_id in waiting:
        # Any write makes the next suggestions read the volunteers again.
        settings.store(
            settings.FRIEND_NO_MEETING_DAYS, settings.get(settings.FRIEND_NO_MEETING_DAYS)
        )
        after_change.append(timed(request_id))
    return [
        Figure(
            f"friend suggestions among {volunteers:,} volunteers (median)",
            statistics.median(in_a_row) * 1000,
            "ms",
            50.0,
            f"{len(in_a_row)} requests in a row, p95 {_percentile(in_a_row, 0.95) * 1000:.1f} ms",
        ),
        Figure(
            "the same, first after a change (volunteers read again)",
            statistics.median(after_change) * 1000,
            "ms",
            50.0,
            f"{len(after_change)} requests, p95 {_percentile(after_change, 0.95) * 1000:.1f} ms",
        ),
    ]


def _scan_to_basket(session) -> Figure:
    """From a scanned code to the item shown in the hand-out basket."""
    from PySide6.QtWidgets import QApplication

    from lumijobi_desktop.core.inventory import Item, ItemStatus
    from lumijobi_desktop.ui.goods.handout_view import HandoutView

    app = QApplication.instance()
    view = HandoutView(session)
    view.show()
    codes = [
        item.code
        for item in Item.select()
        .where((Item.status == ItemStatus.IN_STOCK.value) & (Item.quantity == 1))
        .limit(200)
    ]
    times = []
    for code in codes:
        started = time.perf_counter()
        view.add_code(code)
        app.processEvents()
        times.append(time.perf_counter() - started)
    view.close()
    return Figure(
        "scan to item in the basket (p95)",
        _percentile(times, 0.95) * 1000,
        "ms",
        50.0,
        f"{len(times)} scans, median {statistics.median(times) * 1000:.1f} ms",
    )


def measure_label_printing() -> list[Figure]:
    from benchmarks.labels import measure_labels

    return [
        Figure(name, value, unit, budget, detail)
        for name, value, unit, budget, detail in measure_labels()
    ]


def measure_memory(folder: Path) -> Figure:
    """RSS of a fresh process after the persons list is opened and scrolled a page."""
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM']='offscreen'\n"
        "from benchmarks.run import _memory_after_persons_list\n"
        f"print(_memory_after_persons_list({str(folder)!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=HERE.parent
    )
    rss_mb = float(result.stdout.strip().splitlines()[-1])
    return Figure("memory after opening the persons list (RSS)", rss_mb, "MB", 200.0)


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def _memory_after_persons_list(folder: str) -> float:
    from PySide6.QtWidgets import QApplication

    from lumijobi_desktop.core import accounts
    from lumijobi_desktop.core.paths import DataPaths
    from lumijobi_desktop.core.store import close_store, open_store
    from lumijobi_desktop.ui.main_window import MainWindow
    from lumijobi_desktop.ui.session import DeskSession

    app = QApplication([])
    paths = DataPaths(Path(folder))
    open_store(paths, verify=False)
    user = accounts.active_user_named(LOGIN.split(":")[0])
    window = MainWindow(DeskSession(user, paths))
    window.show()
    window.show_area("persons")
    table = window.views["persons"].table
    for _page in range(5):
        table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
        app.processEvents()
    rss = _rss_mb()
    window.close()
    close_store()
    return rss


def print_table(figures: list[Figure]) -> None:
    print()
    print(f"{'figure':<52} {'measured':>12} {'budget':>10}  ok   detail")
    print("-" * 106)
    for f in figures:
        measured = f"{f.value:.2f} {f.unit}" if f.unit == "s" else f"{f.value:.1f} {f.unit}"
        budget = f"≤ {f.budget:g} {f.unit}" if f.budget != float("inf") else "–"
        print(f"{f.name:<52} {measured:>12} {budget:>10}  {'yes' if f.ok else 'NO ':<4} {f.detail}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE.parent))
    folder = data_dir(args.seed, args.rebuild)
    figures = [
        *measure_startup(folder),
        *measure_in_process(folder),
        measure_memory(folder),
        *measure_label_printing(),
    ]
    print_table(figures)
    return 0 if all(f.ok for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
