"""`lumijobi-desktop`: the GUI. `--demo` opens a fresh demo centre in a temporary folder."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from lumijobi_desktop import __version__
from lumijobi_desktop.core.paths import DataPaths, resolve_data_dir


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="lumijobi-desktop", description="Lumijobi Desktop, the front desk app."
    )
    parser.add_argument("--version", action="version", version=f"lumijobi-desktop {__version__}")
    parser.add_argument("--data-dir", help="data folder (database, backups, logs)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a fresh demo database in a temporary folder, logged in",
    )
    parser.add_argument("--seed", type=int, default=1, help=argparse.SUPPRESS)
    # For benchmarks/startup.py: print a line when the main window is shown, then quit.
    parser.add_argument("--report-shown", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _demo_folder(seed: int) -> tuple[DataPaths, tuple[str, str]]:
    from lumijobi_desktop.core import demo
    from lumijobi_desktop.core.store import close_store, open_store

    paths = DataPaths(Path(tempfile.mkdtemp(prefix="lumijobi-demo-"))).ensure()
    open_store(paths)
    demo.generate_demo(size="small", seed=seed)
    close_store()
    print(f"Demo data folder: {paths.root}", flush=True)
    return paths, (demo.DEMO_ADMIN_NAME, demo.DEMO_PIN)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from lumijobi_desktop.ui.application import run

    if args.demo:
        paths, login = _demo_folder(args.seed)
        try:
            return run(paths, login_as=login, report_shown=args.report_shown)
        finally:
            # A demo is for looking around: nothing in it is worth keeping.
            shutil.rmtree(paths.root, ignore_errors=True)
    return run(resolve_data_dir(args.data_dir), report_shown=args.report_shown)


if __name__ == "__main__":
    sys.exit(main())
