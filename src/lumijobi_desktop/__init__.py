"""Lumijobi Desktop: the front desk of Help Center Lumijobi."""

__version__ = "0.1.0"
APP_NAME = "lumijobi-desktop"
