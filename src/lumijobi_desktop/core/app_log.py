"""The app's log file in `logs/`. Only ids and technical facts go in, never names or notes."""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path

from lumijobi_desktop.core.paths import DataPaths

LOG_NAME = "lumijobi.log"
logger = logging.getLogger("lumijobi")


def configure_logging(paths: DataPaths) -> Path:
    """Send the app's log records to a rotating file in the data folder; returns its path."""
    paths.logs.mkdir(parents=True, exist_ok=True)
    log_file = paths.logs / LOG_NAME
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler):
            logger.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return log_file


def log_file_path() -> Path | None:
    for handler in logger.handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None


def log_unexpected(error: BaseException) -> Path | None:
    """Write the traceback of an unexpected error; returns the log file to point users at."""
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    logger.error("Unexpected error\n%s", text)
    return log_file_path()
