"""Random ids and free texts thrown at validate and build (Hypothesis): whatever they hold, the
commands end with 0, 1 or 2 and no traceback, write nothing outside the output folder, leave the
inputs as they were, and no public document shows what it must not.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_privacy import contact_secrets, found, identity_secrets, name_forms

from complaints.cli import main
from complaints.records import Complainant
from complaints.screen import SURNAME_ALONE_LETTERS

from conftest import episode, event, person, write_workbook
from readback import texts

# C1 consented to be named; C2 did not. Synthetic people.
NAMED = person("C1", surname="Оспанова", given_name="Айгерим")
HIDDEN = dict(surname="Жумабеков", given_name="Ерлан", surname_latin="ZHUMABEKOV", given_name_latin="YERLAN",
              consent_to_name="no", id_document="N04511277", date_of_birth=datetime.date(1987, 4, 19),
              contact="+7 705 311 42 90; erlan.z@example.kz")
HIDDEN_PERSON = Complainant(complainant_id="C2", row=3, **{key: value for key, value in HIDDEN.items()
                                                            if key != "consent_to_name"})
NAMED_PERSON = Complainant(complainant_id="C1", row=2, surname=NAMED["surname"], given_name=NAMED["given_name"],
                           surname_latin="OSPANOVA", given_name_latin="AIGERIM", date_of_birth=NAMED["date_of_birth"],
                           id_document=NAMED["id_document"], contact=NAMED["contact"])

# What a hurried clerk might paste into a text, the protected values among them.
FRAGMENTS = ["Жумабеков Ерлан", "Ерлан Жумабеков", "Zhumabekov Yerlan", "E. Zhumabekov", "Жумабекова",
             "N04511277", "N 0451 1277", "+7 705 311 42 90", "erlan.z@example.kz", "19.04.1987", "1987-04-19",
             "Оспанова Айгерим", "Ерлан", "жумабеков", "press@example.org", "8 (727) 000-00-00", "Article 488"]
HOSTILE_IDS = ["../x", "/", "C1/../..", "..", ".", "a\\b", "CON", "x" * 300, "C1", " C2 ", "с1", "C\u200b9"]

# Any character a spreadsheet cell can hold (not control characters, which openpyxl refuses to
# write, nor half surrogates: the corpus of test_malformed.py and test_validate_first.py has both).
typed = st.characters(blacklist_categories=("Cc", "Cs"))
pasted = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(typed, max_size=8)),
                  min_size=1, max_size=4).map(" ".join)
free_text = st.one_of(st.none(), st.text(typed, max_size=40), pasted)
label = st.one_of(st.sampled_from(["the rally", "митинг"]), pasted)  # a missing label stops the build
an_id = st.one_of(st.sampled_from(["C1", "P-7", "Ж12"]), st.sampled_from(HOSTILE_IDS),
                  st.text(typed, min_size=1, max_size=12))


def protected() -> list:
    """What the public collective complaint must not show, as the README promises: C2's whole name
    in every spelling and their surname alone as written with a capital; nobody's identity document,
    date of birth or contact."""
    _, whole = name_forms(HIDDEN_PERSON)
    return whole, identity_secrets([NAMED_PERSON, HIDDEN_PERSON]) + contact_secrets([NAMED_PERSON, HIDDEN_PERSON])


def surname_alone(text: str) -> bool:
    surnames = {HIDDEN["surname"], HIDDEN["surname_latin"].title()}
    return any(len(name) >= SURNAME_ALONE_LETTERS and re.search(rf"(?<!\w){name}(?!\w)", text)
               for name in surnames)


def snapshot(root: Path) -> dict[str, str]:
    return {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
            for path in sorted(root.rglob("*"))}


@settings(max_examples=10, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(first_id=an_id, second_id=an_id, event_id=an_id, label=label, summary=pasted,
       description=free_text, authority=free_text)
def test_random_ids_and_free_texts_keep_every_promise(first_id, second_id, event_id, label, summary,
                                                      description, authority):
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        work = root / "work"
        case = work / "case"
        case.mkdir(parents=True)
        write_workbook(case / "case.xlsx",
                       events=[event(event_id, label_en=label, label_ru=label, summary_en=summary, summary_ru=summary)],
                       people=[NAMED | {"complainant_id": first_id},
                               person(second_id, id_document=HIDDEN["id_document"], **{k: v for k, v in HIDDEN.items()
                                                                                       if k != "id_document"})],
                       episodes=[episode(first_id, event_id, description=description, authority=authority),
                                 episode(second_id, event_id)])
        (case / "case.toml").write_text('build_date = 2026-11-23\n', encoding="utf-8")
        inputs = snapshot(case)
        around = snapshot(root)
        runner = CliRunner()
        results = [
            runner.invoke(main, ["validate", str(case), "--format", "json"]),
            runner.invoke(main, ["build", str(case), "--document", "collective-complaint", "--lang", "en",
                                 "--lang", "ru", "--format", "docx", "--output", str(work / "out"), "--jobs", "1"]),
        ]
        for result in results:
            assert result.exit_code in (0, 1, 2), result.output
            assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
            assert "Traceback" not in result.output
        assert snapshot(case) == inputs
        after = snapshot(root)
        outside = {path for path in after if not path.startswith("work/out")} - set(around)
        assert not outside
        whole, secrets = protected()
        for path in sorted((work / "out").rglob("*.docx")):
            for where, text in texts(path):
                folded = " ".join(text.split()).casefold()
                assert not [name for name in whole if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded)], where
                assert not surname_alone(text), where
                assert not [secret.kind for secret in found(secrets, text)], where
        if results[0].exit_code == 0:
            assert results[1].exit_code == 0, results[1].output  # what validate passes, build builds
