"""Generate intake/example-complete/: the example case with everything the bodies' forms ask for filled
in, so that `complaints build intake/example-complete --final` writes every document without an
open point. The people, places and facts are the example's (all invented); what is added is as
invented as they are. Re-running the script gives the same bytes.

    python scripts/make_example_complete.py [FOLDER]
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

from complaints.names import transliterate
from complaints.stock import term_end

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT / "intake" / "example-complete"

_spec = importlib.util.spec_from_file_location("make_example_workbook", ROOT / "scripts" / "make_example_workbook.py")
example = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(example)

# Each person's occupation in each language of the documents (words that fit a woman and a man alike).
OCCUPATIONS = [
    {"en": "teacher", "ru": "учитель", "kk": "мұғалім"},
    {"en": "engineer", "ru": "инженер", "kk": "инженер"},
    {"en": "journalist", "ru": "журналист", "kk": "журналист"},
    {"en": "student", "ru": "студент", "kk": "студент"},
    {"en": "entrepreneur", "ru": "предприниматель", "kk": "кәсіпкер"},
    {"en": "driver", "ru": "водитель", "kk": "жүргізуші"},
    {"en": "doctor", "ru": "врач", "kk": "дәрігер"},
    {"en": "accountant", "ru": "бухгалтер", "kk": "бухгалтер"},
    {"en": "pensioner", "ru": "пенсионер", "kk": "зейнеткер"},
    {"en": "lawyer", "ru": "юрист", "kk": "заңгер"},
    {"en": "builder", "ru": "строитель", "kk": "құрылысшы"},
    {"en": "health worker", "ru": "медицинский работник", "kk": "медицина қызметкері"},
]
DEPRIVATIONS = ("detention", "задержание", "ұстау", "administrative_arrest", "административный арест",
                "әкімшілік қамаққа алу", "pretrial_detention", "imprisonment", "house_arrest", "psychiatric_placement")
# Where people were held, and the reasons the authorities gave, in each language of the documents.
CUSTODY = {
    "pretrial_detention": {"en": "pre-trial detention facility (SIZO)", "ru": "следственный изолятор (СИЗО)",
                           "kk": "тергеу изоляторы"},
    "house_arrest": {"en": "at home, under house arrest", "ru": "по месту жительства (домашний арест)",
                     "kk": "тұрғылықты жері бойынша (үйқамақ)"},
    "imprisonment": {"en": "medium-security penal institution", "ru": "учреждение средней безопасности",
                     "kk": "орташа қауіпсіздік мекемесі"},
    "psychiatric_placement": {"en": "regional psychiatric hospital", "ru": "областная психиатрическая больница",
                              "kk": "облыстық психиатриялық аурухана"},
}
POLICE_CUSTODY = {"en": "police station, then a special detention centre",
                  "ru": "отдел полиции, затем специальный приёмник",
                  "kk": "полиция бөлімі, содан кейін арнайы қабылдау орны"}
# The court of each town where a complaint against a prosecutor's refusal goes (complete(), below).
COURTS = {"almaty": "Алмалинский районный суд г. Алматы", "kaskelen": "Карасайский районный суд",
          "oskemen": "Усть-Каменогорский городской суд", "astana": "Сарыаркинский районный суд г. Астаны",
          "kostanay": "Костанайский городской суд", "aktobe": "Актюбинский городской суд",
          "oral": "Уральский городской суд"}
# A suspect held by the police until a court ordered the custody (complete(), below).
SUSPECT_CUSTODY = {"en": "temporary detention facility of the police", "ru": "изолятор временного содержания",
                   "kk": "уақытша ұстау изоляторы"}
SUSPICION = {"en": "suspected of a criminal offence under the provision cited",
             "ru": "подозрение в совершении уголовного правонарушения, предусмотренного указанной статьёй",
             "kk": "көрсетілген бапта көзделген қылмыстық құқық бұзушылық жасады деген күдік"}
ASSEMBLY = {"en": "taking part in an \"unauthorised\" assembly",
            "ru": "участие в «несанкционированном» собрании",
            "kk": "«рұқсат етілмеген» жиналысқа қатысу"}


# The representative's position on the Working Group's parallel examination (article 5(2)(a) of the
# Optional Protocol), which the communications of the people it also examines print.
WGAD_PARALLEL = {
    "en": "The Working Group renders opinions under a mandate of the Human Rights Council, not a treaty; the "
          "representative submits that its examination is not another procedure of international investigation or "
          "settlement and will inform the Committee of its opinion.",
    "ru": "Рабочая группа выносит мнения в рамках мандата Совета по правам человека, а не договора; представитель "
          "полагает, что рассмотрение ею дела не является другой процедурой международного разбирательства или "
          "урегулирования, и сообщит Комитету её мнение.",
    "kk": "Жұмыс тобы шарт бойынша емес, Адам құқықтары жөніндегі кеңестің мандаты шеңберінде пікір шығарады; өкіл "
          "оның қарауы халықаралық тергеудің немесе реттеудің басқа рәсімі емес деп санайды және оның пікірін "
          "Комитетке хабарлайды.",
}


_scans_spec = importlib.util.spec_from_file_location("make_example_scans", ROOT / "scripts" / "make_example_scans.py")
scans = importlib.util.module_from_spec(_scans_spec)
_scans_spec.loader.exec_module(scans)


def poa_scan_name(complainant_id: str) -> str:
    return f"annexes/{complainant_id}-poa.png"


# Why the lawyer asks for interim measures for the first author still held (invented, as the case is).
INTERIM_REASONS = {
    "en": "The author has a heart condition that the medical unit of the place of detention cannot treat; the "
          "State party is asked to ensure that the author receives specialised medical care.",
    "ru": "У автора заболевание сердца, которое медицинская часть места содержания под стражей не может "
          "лечить; государство-участник просят обеспечить автору специализированную медицинскую помощь.",
    "kk": "Автордың жүрек ауруы бар, оны қамауда ұстау орнының медициналық бөлімі емдей алмайды; қатысушы "
          "мемлекеттен авторға мамандандырылған медициналық көмек көрсетуді қамтамасыз ету сұралады.",
}


def typed_date(value: dt.date | str) -> dt.date:
    """A date as the example types it: a date, or text in the Russian (10.05.2018) or ISO order."""
    if isinstance(value, dt.date):
        return value
    return dt.datetime.strptime(value, "%d.%m.%Y" if "." in value else "%Y-%m-%d").date()


def complete(complainants: list[dict], episodes: list[dict], remedies: list[dict], attachments: list[dict],
             scanned: list[str], still_held: list[str]) -> None:
    for number, row in enumerate(complainants):
        row["nationality"] = "KZ"
        row["place_of_birth"] = row["city"]
        for lang, occupation in OCCUPATIONS[number % len(OCCUPATIONS)].items():
            row[f"occupation_{lang}"] = occupation
        row["other_procedures"] = "none"
        row["consent_to_government"] = "yes"  # asked with the power of attorney (invented, as the case is)
        # The passport's spelling of the name, where the example leaves it to a transliteration (invented).
        for part in ("surname", "given_name"):
            if not row.get(f"{part}_latin"):
                row[f"{part}_latin"] = transliterate(row[part]).upper()
    # The lawyer found out the day each person was apprehended whose first recorded deprivation of liberty is
    # one a decision ordered (an administrative arrest, a custody): detained by the police of the person's town
    # the day before, on the same suspicion, until that decision.
    first: dict[str, tuple[dt.date, dict]] = {}
    for day, ep in sorted(((typed_date(ep["date"]), ep) for ep in episodes if ep["measure"] in DEPRIVATIONS
                           and ep["date"]), key=lambda pair: (pair[1]["complainant_id"], pair[0])):
        first.setdefault(ep["complainant_id"], (day, ep))
    for cid, (day, ordered) in sorted(first.items()):
        if ordered["measure"] not in example.DETENTION_SPELLINGS:
            apprehended = day - dt.timedelta(days=1)
            episodes.append({"complainant_id": cid, "event_id": ordered["event_id"], "date": apprehended,
                             "city": ordered["city"], "measure": "detention", "legal_basis": ordered["legal_basis"],
                             "penalty": "", "description": "", "end_date": day,
                             "authority": example._authority("police", example.HOME[cid], apprehended),
                             "suspect": ordered["measure"] in CUSTODY})
    for number, ep in enumerate(episodes):
        if ep["measure"] not in DEPRIVATIONS:
            continue
        held = ep["measure"] in CUSTODY
        for lang, place in CUSTODY.get(ep["measure"], SUSPECT_CUSTODY if ep.get("suspect") else POLICE_CUSTODY).items():
            ep[f"place_of_detention_{lang}"] = place
        ep["warrant"] = "yes" if held else "no"
        ep["lawyer_access"] = "yes" if held else "no"
        for lang, reason in (SUSPICION if held or ep.get("suspect") else ASSEMBLY).items():
            ep[f"reasons_given_{lang}"] = reason
        if not ep["legal_basis"]:
            # The preventive detentions were made without any record: the authorities invoked nothing.
            ep["legal_basis"] = "none" if ep["event_id"] == "prevent-0706" else "CAO 488"
        if held:
            ep["case_number"] = f"18-{7510 + number}"
        if not ep["end_date"] and (ends := term_end(SimpleNamespace(date=ep["date"], penalty=ep["penalty"]))) \
                and ends < example.DOCUMENT_DATE:
            # The lawyer found out what the workbook did not say: released when the custody's term ran out.
            ep["end_date"] = ends
        if ep["measure"] not in example.DETENTION_SPELLINGS:
            # A court ordered the arrest or custody; the police of the person's town made the arrest.
            ep["arrested_by"] = example.POLICE.get(example.HOME[ep["complainant_id"]], "police")
    # Every author of a communication claims a right of the Covenant that some episode engages, or
    # the lawyer names the article; those with only searches, threats or dismissals get article 19.
    engaged = {ep["complainant_id"] for ep in episodes if ep["legal_basis"] and ep["legal_basis"] != "none"}
    # The lawyer also decides what only a lawyer can: article 15 is not claimed for the convictions,
    # article 26 is claimed for the dismissals, article 12 for restrictions of freedom and house arrests,
    # article 7 for force used or a statement forced.
    decisions = {"conviction": "-15", "dismissal": "+26", "restriction_of_freedom": "+12", "house_arrest": "+12"}
    coerced = {ep["complainant_id"] for ep in episodes
               if {"force_used", "forced_statement"} & {tag.strip() for tag in (ep.get("treatment") or "").split(",")}}
    # And article 14(3)(b) for a fine or an arrest imposed on the day of the detention or the next: the people
    # asked for time to prepare their defence and were refused (claims.pleaded_trials).
    detained = {(ep["complainant_id"], typed_date(ep["date"])) for ep in episodes
                if ep["measure"] in example.DETENTION_SPELLINGS and ep["date"]}
    tried = {ep["complainant_id"] for ep in episodes
             if ep["measure"] in ("fine", "administrative_arrest") and ep["date"]
             and {(ep["complainant_id"], typed_date(ep["date"]) - dt.timedelta(days=days)) for days in (0, 1)}
             & detained}
    # And article 14(3)(g) for ill-treatment before a conviction: it forced the confession the conviction rests
    # on (claims.confessions).
    convicted = {(ep["complainant_id"], typed_date(ep["date"])) for ep in episodes if ep["measure"] == "conviction"}
    confessed = {ep["complainant_id"] for ep in episodes if ep["measure"] == "ill_treatment"
                 and any(cid == ep["complainant_id"] and day >= typed_date(ep["date"]) for cid, day in convicted)}
    # The threat to expel C027's son came after her detention at the rally: the lawyer records the protest as its
    # ground, so that it is listed under article 21 (claims.unlinked_threats).
    for ep in episodes:
        if ep["measure"] == "threats" and not ep["grounds"]:
            ep["grounds"] = "protest"
    # Every search of the example was of the person's flat or house, as the descriptions say: article 25 of the
    # Constitution (the home).
    for ep in episodes:
        if ep["measure"] == "search":
            ep["home_searched"] = "yes"
    # Nothing is known of the treatment in the psychiatric hospital, of a threat against life or integrity, or of
    # what the seizures took but the phone and laptop seized from C040: articles 7, 9 and 17 are not claimed for
    # them, and 17 is for those (claims.DECIDED_BY_LAWYER). A removal only where nothing else engages the article.
    private = {"search", "surveillance"}
    for row in complainants:
        changes = [] if row["complainant_id"] in engaged else ["+19"]
        measures = {ep["measure"] for ep in episodes if ep["complainant_id"] == row["complainant_id"]}
        changes += [change for measure, change in decisions.items() if measure in measures]
        if "psychiatric_placement" in measures and row["complainant_id"] not in coerced:
            changes.append("-7")
        if "threats" in measures and not measures & set(DEPRIVATIONS):
            changes.append("-9")
        if "confiscation" in measures and row["complainant_id"] == "C040":
            changes.append("+17")
        elif "confiscation" in measures and not measures & private:
            changes.append("-17")
        # A phone taken or checked, the only fact of private life recorded (claims.phone_unsettled): article 17,
        # and with it article 18 of the Constitution, where the description says the phone was checked; else not.
        mine = [ep for ep in episodes if ep["complainant_id"] == row["complainant_id"]]
        tags = {tag.strip() for ep in mine for tag in (ep.get("treatment") or "").split(",")}
        if "phone_seized" in tags and "fingerprints_taken" not in tags and not measures & private \
                and not {"+17", "-17"} & set(changes):
            checked = any("phone was checked" in (ep.get("description_en") or "") for ep in mine)
            changes.append("+17" if checked else "-17")
        if row["complainant_id"] in coerced:
            changes.append("+7")
        if row["complainant_id"] in tried | confessed:
            changes.append("+14")
        if changes:
            row["articles"] = ", ".join(dict.fromkeys(changes))
    # The two people without a recorded domestic remedy complained to the prosecutor.
    for cid in sorted(example.NO_REMEDY):
        remedies.append({"complainant_id": cid, "date": dt.date(2018, 10, 2),
                         "authority": example.PROSECUTOR[example.HOME[cid]],
                         "action": "complaint", "outcome": "refused", "outcome_date": dt.date(2018, 10, 22)})
    # Everyone whose only remedies went to a prosecutor then complained to the court of their town against the
    # refusal, which the court upheld: the Human Rights Committee asks for a remedy before a court.
    courts = {row["complainant_id"] for row in remedies
              if row["action"] in ("appeal", "cassation", "review") or row["authority"] in COURTS.values()}
    for cid in sorted({row["complainant_id"] for row in remedies} - courts):
        refused = max(row["outcome_date"] or row["date"] for row in remedies if row["complainant_id"] == cid)
        filed = min(refused + dt.timedelta(days=2), example.DOCUMENT_DATE)
        remedies.append({"complainant_id": cid, "date": filed, "authority": COURTS[example.HOME[cid]],
                         "action": "complaint", "outcome": "refused",
                         "outcome_date": min(filed + dt.timedelta(days=14), example.DOCUMENT_DATE)})
    # The remedies still pending at the documents' date were decided in the meantime: refused.
    for row in remedies:
        if not row["outcome"]:
            row["outcome"], row["outcome_date"] = "refused", example.DOCUMENT_DATE
    remedies.sort(key=lambda row: (row["complainant_id"], row["date"]))
    # The authors still deprived of liberty at the documents' date, on whose interim measures the lawyer decides.
    still_held.extend(sorted({ep["complainant_id"] for ep in episodes
                              if ep["measure"] in DEPRIVATIONS and not ep["end_date"]}))
    # A scan of the signed power of attorney of everyone who gave one, which the bodies ask for with
    # the submission (C003's is the example's own PDF).
    already = {row["complainant_id"] for row in attachments if row["kind"] == "power_of_attorney"}
    for row in complainants:
        if row["poa_date"] and row["appeal_form_date"] and row["complainant_id"] not in already:
            scanned.append(row["complainant_id"])
            attachments.append({"complainant_id": row["complainant_id"], "kind": "power_of_attorney",
                                "file": poa_scan_name(row["complainant_id"]),
                                "date": row["poa_date"] if isinstance(row["poa_date"], dt.date) else None})


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    scanned: list[str] = []  # the complainants whose power of attorney complete() lists as a new scan
    held: list[str] = []
    example.build_workbook(lambda *rows: complete(*rows, scanned, held)).save(buffer)
    (folder / "workbook.xlsx").write_bytes(example.deterministic_bytes(buffer.getvalue()))
    settings = (ROOT / "intake" / "example" / "case.toml").read_text(encoding="utf-8")
    # Dated 1 November 2018, the contribution is written for the next year's meeting: the Human Dimension
    # Implementation Meeting of 2019 (Warsaw, 16-27 September 2019).
    meeting = ("# The meeting the contribution is for, by its first day: the Human Dimension Implementation Meeting of "
               "2019\n# (Warsaw, 16-27 September 2019), the first after the documents' date.\nopens = 2019-09-16\n")
    settings = settings[:settings.index("# The meeting the contribution")] + meeting + settings[
        settings.index("opens = 2018-09-10\n") + len("opens = 2018-09-10\n"):]
    position = "".join(f'{lang} = "{text}"\n' for lang, text in WGAD_PARALLEL.items())
    # The lawyer asks for interim measures for the first author still held, and decides against them for the others.
    interim = "".join(f"\n[interim_measures.{complainant_id}]\nrequest = {'true' if number == 0 else 'false'}\n"
                      + ("".join(f'reasons.{lang} = "{text}"\n' for lang, text in INTERIM_REASONS.items())
                         if number == 0 else "")
                      for number, complainant_id in enumerate(held))
    (folder / "case.toml").write_text(f"{settings}\n[wgad_parallel]\n{position}{interim}", encoding="utf-8")
    # The example's synthetic scans, which its Attachments sheet names.
    shutil.copytree(ROOT / "intake" / "example" / "annexes", folder / "annexes", dirs_exist_ok=True)
    # And the powers of attorney only this copy lists (one-page PNG files, made as the example's scans are).
    for complainant_id in scanned:
        name = poa_scan_name(complainant_id)
        (folder / name).write_bytes(scans.scan(name, f"Power of attorney of {complainant_id}", 1))
    print(f"wrote {folder / 'workbook.xlsx'}, {folder / 'case.toml'} and {folder / 'annexes'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
