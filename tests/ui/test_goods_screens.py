"""The recycling point's screens: intake with labels, hand-out driven by scans."""

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog
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


def _decode_all(pdf_path):
    codes = []
    for page in pdfium.PdfDocument(pdf_path):
        image = page.render(scale=300 / 72).to_pil()
        codes += [r.text for r in zxingcpp.read_barcodes(image)]
    return codes


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
    assert sorted(_decode_all(target)) == sorted(item.code for item in items)
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
