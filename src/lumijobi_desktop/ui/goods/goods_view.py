"""The Goods area: hand-out, intake, stock and places as tabs, and where a scan goes."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from lumijobi_desktop.core import catalogue, stock
from lumijobi_desktop.core.codes import Code, CodeKind
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.people import Person
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.ui.goods.categories_view import CategoriesView
from lumijobi_desktop.ui.goods.handout_view import HandoutView
from lumijobi_desktop.ui.goods.intake_view import IntakeView
from lumijobi_desktop.ui.goods.places_view import PlacesView
from lumijobi_desktop.ui.goods.reservations_view import ReservationsView
from lumijobi_desktop.ui.goods.stock_view import StockView
from lumijobi_desktop.ui.session import DeskSession


class GoodsView(QTabWidget):
    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.handout = HandoutView(session)
        self.intake = IntakeView(session)
        self.stock = StockView(session)
        self.places = PlacesView(session)
        self.reservations = ReservationsView(session)
        self.addTab(self.handout, _("Hand out"))
        self.addTab(self.intake, _("Take in"))
        self.addTab(self.stock, _("Stock"))
        self.addTab(self.reservations, _("Reservations and wishes"))
        self.addTab(self.places, _("Places"))
        if session.can(Permission.MANAGE_CATALOGUE):
            self.categories = CategoriesView(session)
            self.addTab(self.categories, _("Categories"))
        self.intake.donation_saved.connect(lambda _id: self.stock.apply_filters())
        self.handout.handed_out.connect(lambda _id: self.stock.apply_filters())

    def handle_item_scan(self, text: str, *, basket_allowed: bool = True) -> str:
        """On the hand-out screen a scan fills the basket; anywhere else it opens the item."""
        if basket_allowed and self.currentWidget() is self.handout:
            self.handout.add_code(text)
            return ""
        item = stock.item_by_code(self.session.user, text)
        self.setCurrentWidget(self.stock)
        self.stock.show_item(item)
        return ""

    def handle_location_scan(self, code: Code) -> str:
        """A shelf's label scanned while an item is open moves the item there."""
        place = catalogue.get_location(code.number)
        item_id = self.stock.current_item_id() if self.currentWidget() is self.stock else None
        if item_id is None:
            self.setCurrentWidget(self.stock)
            self.stock.place.setCurrentIndex(self.stock.place.findData(place.id))
            return ""
        stock.move_items(self.session.user, [item_id], place.id)
        item = stock.get_item(self.session.user, item_id)
        self.stock.show_item(item)
        return _("{code} moved to {place}.").format(code=item.code, place=place.name)

    def handle_person_scan(self, person: Person) -> bool:
        """A visitor card on the hand-out tab chooses the recipient."""
        if self.currentWidget() is self.handout:
            self.handout.set_recipient(person)
            return True
        return False


def is_goods_code(code: Code) -> bool:
    return code.kind in (CodeKind.ITEM, CodeKind.LOCATION)
