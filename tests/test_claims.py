"""Claims backed by facts: HRC articles, WGAD categories and exhaustion, checked against the data."""

from __future__ import annotations

import datetime
from dataclasses import replace

from lxml import html as lxml_html

from complaints.build import build, load
from complaints.claims import Claim, Undecided, article_claims, author_claims, category_claims, constitution_rights
from complaints.claims import lawyer_access as recorded_lawyer_access
from complaints.context import EpisodeView, document_context
from complaints.documents import REGISTRY
from complaints.law import no_basis, parse_provision
from complaints.pipeline import build_date
from complaints.render import DocumentHtml
from complaints.render_html import html_environment

from conftest import REMEDY_HEADER, TODAY, add_sheet, episode, event, flat, pdf_text, person, write_workbook


def fact(measure: str, basis: str | None = None, event_id: str = "", date: str = "10 May 2018",
         lawyer_access: str = "", ground: str = "", treatment: tuple[str, ...] = ()) -> EpisodeView:
    return EpisodeView(date=date, city="", measure=measure, measure_key=measure, legal_basis=basis or "",
                       penalty="", authority="", description="", event="", event_id=event_id,
                       provision=parse_provision(basis), no_basis=no_basis(basis),
                       lawyer_access=recorded_lawyer_access(lawyer_access, treatment),
                       ground=ground, treatment=treatment)


def test_an_article_is_claimed_only_with_the_episodes_that_engage_it():
    arrest, fine, detention = fact("administrative_arrest", "CAO 488"), fact("fine", "CC 174"), fact("detention")
    claims = article_claims([arrest, fine, detention])
    assert claims == (Claim(9, (arrest, detention)), Claim(19, (fine,)), Claim(21, (arrest,)))
    assert article_claims([detention]) == (Claim(9, (detention,)),)  # no right named: the lawyer says which


def test_the_recorded_ground_names_the_freedom_whose_exercise_was_punished():
    # A chat message prosecuted as "participation in a banned association": expression and association.
    post = fact("criminal_case", "CC 405(2)", ground="online_post")
    assert [claim.key for claim in article_claims([post])] == [19, 22]
    assert [claim.key for claim in article_claims([fact("criminal_case", "CC 405(2)")])] == [22]
    rally = fact("detention", ground="protest")
    assert [claim.key for claim in article_claims([rally])] == [9, 21]
    assert [claim.key for claim in article_claims([fact("detention", ground="other")])] == [9]
    (category,) = category_claims([rally])
    assert (category.key, category.articles) == ("II", (21,))


def test_a_fair_trial_is_claimed_only_from_a_recorded_denial_of_a_lawyer_or_a_forced_statement():
    assert 14 not in {claim.key for claim in article_claims([fact("conviction", "CC 405(2)")])}
    assert 14 not in {claim.key for claim in article_claims([fact("conviction", "CC 405(2)", lawyer_access="yes")])}
    denied = fact("conviction", "CC 405(2)", lawyer_access="no")
    assert Claim(14, (denied,), breaches=(("denied_lawyer", (denied,)),)) in article_claims([denied])
    # The treatment tag records the denial where the lawyer_access cell is empty; the cell, where filled, decides.
    tagged = fact("detention", event_id="rally", treatment=("denied_lawyer",))
    assert tagged.lawyer_access == "no"
    # Article 14 applies to the determination of a charge: a detention that led to none engages article 9 only.
    assert 14 not in {claim.key for claim in article_claims([tagged])}
    charge = fact("fine", "CAO 488", event_id="rally", date="12 May 2018")  # the charge the detention led to
    assert Claim(14, (tagged,), breaches=(("denied_lawyer", (tagged,)),)) in article_claims([tagged, charge])
    assert recorded_lawyer_access("yes", {"denied_lawyer"}) == "yes" and recorded_lawyer_access(None, ()) == ""
    # A statement forced from the person: article 14(3)(g), each breach with its own facts.
    forced = fact("detention", event_id="rally", date="11 May 2018", treatment=("forced_statement",))
    (claim,) = [claim for claim in article_claims([tagged, forced, charge]) if claim.key == 14]
    assert claim.breaches == (("denied_lawyer", (tagged,)), ("forced_statement", (forced,)))
    assert claim.facts == (tagged, forced)
    # Other treatment (a phone seized) is no breach of a fair trial.
    assert 14 not in {claim.key for claim in article_claims([fact("detention", treatment=("phone_seized",))])}


def test_article_7_for_force_or_a_forced_statement_is_the_lawyers_decision():
    plain = fact("detention")
    assert author_claims([plain], None) == ((Claim(9, (plain,)),), ())  # absent: nothing recorded
    for tag in ("forced_statement", "force_used"):
        held = fact("detention", treatment=(tag,))
        claims, undecided = author_claims([held], None)
        assert 7 not in {claim.key for claim in claims}
        assert undecided == (Undecided("article_7", (7,), (held,)),)  # an open point naming the episode
        claims, undecided = author_claims([held], "+7")
        assert Claim(7, (held,)) in claims and undecided == ()  # resting on that episode
        claims, undecided = author_claims([held], "-7")
        assert 7 not in {claim.key for claim in claims} and undecided == ()
    # Ill-treatment recorded as a measure engages article 7 already: nothing left to decide.
    beaten, forced = fact("ill_treatment"), fact("detention", treatment=("forced_statement",))
    claims, undecided = author_claims([beaten, forced], None)
    assert Claim(7, (beaten,)) in claims and undecided == ()


def test_article_15_for_a_conviction_is_the_lawyers_decision():
    conviction, arrest = fact("conviction", "CC 405(2)"), fact("administrative_arrest", "CAO 488")
    claims, undecided = author_claims([arrest, conviction], None)
    assert 15 not in {claim.key for claim in claims}
    assert undecided == (Undecided("article_15", (15,), (conviction,)),)
    claims, undecided = author_claims([arrest, conviction], "+15")
    assert Claim(15, (conviction,)) in claims and undecided == ()  # resting on the conviction, not the arrest
    claims, undecided = author_claims([arrest, conviction], "-15")
    assert 15 not in {claim.key for claim in claims} and undecided == ()
    # A penalty recorded as imposed with no legal basis at all is a punishment without law.
    baseless = fact("fine", "нет")
    assert author_claims([baseless], None) == ((Claim(15, (baseless,)),), ())


def test_article_12_for_a_restriction_of_freedom_or_a_house_arrest_is_the_lawyers_decision():
    restriction, house = fact("restriction_of_freedom", "CC 405(2)"), fact("house_arrest", "CC 174")
    claims, undecided = author_claims([house, restriction], None)
    assert 12 not in {claim.key for claim in claims} and 9 in {claim.key for claim in claims}  # the house arrest
    assert undecided == (Undecided("article_12", (12,), (house, restriction)),)
    claims, undecided = author_claims([house, restriction], "+12")
    assert Claim(12, (house, restriction)) in claims and undecided == ()
    claims, undecided = author_claims([restriction], "-12")
    assert 12 not in {claim.key for claim in claims} and undecided == ()


def test_articles_25_and_26_for_a_dismissal_are_the_lawyers_decision():
    dismissal = fact("dismissal")
    assert author_claims([dismissal], None) == ((), (Undecided("articles_25_26", (25, 26), (dismissal,)),))
    assert author_claims([dismissal], "+26") == ((Claim(26, (dismissal,)),), ())
    assert author_claims([dismissal], "-25, -26") == ((), ())


def test_ill_treatment_before_a_conviction_leaves_article_14_3_g_to_the_lawyer():
    """Beaten during questioning, then convicted: whether that forced the confession the conviction rests on is
    the lawyer's (reader s8, C043); once claimed it is a breach of article 14 and of Category III."""
    def dated(measure: str, day: datetime.date, **more) -> EpisodeView:
        return replace(fact(measure, **more), day=day)
    custody = dated("pretrial_detention", datetime.date(2018, 6, 15), basis="CC 405(2)")
    beaten = dated("ill_treatment", datetime.date(2018, 6, 16))
    convicted = dated("conviction", datetime.date(2018, 9, 27), basis="CC 405(2)")
    facts = [custody, beaten, convicted]
    _, undecided = author_claims(facts, "-15")
    assert Undecided("article_14_confession", (14,), (beaten,)) in undecided
    assert not any(claim.key == 14 for claim in author_claims(facts, "-15")[0])
    claims, undecided = author_claims(facts, "-15, +14")
    assert not any(item.field == "article_14_confession" for item in undecided)
    assert next(claim for claim in claims if claim.key == 14).breaches == (("forced_statement", (beaten,)),)
    assert Claim("III", (beaten,), breaches=(("forced_statement", (beaten,)),)) in category_claims(facts, added=[14])
    assert not any(claim.key == "III" for claim in category_claims(facts))
    assert not author_claims(facts, "-15, -14")[1]
    # Not after the conviction, nor without one, nor where the statement is recorded as forced (a breach itself).
    later = dated("ill_treatment", datetime.date(2018, 10, 1))
    tagged = replace(beaten, treatment=("forced_statement",))
    for others in ([custody, later, convicted], [custody, beaten], [custody, tagged, convicted]):
        assert not any(item.field == "article_14_confession" for item in author_claims(others, "-15")[1])


def test_the_documents_ask_about_a_confession_obtained_by_ill_treatment_until_the_lawyer_decides(tmp_path):
    episodes = [episode("C1", measure="pretrial_detention", legal_basis="CC 405(2)", date=datetime.date(2018, 6, 15)),
                episode("C1", measure="ill_treatment", date=datetime.date(2018, 6, 16),
                        description="Beaten during questioning."),
                episode("C1", measure="conviction", legal_basis="CC 405(2)", date=datetime.date(2018, 9, 27))]
    for articles, asked in (("-15", True), ("-15, +14", False)):
        path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent", articles=articles)],
                              episodes=episodes)
        questionnaire = rendered(path, "wgad-questionnaire", member="C1")
        communication = rendered(path, "hrc", member="C1")
        # The questionnaire asks it with Category III; the communication, to a body without categories, without.
        for document, field in ((questionnaire, "category_iii_confession"), (communication, "article_14_confession")):
            assert (("C1", field) in {(p.complainant_id, p.field) for p in document.open_points}) is asked
        assert ("[to complete: whether article 14, paragraph 3 (g), is claimed for a confession" in words(
            communication)) is asked
        assert "(and before the Working Group" not in words(communication)
        text = words(questionnaire)
        # The fact its description tells is named as its line names it, not «torture» before article 7 is pleaded.
        asked_for = ("is claimed for a confession obtained by the ill-treatment recorded before the conviction, and on "
                     "which facts (articles cell: +14 or -14)] The fact concerned is set out above: the act of "
                     "16 June 2018.")
        assert (asked_for in text) if asked else ("Category III:" in text and asked_for not in text)
        assert ("whether Category III (article 14, paragraph 3 (g), of the Covenant) is claimed" in text) is asked


def test_article_17_2_of_the_constitution_follows_the_lawyers_decision_on_article_7_for_force_used():
    held = fact("detention", treatment=("force_used",))
    assert "17(2)" not in constitution_rights([held], [9])  # the lawyer has not claimed article 7: asked
    assert "17(2)" in constitution_rights([held], (article for article in (9, 7)))  # claimed (+7); any iterable
    assert "17(2)" in constitution_rights([fact("ill_treatment")], [])  # ill-treatment itself


def test_the_lawyer_adds_and_removes_articles():
    detention = fact("detention")
    assert article_claims([detention], added=[21], removed=[9]) == (Claim(21, (detention,)),)


def test_categories_are_argued_only_from_recorded_facts():
    at_rally = fact("administrative_arrest", event_id="rally")
    # No Category III without a record, and no right named without a provision or a claim.
    assert category_claims([at_rally]) == (Claim("II", (at_rally,)),)
    unlinked = fact("detention")
    assert category_claims([unlinked]) == ()  # nor Category I from an empty legal basis
    baseless = fact("detention", "нет")
    assert category_claims([baseless]) == (Claim("I", (baseless,)),)  # but from a record that none was invoked
    no_lawyer = fact("detention", lawyer_access="no")
    assert category_claims([no_lawyer]) == (Claim("III", (no_lawyer,), breaches=(("denied_lawyer", (no_lawyer,)),)),)
    forced = fact("pretrial_detention", treatment=("forced_statement",))
    assert category_claims([forced]) == (Claim("III", (forced,), breaches=(("forced_statement", (forced,)),)),)
    assert category_claims([fact("fine", treatment=("forced_statement",))]) == ()  # not a deprivation of liberty
    member = fact("pretrial_detention", "CC 405(2)")
    assert category_claims([member]) == (Claim("II", (member,), (22,)),)
    assert category_claims([member], affiliation="a banned movement") == (Claim("II", (member,), (22,)),
                                                                          Claim("V", (member,)))
    # Category II names the rights exercised: those of the provisions invoked and those claimed for the person.
    assert category_claims([at_rally], rights=[9, 21]) == (Claim("II", (at_rally,), (21,)),)
    # Participation in public affairs is in Category II's list: named for an observer or a campaigner held (reader
    # s10 E1), never for an article 25 the lawyer claims on a dismissal (access to public service).
    observer = fact("detention", ground="election_observation")
    assert category_claims([observer]) == (Claim("II", (observer,), (25,)),)
    campaigner = fact("detention", ground="campaigning")
    assert category_claims([campaigner], rights=[9, 19, 25]) == (Claim("II", (campaigner,), (19, 25)),)
    assert category_claims([at_rally], rights=[9, 21, 25, 26]) == (Claim("II", (at_rally,), (21,)),)
    assert category_claims([fact("fine", "CAO 488", event_id="rally")]) == ()  # not a deprivation of liberty


def test_the_communication_names_the_facts_of_each_article(tmp_path):
    people = [person("C1", poa_scope="represent"), person("C2", poa_scope="represent")]
    episodes = [episode("C1", measure="administrative_arrest", legal_basis="CAO 488", date=datetime.date(2018, 5, 11)),
                episode("C2", measure="detention", event_id=None)]
    result = build(write_workbook(tmp_path / "case.xlsx", people=people, episodes=episodes), langs=["en"],
                   formats=["pdf"], documents=["hrc", "wgad-questionnaire"], output_root=tmp_path / "out", today=TODAY)
    first = flat(pdf_text(result.output / "en" / "hrc" / "C1.pdf"))
    assert "Article 21: the right of peaceful assembly — facts: 11 May 2018 (administrative arrest)" in first
    assert "Article 19" not in first and "Article 22" not in first
    second = flat(pdf_text(result.output / "en" / "hrc" / "C2.pdf"))
    assert "Article 9: the right to liberty and security of person — facts: 10 May 2018 (detention)" in second
    assert "[to complete: the articles of the Covenant violated, and the facts supporting each]" in second
    questionnaire = flat(pdf_text(result.output / "en" / "wgad-questionnaire" / "C2.pdf"))
    assert "Category" not in questionnaire.split("IV. Circumstances")[1].split("V. Domestic steps")[0]
    assert "[to complete: the category of arbitrary detention and the facts supporting it]" in questionnaire
    assert "none was invoked" not in questionnaire and "[to complete: legal basis invoked]" in questionnaire
    arrested = flat(pdf_text(result.output / "en" / "wgad-questionnaire" / "C1.pdf"))
    assert "Category II" in arrested and "Category III" not in arrested


def test_a_decision_dated_after_the_document_is_an_error(tmp_path):
    path = write_workbook(tmp_path / "case.xlsx")
    add_sheet(path, "Remedies", REMEDY_HEADER,
              [["C1", datetime.date(2018, 6, 1), "court", "appeal", "dismissed", datetime.date(2018, 12, 1)]])
    (tmp_path / "case.toml").write_text("build_date = 2018-11-01\n", encoding="utf-8")
    report = load(path, ("en",), TODAY).report
    assert [(i.code, i.sheet, i.cell) for i in report.errors] == [("after-document-date", "Remedies", "F2")]
    (tmp_path / "case.toml").write_text("build_date = 2018-12-01\n", encoding="utf-8")
    assert load(path, ("en",), TODAY).report.valid


def test_an_episode_or_event_dated_after_the_document_is_an_error_at_its_cell(tmp_path):
    (tmp_path / "case.toml").write_text("build_date = 2018-11-01\n", encoding="utf-8")
    people = [person("C1", poa_date=datetime.date(2018, 11, 2))]
    episodes = [episode("C1", measure="pretrial_detention", date=datetime.date(2018, 10, 1),
                        end_date=datetime.date(2018, 11, 15)),
                episode("C1", measure="conviction", date=datetime.date(2018, 12, 1))]
    path = write_workbook(tmp_path / "case.xlsx", events=[event(date=datetime.date(2018, 11, 20))], people=people,
                          episodes=episodes)
    report = load(path, ("en",), TODAY).report
    after = {(i.sheet, i.column) for i in report.errors if i.code == "after-document-date"}
    assert after == {("Events", "date"), ("Complainants", "poa_date"), ("Episodes", "date")}  # an end may be to come
    assert not report.valid  # never built, so never printed as past fact
    (tmp_path / "case.toml").write_text("build_date = 2018-12-01\n", encoding="utf-8")
    assert load(path, ("en",), TODAY).report.valid


def rendered(path, document: str, lang: str = "en", member: str | None = None) -> DocumentHtml:
    """The document's HTML as the build renders it (without the PDF)."""
    loaded = load(path, (lang,), TODAY)
    assert loaded.report.valid
    day = build_date(loaded.settings, TODAY)
    context = document_context(loaded.case, REGISTRY[document], lang, day)
    if member:
        context |= {"author": next(p for p in context["people"] if p.complainant_id == member)}
    return DocumentHtml(REGISTRY[document], lang, context, day)


def words(document: DocumentHtml) -> str:
    return flat(lxml_html.document_fromstring(document.html).text_content())


def legal_grounds(document: DocumentHtml) -> str:
    return words(document).split("5. Legal grounds")[1].split("6. Requests")[0]


def test_the_collective_complaint_counts_for_each_article_the_complainants_whose_facts_support_it(tmp_path):
    people = [person("C1"), person("C2", id_document="2", date_of_birth=datetime.date(1991, 1, 1)),
              person("C3", id_document="3", date_of_birth=datetime.date(1992, 1, 1))]
    episodes = [episode("C1", measure="administrative_arrest", legal_basis="CAO 488"),
                episode("C2", measure="fine", legal_basis="CAO 488"),
                episode("C3", measure="conviction", legal_basis="CC 405(2)")]
    path = write_workbook(tmp_path / "case.xlsx", people=people, episodes=episodes)
    complaint = rendered(path, "collective-complaint")
    addressees = [flat(p.text_content()) for p in lxml_html.document_fromstring(complaint.html).find_class("addressee")]
    # Each body once, with its address (bodies.toml).
    assert addressees.count("OSCE Office for Democratic Institutions and Human Rights") == 1
    assert not [line for line in addressees if "Democratic Institutions" in line and line.startswith("the ")]
    grounds = legal_grounds(complaint)
    assert "every complainant" not in grounds
    assert "Article 21: the right of peaceful assembly (concerns 2 complainants)" in grounds
    assert "Article 22: freedom of association (concerns 1 complainant)" in grounds
    assert "Article 9: the right to liberty and security of person (concerns 1 complainant)" in grounds
    assert "Article 19" not in grounds and "Article 14" not in grounds  # no fact supports them
    # Article 15 for the conviction: open until the lawyer decides, then claimed or absent.
    assert ("[to complete: whether article 15 (no punishment without law) is claimed for the conviction, and on "
            "which facts] (concerns 1 complainant)") in grounds
    assert "Article 15" not in grounds
    for decision, claimed in (("+15", True), ("-15", False)):
        people[2]["articles"] = decision
        path = write_workbook(tmp_path / "case.xlsx", people=people, episodes=episodes)
        document = rendered(path, "collective-complaint")
        grounds = legal_grounds(document)
        assert ("Article 15: no punishment without law (concerns 1 complainant)" in grounds) is claimed
        assert "[to complete" not in grounds and not {p.field for p in document.open_points} & {"article_15"}


def test_the_communication_leaves_article_15_and_articles_25_26_to_the_lawyer(tmp_path):
    episodes = [episode("C1", measure="conviction", legal_basis="CC 405(2)", date=datetime.date(2018, 9, 20)),
                episode("C1", measure="dismissal", event_id=None, date=datetime.date(2018, 10, 1))]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")], episodes=episodes)
    communication = rendered(path, "hrc", member="C1")
    assert {(p.complainant_id, p.field) for p in communication.open_points} >= {("C1", "article_15"),
                                                                                ("C1", "articles_25_26")}
    text = words(communication)
    assert ("[to complete: whether article 15 (no punishment without law) is claimed for the conviction, and on "
            "which facts] — facts: 20 September 2018 (conviction)") in text
    assert "Article 15" not in text and "Article 25" not in text and "Article 26" not in text
    # Of article 25, a dismissal can reach only (c), access to public service, from a post in the State's service
    # (reader s8, s9 N7).
    assert ("[to complete: whether article 25 (c) (access to public service), if the employer is a State body or "
            "institution, and article 26 (equality") in text
    assert ("[требуется указать: заявляется ли нарушение пункта c) статьи 25 (доступ к государственной службе), если "
            "работодатель — государственный орган или учреждение, и статьи 26") in words(
        rendered(path, "hrc", "ru", member="C1"))
    assert ("жұмыстан шығаруға қатысты 25-баптың c) тармақшасының (мемлекеттік қызметке қол жеткізу; жұмыс беруші "
            "мемлекеттік орган немесе мекеме болса) және 26-баптың"
            in words(rendered(path, "hrc", "kk", member="C1")).replace("\u2060", ""))
    decided = person("C1", poa_scope="represent", articles="+15, -25, +26")
    path = write_workbook(tmp_path / "case.xlsx", people=[decided], episodes=episodes)
    communication = rendered(path, "hrc", member="C1")
    text = words(communication)
    assert not {p.field for p in communication.open_points} & {"article_15", "articles_25_26"}
    assert "Article 15: no punishment without law — facts: 20 September 2018 (conviction)" in text
    assert "Article 26: equality before the law" in text
    assert "facts: 1 October 2018 (dismissal from work)" in text
    assert "Article 25" not in text


def test_a_deprivation_with_no_description_is_told_with_its_recorded_ground_and_event(tmp_path):
    """«3 декабря 2023 года: задержание.» under an argued article 25 (reader s11 Q9): the questionnaire, whose
    categories cite the facts it sets out, says what the workbook records of why and where; nothing it does not."""
    observed = write_workbook(tmp_path / "observer.xlsx", people=[person("C1", poa_scope="represent")],
                              episodes=[episode("C1", measure="detention", grounds="election observation")])
    for lang, told in (("en", "10 May 2018: detention. Targeted for: election observation. Event: The rally rally."),
                       ("ru", "10 мая 2018 года: задержание. Основание преследования: наблюдение за выборами. "
                              "Событие: Митинг rally."),
                       ("kk", "2018 жылғы 10 мамыр: ұстау. Қудалау негізі: сайлауды бақылау. Оқиға: Rally жиыны.")):
        assert told in words(rendered(observed, "wgad-questionnaire", lang, member="C1")), lang
    bare = write_workbook(tmp_path / "bare.xlsx", people=[person("C1", poa_scope="represent")],
                          episodes=[episode("C1", None, measure="detention")])
    text = words(rendered(bare, "wgad-questionnaire", member="C1"))
    assert "10 May 2018: detention." in text and "Targeted for" not in text and "Event:" not in text
    described = write_workbook(tmp_path / "described.xlsx", people=[person("C1", poa_scope="represent")],
                               episodes=[episode("C1", measure="detention", grounds="election observation",
                                                 description_en="Held at the polling station.")])
    text = words(rendered(described, "wgad-questionnaire", member="C1"))
    assert "Held at the polling station." in text and "Targeted for" not in text


def test_category_ii_names_only_the_rights_the_record_shows_were_exercised(tmp_path):
    episodes = [episode("C1", measure="administrative_arrest", legal_basis="CAO 488")]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")], episodes=episodes)
    text = words(rendered(path, "wgad-questionnaire", member="C1"))
    assert ("Category II: the deprivation of liberty resulted from the exercise of the rights and freedoms guaranteed "
            "by article 21 of the International Covenant on Civil and Political Rights.") in text
    assert "25" not in text.split("Category II")[1].split("It rests on")[0]
    # The facts it rests on are a sentence, each act named with its date, not a line of dates.
    assert "Rights. It rests on the fact set out above: the administrative arrest of 10 May 2018." in text
    assert "facts:" not in text.split("Category II")[1]
    # The article, or articles, agreeing with their number (reader s8: «следующими статьями …: 19»).
    assert ("гарантированных статьёй 21 Международного пакта о гражданских и политических правах."
            in words(rendered(path, "wgad-questionnaire", "ru", member="C1")))
    assert ("халықаралық пактінің 21-\u2060бабында кепілдік берілген" in
            words(rendered(path, "wgad-questionnaire", "kk", member="C1")))
    # An observer held: article 25, never the open point (reader s10 E1).
    observed = write_workbook(tmp_path / "observer.xlsx", people=[person("C1", poa_scope="represent")],
                              episodes=[episode("C1", measure="detention", grounds="election observation")])
    for lang, named in (("en", "guaranteed by article 25 of the International Covenant"),
                        ("ru", "гарантированных статьёй 25 Международного пакта"),
                        ("kk", "халықаралық пактінің 25-\u2060бабында кепілдік берілген")):
        questionnaire = rendered(observed, "wgad-questionnaire", lang, member="C1")
        assert named in words(questionnaire)
        assert "articles" not in {point.field for point in questionnaire.open_points}
    both = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent", articles="+19")],
                          episodes=episodes)
    assert ("by articles 19 and 21 of the International Covenant"
            in words(rendered(both, "wgad-questionnaire", member="C1")))
    assert ("гарантированных статьями 19 и 21 Международного пакта"
            in words(rendered(both, "wgad-questionnaire", "ru", member="C1")))
    kazakh = words(rendered(both, "wgad-questionnaire", "kk", member="C1"))
    assert "пактінің 19 және 21-\u2060баптарында кепілдік" in kazakh
    # Held at a recorded event under no provision, with no right claimed: the lawyer names it.
    episodes = [episode("C1", measure="detention")]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")], episodes=episodes)
    questionnaire = rendered(path, "wgad-questionnaire", member="C1")
    assert ("Civil and Political Rights: [to complete: the articles of the Covenant violated, and the facts "
            "supporting each].") in words(questionnaire)
    assert ("C1", "articles") in {(p.complainant_id, p.field) for p in questionnaire.open_points}


def test_the_questionnaire_says_the_facts_a_category_rests_on_in_a_sentence_agreeing_with_their_number():
    macros = ('{% import "_macros.html" as m %}'
              '{{ m.facts_sentence(facts) }}|{{ m.facts_sentence(facts, penalties=true) }}')
    arrest = {"measure": "административный арест", "date": "11 мая 2018 года", "categorical": False}
    one = html_environment("ru").from_string(macros).render(facts=[arrest])
    assert one == ("Это подтверждается фактом, изложенным выше: административный арест 11 мая 2018 года.|"
                   "Соответствующее наказание изложено выше: административный арест 11 мая 2018 года.")
    # The sentence agrees with the number of facts listed, which are joined as the language joins a list.
    for count in (2, 5, 11, 21, 22, 101):
        text = html_environment("ru").from_string(macros).render(facts=[arrest] * count)
        assert text.startswith("Это подтверждается фактами, изложенными выше: административный арест 11 мая")
        assert "|Соответствующие наказания изложены выше:" in text
        assert text.count(" и административный арест") == 2  # "a, b и c": one "и" before the last, in each
    undated = {"measure": "ұстау", "date": "", "categorical": False}
    fine = {"measure": "айыппұл", "date": "2018 жылғы 11 мамыр", "categorical": False}
    text = html_environment("kk").from_string(macros).render(facts=[undated, fine])
    assert text.startswith("Бұл жоғарыда баяндалған фактілермен расталады: ұстау (күні белгісіз) және айыппұл "
                           "(2018 жылғы 11 мамыр).|Тиісті жазалар")


def test_the_treatment_recorded_raises_article_14_and_category_three_in_the_documents(tmp_path):
    held = episode("C1", measure="detention", legal_basis="CAO 488", treatment="denied a lawyer, forced statement")
    fined = episode("C1", measure="fine", legal_basis="CAO 488", date=datetime.date(2018, 5, 20))
    for articles, claimed in ((None, None), ("+7", True), ("-7", False)):
        people = [person("C1", poa_scope="represent", articles=articles)]
        path = write_workbook(tmp_path / "case.xlsx", people=people, episodes=[held, fined])
        communication = rendered(path, "hrc", member="C1")
        text = words(communication)
        assert ("Article 14: the right to a fair trial — denial of access to a lawyer of his or her choosing "
                "(article 14, paragraph 3 (b) and (d)), facts: 10 May 2018 (detention); compulsion to make a statement "
                "against himself or herself or to confess guilt (article 14, paragraph 3 (g)), facts: 10 May 2018 "
                "(detention)") in text
        assert ("Article 7" in text) is bool(claimed)
        assert (("C1", "article_7") in {(p.complainant_id, p.field) for p in communication.open_points}) is (
            claimed is None)
    questionnaire = words(rendered(path, "wgad-questionnaire", member="C1"))
    assert ("Category III: the non-observance of the international norms relating to the right to a fair trial is of "
            "such gravity as to give the deprivation of liberty an arbitrary character (article 14 of the Covenant): "
            "denial of access to a lawyer") in questionnaire
    # The access to a lawyer the treatment recorded answers the questionnaire's column.
    assert "whether the person had access to a lawyer" not in questionnaire
    # The lawyer_access cell, where filled, decides; a contradicting tag is a warning at that cell.
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")],
                          episodes=[held | {"treatment": "denied a lawyer", "lawyer_access": "yes"}, fined])
    warnings = [(i.code, i.sheet, i.column) for i in load(path, ("en",), TODAY).report.warnings]
    assert ("lawyer-access-contradicted", "Episodes", "lawyer_access") in warnings
    assert "Article 14" not in words(rendered(path, "hrc", member="C1"))
    # Without the tags: no article 14, no Category III.
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")],
                          episodes=[held | {"treatment": "phone seized"}, fined])
    assert "Article 14" not in words(rendered(path, "hrc", member="C1"))
    assert "Category III" not in words(rendered(path, "wgad-questionnaire", member="C1"))


def test_a_placement_a_threat_and_a_seizure_engage_articles_7_9_and_17_only_as_the_lawyer_decides():
    """Reader s10: a court-ordered psychiatric examination was claimed as torture (article 7), a police warning of
    prosecution as an attack on the security of person (article 9), and blue balloons taken in a park as an
    interference with privacy (article 17). The workbook does not record what would make them so: the lawyer
    is asked, with the facts, and a cell decides."""
    placement, threat, seizure = fact("psychiatric_placement"), fact("threats"), fact("confiscation")
    claims, undecided = author_claims([placement, threat, seizure], None)
    assert claims == (Claim(9, (placement,)),)  # the placement deprives of liberty: article 9 in itself
    # Article 9 already claimed; which right the threat targets is asked (no ground recorded).
    assert undecided == (Undecided("article_7_placement", (7,), (placement,)),
                         Undecided("article_17_seizure", (17,), (seizure,)),
                         Undecided("threats_right", (19, 21, 22, 25), (threat,)))
    claims, undecided = author_claims([threat, seizure], None)
    assert claims == ()
    assert [item.field for item in undecided] == ["article_9_threats", "article_17_seizure", "threats_right"]
    claims, undecided = author_claims([placement, threat, seizure], "+7, +17")
    assert Claim(7, (placement,)) in claims and Claim(17, (seizure,)) in claims
    assert [item.field for item in undecided] == ["threats_right"]
    # A placement counts under article 17(2) of the Constitution only when article 7 is claimed for it.
    assert "17(2)" not in constitution_rights([placement], [9])
    assert "17(2)" in constitution_rights([placement], [7, 9])


def test_a_threat_is_listed_under_the_freedom_its_ground_names_and_else_the_lawyer_is_asked_which(tmp_path):
    """Reader s10 H1 (C027, C030): a police warning of prosecution if the person attends the next rally claimed
    nothing once article 9 was left to the lawyer, with no open point where article 9 was claimed on a detention.
    By its recorded ground it is a fact under the freedom it targets; without one, which right is asked."""
    detained = fact("detention", ground="protest")
    warned = replace(fact("threats"), ground="protest")
    claims, undecided = author_claims([detained, warned], None)
    assert Claim(21, (detained, warned)) in claims and undecided == ()
    unlinked, other = fact("threats"), fact("threats", ground="other")
    claims, undecided = author_claims([detained, unlinked], None)
    assert Claim(21, (detained,)) in claims
    assert undecided == (Undecided("threats_right", (19, 21, 22, 25), (unlinked,)),)
    assert author_claims([detained, other], None)[1] == ()  # the lawyer recorded a ground that names no freedom
    episodes = [episode("C1", measure="detention", legal_basis="CAO 488"),
                episode("C1", measure="threats", event_id=None, date=datetime.date(2018, 7, 9))]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")], episodes=episodes)
    for lang, asked in (("en", "[to complete: which right the threats interfered with, by the ground the person was "
                               "targeted for (the Episodes column grounds: a protest engages article 21"),
                        ("ru", "[требуется указать: какое право затрагивали угрозы — по основанию преследования лица "
                               "(столбец grounds листа «Эпизоды»: протест — статья 21"),
                        ("kk", "қорқыту қай құқыққа қол сұқты — адамның қудалану негізі бойынша («Эпизодтар» "
                               "парағының grounds бағаны: наразылық — 21-бап")):
        communication = rendered(path, "hrc", lang, member="C1")
        assert asked in words(communication).replace("\u2060", "")
        # The elections' grounds too (reader s11 H5): article 25 is among the rights the point offers.
        assert {"en": "campaigning articles 19 and 25, election observation article 25)]",
                "ru": "агитация — статьи 19 и 25, наблюдение за выборами — статья 25)]",
                "kk": "үгіт — 19 және 25-баптар, сайлауды бақылау — 25-бап)]"}[lang] in words(communication).replace(
            "\u2060", "")
        assert "threats_right" in {p.field for p in communication.open_points}
    # Asked of a person who claims article 21 on the detention: never «other» complainants.
    path = write_workbook(tmp_path / "cc.xlsx", people=[person("C1")], episodes=episodes)
    complaint = words(rendered(path, "collective-complaint"))
    assert "Article 21: the right of peaceful assembly (concerns 1 complainant)" in complaint
    assert ("association article 22, campaigning articles 19 and 25, election observation article 25)] (concerns 1 "
            "complainant)") in complaint
    episodes[1] |= {"grounds": "protest"}
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")], episodes=episodes)
    communication = rendered(path, "hrc", member="C1")
    assert "threats_right" not in {p.field for p in communication.open_points}
    listed = "Article 21: the right of peaceful assembly — facts: 10 May 2018 (detention); 9 July 2018 (threats)"
    assert listed in words(communication)


def test_an_expulsion_from_study_asks_for_article_26_only(tmp_path):
    """Article 25 (c) reaches a post in the State's service, never a student's place (reader s9 N7); the label the
    two once shared is still read, as a dismissal."""
    episodes = [episode("C1", measure="expulsion", event_id=None, date=datetime.date(2018, 10, 1))]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")], episodes=episodes)
    for lang, asked in (("en", "[to complete: whether article 26 (equality before the law and non-discrimination) "
                                "is claimed for the expulsion from study, and on which facts] — facts: 1 October 2018 "
                                "(expulsion from study)"),
                        ("ru", "[требуется указать: заявляется ли нарушение статьи 26 (равенство перед законом и "
                               "недопустимость дискриминации) в связи с отчислением с учёбы"),
                        ("kk", "оқудан шығаруға қатысты 26-баптың (заң алдындағы теңдік және кемсітуге жол бермеу) "
                               "бұзылуы мәлімделе ме")):
        communication = rendered(path, "hrc", lang, member="C1")
        text = words(communication).replace("\u2060", "")
        assert asked in text
        assert not any(part in text for part in ("article 25 (c)", "пункта c) статьи 25", "25-баптың c)"))
        assert {p.field for p in communication.open_points} & {"article_26", "articles_25_26"} == {"article_26"}
    decided = person("C1", poa_scope="represent", articles="+26")
    path = write_workbook(tmp_path / "case.xlsx", people=[decided], episodes=episodes)
    assert "Article 26: equality before the law" in words(rendered(path, "hrc", member="C1"))
    old = [episode("C1", measure="увольнение с работы или отчисление с учёбы", event_id=None)]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")], episodes=old)
    assert "articles_25_26" in {p.field for p in rendered(path, "hrc", member="C1").open_points}
