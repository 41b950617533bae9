"""The id contract: complainant_id and event_id become file and folder names."""

from __future__ import annotations

import pytest

from complaints.identifiers import MAX_ID_LENGTH, collision_key, id_is_valid


@pytest.mark.parametrize("text", ["C1", "C012", "rally-2018.05", "a_b", "Заявитель1", "ӘҒҚ-7", "بيان٣",
                                  "申立1", "x" * MAX_ID_LENGTH, "C1.", "0"])
def test_letters_of_any_script_digits_and_three_marks_are_an_id(text):
    assert id_is_valid(text)


@pytest.mark.parametrize("text", [
    "", "/", "..", ".", "../../../../tmp/x", "C1/../../..", "../collective-complaint", "C1\\x", "C:x",
    ".hidden", "-rf", "x" * (MAX_ID_LENGTH + 1), "C 1", "C1\t", "C1\n", "C\u00001", "C1\u200b",
    "C1\u0301", "C１/x", "a*b", "a?b", "a|b", 'a"b', "a<b", "a>b", "~user", "$HOME", "C1;rm",
    "\u202eC1", "C1%2F..",
])
def test_anything_else_breaks_the_contract(text):
    assert not id_is_valid(text)


@pytest.mark.parametrize("first, second", [
    ("C1", "c1"),  # one file on a case-insensitive drive
    ("C1", "С1"),  # Cyrillic Es
    ("rally", "rаllу"),  # Cyrillic a and u
    ("C1", "Ｃ１"),  # full width
    ("STRASSE", "straße"),  # case folding, not lowering
    ("KOT", "кот"),  # Cyrillic k, o, t
])
def test_ids_that_could_be_taken_for_one_another_collide(first, second):
    assert collision_key(first) == collision_key(second)


@pytest.mark.parametrize("first, second", [("C1", "C2"), ("C1", "C1.1"), ("Жанна", "Жана"), ("C0", "CO")])
def test_different_ids_do_not_collide(first, second):
    assert collision_key(first) != collision_key(second)
