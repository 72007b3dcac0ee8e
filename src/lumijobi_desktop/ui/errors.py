"""How the screens report problems: a clear message for expected ones, an apology for bugs."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from lumijobi_desktop.core.app_log import log_unexpected
from lumijobi_desktop.core.errors import LumijobiError
from lumijobi_desktop.core.i18n import _

F = TypeVar("F", bound=Callable[..., Any])


def show_problem(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, _("Please check"), message)


def show_apology(parent: QWidget | None, error: BaseException) -> None:
    log_file = log_unexpected(error)
    where = str(log_file) if log_file else _("the log folder")
    QMessageBox.critical(
        parent,
        _("Sorry"),
        _(
            "Something went wrong and this action was not completed. Nothing else is lost.\n\n"
            "The details for support are in {path}."
        ).format(path=where),
    )


def report(parent: QWidget | None, error: BaseException) -> None:
    if isinstance(error, LumijobiError):
        show_problem(parent, error.message)
    else:
        show_apology(parent, error)


def run_form_action(form: QWidget, error_label, action: Callable[[], Any]) -> bool:
    """Run a form's save: expected problems go to its red label, bugs to an apology.

    True when the action succeeded (the label is then cleared).
    """
    try:
        action()
    except LumijobiError as error:
        error_label.show_message(error.message)
        return False
    except Exception as error:
        show_apology(form, error)
        return False
    error_label.clear_message()
    return True


def guarded(method: F) -> F:
    """Run a slot so that no exception escapes to Qt: expected ones are shown, bugs logged."""

    @functools.wraps(method)
    def wrapper(self: QWidget, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except Exception as error:
            report(self if isinstance(self, QWidget) else None, error)
            return None

    return wrapper  # type: ignore[return-value]


def install_excepthook() -> None:
    """A last net: anything unexpected reaching the event loop is logged; the app runs on."""

    def hook(kind: type[BaseException], error: BaseException, tb: Any) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        error.__traceback__ = tb
        parent = QApplication.activeWindow()
        report(parent, error)

    sys.excepthook = hook
