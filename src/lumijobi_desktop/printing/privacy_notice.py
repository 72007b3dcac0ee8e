"""The privacy notice a volunteer hands to a visitor, in the visitor's language.

Plain words, short paragraphs: the reader may be new to Finland and to the
language. Each paragraph is one translatable message so translators see
whole thoughts, not fragments.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from lumijobi_desktop.core.i18n import N_, format_date, gettext_in
from lumijobi_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR, register_fonts

MARGIN_MM = 20.0

TITLE = N_("Privacy notice")
INTRO = N_(
    "This notice tells you what personal data {centre} keeps about you when you use its "
    "services, why it keeps the data and what rights you have."
)

WHO_HEADING = N_("Who keeps your data")
WHO_TEXT = N_(
    "{centre} is responsible for your personal data. Only the centre's staff and volunteers "
    "see it, and each of them only as much as their work needs. We do not give your data to "
    "anyone else."
)

WHAT_HEADING = N_("What we store")
WHAT_ITEMS = (
    N_("Your name."),
    N_(
        "If you want: your phone number, birth year, home village, the languages you speak "
        "and the size of your household."
    ),
    N_(
        "If you want, also the groups you belong to, such as families with children or older "
        "people. They are used only for statistics."
    ),
    N_("Your visits: the date and what you came for."),
)
WHAT_NEVER = N_("We never record your nationality or your residence status.")

WHY_HEADING = N_("Why we store it")
WHY_TEXT = N_(
    "We need the data to run the services you use and to count visits. The municipality and "
    "the funders of the centre receive only anonymous statistics, for example the number of "
    "visits in a month. Your name is never in them."
)

HOW_LONG_HEADING = N_("How long we keep it")
HOW_LONG_TEXT = N_(
    "We keep your data while you use the centre's services. If you ask, we erase it. The "
    "statistics stay, but without your name."
)

RIGHTS_HEADING = N_("Your rights")
RIGHTS_ITEMS = (
    N_("You can see the data we have about you."),
    N_("You can have wrong data corrected."),
    N_("You can have your data erased."),
    N_("You can withdraw your consent at any time."),
    N_(
        "You can complain to the Data Protection Ombudsman of Finland (tietosuojavaltuutettu, "
        "tietosuoja.fi) if you think your data is handled wrongly."
    ),
)

HOW_TO_ASK_HEADING = N_("How to ask")
# No {centre} here: Finnish would need the name in the genitive, which a placeholder can't do.
HOW_TO_ASK_TEXT = N_(
    "Ask at the centre's front desk. You do not have to say why, and it costs nothing."
)

PRINTED_ON = N_("Printed on {date}")
PAGE_NUMBER = N_("Page {number}")


def render_privacy_notice(
    out: str | os.PathLike[str] | BinaryIO,
    *,
    centre_name: str,
    lang: str,
    printed_on: dt.date | None = None,
) -> None:
    """Write the privacy notice in `lang` (fi, uk or en) as an A4 PDF."""
    register_fonts()
    printed_on = printed_on or dt.date.today()
    target = os.fspath(out) if isinstance(out, (str, os.PathLike)) else out
    document = SimpleDocTemplate(
        target,
        pagesize=A4,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=MARGIN_MM * mm,
        bottomMargin=MARGIN_MM * mm,
        title=gettext_in(lang, TITLE),
        author=centre_name,
        lang=lang,
        # Without this the canvas sets Helvetica in every page preamble.
        initialFontName=FONT_REGULAR,
    )
    footer = gettext_in(lang, PRINTED_ON).format(date=format_date(printed_on, lang))

    def draw_footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        _draw_footer(canvas, footer, gettext_in(lang, PAGE_NUMBER).format(number=doc.page))

    document.build(_story(lang, centre_name), onFirstPage=draw_footer, onLaterPages=draw_footer)


def _story(lang: str, centre_name: str) -> list[Flowable]:
    styles = _Styles()

    def text(message: str) -> str:
        # Paragraphs read XML markup, so the centre's name ("A & B") is escaped.
        return escape(gettext_in(lang, message)).format(centre=escape(centre_name))

    def section(heading: str, *body: Flowable) -> list[Flowable]:
        # The heading style keeps with next, so a heading never ends a page alone.
        return [Paragraph(text(heading), styles.heading), *body]

    def bullets(messages: tuple[str, ...]) -> list[Flowable]:
        # One paragraph per point, so a long list may continue on the next page.
        return [Paragraph(text(message), styles.bullet, bulletText="•") for message in messages]

    return [
        Paragraph(text(TITLE), styles.title),
        Paragraph(escape(centre_name), styles.subtitle),
        Paragraph(text(INTRO), styles.body),
        *section(WHO_HEADING, Paragraph(text(WHO_TEXT), styles.body)),
        *section(WHAT_HEADING, *bullets(WHAT_ITEMS), Paragraph(text(WHAT_NEVER), styles.emphasis)),
        *section(WHY_HEADING, Paragraph(text(WHY_TEXT), styles.body)),
        *section(HOW_LONG_HEADING, Paragraph(text(HOW_LONG_TEXT), styles.body)),
        *section(RIGHTS_HEADING, *bullets(RIGHTS_ITEMS)),
        *section(HOW_TO_ASK_HEADING, Paragraph(text(HOW_TO_ASK_TEXT), styles.body)),
    ]


class _Styles:
    """Plain type, generous spacing, and short enough to stay one sheet in every language."""

    def __init__(self) -> None:
        self.body = ParagraphStyle(
            "body",
            fontName=FONT_REGULAR,
            # ParagraphStyle's default bullet font is Helvetica, which has no Cyrillic.
            bulletFontName=FONT_REGULAR,
            fontSize=10.5,
            leading=14.5,
            spaceAfter=4,
            alignment=TA_LEFT,
        )
        self.emphasis = ParagraphStyle("emphasis", parent=self.body, fontName=FONT_BOLD)
        self.bullet = ParagraphStyle(
            "bullet", parent=self.body, leftIndent=6 * mm, bulletIndent=1 * mm, spaceAfter=2
        )
        self.title = ParagraphStyle(
            "title", parent=self.body, fontName=FONT_BOLD, fontSize=20, leading=24, spaceAfter=2
        )
        self.subtitle = ParagraphStyle(
            "subtitle",
            parent=self.body,
            fontSize=13,
            leading=17,
            spaceAfter=12,
            textColor="#444444",
        )
        self.heading = ParagraphStyle(
            "heading",
            parent=self.body,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=17,
            spaceBefore=9,
            spaceAfter=4,
            keepWithNext=True,
        )


def _draw_footer(canvas: Canvas, printed: str, page: str) -> None:
    canvas.saveState()
    canvas.setFont(FONT_REGULAR, 8.5)
    canvas.setFillGray(0.4)
    y = (MARGIN_MM / 2) * mm
    canvas.drawString(MARGIN_MM * mm, y, printed)
    canvas.drawRightString(A4[0] - MARGIN_MM * mm, y, page)
    canvas.restoreState()
