"""Penalties and remedies are values, printed in the document's language whatever language they were typed in."""

from __future__ import annotations

import datetime

import pytest

from complaints.i18n import language
from complaints.penalties import Amount, Duration, describe_penalty, kzt_amount, parse_penalty


@pytest.mark.parametrize("typed", ["15 days", "15 суток", "15 тәулік", "15 сут.", "15\u00a0Days"])
def test_a_term_is_read_in_any_of_the_three_languages(typed):
    assert parse_penalty(typed) == Duration(15, "day")


@pytest.mark.parametrize("typed", ["KZT 120250", "120 250 тенге", "120 250 теңге", "KZT 120,250", "₸ 120250"])
def test_an_amount_is_read_in_any_of_the_three_languages(typed):
    assert parse_penalty(typed) == Amount(120250, "KZT")


@pytest.mark.parametrize("typed, expected", [
    ("3 years' imprisonment", Duration(3, "year", "imprisonment")),
    ("3 года лишения свободы", Duration(3, "year", "imprisonment")),
    ("3 жыл бас бостандығынан айыру", Duration(3, "year", "imprisonment")),
    ("50 МРП", Amount(50, "MCI")), ("50 АЕК", Amount(50, "MCI")), ("50 MCI", Amount(50, "MCI")),
])
def test_imprisonment_and_fines_in_mci_are_read(typed, expected):
    assert parse_penalty(typed) == expected


@pytest.mark.parametrize("typed", ["2 years 6 months", "a warning", "100", "5 дней ареста", "KZT 100 MCI", ""])
def test_anything_else_is_not_guessed(typed):
    assert parse_penalty(typed) is None
    assert describe_penalty(language("ru"), typed) == typed


@pytest.mark.parametrize("typed, en, ru, kk", [
    ("15 days", "15 days", "15 суток", "15 тәулік"),
    ("1 day", "1 day", "1 сутки", "1 тәулік"),
    ("21 days", "21 days", "21 сутки", "21 тәулік"),
    ("2 months", "2 months", "2 месяца", "2 ай"),
    ("5 months", "5 months", "5 месяцев", "5 ай"),
    ("1 year", "1 year", "1 год", "1 жыл"),
    ("2 years", "2 years", "2 года", "2 жыл"),
    ("5 лет", "5 years", "5 лет", "5 жыл"),
    ("3 years' imprisonment", "3 years of imprisonment", "3 года лишения свободы", "3 жыл бас бостандығынан айыру"),
    ("KZT 120250", "KZT 120,250", "120\u00a0250 тенге", "120\u00a0250 теңге"),
    ("50 МРП", "50 MCI", "50 МРП", "50 АЕК"),
    ("1 year restriction of freedom", "1 year of restriction of freedom", "1 год ограничения свободы",
     "1 жыл бас бостандығын шектеу"),
])
def test_a_penalty_is_printed_in_the_document_language(typed, en, ru, kk):
    for code, expected in (("en", en), ("ru", ru), ("kk", kk)):
        assert describe_penalty(language(code), typed) == expected


def test_only_fines_in_tenge_add_up_to_a_sum_in_tenge():
    assert kzt_amount("120 250 тенге") == 120250
    assert kzt_amount("50 МРП") is None
    assert kzt_amount("15 суток") is None


def test_an_unreadable_penalty_is_a_warning_at_its_cell_and_is_printed_as_written(workbook):
    from complaints.build import load
    from complaints.context import document_context
    from complaints.documents import REGISTRY

    from conftest import TODAY, episode

    episodes = [episode(measure="administrative arrest", penalty="15 суток"),
                episode(measure="fine", penalty="a warning and a fine")]
    loaded = load(workbook(episodes=episodes), ("kk",), TODAY)
    warnings = [i for i in loaded.report.issues if i.code == "unparsed-penalty"]
    assert [(i.row, i.column) for i in warnings] == [(3, "penalty")]
    context = document_context(loaded.case, REGISTRY["domestic-complaint"], "kk", TODAY)
    assert [e.penalty for e in context["people"][0].episodes] == ["15 тәулік", "a warning and a fine"]


def _episode_lines(workbook, lang: str, episodes) -> list[str]:
    from complaints.build import load
    from complaints.context import document_context
    from complaints.documents import REGISTRY
    from complaints.render_html import html_environment

    from conftest import TODAY

    loaded = load(workbook(episodes=episodes), (lang,), TODAY)
    context = document_context(loaded.case, REGISTRY["domestic-complaint"], lang, TODAY)
    line = html_environment(lang).from_string('{% import "_macros.html" as m %}{{ m.episode_line(e) }}')
    # No-break spaces ("2018\u00a0года", "120\u00a0250") read as spaces here.
    return [" ".join(line.render(e=e).split()) for e in context["people"][0].episodes]


def test_an_episode_says_what_was_done_under_which_provision_as_a_lawyer_writes_it(workbook):
    from conftest import episode

    episodes = [episode(measure="fine", penalty="KZT 120250", legal_basis="CAO 488", authority="СМАС г. Алматы",
                        date=datetime.date(2018, 5, 11)),
                episode(measure="pre-trial detention", penalty="2 months", legal_basis="УК 405 ч.2",
                        date=datetime.date(2018, 6, 1))]
    assert _episode_lines(workbook, "ru", episodes) == [
        "11 мая 2018 года, Алматы: штраф в размере 120 250 тенге по ст. 488 КоАП РК "
        "(Специализированный межрайонный административный суд города Алматы).",
        "1 июня 2018 года, Алматы: мера пресечения в виде содержания под стражей сроком на 2 месяца в рамках "
        "дела по ч. 2 ст. 405 УК РК."]
    # Kazakh sets the provision and the term before the measure.
    assert _episode_lines(workbook, "kk", episodes) == [
        "2018 жылғы 11 мамыр, Алматы: ҚР ӘҚБтК 488-бабы бойынша 120 250 теңге мөлшерінде айыппұл "
        "(Алматы қаласының мамандандырылған ауданаралық әкімшілік соты).",
        "2018 жылғы 1 маусым, Алматы: ҚР ҚК 405-бабының 2-бөлігі бойынша іс шеңберінде 2 ай мерзімге бұлтартпау "
        "шарасы ретінде күзетпен ұстау."]


def test_an_act_told_only_by_its_description_is_a_sentence_of_its_own_after_who_acted(workbook):
    from conftest import episode

    episodes = [episode(measure="dismissal", authority_ru="Администрация школы № 12", date=datetime.date(2018, 8, 1),
                        description_ru="Уволена с должности учителя.")]
    # Never a capital after a colon: when, where and by whom, then the description as a sentence.
    assert _episode_lines(workbook, "ru", episodes) == [
        "1 августа 2018 года, Алматы (Администрация школы № 12). Уволена с должности учителя."]


def test_a_kazakh_imprisonment_under_a_provision_says_bojynsha_once(workbook):
    from conftest import episode

    episodes = [episode(measure="imprisonment", penalty="3 years", legal_basis="CC 174",
                        date=datetime.date(2018, 7, 30))]
    assert _episode_lines(workbook, "kk", episodes) == [
        "2018 жылғы 30 шілде, Алматы: ҚР ҚК 174-бабы бойынша 3 жыл мерзімге сот үкімімен бас бостандығынан айыру."]


def test_preventive_measures_print_a_term_and_punishments_a_penalty(workbook):
    from conftest import episode

    # Recognised, a term or an amount is part of the phrase; otherwise it is labelled: a preventive
    # measure's as its term, never as a punishment.
    episodes = [episode(measure="pre-trial detention", penalty="до окончания следствия",
                        date=datetime.date(2018, 5, 10)),
                episode(measure="administrative arrest", penalty="15 суток и штраф", date=datetime.date(2018, 5, 11)),
                episode(measure="house arrest", penalty="2 months", date=datetime.date(2018, 5, 12))]
    html = " ".join(_episode_lines(workbook, "ru", episodes))
    assert "содержание под стражей, срок: до окончания следствия" in html
    assert "административный арест, наказание: 15 суток и штраф" in html
    assert "домашний арест сроком на 2 месяца" in html
    assert "наказание: до окончания" not in html


@pytest.mark.parametrize("action, outcome", [
    ("appeal", "dismissed"), ("апелляционная жалоба", "в удовлетворении отказано"),
    ("апелляциялық шағым", "қанағаттандырусыз қалдырылды"),
])
def test_remedy_actions_and_outcomes_are_accepted_in_any_language_and_printed_in_the_documents(
        tmp_path, action, outcome):

    from complaints.build import load
    from complaints.context import document_context
    from complaints.documents import REGISTRY

    from conftest import REMEDY_HEADER, TODAY, add_sheet, write_workbook

    path = write_workbook(tmp_path / "case.xlsx")
    add_sheet(path, "Remedies", REMEDY_HEADER, [["C1", datetime.date(2018, 6, 1), "Алматинский городской суд", action,
                                                 outcome, datetime.date(2018, 7, 1)]])
    loaded = load(path, ("en", "ru", "kk"), TODAY)
    assert not loaded.report.errors
    printed = {code: document_context(loaded.case, REGISTRY["hrc"], code, TODAY)["people"][0].remedies[0]
               for code in ("en", "ru", "kk")}
    assert (printed["en"].action, printed["en"].outcome) == ("appeal", "dismissed")
    assert (printed["ru"].action, printed["ru"].outcome) == ("апелляционная жалоба", "в удовлетворении отказано")
    assert (printed["kk"].action, printed["kk"].outcome) == ("апелляциялық шағым", "қанағаттандырусыз қалдырылды")


@pytest.mark.parametrize("action, outcome, russian, kazakh", [
    # A complaint or an appeal (жалоба) is feminine in Russian; a petition (ходатайство) neuter.
    ("appeal", "refused", "оставлена без рассмотрения", "қараусыз қалдырылды"),
    ("cassation appeal", "refused", "оставлено без рассмотрения", "қараусыз қалдырылды"),
    ("complaint", "returned without examination", "возвращена без рассмотрения", "қаралмастан қайтарылды"),
    ("petition for review", "returned without examination", "возвращено без рассмотрения", "қаралмастан қайтарылды"),
    # The appeal court's formula in an administrative case.
    ("appeal", "ruling upheld, appeal dismissed", "постановление оставлено без изменения, жалоба — без удовлетворения",
     "қаулы өзгеріссіз, шағым қанағаттандырусыз қалдырылды"),
    ("cassation appeal", "ruling upheld, appeal dismissed",
     "постановление оставлено без изменения, ходатайство — без удовлетворения",
     "қаулы өзгеріссіз, өтінішхат қанағаттандырусыз қалдырылды"),
    ("complaint", "no violation found", "нарушений не выявлено", "заң бұзушылықтар анықталмады"),
])
def test_a_remedy_outcome_is_worded_as_the_courts_word_it_and_agrees_with_the_application(
        action, outcome, russian, kazakh):
    from complaints.i18n import language
    from complaints.schema import REMEDY_ACTION_VALUES, REMEDY_OUTCOME_VALUES, fold, remedy_outcome_label

    action_key = REMEDY_ACTION_VALUES.spellings()[fold(action)]
    outcome_key = REMEDY_OUTCOME_VALUES.spellings()[fold(outcome)]
    assert remedy_outcome_label(language("ru"), action_key, outcome_key) == russian
    assert remedy_outcome_label(language("kk"), action_key, outcome_key) == kazakh
    # The earlier wording is still read on input.
    assert REMEDY_OUTCOME_VALUES.spellings()[fold("отказано в рассмотрении")] == "refused"


@pytest.mark.parametrize("action, russian", [
    # «жалоба» is feminine, «ходатайство» and «обращение» (an application of no recorded kind) neuter.
    ("appeal", "апелляционная жалоба: ещё не рассмотрена."),
    ("complaint", "жалоба: ещё не рассмотрена."),
    ("cassation", "ходатайство о пересмотре в кассационном порядке: ещё не рассмотрено."),
    (None, "обращение: ещё не рассмотрено."),
])
def test_a_pending_remedy_agrees_with_the_application(tmp_path, action, russian):

    from complaints.build import load
    from complaints.context import document_context
    from complaints.documents import REGISTRY
    from complaints.render_html import html_environment

    from conftest import TODAY, add_sheet, write_workbook

    path = write_workbook(tmp_path / "case.xlsx")
    # Filed before the workbook's detention (10 May 2018): a complaint names no act between it and its state.
    add_sheet(path, "Remedies", ["complainant_id", "date", "action"], [["C1", datetime.date(2018, 5, 1), action]])
    loaded = load(path, ("ru",), TODAY)
    remedy = document_context(loaded.case, REGISTRY["special-procedures"], "ru", TODAY)["people"][0].remedies[0]
    line = html_environment("ru").from_string('{% import "_macros.html" as m %}{{ m.remedy_line(r) }}')
    assert " ".join(line.render(r=remedy).split()).endswith(russian)


def test_an_unknown_remedy_outcome_is_an_error_at_its_cell(tmp_path):

    from complaints.build import load

    from conftest import TODAY, add_sheet, write_workbook

    path = write_workbook(tmp_path / "case.xlsx")
    add_sheet(path, "Remedies", ["complainant_id", "date", "action", "outcome"],
              [["C1", datetime.date(2018, 6, 1), "appeal", "lost somewhere"]])
    errors = load(path, ("en",), TODAY).report.errors
    assert [(e.code, e.column, e.row) for e in errors] == [("bad-value", "outcome", 2)]


@pytest.mark.parametrize(("hours", "ru"), [(1, "1 час"), (2, "2 часа"), (5, "5 часов"), (11, "11 часов"),
                                           (21, "21 час"), (22, "22 часа"), (101, "101 час")])
def test_an_episode_states_the_hours_held_and_the_treatment_recorded(workbook, hours, ru):
    from conftest import episode

    # The facts a claim under article 7, 9, 14 or 17 rests on are stated in the line, in the vocabulary's
    # order, whatever order the cell lists them in.
    held = [episode(hours_held=hours, treatment="fingerprints taken, force used", description="Held at the station.",
                    date=datetime.date(2018, 5, 10))]
    assert _episode_lines(workbook, "en", held)[0].endswith(
        f"Held at the station. Held for {hours} hour{'s' if hours != 1 else ''}. "
        "While held: physical force used; fingerprints taken.")
    assert _episode_lines(workbook, "ru", held)[0].endswith(
        f"Продолжительность удержания — {ru}. Во время удержания: применена физическая сила; проведена дактилоскопия.")
    assert _episode_lines(workbook, "kk", held)[0].endswith(
        f"Ұстау ұзақтығы — {hours} сағат. Ұстау кезінде: дене күші қолданылды; дактилоскопия жүргізілді.")


def test_an_episode_with_neither_hours_nor_treatment_says_nothing_of_them(workbook):
    from conftest import episode

    line = _episode_lines(workbook, "ru", [episode(description="Задержан у площади.")])[0]
    assert line.endswith("Задержан у площади.") and "удержани" not in line


@pytest.mark.parametrize("code, amount", [("ru", "120\u00a0250 тенге"), ("kk", "120\u00a0250 теңге")])
def test_an_amount_reaches_the_typesetter_with_its_no_break_space(workbook, code, amount):
    """«штраф в размере 120 / 250 тенге» broke at the group separator: the phrase around the amount was
    re-spaced with str.split(), which also splits at a no-break space (reader s9, N6)."""
    from complaints.build import load
    from complaints.context import document_context
    from complaints.documents import REGISTRY
    from complaints.render import DocumentHtml

    from conftest import TODAY, episode

    loaded = load(workbook(episodes=[episode(measure="fine", penalty="KZT 120250", legal_basis="CAO 488")]),
                  (code,), TODAY)
    document = REGISTRY["domestic-complaint"]
    html = DocumentHtml(document, code, document_context(loaded.case, document, code, TODAY), TODAY).html
    assert amount in html
    assert "120 250" not in html
