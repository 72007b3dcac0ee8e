"""`core` and `printing` must work without Qt: importing them loads no PySide6."""

import subprocess
import sys
from pathlib import Path

import lumijobi_desktop

PACKAGE = Path(lumijobi_desktop.__file__).parent


def _modules(layer: str) -> list[str]:
    root = PACKAGE / layer
    return [
        "lumijobi_desktop." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        for path in sorted(root.rglob("*.py"))
        if path.name != "__init__.py"
    ]


def test_core_and_printing_import_no_qt():
    modules = _modules("core") + _modules("printing") + ["lumijobi_desktop.cli"]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
    assert len(modules) > 15
