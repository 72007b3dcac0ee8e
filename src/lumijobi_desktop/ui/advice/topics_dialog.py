"""The topics of advice sessions, in Finnish, Ukrainian and English, and what to bring for each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import advice_topics
from lumijobi_desktop.core.advice_topics import (
    BRING_MAX,
    NAME_MAX,
    TOPIC_LANGUAGES,
    AdviceTopic,
    TopicData,
)
from lumijobi_desktop.core.i18n import LANGUAGES, _, current_language
from lumijobi_desktop.ui.errors import guarded, run_form_action
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel, heading, save_cancel_buttons


class TopicDialog(QDialog):
    """Add or change one topic: its name and 'what to bring' in each language."""

    def __init__(self, session: DeskSession, topic: AdviceTopic | None = None, parent=None):
        super().__init__(parent)
        self.session = session
        self.topic = topic
        self.topic_id: int | None = topic.id if topic is not None else None
        self.setWindowTitle(_("Change the topic") if topic is not None else _("New topic"))
        self.setMinimumWidth(560)
        self.names: dict[str, QLineEdit] = {}
        self.bring: dict[str, QLineEdit] = {}
        names_form = QFormLayout()
        bring_form = QFormLayout()
        for lang in TOPIC_LANGUAGES:
            language = LANGUAGES[lang].native_name
            name = QLineEdit(getattr(topic, f"name_{lang}") if topic else "")
            name.setObjectName(f"topicName_{lang}")
            name.setMaxLength(NAME_MAX)
            bring = QLineEdit(getattr(topic, f"bring_{lang}") if topic else "")
            bring.setObjectName(f"topicBring_{lang}")
            bring.setMaxLength(BRING_MAX)
            self.names[lang], self.bring[lang] = name, bring
            names_form.addRow(language, name)
            bring_form.addRow(language, bring)
        self.active = QCheckBox(_("Offered when booking"), objectName="topicActive")
        self.active.setChecked(topic.active if topic is not None else True)
        self.error = ErrorLabel()
        hint = QLabel(
            _(
                "The Finnish name is needed; the others are shown to Ukrainian and English"
                " speakers and on their slips. 'What to bring' is printed on the slip."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")

        def section(text: str) -> QLabel:
            label = QLabel(text)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            return label

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(section(_("Name")))
        layout.addLayout(names_form)
        layout.addWidget(section(_("What to bring")))
        layout.addLayout(bring_form)
        layout.addWidget(self.active)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel_buttons(self, self.save, save_name="saveTopic"))

    def data(self) -> TopicData:
        return TopicData(
            names={lang: edit.text() for lang, edit in self.names.items()},
            bring={lang: edit.text() for lang, edit in self.bring.items()},
            active=self.active.isChecked(),
        )

    def save(self) -> None:
        def action() -> None:
            saved = advice_topics.save_topic(self.session.user, self.topic_id, self.data())
            self.topic_id = saved.id

        if run_form_action(self, self.error, action):
            self.accept()


class TopicsDialog(QDialog):
    """All topics, hidden ones greyed; add, change, hide or show again."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.changed = False
        self.setWindowTitle(_("Advice topics"))
        self.resize(860, 560)
        columns = [LANGUAGES[lang].native_name for lang in TOPIC_LANGUAGES]
        columns += [_("What to bring"), _("Shown")]
        self.table = QTableWidget(0, len(columns), objectName="topicsTable")
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(len(columns) - 2, QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_topic())
        self.add_button = QPushButton(_("Add…"), objectName="addTopic")
        self.edit_button = QPushButton(_("Change…"), objectName="editTopic")
        self.hide_button = QPushButton(_("Hide"), objectName="hideTopic")
        self.add_button.clicked.connect(self.add_topic)
        self.edit_button.clicked.connect(self.edit_topic)
        self.hide_button.clicked.connect(self.toggle_topic)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.hide_button):
            button.setMinimumHeight(32)
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel(_("A hidden topic is no longer offered when booking; old sessions keep it."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.error = ErrorLabel()
        close = QDialogButtonBox()
        close.addButton(_("Close"), QDialogButtonBox.RejectRole)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Advice topics")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        topics = advice_topics.topics(include_inactive=True)
        self.table.setRowCount(len(topics))
        lang = _current_topic_language()
        for number, topic in enumerate(topics):
            values = [getattr(topic, f"name_{code}") for code in TOPIC_LANGUAGES]
            values += [topic.bring_in(lang), _("Yes") if topic.active else _("Hidden")]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, topic.id)
                item.setToolTip(value)
                if not topic.active:
                    item.setForeground(QBrush(QColor("#9aa0a6")))
                self.table.setItem(number, column, item)
            if topic.id == select:
                self.table.selectRow(number)
        self._update_buttons()

    def rows(self) -> list[list[str]]:
        return [
            [self.table.item(row, column).text() for column in range(self.table.columnCount())]
            for row in range(self.table.rowCount())
        ]

    def selected_topic(self) -> AdviceTopic | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return advice_topics.get_topic(self.table.item(rows[0].row(), 0).data(Qt.UserRole))

    def select_topic(self, topic_id: int) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.UserRole) == topic_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        topic = self.selected_topic()
        self.edit_button.setEnabled(topic is not None)
        self.hide_button.setEnabled(topic is not None)
        self.hide_button.setText(
            _("Show again") if topic is not None and not topic.active else _("Hide")
        )

    @guarded
    def add_topic(self) -> None:
        dialog = TopicDialog(self.session, None, self)
        if dialog.exec():
            self.changed = True
            self.reload(select=dialog.topic_id)

    @guarded
    def edit_topic(self) -> None:
        topic = self.selected_topic()
        if topic is None:
            return
        dialog = TopicDialog(self.session, topic, self)
        if dialog.exec():
            self.changed = True
            self.reload(select=topic.id)

    @guarded
    def toggle_topic(self) -> None:
        topic = self.selected_topic()
        if topic is None:
            return
        data = TopicData(
            names={lang: getattr(topic, f"name_{lang}") for lang in TOPIC_LANGUAGES},
            bring={lang: getattr(topic, f"bring_{lang}") for lang in TOPIC_LANGUAGES},
            active=not topic.active,
        )

        def action() -> None:
            advice_topics.save_topic(self.session.user, topic.id, data)

        if run_form_action(self, self.error, action):
            self.changed = True
            self.reload(select=topic.id)


def _current_topic_language() -> str:
    code = current_language().code
    return code if code in TOPIC_LANGUAGES else "fi"
