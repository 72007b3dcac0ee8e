"""The partner register: whom to call at each association, school or business, and what we
have done together (events) and what they have given (donations)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import events, partners
from lumijobi_desktop.core.database import now
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.events import EventRow
from lumijobi_desktop.core.i18n import N_, _, format_date, format_number, format_time, ngettext
from lumijobi_desktop.core.partners import (
    PARTNER_KIND_NAMES,
    Partner,
    PartnerData,
    PartnerDonation,
    PartnerRow,
    partner_kind_name,
)
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.ui.errors import guarded, run_form_action
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel
from lumijobi_desktop.ui.widgets import ErrorLabel, heading, read_only_table, save_cancel_buttons

INACTIVE_COLOUR = QColor("#777777")
NUMBER_ALIGNMENT = int(Qt.AlignRight | Qt.AlignVCenter)


# --- table models -------------------------------------------------------------------------------


class PartnersModel(RowsTableModel):
    headers = (
        N_("Partner"),
        N_("Kind"),
        N_("Contact person"),
        N_("Phone"),
        N_("Email"),
        N_("Events"),
        N_("Donations"),
    )

    def cell(self, row: PartnerRow, column: int, role: int):
        if role == Qt.DisplayRole:
            if column == 0:
                return row.name if row.active else _("{name} (not active)").format(name=row.name)
            values = (
                None,
                partner_kind_name(row.kind),
                row.contact_person,
                row.phone,
                row.email,
                format_number(row.events),
                format_number(row.donations),
            )
            return values[column]
        if role == Qt.TextAlignmentRole and column >= 5:
            return NUMBER_ALIGNMENT
        if role == Qt.ForegroundRole and not row.active:
            return QBrush(INACTIVE_COLOUR)
        return None


class PartnerEventsModel(RowsTableModel):
    headers = (N_("Date"), N_("Event"), N_("People"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.moment = now()

    def set_rows(self, rows: list) -> None:
        self.moment = now()
        super().set_rows(rows)

    def cell(self, row: EventRow, column: int, role: int):
        if role == Qt.DisplayRole:
            if column == 0:
                return f"{format_date(row.starts_at.date())} {format_time(row.starts_at)}"
            if column == 1:
                if row.cancelled:
                    return _("{title} (cancelled)").format(title=row.title)
                return row.title
            if row.cancelled:
                return ""
            if row.ends_at > self.moment:
                count = row.signed_up
                return ngettext("{count} signed up", "{count} signed up", count).format(
                    count=format_number(count)
                )
            return format_number(row.participants)
        if role == Qt.TextAlignmentRole and column == 2:
            return NUMBER_ALIGNMENT
        if role == Qt.ForegroundRole and row.cancelled:
            return QBrush(INACTIVE_COLOUR)
        if role == Qt.ToolTipRole and column == 1:
            return _("Double-click to open the event.")
        return None


class PartnerDonationsModel(RowsTableModel):
    headers = (N_("Date"), N_("Items"), N_("Note"))

    def cell(self, row: PartnerDonation, column: int, role: int):
        if role == Qt.DisplayRole:
            values = (
                format_date(row.received_at.date()),
                format_number(row.items),
                row.note,
            )
            return values[column]
        if role == Qt.TextAlignmentRole and column == 1:
            return NUMBER_ALIGNMENT
        return None


def _small_heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


# --- the form ------------------------------------------------------------------------------------


class PartnerDialog(QDialog):
    """Add a partner or change one; problems show under the form and it stays open."""

    def __init__(self, session: DeskSession, partner: Partner | None = None, parent=None):
        super().__init__(parent)
        self.session, self.partner = session, partner
        self.saved: Partner | None = None
        self.setWindowTitle(_("Edit partner") if partner else _("New partner"))
        data = partners.data_of(partner) if partner else PartnerData()
        self.name = QLineEdit(data.name, objectName="partnerName")
        self.name.setPlaceholderText(_("e.g. Lumijoen 4H-yhdistys"))
        self.kind = QComboBox(objectName="partnerKind")
        for kind, name in PARTNER_KIND_NAMES.items():
            self.kind.addItem(_(name), kind.value)
        self.kind.setCurrentIndex(max(self.kind.findData(data.kind), 0))
        self.contact_person = QLineEdit(data.contact_person, objectName="partnerContact")
        self.phone = QLineEdit(data.phone, objectName="partnerPhone")
        self.phone.setPlaceholderText("040 123 4567")
        self.email = QLineEdit(data.email, objectName="partnerEmail")
        self.email.setPlaceholderText(_("name@example.fi"))
        self.notes = QPlainTextEdit(data.notes, objectName="partnerNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(
            _("e.g. what they can help with, when to reach them, what was agreed")
        )
        self.active = QCheckBox(_("We still work with this partner"), objectName="partnerActive")
        self.active.setChecked(data.active)
        self.error = ErrorLabel()
        self._fields = {
            "name": self.name,
            "kind": self.kind,
            "contact_person": self.contact_person,
            "phone": self.phone,
            "email": self.email,
            "notes": self.notes,
        }
        form = QFormLayout()
        form.addRow(_("Name"), self.name)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Contact person"), self.contact_person)
        form.addRow(_("Phone"), self.phone)
        form.addRow(_("Email"), self.email)
        form.addRow(_("Notes"), self.notes)
        form.addRow("", self.active)
        self.buttons = save_cancel_buttons(self, self.save, save_name="savePartner")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def data(self) -> PartnerData:
        return PartnerData(
            name=self.name.text(),
            kind=self.kind.currentData(),
            contact_person=self.contact_person.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            notes=self.notes.toPlainText(),
            active=self.active.isChecked(),
        )

    def save(self) -> None:
        if run_form_action(self, self.error, self._save_partner):
            self.accept()

    def _save_partner(self) -> None:
        partner_id = self.partner.id if self.partner else None
        try:
            self.saved = partners.save_partner(self.session.user, partner_id, self.data())
        except ValidationError as error:
            widget = self._fields.get(error.field or "")
            if widget is not None:
                widget.setFocus()
            raise


# --- the register -------------------------------------------------------------------------------


class PartnerDetail(QFrame):
    """The chosen partner: how to reach them, notes, their events and donations."""

    event_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = heading("")
        self.name.setObjectName("partnerDetailName")
        self.name.setWordWrap(True)
        self.kind = self._value_label("partnerDetailKind")
        self.contact_person = self._value_label("partnerDetailContact")
        self.phone = self._value_label("partnerDetailPhone")
        self.email = self._value_label("partnerDetailEmail")
        self.notes = QLabel(objectName="partnerDetailNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.notes.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.events = PartnerEventsModel(self)
        self.donations = PartnerDonationsModel(self)
        self.event_table = read_only_table(self.events, 1, "partnerEvents")
        self.event_table.setToolTip(_("Double-click an event to open it."))
        self.donation_table = read_only_table(self.donations, 2, "partnerDonations")
        self.events_heading = _small_heading(_("Events"))
        self.donations_heading = _small_heading(_("Donations"))
        self.placeholder = QLabel(_("Choose a partner from the list to see the details."))
        self.placeholder.setAlignment(Qt.AlignCenter)
        self.placeholder.setWordWrap(True)

        facts = QFormLayout()
        facts.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        facts.addRow(_("Kind"), self.kind)
        facts.addRow(_("Contact person"), self.contact_person)
        facts.addRow(_("Phone"), self.phone)
        facts.addRow(_("Email"), self.email)
        about = QVBoxLayout()
        about.addWidget(self.name)
        about.addLayout(facts)
        about.addSpacing(6)
        about.addWidget(_small_heading(_("Notes")))
        about.addWidget(self.notes)
        about.addStretch(1)
        about_box = QWidget()
        about_box.setLayout(about)
        about_box.setMinimumWidth(280)
        event_box = QVBoxLayout()
        event_box.addWidget(self.events_heading)
        event_box.addWidget(self.event_table, 1)
        donation_box = QVBoxLayout()
        donation_box.addWidget(self.donations_heading)
        donation_box.addWidget(self.donation_table, 1)
        self.content = QWidget()
        row = QHBoxLayout(self.content)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(about_box, 3)
        row.addLayout(event_box, 4)
        row.addLayout(donation_box, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.content, 1)
        self.event_table.activated.connect(self._open_event)
        self.show_nothing()

    @staticmethod
    def _value_label(name: str) -> QLabel:
        label = QLabel(objectName=name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        return label

    def facts_text(self) -> str:
        """What the details say, one line each (for tests and screen readers alike)."""
        values = (self.kind, self.contact_person, self.phone, self.email)
        return "\n".join(label.text() for label in values)

    def show_nothing(self) -> None:
        self.events.set_rows([])
        self.donations.set_rows([])
        self.content.hide()
        self.placeholder.show()

    def show_partner(self, partner: Partner, event_rows: list, donation_rows: list) -> None:
        name = partner.name
        if not partner.active:
            name = _("{name} (not active)").format(name=name)
        self.name.setText(name)
        self.kind.setText(partner.kind_name)
        self.contact_person.setText(partner.contact_person or "–")
        self.phone.setText(partner.phone or "–")
        self.email.setText(partner.email or "–")
        self.notes.setText(partner.notes or _("No notes."))
        self.events.set_rows(event_rows)
        self.donations.set_rows(donation_rows)
        self.events_heading.setText(
            ngettext("{count} event", "{count} events", len(event_rows)).format(
                count=format_number(len(event_rows))
            )
        )
        self.donations_heading.setText(
            ngettext("{count} donation", "{count} donations", len(donation_rows)).format(
                count=format_number(len(donation_rows))
            )
        )
        self.placeholder.hide()
        self.content.show()

    def _open_event(self, index) -> None:
        row = self.events.row_object(index.row())
        if row is not None:
            self.event_requested.emit(row.event_id)


class PartnersView(QWidget):
    """The partner register (area "partners")."""

    event_requested = Signal(int)  # open this event (double-click in the partner's events)

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._all: list[PartnerRow] = []
        self.model = PartnersModel(self)
        self.table = read_only_table(self.model, 0, "partnersTable")
        self.table.setSortingEnabled(False)
        self.search = QLineEdit(objectName="partnerSearch")
        self.search.setPlaceholderText(_("Type a few letters of the name…"))
        self.search.setClearButtonEnabled(True)
        self.show_inactive = QCheckBox(_("Show also partners no longer active"))
        self.show_inactive.setObjectName("showInactivePartners")
        self.new_button = QPushButton(_("New partner…"), objectName="newPartner")
        self.edit_button = QPushButton(_("Edit…"), objectName="editPartner")
        can_edit = session.can(Permission.MANAGE_PARTNERS)
        self.new_button.setVisible(can_edit)
        self.edit_button.setVisible(can_edit)
        self.edit_button.setEnabled(False)
        self.count_label = QLabel()
        self.detail = PartnerDetail()

        search_row = QHBoxLayout()
        search_row.addWidget(QLabel(_("Search")))
        search_row.addWidget(self.search, 2)
        search_row.addWidget(self.show_inactive)
        search_row.addStretch(1)
        search_row.addWidget(self.new_button)
        search_row.addWidget(self.edit_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(search_row)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Partners")))
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(self._apply_filter)
        self.search.returnPressed.connect(self._focus_first)
        self.show_inactive.toggled.connect(lambda _checked: self.refresh())
        self.new_button.clicked.connect(self.add_partner)
        self.edit_button.clicked.connect(self.edit_partner)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.table.activated.connect(lambda _index: self.edit_partner())
        self.detail.event_requested.connect(self.event_requested)
        self.refresh()

    # --- loading ---

    @guarded
    def refresh(self, select_id: int | None = None) -> None:
        chosen = select_id if select_id is not None else self.selected_id()
        self._all = partners.partner_rows(
            self.session.user, include_inactive=self.show_inactive.isChecked()
        )
        self._apply_filter(select_id=chosen)

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)

    def _apply_filter(self, _text: str = "", select_id: int | None = None) -> None:
        chosen = select_id if select_id is not None else self.selected_id()
        wanted = " ".join(self.search.text().split()).casefold()
        rows = [row for row in self._all if wanted in row.name.casefold()]
        self.model.set_rows(rows)
        shown = len(rows)
        if wanted:
            text = _("Showing {count} of {total}.").format(
                count=format_number(shown), total=format_number(len(self._all))
            )
        else:
            text = ngettext("{count} partner", "{count} partners", shown).format(
                count=format_number(shown)
            )
        self.count_label.setText(text)
        ids = [row.partner_id for row in rows]
        if chosen in ids:
            self.table.selectRow(ids.index(chosen))
        elif len(rows) == 1:
            self.table.selectRow(0)
        else:
            self._show_selected()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        row = self.model.row_object(rows[0].row()) if rows else None
        return row.partner_id if row else None

    def select_partner(self, partner_id: int) -> None:
        """Show this partner (clears the search if it hides them)."""
        ids = [row.partner_id for row in self.model.rows()]
        if partner_id not in ids:
            self.search.clear()
            ids = [row.partner_id for row in self.model.rows()]
        if partner_id in ids:
            self.table.selectRow(ids.index(partner_id))

    @guarded
    def _show_selected(self, *_args) -> None:
        partner_id = self.selected_id()
        self.edit_button.setEnabled(partner_id is not None)
        if partner_id is None:
            self.detail.show_nothing()
            return
        user = self.session.user
        self.detail.show_partner(
            partners.get_partner(user, partner_id),
            events.partner_events(user, partner_id),
            partners.partner_donations(user, partner_id),
        )

    def _focus_first(self) -> None:
        if self.model.rowCount() and self.selected_id() is None:
            self.table.selectRow(0)
        self.table.setFocus()

    # --- changing ---

    @guarded
    def add_partner(self) -> None:
        if not self.session.can(Permission.MANAGE_PARTNERS):
            return
        dialog = PartnerDialog(self.session, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self._after_save(dialog.saved)

    @guarded
    def edit_partner(self) -> None:
        partner_id = self.selected_id()
        if partner_id is None or not self.session.can(Permission.MANAGE_PARTNERS):
            return
        partner = partners.get_partner(self.session.user, partner_id)
        dialog = PartnerDialog(self.session, partner, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self._after_save(dialog.saved)

    def _after_save(self, partner: Partner) -> None:
        if not partner.active and not self.show_inactive.isChecked():
            self.refresh()
            return
        self.refresh(select_id=partner.id)
        self.select_partner(partner.id)
