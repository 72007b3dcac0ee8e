"""Saving a PDF the user asked for and opening it in the system viewer, to print at 100 %."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core.i18n import _


def save_and_open_pdf(
    parent: QWidget, title: str, file_name: str, render: Callable[[Path], None]
) -> Path | None:
    """Ask where to save, render there, open it. None when the user cancelled."""
    suggested = str(Path.home() / file_name)
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, suggested, _("PDF files (*.pdf)"))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    render(path)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path


def print_paper(parent: QWidget, render: Callable[[Path], object]) -> bool:
    """Render to a temporary file, print it at 100 % through the system dialog, delete it.

    The temporary file may hold names, so it lives only while printing.
    """
    from lumijobi_desktop.ui.print_pdf import print_with_dialog

    with tempfile.TemporaryDirectory(prefix="lumijobi-print-") as folder:
        path = Path(folder) / "paper.pdf"
        render(path)
        return print_with_dialog(parent, path)


def print_or_save(
    parent: QWidget, print_it: bool, title: str, file_name: str, render: Callable[[Path], None]
) -> None:
    """Print the paper, or save it as a PDF (asking where) and open it."""
    if print_it:
        print_paper(parent, render)
    else:
        save_and_open_pdf(parent, title, file_name, render)


class PaperChoiceDialog(QDialog):
    """Before a paper: a line about it, a few choices, then Print… / Save as PDF… / Cancel.

    exec() returns PRINT, SAVE, or Rejected for Cancel.
    """

    PRINT, SAVE = 1, 2

    def _lay_out(self, text: str, form: QFormLayout) -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        buttons = QDialogButtonBox()
        print_button = buttons.addButton(_("Print…"), QDialogButtonBox.AcceptRole)
        print_button.setDefault(True)
        save_button = buttons.addButton(_("Save as PDF…"), QDialogButtonBox.ActionRole)
        buttons.addButton(_("Cancel"), QDialogButtonBox.RejectRole)
        print_button.clicked.connect(lambda: self.done(self.PRINT))
        save_button.clicked.connect(lambda: self.done(self.SAVE))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(buttons)
