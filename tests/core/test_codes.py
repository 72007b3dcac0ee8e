import pytest

from lumijobi_desktop.core.codes import CodeKind, group_for_reading, make_code, parse_code


def test_code_round_trip_for_every_kind():
    for kind in CodeKind:
        code = make_code(kind, 1234)
        assert code[0] == kind.value
        assert code.isalnum() and code.upper() == code
        assert parse_code(code).kind is kind
        assert parse_code(code).number == 1234


def test_codes_are_matched_case_insensitively_and_trimmed():
    code = make_code(CodeKind.PERSON, 15)
    assert parse_code(f"  {code.lower()} ") == parse_code(code)


@pytest.mark.parametrize("position", range(1, 8))
def test_any_single_mistyped_digit_is_caught(position):
    code = make_code(CodeKind.ITEM, 1234)
    for digit in "0123456789":
        if digit != code[position]:
            typo = code[:position] + digit + code[position + 1 :]
            assert parse_code(typo) is None, typo


def test_swapped_neighbouring_digits_are_caught():
    code = make_code(CodeKind.PERSON, 120345)
    for i in range(1, len(code) - 1):
        if code[i] != code[i + 1]:
            swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
            assert parse_code(swapped) is None, swapped


def test_a_code_of_one_kind_read_as_another_fails():
    item = make_code(CodeKind.ITEM, 17)
    assert parse_code("P" + item[1:]) is None


def test_punctuation_and_short_or_unknown_codes_are_rejected():
    assert parse_code("P-000015") is None
    assert parse_code("P00015") is None
    assert parse_code("X0000017") is None
    assert parse_code("") is None


def test_large_numbers_grow_the_code():
    code = make_code(CodeKind.PERSON, 12_345_678)
    assert parse_code(code).number == 12_345_678


def test_grouped_for_reading():
    assert group_for_reading("P0000015") == "P 000 0015"
