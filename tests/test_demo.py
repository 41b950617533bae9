"""demo-data: a synthetic case that validates and builds."""

from click.testing import CliRunner

from complaints.cli import main
from complaints.pipeline import load

from conftest import TODAY


def test_a_demo_case_is_valid_and_realistic(tmp_path):
    path = tmp_path / "demo.xlsx"
    result = CliRunner().invoke(main, ["demo-data", "--complainants", "300", "--seed", "7", str(path)])
    assert result.exit_code == 0, result.output
    loaded = load(path, ("en", "ru", "kk"), TODAY)
    report = loaded.report
    assert report.valid, [i.code for i in report.errors][:5]
    assert report.appeals == 300
    assert 0 < len(report.exclusions) < 30
    episodes = sum(len(m.episodes) for m in loaded.case.members)
    assert 2.0 <= episodes / len(loaded.case.members) <= 3.5
    assert {m.person.city.place is not None for m in loaded.case.members} == {True}
    assert {i.code for i in report.warnings} <= {"no-remedies", "possible-duplicate", "excluded-episode"}


def test_the_same_seed_gives_the_same_rows(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for path in (first, second):
        CliRunner().invoke(main, ["demo-data", "--complainants", "50", "--seed", "1", str(path)])
    people = [[(m.person.complainant_id, m.person.surname, m.person.city.text)
               for m in load(path, ("en",), TODAY).case.members] for path in (first, second)]
    assert people[0] == people[1]
