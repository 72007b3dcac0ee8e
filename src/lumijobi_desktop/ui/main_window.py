"""The main window: a sidebar of the areas, the logged-in user, and a search that finds persons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import backup, events, people
from lumijobi_desktop.core.codes import CodeKind, parse_code
from lumijobi_desktop.core.i18n import _, format_datetime
from lumijobi_desktop.core.permissions import Permission, role_name
from lumijobi_desktop.ui.admin.audit_view import AuditView
from lumijobi_desktop.ui.admin.settings_view import SettingsView
from lumijobi_desktop.ui.admin.users_view import UsersView
from lumijobi_desktop.ui.desk.desk_view import DeskView
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.events.event_detail import EventDetailView
from lumijobi_desktop.ui.goods.goods_view import GoodsView
from lumijobi_desktop.ui.persons.persons_view import PersonsView
from lumijobi_desktop.ui.session import DeskSession


class AreaViews(dict):
    """The areas' screens, each built the first time it is needed.

    Start-up builds only the desk; the stock of 300,000 items waits until
    someone opens the goods. `key in views` says whether the area exists.
    """

    def __init__(self, stack: QStackedWidget, factories: dict[str, Callable[[], QWidget]]):
        super().__init__()
        self.stack = stack
        self.factories = factories
        self.order = list(factories)
        for _key in self.order:
            stack.addWidget(QWidget())  # a placeholder until the area is opened

    def __contains__(self, key: object) -> bool:
        return key in self.factories

    def __missing__(self, key: str) -> QWidget:
        view = self.factories[key]()
        index = self.order.index(key)
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, view)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        self[key] = view
        return view

    def built(self, key: str) -> QWidget | None:
        return dict.get(self, key)


class MainWindow(QMainWindow):
    switch_user_requested = Signal()
    language_changed = Signal(str)
    closing = Signal()

    def __init__(self, session: DeskSession):
        super().__init__()
        self.session = session
        self.setWindowTitle(f"{session.centre_name} – Lumijobi Desktop")
        self.resize(1366, 768)
        self._build()
        self.show_area("desk")
        self.update_backup_status()

    # building -----------------------------------------------------------------
    def _build(self) -> None:
        self.sidebar = QListWidget(objectName="sidebar")
        self.sidebar.setFixedWidth(190)
        self.sidebar.setFocusPolicy(Qt.NoFocus)
        font = self.sidebar.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.sidebar.setFont(font)
        self.stack = QStackedWidget()
        areas = self._areas()
        self.views = AreaViews(self.stack, {key: make for key, _title, make in areas})
        for key, title, _make in areas:
            item = QListWidgetItem(title)
            item.setData(Qt.UserRole, key)
            item.setSizeHint(QSize(0, 40))
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self._sidebar_row_changed)

        self.global_search = QLineEdit(objectName="globalSearch")
        self.global_search.setPlaceholderText(_("Find a visitor…"))
        self.global_search.setClearButtonEnabled(True)
        self.global_search.returnPressed.connect(self._global_search)
        self.user_label = QLabel(
            f"{self.session.user.display_name} · {role_name(self.session.user.role)}"
        )
        self.user_label.setObjectName("userLabel")
        switch = QPushButton(_("Switch user"))
        switch.setObjectName("switchUser")
        switch.setFocusPolicy(Qt.NoFocus)
        switch.clicked.connect(self.switch_user_requested)

        top = QHBoxLayout()
        title = QLabel(f"<b>{self.session.centre_name}</b>")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.global_search, 2)
        top.addStretch(1)
        top.addWidget(self.user_label)
        top.addWidget(switch)

        body = QHBoxLayout()
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.backup_label = QLabel(objectName="backupStatus")
        self.statusBar().addPermanentWidget(self.backup_label)

        desk: DeskView = self.views["desk"]
        desk.register_requested.connect(self.register_from_desk)
        desk.checked_in.connect(self._visit_recorded)
        desk.event_requested.connect(self.open_event)

    def _areas(self) -> list[tuple[str, str, Callable[[], QWidget]]]:
        session = self.session
        areas = [
            ("desk", _("Desk"), lambda: DeskView(session)),
            ("persons", _("Visitors"), self._persons_view),
        ]
        if session.can(Permission.VIEW_EVENTS):
            areas.append(("events", _("Events"), self._events_view))
        if session.can(Permission.BOOK_ADVICE):
            areas.append(("advice", _("Advice"), self._advice_view))
        if session.can(Permission.VIEW_VOLUNTEERS):
            areas.append(("volunteers", _("Volunteers"), self._volunteers_view))
        if session.can(Permission.HANDLE_GOODS):
            areas.append(("goods", _("Goods"), lambda: GoodsView(session)))
        if session.can(Permission.VIEW_EVENTS):
            areas.append(("partners", _("Partners"), self._partners_view))
        areas.append(("settings", _("Settings"), self._settings_view))
        if session.can(Permission.MANAGE_USERS):
            areas.append(("users", _("Users"), lambda: UsersView(session)))
        if session.can(Permission.VIEW_AUDIT):
            areas.append(("audit", _("Audit log"), lambda: AuditView(session)))
        return areas

    def _persons_view(self) -> PersonsView:
        view = PersonsView(self.session)
        view.check_in_requested.connect(self.check_in_person)
        return view

    def _events_view(self) -> QWidget:
        # Imported when first opened: the events area loads only when someone needs it.
        from lumijobi_desktop.ui.events.events_view import EventsView

        return EventsView(self.session)

    def _advice_view(self) -> QWidget:
        from lumijobi_desktop.ui.advice.advice_view import AdviceView

        return AdviceView(self.session)

    def _volunteers_view(self) -> QWidget:
        from lumijobi_desktop.ui.volunteers.volunteers_area import VolunteersArea

        return VolunteersArea(self.session)

    def _partners_view(self) -> QWidget:
        from lumijobi_desktop.ui.events.partners_view import PartnersView

        return PartnersView(self.session)

    def _sidebar_row_changed(self, row: int) -> None:
        self.views[self.views.order[row]]
        self.stack.setCurrentIndex(row)

    def _visit_recorded(self, _visit_id: int) -> None:
        persons = self.views.built("persons")
        if persons is not None:
            persons.mark_stale()

    def _settings_view(self) -> SettingsView:
        view = SettingsView(self.session)
        view.language_changed.connect(self.language_changed)
        view.backup_made.connect(self.update_backup_status)
        return view

    # behaviour ----------------------------------------------------------------
    def show_area(self, key: str) -> None:
        self.sidebar.setCurrentRow(self.views.order.index(key))
        if key == "desk":
            self.views["desk"].focus_search()

    def desk(self) -> DeskView:
        return self.views["desk"]

    @guarded
    def check_in_person(self, person_id: int) -> None:
        person = people.get_person(self.session.user, person_id)
        self.show_area("desk")
        self.desk().choose_person(person)

    @guarded
    def register_from_desk(self, typed: str) -> None:
        person = self.views["persons"].register(typed)
        if person is not None:
            self.show_area("desk")
            self.desk().choose_person(person)

    @guarded
    def _global_search(self) -> None:
        text = self.global_search.text()
        persons_view: PersonsView = self.views["persons"]
        self.show_area("persons")
        persons_view.filter.setText(text)
        self.global_search.clear()

    @guarded
    def open_event(self, event_id: int, tab: str | None = None) -> None:
        """Show one event in the events area: its sign-ups, or its door (`tab="door"`)."""
        if "events" not in self.views:
            return
        self.show_area("events")
        self.views["events"].open_event(event_id, tab=tab)

    @guarded
    def open_advice_session(self, session_id: int) -> None:
        """Show one advice booking in the coordinator's calendar."""
        if "advice" not in self.views:
            return
        self.show_area("advice")
        self.views["advice"].open_session(session_id)

    @guarded
    def handle_scan(self, text: str) -> None:
        """A code from the scanner, from anywhere in the app."""
        modal = QApplication.activeModalWidget()
        accept_scan = getattr(modal, "accept_scan", None)
        if accept_scan is not None and accept_scan(text):
            return  # a dialog that takes scans (choosing a visitor by card)
        code = parse_code(text)
        if code is None:
            self.statusBar().showMessage(_("The scanned code was not recognised."), 8000)
            QApplication.beep()
            return
        if code.kind is CodeKind.PERSON:
            self._person_scanned(text)
        elif code.kind is CodeKind.ITEM and "goods" in self.views:
            goods = self.views["goods"]
            on_goods = self.stack.currentWidget() is goods
            self.show_area("goods")
            goods.handle_item_scan(text, basket_allowed=on_goods)
        elif code.kind is CodeKind.EVENT and "events" in self.views:
            self._event_scanned(text)
        elif code.kind is CodeKind.LOCATION and "goods" in self.views:
            self.show_area("goods")
            message = self.views["goods"].handle_location_scan(code)
            if message:
                self.statusBar().showMessage(message, 8000)
        else:
            self.statusBar().showMessage(_("This kind of code is not used yet."), 8000)

    def _event_scanned(self, text: str) -> None:
        """A sign-up sheet's QR code: its door, so the names on paper can be ticked."""
        event = events.find_by_code(self.session.user, text)
        if event is None:
            self.statusBar().showMessage(_("No event has this code."), 8000)
            QApplication.beep()
            return
        self.open_event(event.id, tab="door")

    def door_showing(self) -> EventDetailView | None:
        """The event page whose door tab is on screen now, if any."""
        events_view = self.views.built("events")
        if events_view is None or self.stack.currentWidget() is not events_view:
            return None
        current = getattr(events_view, "current_detail", None)
        details = [current()] if current is not None else events_view.findChildren(EventDetailView)
        for detail in details:
            if isinstance(detail, EventDetailView) and detail.door_showing():
                return detail
        return None

    def _person_scanned(self, text: str) -> None:
        person = people.find_by_card(self.session.user, text)
        if person is None:
            self.statusBar().showMessage(_("No visitor has this card."), 8000)
            QApplication.beep()
            return
        door = self.door_showing()
        if door is not None and door.handle_person_scan(text):
            return
        goods = self.views.built("goods")
        if (
            goods is not None
            and self.stack.currentWidget() is goods
            and (goods.handle_person_scan(person))
        ):
            return
        self.show_area("desk")
        self.desk().choose_person(person)

    def update_backup_status(self) -> None:
        last = backup.last_backup_at(self.session.paths)
        self.backup_label.setText(
            _("Last backup: {when}").format(when=format_datetime(last))
            if last
            else _("No backup yet")
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
