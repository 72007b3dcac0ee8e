"""Times printing 1,000 item labels on Avery L7160 sheets and weighs the PDF.

  python benchmarks/labels.py

`measure_labels()` returns (name, value, unit, budget, detail) rows for
benchmarks/run.py. Every run prints fresh codes, as a real intake does, so
no cached QR symbol makes a later run look faster than it is.
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import sys
import time
from pathlib import Path

LABELS = 1000
RUNS = 5
TIME_BUDGET_S = 1.0
SIZE_BUDGET_KB = 400.0

# What the desk types at intake: short Ukrainian (and some Finnish) descriptions.
DESCRIPTIONS = (
    "Зимова куртка, розмір 122",
    "Дитячі чобітки, майже нові",
    "Вовняний светр ручної роботи, синій з білими сніжинками",
    "Каструля з кришкою 3 л",
    "Дитяча коляска, складна, з дощовиком",
    "Постільна білизна, півтораспальна",
    "Книжки для дітей українською мовою, 5 шт.",
    "Лижі дитячі 120 см з кріпленнями",
    "Набір тарілок, 6 шт.",
    "Чоловічі черевики, шкіра",
    "Lasten talvihaalari, sininen",
    "Villasukat, käsin neulotut",
)
CATEGORIES = ("Дитячий одяг", "Взуття", "Кухня і побут", "Дитяче приладдя", "Іграшки", "Книжки")
SIZES = ("122", "M", "38", "", "46", "134")


def _labels(first_number: int):
    from lumijobi_desktop.core.codes import CodeKind, make_code
    from lumijobi_desktop.printing.labels import LabelContent

    return [
        LabelContent(
            code=make_code(CodeKind.ITEM, first_number + i),
            category=CATEGORIES[i % len(CATEGORIES)],
            description=DESCRIPTIONS[i % len(DESCRIPTIONS)],
            size=SIZES[i % len(SIZES)],
            intake_date=dt.date(2026, 11, 24) - dt.timedelta(days=i % 30),
        )
        for i in range(LABELS)
    ]


def _render_once(first_number: int) -> tuple[float, int, int]:
    """Seconds to write the PDF, its size in bytes and its page count."""
    from lumijobi_desktop.core.label_layouts import FIELDS, built_in_layout
    from lumijobi_desktop.printing.labels import render_labels

    labels = _labels(first_number)
    buffer = io.BytesIO()
    started = time.perf_counter()
    pages = render_labels(labels, built_in_layout("L7160"), buffer, fields=frozenset(FIELDS))
    return time.perf_counter() - started, len(buffer.getvalue()), pages


def measure_labels() -> list[tuple[str, float, str, float, str]]:
    first_time, _size, _pages = _render_once(1_000_000)  # fonts and QR tables load here
    times, sizes = [], []
    for run in range(RUNS):
        seconds, size, pages = _render_once(2_000_000 + run * LABELS)
        times.append(seconds)
        sizes.append(size)
    median = statistics.median(times)
    spread = f"{RUNS} runs, {min(times):.2f}–{max(times):.2f} s; first run {first_time:.2f} s"
    size_kb = max(sizes) / 1024
    return [
        (
            "1,000 labels on L7160 (Ukrainian), median",
            median,
            "s",
            TIME_BUDGET_S,
            f"{spread}; {pages} pages",
        ),
        (
            "1,000 labels on L7160, PDF size",
            size_kb,
            "KB",
            SIZE_BUDGET_KB,
            f"{size_kb / LABELS * 1024:.0f} bytes per label, all fields",
        ),
    ]


def main() -> int:
    rows = measure_labels()
    print(f"{'figure':<46} {'measured':>12} {'budget':>10}  ok   detail")
    print("-" * 100)
    for name, value, unit, budget, detail in rows:
        measured = f"{value:.2f} {unit}" if unit == "s" else f"{value:.1f} {unit}"
        ok = "yes" if value <= budget else "NO "
        print(f"{name:<46} {measured:>12} {f'≤ {budget:g} {unit}':>10}  {ok:<4} {detail}")
    return 0 if all(value <= budget for _name, value, _unit, budget, _detail in rows) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
