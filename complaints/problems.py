"""Every data problem validation can report, as a table of typed entries.

Each entry is a module-level constant (code, severity, what is wrong, what to do); the
modules that report a problem import its constant by name, so that a misspelt problem
fails at import instead of when the rare row that triggers it turns up. Parameters
never carry personal data: only ids, cell references, places, measures and counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    code: str  # stable: tools reading `validate --format json` key on it
    severity: str  # ERROR blocks a build; WARNING does not, unless `validate --strict`
    message: str  # what is wrong, msgid in the "validation" context
    hint: str  # what to do, msgid in the "validation" context


PROBLEMS: dict[str, Problem] = {}


def _problem(code: str, severity: str, message: str, hint: str) -> Problem:
    if code in PROBLEMS:
        raise ValueError(f"problem code {code!r} defined twice")
    if severity not in (ERROR, WARNING):
        raise ValueError(f"problem {code!r}: unknown severity {severity!r}")
    PROBLEMS[code] = problem = Problem(code, severity, message, hint)
    return problem


MISSING_COLUMN = _problem(
    "missing-column", ERROR,
    N_("validation", "The required column {column} is missing."),
    N_("validation", "Add a column titled {column} to row 1."),
)

DUPLICATE_COLUMN = _problem(
    "duplicate-column", ERROR,
    N_("validation", "The column {column} appears more than once."),
    N_("validation", "Keep one column with this title and delete or rename the others."),
)

UNKNOWN_COLUMN = _problem(
    "unknown-column", WARNING,
    # Named by its letter: without a header row, the "title" is someone's data.
    N_("validation", "The title of column {letter} is not part of the workbook format; the column is ignored."),
    N_("validation", "Rename it if you meant {suggestion}; otherwise no action is needed."),
)

MISSING_VALUE = _problem(
    "missing-value", ERROR,
    N_("validation", "The cell is empty but {column} is required."),
    N_("validation", "Fill in this cell."),
)

DUPLICATE_ID = _problem(
    "duplicate-id", ERROR,
    N_("validation", "The id {id} is already used in row {first_row}."),
    N_("validation", "Give each row its own id."),
)

BAD_DATE = _problem(
    "bad-date", ERROR,
    N_("validation", "This cell does not hold a readable date."),
    N_("validation", "Enter a date cell, or text as YYYY-MM-DD or DD.MM.YYYY."),
)

DATE_IN_FUTURE = _problem(
    "date-in-future", WARNING,
    N_("validation", "The date is in the future."),
    N_("validation", "Check the year."),
)

DATE_BEFORE_BIRTH = _problem(
    "date-before-birth", WARNING,
    N_("validation", "The date is before the complainant's date of birth."),
    N_("validation", "Check this date and the date of birth of {id}."),
)

CUSTODY_TERM_RUN_OUT = _problem(
    "custody-term-run-out", WARNING,
    N_("validation", "The recorded term of this deprivation of liberty ran out before the documents' date, and no "
                     "end date is recorded: the documents say neither that the person is still held nor that the "
                     "person was released."),
    N_("validation", "Enter the end date (the release, or the sentence served), or the extended term in penalty."),
)

DATE_END_BEFORE_START = _problem(
    "date-end-before-start", ERROR,
    N_("validation", "The end date is before the start date."),
    N_("validation", "Swap or correct the dates."),
)

UNKNOWN_COMPLAINANT = _problem(
    "unknown-complainant", ERROR,
    N_("validation", "No complainant has the id {id}."),
    N_("validation", "Use an id from the Complainants sheet."),
)

UNKNOWN_EVENT = _problem(
    "unknown-event", ERROR,
    N_("validation", "No event has the id {id}."),
    N_("validation", "Use an id from the Events sheet, or leave the cell empty."),
)

UNKNOWN_MEASURE = _problem(
    "unknown-measure", ERROR,
    N_("validation", "The value of this cell is not a known measure."),
    N_("validation", "Use one of: {choices}."),
)

BAD_COUNT = _problem(
    "bad-count", ERROR,
    N_("validation", "This cell does not hold a whole number."),
    N_("validation", "Enter a number such as 12, without words or decimals."),
)

ESTIMATE_WITHOUT_SOURCE = _problem(
    "estimate-without-source", WARNING,
    N_("validation", "The estimate has no source in this language; the documents in it do not print it."),
    N_("validation", "Say who made the estimate in {column}."),
)

ESTIMATE_BELOW_IDENTIFIED = _problem(
    "estimate-below-identified", WARNING,
    N_("validation", "The estimate for {id} is smaller than the number of people the Episodes sheet records for this "
       "event; the documents would print both figures."),
    N_("validation", "Check the estimate and its source: it counts everyone targeted, those identified by name "
       "included."),
)

TESTIMONY_NOT_IN_LANGUAGE = _problem(
    "testimony-not-in-language", WARNING,
    N_("validation", "The testimony of {id} has no text in this language; documents in it do not quote it."),
    N_("validation", "Enter the text in {column}, as the person agreed to have it quoted."),
)

BAD_VALUE = _problem(
    "bad-value", ERROR,
    N_("validation", "The value of this cell is not accepted here."),
    N_("validation", "Use one of: {choices}."),
)

MISSING_LABEL = _problem(
    "missing-label", ERROR,
    N_("validation", "The event {id} has no label for a document language being built."),
    N_("validation", "Fill in {column}, or build without that language."),
)

UNPARSED_PENALTY = _problem(
    "unparsed-penalty", WARNING,
    N_("validation", "The penalty is neither a term (such as 15 days) nor an amount (such as KZT 120250); "
                     "the documents print it as written, in every language."),
    N_("validation", "Write it as a number and a unit: 15 days, 2 months, 1 year, 3 years' imprisonment, "
                     "KZT 120250 or 50 MCI (in English, Russian or Kazakh)."),
)

UNKNOWN_AUTHORITY = _problem(
    "unknown-authority", WARNING,
    N_("validation", "This authority is not in the list of Kazakhstan's authorities; it is printed as written, "
                     "in every language."),
    N_("validation", "Check the spelling against the official name, or add the body to "
                     "complaints/data/authorities.csv; no action is needed for a body that is not a State one."),
)

ANACHRONISTIC_AUTHORITY = _problem(
    "anachronistic-authority", WARNING,
    N_("validation", "The authority is named after a city by a name the city did not bear on the date of this row."),
    N_("validation", "Name the body as it was called on that day (Astana was Nur-Sultan from 23 March 2019 "
                     "to 16 September 2022)."),
)

AUTHORITY_BEFORE_REGION = _problem(
    "authority-before-region", WARNING,
    N_("validation", "The authority is a body of a region or a city of republican significance that was formed "
                     "after the date of this row."),
    N_("validation", "Name the body that acted on that day: Shymkent's city bodies date from 19 June 2018, before "
                     "which its court, police and national security department were those of South Kazakhstan "
                     "Region."),
)

UNKNOWN_PLACE = _problem(
    "unknown-place", WARNING,
    N_("validation", "This place is not in the gazetteer; it is kept as written."),
    N_("validation", "Check the spelling. Closest known places: {suggestions}."),
)

MISSING_LATIN_NAME = _problem(
    "missing-latin-name", WARNING,
    N_("validation", "There is no Latin spelling of the name of {id}; English documents use a transliteration."),
    N_("validation", "Copy the spelling from the passport into surname_latin and given_name_latin."),
)

POSSIBLE_DUPLICATE = _problem(
    "possible-duplicate", WARNING,
    N_("validation", "{id} and {other_id} (row {other_row}) look like the same person: {reason}."),
    N_("validation", "Merge the two rows or correct one of them."),
)

NO_REMEDIES = _problem(
    "no-remedies", WARNING,
    N_("validation", "No domestic remedy is recorded for {id} on the Remedies sheet."),
    N_("validation", "Record the appeals and complaints made in Kazakhstan: the Human Rights Committee "
       "requires domestic remedies to be exhausted."),
)

AFTER_DOCUMENT_DATE = _problem(
    "after-document-date", ERROR,
    N_("validation", "This date is after the date the documents bear."),
    N_("validation", "A document cannot report as done what happened after it was written: correct the date, or "
       "set build_date in case.toml to a later date."),
)

BAD_ARTICLES = _problem(
    "bad-articles", WARNING,
    N_("validation", "This cell is not a list of articles to add or remove, and is ignored."),
    N_("validation", "Write +7 to add article 7 and -15 to remove article 15, separated by commas."),
)

LAWYER_ACCESS_CONTRADICTED = _problem(
    "lawyer-access-contradicted", WARNING,
    N_("validation", "This cell says the person had access to a lawyer, while the treatment cell of the same row "
       "records a lawyer denied. The documents follow this cell."),
    N_("validation", "Correct whichever of the two cells is wrong."),
)

UNKNOWN_COUNTRY = _problem(
    "unknown-country", WARNING,
    N_("validation", "This cell is not a country the documents can name in every language; they leave "
       "the nationality open."),
    N_("validation", "Write the country's name or its two-letter code (KZ), several separated by commas."),
)

REMEDIES_TOO_OLD = _problem(
    "remedies-too-old", WARNING,
    N_("validation", "The last domestic decision for {id} is more than {years} years old."),
    N_("validation", "Check the dates: the Human Rights Committee may reject a communication submitted more "
       "than five years after the final decision."),
)

EXCLUDED_EPISODE = _problem(
    "excluded-episode", WARNING,
    N_("validation", "This episode belongs to {id}, who is excluded, and is ignored."),
    N_("validation", "No action is needed unless {id} should be included."),
)

NO_EPISODES = _problem(
    "no-episodes", WARNING,
    N_("validation", "{id} is included in the case, but the Episodes sheet has no row for {id}: the documents "
                     "ask for the acts of persecution against {id}."),
    N_("validation", "Add one row per measure taken against {id} on the Episodes sheet, or exclude {id}."),
)

NO_EPISODE_AT_ALL = _problem(
    "no-episode-at-all", WARNING,
    N_("validation", "The sheet {sheet} holds no episode: the documents ask for the acts of persecution against "
                     "every complainant."),
    N_("validation", "Add one row per measure taken against each complainant on the sheet {sheet}."),
)

DETENTION_WHILE_HELD = _problem(
    "detention-while-held", WARNING,
    N_("validation", "This detention of {id} is dated within another deprivation of liberty of {id} (Episodes row "
                     "{other_row}), before it ended: the documents would tell both."),
    N_("validation", "Check both rows: a person already held is not detained again. Correct the date of this "
                     "detention, or the end date or term of the other row."),
)

EMPTY_SHEET = _problem(
    "empty-sheet", ERROR,
    N_("validation", "The sheet {sheet} is empty."),
    N_("validation", "Type the column titles in row 1 and the data below them."),
)

HIDDEN_SHEET = _problem(
    "hidden-sheet", WARNING,
    N_("validation", "The sheet {sheet} is hidden; its rows are read all the same."),
    N_("validation", "Unhide it (right-click a sheet tab, then Unhide) and check what it holds."),
)

HIDDEN_ROW = _problem(
    "hidden-row", WARNING,
    N_("validation", "The row is hidden; it is read all the same."),
    N_("validation", "Unhide it and check it, or delete it if it should not count."),
)

HIDDEN_COLUMN = _problem(
    "hidden-column", WARNING,
    N_("validation", "The column {column} is hidden; it is read all the same."),
    N_("validation", "Unhide it and check what it holds."),
)

MERGED_CELLS = _problem(
    "merged-cells", WARNING,
    N_("validation", "The cells {range} are merged; only the first of them holds a value."),
    N_("validation", "Unmerge them and fill in each cell."),
)

FORMULA = _problem(
    "formula", WARNING,
    N_("validation", "The cell holds a formula; the value it last showed is used."),
    N_("validation", "Replace the formula by its value (copy, then Paste Special, Values only)."),
)

FORMULA_WITHOUT_VALUE = _problem(
    "formula-without-value", ERROR,
    N_("validation", "The cell holds a formula whose value was never calculated."),
    N_("validation", "Open the workbook in Excel or LibreOffice and save it again, or type the value."),
)

ERROR_CELL = _problem(
    "error-cell", ERROR,
    N_("validation", "The cell shows the error {value} instead of a value."),
    N_("validation", "Correct the formula or type the value."),
)

TEXT_TOO_LONG = _problem(
    "text-too-long", ERROR,
    N_("validation", "The cell holds {length} characters, more than a spreadsheet cell can ({limit}); it is not used."),
    N_("validation", "Shorten the text, or keep the full account in a separate document."),
)

CONTROL_CHARACTERS = _problem(
    "control-characters", WARNING,
    N_("validation", "The cell held invisible control characters; they were removed."),
    N_("validation", "Check that the text reads as intended."),
)

INVISIBLE_CHARACTERS = _problem(
    "invisible-characters", WARNING,
    N_("validation", "The cell held invisible direction marks or zero-width spaces, as pasted from a "
       "messenger; they were removed."),
    N_("validation", "Check that the text reads as intended."),
)

AMBIGUOUS_DATE = _problem(
    "ambiguous-date", ERROR,
    N_("validation", "A date written with slashes can be read as day/month or as month/day."),
    N_("validation", "Enter it as DD.MM.YYYY or YYYY-MM-DD."),
)

NUMBER_AS_TEXT = _problem(
    "number-as-text", WARNING,
    N_("validation", "The number is stored as a number, so leading zeros may have been lost."),
    N_("validation", "Format the column as Text and type the number as printed on the document."),
)

MIXED_ALPHABETS = _problem(
    "mixed-alphabets", WARNING,
    N_("validation", "{column} mixes Latin and Cyrillic letters that look alike."),
    N_("validation", "Retype it in one alphabet."),
)

INVALID_ID = _problem(
    "invalid-id", ERROR,
    N_("validation", "The id in this cell is not usable: it becomes a file name."),
    N_("validation", "Use 1 to 64 letters, digits, hyphens, underscores and dots, not starting with a hyphen "
       "or a dot."),
)

LOOKALIKE_ID = _problem(
    "lookalike-id", ERROR,
    N_("validation", "The id {id} differs from the id in row {first_row} only in letter case, width or "
       "look-alike letters."),
    N_("validation", "Give each row an id that differs in more than that: on Windows and macOS both would be "
       "one file."),
)

NO_COMPLAINANTS = _problem(
    "no-complainants", ERROR,
    N_("validation", "The sheet {sheet} holds no complainant: there is nothing to build."),
    N_("validation", "Fill in one row for each person who appealed."),
)

BORN_BEFORE_1900 = _problem(
    "born-before-1900", WARNING,
    N_("validation", "The date of birth is before 1900."),
    N_("validation", "Check the year: it may have been typed with two digits."),
)

# A signed power of attorney or appeal form annexed with another date than the complainant's row gives it: the
# documents cite the one and annex the other (reader s8), which a registry checks first.
ATTACHMENT_DATE_DIFFERS = _problem(
    "attachment-date-differs", WARNING,
    N_("validation", "This document's date differs from {column} of complainant {id}."),
    N_("validation", "Correct whichever of the two dates is wrong: the documents cite the one and annex the other."),
)

# A medical report annexed for someone whose episodes record neither ill-treatment nor force: no fact of the
# submissions relies on it (reader s9, C012), so the annex stands alone, or a fact is missing.
MEDICAL_REPORT_WITHOUT_HARM = _problem(
    "medical-report-without-harm", WARNING,
    N_("validation", "No episode of complainant {id} records ill-treatment or force used, which this medical "
       "report would support."),
    N_("validation", "Record the ill-treatment (measure) or the force used (treatment) on the Episodes sheet, or "
       "leave the report out."),
)

# The files of the Attachments sheet (attachments.py), each at its row's file cell.
ATTACHMENT_OUTSIDE_CASE = _problem(
    "attachment-outside-case", ERROR,
    N_("validation", "The file named here is not inside the case folder."),
    N_("validation", "Copy the file into the case folder and give its path from there, such as annexes/C012-poa.pdf."),
)

ATTACHMENT_MISSING = _problem(
    "attachment-missing", ERROR,
    N_("validation", "No file is found at the path given here."),
    N_("validation", "Check the path and the file name, or copy the file into the case folder."),
)

ATTACHMENT_TOO_LARGE = _problem(
    "attachment-too-large", ERROR,
    N_("validation", "The file is larger than {limit} MB."),
    N_("validation", "Scan it again at a lower resolution, or split it into several files."),
)

ATTACHMENT_BAD_TYPE = _problem(
    "attachment-bad-type", ERROR,
    N_("validation", "The file is not a PDF, JPEG, PNG or TIFF file, judged by its content rather than its name."),
    N_("validation", "Save or scan it as PDF, JPEG, PNG or TIFF."),
)

ATTACHMENT_ENCRYPTED = _problem(
    "attachment-encrypted", ERROR,
    N_("validation", "The PDF file is encrypted or protected by a password."),
    N_("validation", "Save a copy without protection (print it to PDF) and attach that copy."),
)

ATTACHMENT_ACTIVE_CONTENT = _problem(
    "attachment-active-content", ERROR,
    N_("validation", "The PDF file holds scripts, launch actions or embedded files, which a submission must "
       "not carry."),
    N_("validation", "Print it to a new PDF, or scan the paper copy, and attach that."),
)

ATTACHMENT_DAMAGED = _problem(
    "attachment-damaged", ERROR,
    N_("validation", "The file is damaged and cannot be read."),
    N_("validation", "Open it to check, then save or scan it again."),
)

CONFLICTING_DUPLICATE = _problem(
    "conflicting-duplicate", ERROR,
    N_("validation", "{id} and {other_id} (row {other_row}) look like the same person ({reason}) "
                     "but differ in {fields}."),
    N_("validation", "Merge the two rows into one, with the consent and power of attorney the person actually gave."),
)

NAME_IN_TEXT = _problem(
    "name-in-text", ERROR,
    N_("validation", "The text names {id}, whom the documents that print it do not name."),
    N_("validation", "Remove the name: documents name people only from the Complainants sheet, and in public "
       "documents only those who consented."),
)

PERSONAL_DATA_IN_TEXT = _problem(
    "personal-data-in-text", ERROR,
    N_("validation", "The text holds the {data} of {id}."),
    N_("validation", "Remove it: documents print an identity document number or a date of birth only where "
       "their form asks for it, and a contact never."),
)

CONTACT_IN_TEXT = _problem(
    "contact-in-text", ERROR,
    N_("validation", "The text holds what looks like a phone number or an e-mail address."),
    N_("validation", "Remove it: documents never print contacts."),
)

LONE_SURROGATE = _problem(
    "lone-surrogate", ERROR,
    N_("validation", "The cell held half of a character (a lone UTF-16 surrogate, such as _xD800_); it was removed."),
    N_("validation", "Retype the text of this cell."),
)

UNDRAWABLE_CHARACTERS = _problem(
    "undrawable-characters", ERROR,
    N_("validation", "The document fonts cannot draw {characters}."),
    N_("validation", "Replace them with letters of the Latin or Cyrillic alphabet: emoji, Chinese, Georgian and "
       "other scripts cannot be printed."),
)
