"""The recycling point's screens: intake with labels, hand-out driven by scans."""

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog
from tests.pdf_reading import decoded_texts
from tests.ui.test_scanning_and_windows import _burst

from lumijobi_desktop.core import catalogue, intake
from lumijobi_desktop.core.intake import ItemInput
from lumijobi_desktop.core.inventory import Category, Handout, Item
from lumijobi_desktop.ui.goods.label_dialog import LabelPrintDialog
from lumijobi_desktop.ui.main_window import MainWindow
from lumijobi_desktop.ui.scanner import install_scan_detector
from lumijobi_desktop.ui.session import DeskSession


def category(key):
    return Category.get(Category.key == key)


@pytest.fixture
def goods_window(qtbot, paths, volunteer):
    main = MainWindow(DeskSession(volunteer, paths))
    qtbot.addWidget(main)
    main.show()
    main.show_area("goods")
    return main


def test_intake_of_five_items_and_printing_their_labels(qtbot, goods_window, tmp_path, monkeypatch):
    intake_view = goods_window.views["goods"].intake
    goods_window.views["goods"].setCurrentWidget(intake_view)
    intake_view.category.setCurrentIndex(
        intake_view.category.findData(category("clothes_children").id)
    )
    intake_view.size.setCurrentText("122")
    for description in ("Talvitakki", "Pipo", "Lapaset"):
        qtbot.keyClicks(intake_view.description, description)
        qtbot.keyClick(intake_view.description, Qt.Key_Return)
    intake_view.same_again()  # another pair of mittens
    intake_view.category.setCurrentIndex(intake_view.category.findData(category("books").id))
    intake_view.description.setText("Зимова казка")  # QTest types ASCII only
    qtbot.keyClick(intake_view.description, Qt.Key_Return)
    assert intake_view.table.rowCount() == 5
    qtbot.mouseClick(intake_view.save_button, Qt.LeftButton)
    items = list(Item.select().order_by(Item.id))
    assert len(items) == 5 and [i.size for i in items][:4] == ["122"] * 4
    assert intake_view.labels_button.isEnabled()

    target = tmp_path / "labels.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    dialogs = []
    monkeypatch.setattr(LabelPrintDialog, "exec", lambda d: dialogs.append(d) or d.save())
    qtbot.mouseClick(intake_view.labels_button, Qt.LeftButton)
    assert sorted(decoded_texts(target)) == sorted(item.code for item in items)
    text = "".join(p.get_textpage().get_text_range() for p in pdfium.PdfDocument(target))
    assert "Зимова казка" in text


def test_a_bad_row_is_explained_and_not_added(qtbot, goods_window):
    intake_view = goods_window.views["goods"].intake
    intake_view.category.setCurrentIndex(
        intake_view.category.findData(category("clothes_children").id)
    )
    intake_view.size.setCurrentText("125")
    qtbot.keyClick(intake_view.description, Qt.Key_Return)
    assert intake_view.table.rowCount() == 0
    assert "125" in intake_view.row_error.text()


def _take_in(user, *rows):
    _donation, items = intake.receive_donation(user, list(rows))
    return items


def test_a_hand_out_driven_by_scans(qapp, qtbot, goods_window, some_persons, monkeypatch):

    user = goods_window.session.user
    jacket, box = _take_in(
        user,
        ItemInput(category("outerwear").id, "Talvitakki", "122"),
        ItemInput(category("clothes_children").id, "Bodyt", "62", quantity=10),
    )
    detector = install_scan_detector(qapp)
    detector.scanned.connect(goods_window.handle_scan)
    try:
        handout = goods_window.views["goods"].handout
        handout.code.setFocus()
        monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (3, True))
        _burst(handout.code, jacket.code)
        _burst(handout.code, box.code)
        _burst(handout.code, some_persons["Melnyk"].card_code)  # the visitor's card
        assert [e.quantity for e in handout.basket] == [1, 3]
        assert handout.recipient.person == some_persons["Melnyk"]
        assert handout.code.text() == ""
        qtbot.mouseClick(handout.confirm_button, Qt.LeftButton)
    finally:
        qapp.removeEventFilter(detector)
    done = Handout.get()
    assert done.recipient_id == some_persons["Melnyk"].id
    assert Item.get_by_id(jacket.id).status == "handed_out"
    assert Item.get_by_id(box.id).quantity == 7
    assert handout.basket == []


def test_scanning_a_handed_out_item_again_explains_and_changes_nothing(
    qtbot, goods_window, monkeypatch
):
    from lumijobi_desktop.core import handouts
    from lumijobi_desktop.core.handouts import BasketLine

    user = goods_window.session.user
    (toy,) = _take_in(user, ItemInput(category("toys").id, "Nalle"))
    handouts.hand_out(user, [BasketLine(toy.id)])
    handout = goods_window.views["goods"].handout
    handout.code.setText(toy.code)
    qtbot.keyClick(handout.code, Qt.Key_Return)
    assert "already been handed out" in handout.error.text()
    assert handout.basket == []


def test_a_scanned_location_moves_the_open_item(qtbot, paths, users):
    staff = users["staff"]
    main = MainWindow(DeskSession(staff, paths))
    qtbot.addWidget(main)
    shelf = catalogue.save_location(staff, None, name="Hylly B", kind="shelf")
    (item,) = _take_in(staff, ItemInput(category("toys").id, "Palapeli"))
    main.show_area("desk")
    main.handle_scan(item.code)  # from the desk: opens the item, no basket
    goods = main.views["goods"]
    assert goods.currentWidget() is goods.stock and goods.stock.current_item_id() == item.id
    assert goods.handout.basket == []
    main.handle_scan(shelf.code)
    assert Item.get_by_id(item.id).location_id == shelf.id
    assert "Hylly B" in main.statusBar().currentMessage()


def test_a_new_item_is_offered_to_the_first_wisher(qtbot, goods_window, some_persons, monkeypatch):
    from lumijobi_desktop.core import reservations
    from lumijobi_desktop.core.inventory import Reservation, Wish

    user = goods_window.session.user
    wisher = some_persons["Melnyk"]
    reservations.add_wish(user, wisher.id, category_id=category("outerwear").id, size="122")
    (jacket,) = _take_in(user, ItemInput(category("outerwear").id, "Talvitakki", "122"))
    stock_view = goods_window.views["goods"].stock
    goods_window.show_area("desk")
    goods_window.handle_scan(jacket.code)  # from the desk a scan opens the item
    assert "Oksana Melnyk" in stock_view.details.toPlainText()
    monkeypatch.setattr("lumijobi_desktop.ui.goods.stock_view.confirm", lambda *a: True)
    stock_view.reserve_selected()
    reservation = Reservation.get()
    assert (reservation.item_id, reservation.person_id) == (jacket.id, wisher.id)
    assert Wish.get().state == "reserved"
    assert Item.get_by_id(jacket.id).status == "reserved"


def test_recording_a_wish_from_the_reservations_tab(qtbot, goods_window, some_persons, monkeypatch):
    from lumijobi_desktop.core.inventory import Wish
    from lumijobi_desktop.ui.person_picker import PersonPickerDialog

    view = goods_window.views["goods"].reservations

    forms = []
    original_init = PersonPickerDialog.__init__

    def remember_form(self, *args, extra=None, **kwargs):
        forms.append(extra)
        original_init(self, *args, extra=extra, **kwargs)

    monkeypatch.setattr(PersonPickerDialog, "__init__", remember_form)

    def fill_and_accept(dialog):
        dialog.search.setText("virtanen")
        form = forms[-1]
        form.category.setCurrentIndex(form.category.findData(category("furniture").id))
        form.description.setText("Sohva")
        return True

    monkeypatch.setattr(PersonPickerDialog, "exec", fill_and_accept)
    view.record_wish()
    wish = Wish.get()
    assert (wish.person_id, wish.description, wish.state) == (
        some_persons["Virtanen"].id,
        "Sohva",
        "open",
    )
    assert view.wishes.rowCount() == 1


def test_the_basket_model_is_valid(qtmodeltester, goods_window):
    user = goods_window.session.user
    toy, box = _take_in(
        user,
        ItemInput(category("toys").id, "Nalle"),
        ItemInput(category("clothes_children").id, "Bodyt", "62", quantity=9),
    )
    model = goods_window.views["goods"].handout.basket_model
    model.add(toy, 1)
    model.add(box, 2)
    model.add(box, 3)
    qtmodeltester.check(model)
    assert [e.quantity for e in model.rows()] == [1, 5]
    model.remove_rows([0])
    assert model.rowCount() == 1 and model.index(0, 3).data() == "5"


def test_staff_make_a_layout_and_choose_what_labels_show(
    qtbot, paths, users, tmp_path, monkeypatch
):
    import datetime as dt

    from lumijobi_desktop.core import label_settings
    from lumijobi_desktop.printing.labels import LabelContent
    from lumijobi_desktop.ui.goods.layout_dialog import LayoutDialog

    session = DeskSession(users["staff"], paths)

    def fill_layout(dialog):
        dialog.name.setText("Office 2x5")
        dialog.label_width.setValue(100)
        dialog.label_height.setValue(55)
        dialog.pitch_x.setValue(100)
        dialog.pitch_y.setValue(55)
        dialog.columns.setValue(2)
        dialog.rows.setValue(5)
        dialog.left.setValue(5)
        dialog.top.setValue(10)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(LayoutDialog, "exec", fill_layout)
    labels = [LabelContent("I0000017", "Lelut", "Nalle", "", dt.date(2026, 11, 24))]
    dialog = LabelPrintDialog(labels, session=session)
    qtbot.addWidget(dialog)
    dialog.make_layout()
    assert dialog.layout().name == "Office 2x5" and dialog.layout().labels_per_page == 10
    dialog.fields["intake_date"].setChecked(False)
    target = tmp_path / "office.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    dialog.save()
    assert decoded_texts(target) == ["I0000017"]
    assert "24.11.2026" not in pdfium.PdfDocument(target)[0].get_textpage().get_text_range()
    assert "intake_date" not in label_settings.fields_for(dialog.layout())


def test_a_layout_that_does_not_fit_is_explained(qtbot, paths, users):
    from lumijobi_desktop.core import label_settings
    from lumijobi_desktop.ui.goods.layout_dialog import LayoutDialog

    dialog = LayoutDialog(DeskSession(users["staff"], paths))
    qtbot.addWidget(dialog)
    dialog.name.setText("Too big")
    dialog.rows.setValue(30)  # 30 x 37 mm does not fit on A4
    dialog.save()
    assert dialog.error.text() and label_settings.custom_layouts() == []


def test_the_recipient_gets_a_list_of_what_was_handed_out(
    qtbot, goods_window, some_persons, monkeypatch
):
    from lumijobi_desktop.core import handouts, people
    from lumijobi_desktop.core.handouts import BasketLine

    user = goods_window.session.user
    melnyk = some_persons["Melnyk"]
    data = people.data_of(melnyk)
    data.languages = ["uk"]
    people.update_person(user, melnyk.id, data)
    (jacket,) = _take_in(user, ItemInput(category("outerwear").id, "Talvitakki", "122"))
    view = goods_window.views["goods"].handout
    view.last_handout_id = handouts.hand_out(
        user, [BasketLine(jacket.id)], recipient_id=melnyk.id
    ).id
    printed = []

    def read_instead_of_printing(parent, path):
        printed.append(pdfium.PdfDocument(str(path))[0].get_textpage().get_text_range())
        return True

    monkeypatch.setattr("lumijobi_desktop.ui.print_pdf.print_with_dialog", read_instead_of_printing)
    view.print_list()
    assert "Talvitakki" in printed[0] and "Oksana Melnyk" in printed[0]
    assert "Ulkovaatteet / Верхній одяг" in printed[0]
    assert "Saadut tavarat / Отримані речі" in printed[0]  # Finnish, then her language


def test_staff_add_a_category_with_a_monthly_limit(qtbot, paths, users):
    from lumijobi_desktop.ui.goods.goods_view import GoodsView

    view = GoodsView(DeskSession(users["staff"], paths))
    qtbot.addWidget(view)
    categories = view.categories
    categories._edit(None)
    categories.name_fi.setText("Polkupyörät")
    categories.name_uk.setText("Велосипеди")
    categories.limit.setValue(1)
    categories.save()
    bikes = Category.get(Category.name_fi == "Polkupyörät")
    assert (bikes.name_uk, bikes.monthly_limit, bikes.size_kind) == ("Велосипеди", 1, "none")
    categories._edit(None)
    categories.save()  # no Finnish name
    assert categories.error.text()


def test_volunteers_have_no_categories_tab(qtbot, goods_window):
    goods = goods_window.views["goods"]
    tabs = [goods.tabText(i) for i in range(goods.count())]
    assert not hasattr(goods, "categories") and len(tabs) == 5


def test_the_basket_takes_a_description_as_well_as_a_code(qtbot, goods_window, monkeypatch):
    user = goods_window.session.user
    _take_in(
        user,
        ItemInput(category("toys").id, "Palapeli 100 palaa"),
        ItemInput(category("toys").id, "Palapeli 500 palaa"),
        ItemInput(category("books").id, "Satukirja"),
    )
    handout = goods_window.views["goods"].handout
    handout.code.setText("satukirja")
    qtbot.keyClick(handout.code, Qt.Key_Return)
    assert [e.item.description for e in handout.basket] == ["Satukirja"]
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda parent, title, label, names, *a: (names[-1], True)
    )
    handout.code.setText("palapeli")
    qtbot.keyClick(handout.code, Qt.Key_Return)
    assert handout.basket[-1].item.description == "Palapeli 100 palaa"
    handout.code.setText("sohva")
    qtbot.keyClick(handout.code, Qt.Key_Return)
    assert "sohva" in handout.error.text() and len(handout.basket) == 2
