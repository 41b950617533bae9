#!/usr/bin/env python3
"""Build the bundled synthetic example case: intake/example/workbook.xlsx.

Every person in this workbook is invented. No name comes from a real report;
the case is modelled on the *shape* of the 2018 persecutions (mass detentions
at peaceful rallies, "blue balloon" interrogations, criminal cases for posts in
online chats), not on any real person.

The output is deterministic: rows are written by hand or drawn from
random.Random(2018) in a fixed order, and the .xlsx container is re-packed
with fixed timestamps, so running the script twice gives identical bytes.

Usage:
    .venv/bin/python scripts/make_example_workbook.py [OUTPUT]

OUTPUT defaults to intake/example/workbook.xlsx next to this script's project.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from complaints import schema
from complaints.schema import Kind, Sheet

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "intake" / "example" / "workbook.xlsx"

# Timestamp written into docProps/core.xml and every zip entry.
FIXED_TIMESTAMP = dt.datetime(2018, 11, 1, 9, 0, 0)
DOCUMENT_DATE = dt.date(2018, 11, 1)  # build_date in intake/example/case.toml

D = dt.date

# --------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------

ESTIMATE_SOURCE = {
    # No brackets of its own: the documents print the source in brackets ("(источник: …)").
    "estimate_source_en": "the fictitious Steppe Monitors coalition",
    "estimate_source_ru": "вымышленная коалиция «Степные наблюдатели»",
    "estimate_source_kk": "ойдан шығарылған «Дала бақылаушылары» коалициясы",
}

EVENTS = [
    {
        "event_id": "rally-0510",
        "date": D(2018, 5, 10),
        "date_end": None,
        "estimated_total": 500,
        **ESTIMATE_SOURCE,
        "label_en": "the peaceful rally of 10 May 2018",
        "label_ru": "мирное собрание 10 мая 2018 года",
        "label_kk": "2018 жылғы 10 мамырдағы бейбіт жиналыс",
        "summary_en": (
            "On 10 May 2018 residents of several cities gathered for peaceful "
            "assemblies calling for political reform. Police detained participants "
            "and passers-by in the centres of Almaty, Astana and other cities, most "
            "of them before any banner had been unfurled; courts imposed "
            "administrative arrests and fines on the same or the following day."
        ),
        "summary_ru": (
            "10 мая 2018 года жители нескольких городов вышли на мирные собрания с "
            "призывом к политическим реформам. Полиция задерживала участников и "
            "случайных прохожих в центре Алматы, Астаны и других городов, в "
            "большинстве случаев ещё до того, как был развёрнут какой-либо плакат; "
            "суды в тот же или на следующий день назначали административные аресты "
            "и штрафы."
        ),
        "summary_kk": (
            "2018 жылғы 10 мамырда бірнеше қаланың тұрғындары саяси реформаларды "
            "талап етіп, бейбіт жиналыстарға шықты. Полиция Алматы, Астана және басқа "
            "да қалалардың орталығында жиналысқа қатысушылар мен кездейсоқ жүргіншілерді "
            "ұстады, олардың көбі ешқандай плакат жаймай тұрып ұсталды; соттар сол "
            "күні немесе келесі күні әкімшілік қамаққа алу және айыппұл түрінде жаза "
            "тағайындады."
        ),
    },
    {
        "event_id": "rally-0623",
        "estimated_total": 250,
        **ESTIMATE_SOURCE,
        "date": D(2018, 6, 23),
        "date_end": None,
        "label_en": "the peaceful rally of 23 June 2018",
        "label_ru": "мирное собрание 23 июня 2018 года",
        "label_kk": "2018 жылғы 23 маусымдағы бейбіт жиналыс",
        # Deliberately contains & and < : the text must come out verbatim.
        "summary_en": (
            "On 23 June 2018 a second peaceful assembly was announced in Almaty and "
            "Astana. Police & akimat officers cordoned off the central squares, where "
            "groups of <50 people had gathered, and detained those who came, "
            "including people who said they were only passing by."
        ),
        "summary_ru": (
            "23 июня 2018 года в Алматы и Астане было объявлено второе мирное "
            "собрание. Сотрудники полиции и акимата оцепили центральные площади, где "
            "собрались группы менее чем по 50 человек, и задерживали всех пришедших, "
            "в том числе тех, кто заявлял, что просто проходил мимо."
        ),
        "summary_kk": (
            "2018 жылғы 23 маусымда Алматы мен Астанада екінші бейбіт жиналыс "
            "жарияланды. Полиция мен әкімдік қызметкерлері әрқайсысында 50-ге "
            "жетпейтін адам жиналған орталық алаңдарды қоршап алып, келгендердің "
            "бәрін, соның ішінде жай ғана өтіп бара жатқанын айтқандарды да ұстады."
        ),
    },
    {
        "event_id": "prevent-0706",
        "date": D(2018, 7, 6),
        "date_end": None,
        "label_en": "the preventive detentions of 6 July 2018",
        "label_ru": "превентивные задержания 6 июля 2018 года",
        "label_kk": "2018 жылғы 6 шілдедегі алдын алу мақсатындағы ұстаулар",
        "summary_en": (
            "On 6 July 2018, ahead of a planned peaceful assembly, police detained "
            "activists outside their homes, at work and on public transport. They "
            "were held at police stations and released only after "
            "the time announced for the assembly had passed; for some of them no "
            "record of the detention was drawn up."
        ),
        "summary_ru": (
            "6 июля 2018 года, перед запланированным мирным собранием, полиция "
            "задерживала активистов у их домов, на работе и в общественном "
            "транспорте. Задержанных удерживали в отделениях "
            "полиции и отпускали лишь после того, как объявленное время собрания "
            "проходило; в отношении части из них протоколы не составлялись."
        ),
        "summary_kk": (
            "2018 жылғы 6 шілдеде жоспарланған бейбіт жиналыс алдында полиция "
            "белсенділерді үйінің жанынан, жұмыс орнынан және қоғамдық көліктен "
            "ұстады. Олар полиция бөлімшелерінде қамауда отырып, "
            "жиналысқа белгіленген уақыт өткеннен кейін ғана босатылды; олардың бір "
            "бөлігіне қатысты хаттама жасалмады."
        ),
    },
    {
        "event_id": "ep-0917",
        "date": D(2018, 9, 17),
        "date_end": D(2018, 9, 18),
        "label_en": (
            "the detentions of 17–18 September 2018 before the meeting with the "
            "European Parliament delegation"
        ),
        "label_ru": (
            "задержания 17–18 сентября 2018 года перед встречей с делегацией "
            "Европейского парламента"
        ),
        "label_kk": (
            "2018 жылғы 17–18 қыркүйекте Еуропалық Парламент делегациясымен "
            "кездесу алдындағы ұстаулар"
        ),
        "summary_en": (
            "On 17 and 18 September 2018, before a delegation of the European "
            "Parliament met civil society representatives in Astana, police detained "
            "people who intended to attend the meeting or to tell the delegation "
            "about political persecution. Several of them were sentenced to "
            "administrative arrest and remained in custody until the delegation had "
            "left."
        ),
        "summary_ru": (
            "17 и 18 сентября 2018 года, перед встречей делегации Европейского "
            "парламента с представителями гражданского общества в Астане, полиция "
            "задержала людей, намеревавшихся прийти на встречу или рассказать "
            "делегации о политических преследованиях. Нескольким из них назначили "
            "административный арест, и они оставались под стражей до отъезда "
            "делегации."
        ),
        "summary_kk": (
            "2018 жылғы 17 және 18 қыркүйекте, Еуропалық Парламент делегациясы "
            "Астанада азаматтық қоғам өкілдерімен кездеспес бұрын, полиция кездесуге "
            "баруға немесе делегацияға саяси қудалау туралы айтуға ниеттенген "
            "адамдарды ұстады. Олардың бірнешеуіне әкімшілік қамаққа алу жазасы "
            "тағайындалып, олар делегация кеткенге дейін қамауда болды."
        ),
    },
    {
        "event_id": "chats-2018",
        "date": D(2018, 4, 17),
        "date_end": D(2018, 10, 4),
        "label_en": "criminal prosecution for messages in online chats",
        "label_ru": "уголовное преследование за сообщения в онлайн-чатах",
        "label_kk": "онлайн-чаттардағы хабарламалар үшін қылмыстық қудалау",
        "summary_en": (
            "Throughout 2018 pre-trial investigations were begun against people for messages "
            "and comments in online chats and social networks supporting a movement "
            "that a court had declared \"extremist\". They were named as suspects under "
            "Article 405 (participation in the activities of a banned organisation) "
            "and Article 174 (incitement of discord) of the Criminal Code of the Republic "
            "of Kazakhstan; the investigations brought searches and pre-trial detention, "
            "and some of them were sentenced to restriction or deprivation of liberty."
        ),
        "summary_ru": (
            "В течение 2018 года в отношении ряда лиц начиналось досудебное расследование "
            "за сообщения и комментарии в онлайн-чатах и социальных сетях в поддержку "
            "движения, признанного судом «экстремистским». Они признавались "
            "подозреваемыми по статье 405 (участие в деятельности запрещённой "
            "организации) и статье 174 (возбуждение розни) Уголовного кодекса "
            "Республики Казахстан; в ходе расследования проводились обыски, "
            "применялось содержание под стражей, часть из них осуждена к ограничению "
            "или лишению свободы."
        ),
        "summary_kk": (
            "2018 жыл ішінде сот «экстремистік» деп таныған қозғалысты қолдайтын "
            "онлайн-чаттар мен әлеуметтік желілердегі хабарламалар мен пікірлер үшін "
            "адамдарға қатысты сотқа дейінгі тергеп-тексеру басталды. Адамдар Қазақстан "
            "Республикасы Қылмыстық кодексінің 405-бабы (тыйым салынған ұйымның "
            "қызметіне қатысу) және 174-бабы (алауыздықты қоздыру) бойынша күдікті деп "
            "танылды; тергеу барысында тінтулер жүргізіліп, күзетпен ұстау қолданылды, "
            "күдіктілердің бір бөлігі бас бостандығын шектеуге немесе бас бостандығынан "
            "айыруға сотталды."
        ),
    },
]

# --------------------------------------------------------------------------
# Complainants (all invented)
# --------------------------------------------------------------------------

# id, surname, given_name, patronymic, surname_latin, given_name_latin, sex,
# city (as typed), consent_to_name, poa_scope, contact kind, notes
# Contact kind: "p" phone, "e" e-mail, "pe" both, "" none.
PEOPLE = [
    ("C001", "Сейткалиев", "Ержан", "Маратович", "SEITKALIYEV", "ERZHAN", "M", "Алматы", "yes", "publish, represent", "pe", ""),
    ("C002", "Нургалиева", "Айгерим", "Сериковна", "NURGALIYEVA", "AIGERIM", "F", "Almaty", "yes", "", "p", ""),
    ("C003", "Оспанов", "Марат", "Болатович", "OSPANOV", "MARAT", "M", "Нур-Султан", "yes", "publish, represent", "p", ""),
    ("C004", "Ким", "Ольга", "Викторовна", "KIM", "OLGA", "Ж", " Алматы ", "да", "", "e", ""),
    ("C005", "Петренко", "Андрей", "Николаевич", "PETRENKO", "ANDREY", "М", "Уральск", "yes", "publish, represent", "p", ""),
    ("C006", "Абдрахманова", "Сауле", "Ерлановна", "ABDRAKHMANOVA", "SAULE", "F", "Шымкент", "no", "", "p", ""),
    ("C007", "Тулегенов", "Бауыржан", "Ерланович", "TULEGENOV", "BAUYRZHAN", "M", "Актобе", "yes", "", "p", "Power of attorney not received yet."),
    ("C008", "Исмаилова", "Динара", "Рустемовна", "ISMAILOVA", "DINARA", "F", "Алматы", "yes", "", "e", ""),
    ("C009", "Байжанов", "Тимур", "Асхатович", "", "", "M", "Каскелен", "", "", "p", ""),
    ("C010", "Кусаинова", "Гульмира", "Аскаровна", "KUSSAINOVA", "GULMIRA", "F", "Ақтөбе", "yes", "", "p", ""),
    ("C011", "Мухамеджанов", "Нурлан", "Жаксылыкович", "Mukhamedzhanov", "Nurlan", "M", "Oral", "no", "", "p", ""),
    ("C012", "Жумабекова", "Динара", "Ерлановна", "ZHUMABEKOVA", "DINARA", "F", "Астана", "yes", "publish, represent", "pe", ""),
    ("C013", "Садыков", "Руслан", "Ильясович", "SADYKOV", "RUSLAN", "M", "Алматы", "yes", "", "p", "In pre-trial detention when the form was filled in; signed through his lawyer."),
    ("C014", "Есенова", "Гүлнар", "Бақытқызы", "YESSENOVA", "GULNAR", "Ә", "Шымкент", "иә", "", "p", "Her Russian documents spell the given name Гульнара."),
    ("C015", "Ли", "Виктор", "Сергеевич", "LI", "VIKTOR", "M", "Алматы", "", "", "e", "Sent a power of attorney but no appeal form."),
    ("C016", "Дюсенбаев", "Асхат", "Муратович", "DYUSSENBAYEV", "ASKHAT", "М", "Караганда", "yes", "", "p", ""),
    ("C017", "Ахметова", "Мадина", "Талгатовна", "AKHMETOVA", "MADINA", "F", "Қарағанды", "no", "", "p", ""),
    ("C018", "Коваленко", "Сергей", "Петрович", "KOVALENKO", "SERGEY", "M", "Павлодар", "yes", "publish, represent", "p", ""),
    ("C019", "Смагулов", "Дархан", "Бекович", "", "", "Е", "Алматы", "нет", "", "p", ""),
    ("C020", "Тлеубаева", "Асель", "Нурлановна", "TLEUBAYEVA", "ASSEL", "F", "Almaty", "yes", "", "e", "Copied from the web form: {{ 7*7 }} {% if %}"),
    ("C021", "Жакупов", "Ербол", "Сакенұлы", "ZHAKUPOV", "YERBOL", "M", "Жанаозен", "yes", "", "p", ""),
    ("C022", "Байгужина", "Меруерт", "Саматовна", "BAIGUZHINA", "MERUYERT", "F", "Алматы", "", "", "p", "Power of attorney promised, never arrived."),
    ("C023", "Рахимов", "Канат", "Оралович", "RAKHIMOV", "KANAT", "муж", "Shymkent", "", "", "p", ""),
    ("C024", "Бекмуханова", "Лаура", "Маратовна", "BEKMUKHANOVA", "LAURA", "жен", "Актобе", "no", "", "e", ""),
    ("C025", "Иванова", "Наталья", "Александровна", "IVANOVA", "NATALYA", "F", "Астана", "yes", "represent", "p", "Power of attorney covers representation only, not publication."),
    ("C026", "Омаров", "Бекзат", "Жумагалиевич", "OMAROV", "BEKZAT", "M", "Ақмола", "yes", "", "p", ""),
    ("C027", "Тажибаева", "Асем", "Даулетовна", "", "", "F", "Алматы", "", "", "", ""),
    ("C028", "Шарипов", "Ильдар", "Рамилевич", "SHARIPOV", "ILDAR", "M", "Almaty", "yes", "", "p", ""),
    ("C029", "Досанова", "Айжан", "Ержановна", "DOSSANOVA", "AIZHAN", "F", "Костанай", "", "", "p", "Only a photo of a handwritten letter was received."),
    ("C030", "Мусин", "Аскар", "Даулетович", "MUSSIN", "ASKAR", "M", "Нур-Султан", "yes", "", "pe", ""),
    ("C031", "Сулейменова", "Жанна", "Болатовна", "SULEIMENOVA", "ZHANNA", "Ж", "Астана", "да", "", "p", ""),
    ("C032", "Ермеков", "Даурен", "Канатович", "YERMEKOV", "DAUREN", "M", "Kaskelen", "нет", "", "p", ""),
    ("C033", "Абенов", "Жандос", "Маратұлы", "ABENOV", "ZHANDOS", "M", "Өскемен", "иә", "", "p", ""),
    ("C034", "Гриценко", "Елена", "Викторовна", "GRITSENKO", "YELENA", "F", "Семей", "", "", "e", "Power of attorney only; appeal form lost in the post."),
    ("C035", "Кабдуллин", "Нуржан", "Ерикович", "KABDULLIN", "NURZHAN", "M", "Астана", "yes", "publish, represent", "p", ""),
    ("C036", "Сарсенбаева", "Алия", "Бекзатовна", "SARSENBAYEVA", "", "F", "Нур-Султан", "no", "", "p", ""),
    ("C037", "Турсунов", "Алибек", "Бахытович", "TURSUNOV", "ALIBEK", "M", "Семипалатинск", "yes", "publish, represent", "p", ""),
    ("C038", "Бейсенова", "Салтанат", "Ержановна", "BEISSENOVA", "SALTANAT", "F", "Oskemen", "", "", "e", ""),
    ("C039", "Шевченко", "Игорь", "Васильевич", "SHEVCHENKO", "IGOR", "M", "Kostanay", "yes", "", "p", "Relative filled in the form while he was in hospital."),
    ("C040", "Алимжанов", "Ерлан", "Сапарович", "ALIMZHANOV", "YERLAN", "M", "Қостанай", "да", "", "p", ""),
    ("C041", "Бектурганова", "Эльмира", "Оразовна", "BEKTURGANOVA", "ELMIRA", "F", "Павлодар", "", "", "p", ""),
    ("C042", "Уразов", "Максат", "Кенесович", "URAZOV", "MAKSAT", "M", "Усть-Каменогорск", "yes", "publish, represent", "p", ""),
    ("C043", "Кенжебаев", "Айдос", "Муратович", "", "", "M", "Шымкент", "", "", "", "Form signed in the pre-trial detention facility."),
    ("C044", "Нуртазина", "Гаухар", "Есеновна", "NURTAZINA", "GAUKHAR", "F", "Ақтөбе", "no", "", "e", ""),
    ("C045", "Волков", "Дмитрий", "Андреевич", "VOLKOV", "DMITRIY", "M", "Орал", "yes", "", "p", ""),
    # Same person as C012, typed a second time in Latin letters, same ID document;
    # kept without a power of attorney so that it is excluded and the case builds.
    ("C046", "Zhumabekova", "Dinara", "", "ZHUMABEKOVA", "DINARA", "F", "Astana", "yes", "", "e", "Second form, sent from a relative's phone."),
    ("C047", "Сатыбалдиев", "Бахыт", "Абайұлы", "Satybaldiyev", "Bakhyt", "M", "Жаңаөзен", "yes", "", "p", ""),
    ("C048", "Есимова", "Роза", "Тулеуовна", "YESSIMOVA", "ROZA", "F", "Almaty", "", "", "p", "Dismissed from her post at a school."),
]

NO_POA = {"C007", "C022", "C041", "C046"}      # appeal form but no power of attorney
NO_APPEAL = {"C015", "C034"}                   # power of attorney but no appeal form
NEITHER = {"C029"}                             # neither document
EXCLUDED = NO_POA | NO_APPEAL | NEITHER

DUPLICATE_OF = {"C046": "C012"}                # shares C012's id_document

# Document dates written as text instead of date cells.
TEXT_DATES = {
    ("C006", "appeal_form_date"): "dmy",
    ("C011", "poa_date"): "iso",
    ("C018", "appeal_form_date"): "dmy",
    ("C028", "poa_date"): "dmy",
    ("C040", "appeal_form_date"): "iso",
}

# --------------------------------------------------------------------------
# Episodes
# --------------------------------------------------------------------------

# City key -> the spellings an operator might type for an episode's place.
CITY_SPELLINGS = {
    "almaty": ["Алматы", "Almaty", "Алматы"],
    "astana": ["Астана", "Нур-Султан", "Astana", "Астана"],
    "oral": ["Уральск", "Oral", "Орал"],
    "oskemen": ["Усть-Каменогорск", "Өскемен", "Oskemen"],
    "semey": ["Семей", "Семипалатинск"],
    "shymkent": ["Шымкент", "Shymkent"],
    "aktobe": ["Актобе", "Ақтөбе"],
    "pavlodar": ["Павлодар"],
    "karaganda": ["Караганда", "Қарағанды"],
    "kaskelen": ["Каскелен", "Kaskelen"],
    "zhanaozen": ["Жанаозен", "Жаңаөзен"],
    "kostanay": ["Костанай", "Kostanay", "Қостанай"],
}

POLICE = {
    "almaty": "Almaty city police department",
    "astana": "Департамент полиции г. Астаны",
    "oral": "Орал қаласының полиция басқармасы",
    "shymkent": "Shymkent city police department",
    "aktobe": "Управление полиции г. Актобе",
    "karaganda": "Karaganda city police department",
    "pavlodar": "Департамент полиции Павлодарской области",
    "zhanaozen": "Жаңаөзен қалалық полиция бөлімі",
    "kaskelen": "Карасайский районный отдел полиции",
    "oskemen": "Өскемен қаласының полиция басқармасы",
    "semey": "Semey city police department",
    "kostanay": "Департамент полиции Костанайской области",
}

ADMIN_COURT = {
    "almaty": "Специализированный межрайонный административный суд г. Алматы",
    "astana": "Специализированный административный суд г. Нур-Султана",
    "oral": "Specialised administrative court of Oral",
    "shymkent": "Шымкент қаласының мамандандырылған әкімшілік соты",
    "aktobe": "Специализированный административный суд г. Актобе",
    "karaganda": "Специализированный административный суд г. Караганды",
    "pavlodar": "Specialised administrative court of Pavlodar",
    "zhanaozen": "Жаңаөзен қаласының мамандандырылған әкімшілік соты",
}

# The court that heard appeals against each administrative court's decisions in 2018: the city court of
# Almaty and Astana, else the regional court (Shymkent belonged to South Kazakhstan Region until June
# 2018). Written in one language or another, as intake staff type them.
APPEAL_COURT = {
    ADMIN_COURT["almaty"]: "Almaty City Court",
    ADMIN_COURT["astana"]: "Астана қалалық соты",
    ADMIN_COURT["oral"]: "Западно-Казахстанский областной суд",
    ADMIN_COURT["shymkent"]: "Оңтүстік Қазақстан облыстық соты",
    ADMIN_COURT["aktobe"]: "Aktobe Regional Court",
    ADMIN_COURT["karaganda"]: "Карагандинский областной суд",
    ADMIN_COURT["pavlodar"]: "Павлодар облыстық соты",
    ADMIN_COURT["zhanaozen"]: "Мангистауский областной суд",
}

KNB = {
    "almaty": "ДКНБ по г. Алматы",
    "pavlodar": "National Security Committee (KNB), Pavlodar region",
    "semey": "ҰҚК",
    "oskemen": "ҰҚК Шығыс Қазақстан облысы бойынша департаменті",
    "kostanay": "Департамент полиции Костанайской области",
    "shymkent": "ДКНБ по г. Шымкенту",
    "aktobe": "ҰҚК",
    "oral": "Police department of West Kazakhstan region",
    "zhanaozen": "ДКНБ по Мангистауской области",
}

CRIMINAL_COURT = {
    "almaty": "Алмалинский районный суд г. Алматы",
    "pavlodar": "Павлодар қалалық соты",
    "semey": "Semey city court No. 2",
    "oskemen": "Усть-Каменогорский городской суд",
    "shymkent": "Енбекшинский районный суд г. Шымкента",
    "zhanaozen": "Жанаозенский городской суд",
    "kostanay": "Костанайский городской суд",
}

# The court that heard appeals against each criminal court's decisions: above a district or city
# court, the regional court, or the court of a city of republican significance.
CRIMINAL_APPEAL_COURT = {
    "almaty": "Almaty City Court",
    "pavlodar": "Павлодарский областной суд",
    "semey": "Шығыс Қазақстан облыстық соты",
    "oskemen": "East Kazakhstan Regional Court",
    "shymkent": "Шымкентский городской суд",
    "zhanaozen": "Мангистауский областной суд",
    "kostanay": "Костанайский областной суд",
}
# Complaints about the police and the security services go to the prosecutor's office of the city.
PROSECUTOR = {
    "almaty": "Прокуратура г. Алматы", "astana": "Астана қаласының прокуратурасы", "oral": "Oral City Prosecutor's Office",
    "shymkent": "Прокуратура г. Шымкента", "aktobe": "Прокуратура г. Актобе", "karaganda": "Прокуратура г. Караганды",
    "pavlodar": "Павлодар қаласының прокуратурасы", "zhanaozen": "Прокуратура г. Жанаозен",
    "kaskelen": "Прокуратура Карасайского района", "oskemen": "Прокуратура г. Усть-Каменогорска",
    "semey": "Semey City Prosecutor's Office", "kostanay": "Прокуратура г. Костаная",
}
# Shymkent became a city of republican significance on 19 June 2018, with a city court of its own:
# from then, appeals against its courts' decisions went there, no longer to the regional court. Its
# police and security service departments date from then too; before, it had the region's.
SHYMKENT_CITY_COURT_FROM = D(2018, 6, 19)
SHYMKENT_BEFORE = {"police": "УП г. Шымкента", "knb": "ДКНБ по ЮКО"}

# Where each complainant's episodes happen unless stated otherwise.
HOME = {
    "C001": "almaty", "C002": "almaty", "C003": "astana", "C004": "almaty",
    "C005": "oral", "C006": "shymkent", "C007": "aktobe", "C008": "almaty",
    "C009": "almaty", "C010": "aktobe", "C011": "oral", "C012": "astana",
    "C013": "almaty", "C014": "shymkent", "C015": "almaty", "C016": "karaganda",
    "C017": "karaganda", "C018": "pavlodar", "C019": "almaty", "C020": "almaty",
    "C021": "zhanaozen", "C022": "almaty", "C023": "shymkent", "C024": "aktobe",
    "C025": "astana", "C026": "astana", "C027": "almaty", "C028": "almaty",
    "C029": "kostanay", "C030": "astana", "C031": "astana", "C032": "kaskelen",
    "C033": "oskemen", "C034": "semey", "C035": "astana", "C036": "astana",
    "C037": "semey", "C038": "oskemen", "C039": "kostanay", "C040": "kostanay",
    "C041": "pavlodar", "C042": "oskemen", "C043": "shymkent", "C044": "aktobe",
    "C045": "oral", "C046": "astana", "C047": "zhanaozen", "C048": "almaty",
}

# Rally outcomes: optional leading "I" (summoned for questioning two days
# before), then D = detained and released, A10/A15 = detained then
# administrative arrest, F = detained then fined.
RALLY_0510 = [
    ("C001", "A15"), ("C002", "IF"), ("C003", "A10"), ("C004", "F"),
    ("C005", "A15"), ("C006", "F"), ("C008", "D"), ("C009", "A10"),
    ("C010", "F"), ("C011", "IA10"), ("C012", "F"), ("C013", "A15"),
    ("C014", "F"), ("C016", "A10"), ("C017", "F"), ("C018", "A10"),
    ("C019", "D"), ("C020", "F"), ("C021", "A15"), ("C023", "F"),
    ("C024", "F"),
    ("C022", "A10"),  # excluded complainant: two episodes that must be ignored
]
RALLY_0623 = [
    ("C001", "A15"), ("C003", "A10"), ("C005", "A10"), ("C008", "F"),
    ("C012", "A10"), ("C025", "F"), ("C026", "F"), ("C027", "D"),
    ("C028", "A10"), ("C030", "F"), ("C031", "F"), ("C032", "D"),
]
PREVENT_0706 = [("C003", "D"), ("C026", "D"), ("C033", "D")]
EP_0917 = [("C005", "A10"), ("C012", "A10"), ("C035", "F"), ("C036", "D")]
EP_0917_DAY = {"C005": 17, "C012": 17, "C035": 18, "C036": 18}

# Rallies mostly took place in Almaty and Astana; a few people travelled.
EVENT_PLACE = {
    ("rally-0510", "C009"): "almaty",
    ("rally-0623", "C005"): "astana",
    ("rally-0623", "C032"): "almaty",
    ("ep-0917", "C005"): "astana",
}

# Measures typed as Russian or Kazakh labels instead of keys.
MEASURE_LABELS = {
    ("C009", "rally-0510", "detention"): "задержание",
    ("C011", "rally-0510", "administrative_arrest"): "административный арест",
    ("C014", "rally-0510", "fine"): "штраф",
    ("C021", "rally-0510", "detention"): "ұстау",
    ("C021", "rally-0510", "administrative_arrest"): "әкімшілік қамаққа алу",
    ("C024", "rally-0510", "fine"): "айыппұл",
    ("C031", "rally-0623", "detention"): "задержание",
    ("C026", "rally-0623", "fine"): "штраф",
}

# Episode dates written as text instead of date cells.
EPISODE_TEXT_DATES = {
    ("C017", "rally-0510", "fine"): "dmy",
    ("C028", "rally-0623", "administrative_arrest"): "iso",
}

DETENTION_TEXT = [
    "Detained near the central square before the rally began and taken to a police station.",
    "Detained on the way to the rally and taken to a police station.",
    "Pushed into a police bus while standing with a friend on the square.",
    "Detained while filming the police on a phone; the phone was checked.",
    "Detained at a bus stop close to the square and fingerprinted at the station.",
    "Задержали у входа в парк и доставили в отделение полиции.",
]
ARREST_TEXT = "Found guilty of taking part in an unauthorised assembly; served the arrest in a special detention centre."
# Those held on the way to the European Parliament delegation took part in no assembly.
EP_ARREST_TEXT = ("Found liable for intending to meet the delegation, which the court treated as taking part in an "
                  "\"unauthorised\" event; served the arrest in a special detention centre, and the meeting with the "
                  "delegation went ahead without them.")
# Released when the assembly's time had passed, told without a span: the row's hours_held says how long (3 to 14
# hours), and «вечером» or «несколько часов» would contradict some of them (reader s9 final N11).
PREVENTIVE_TEXT = ("Detained outside home in the morning and released without a record once the time announced for "
                   "the assembly had passed.")
# A hearing held without a lawyer: its row records that in lawyer_access as well.
HEARING_WITHOUT_LAWYER = "Court hearing lasted fifteen minutes; no lawyer was admitted."
FINE_TEXT = [
    "Fined for taking part in an unauthorised assembly.",
    'Fined for an "unauthorised picket" & warned not to take part again.',
    HEARING_WITHOUT_LAWYER,
]

# Criminal prosecution for chat messages: explicit rows.
# (complainant, date, measure, legal_basis, penalty, authority kind, description)
CHATS = [
    ("C013", D(2018, 6, 28), "criminal_case", "CC 405(2)", "", "knb", "Charged over messages in a messenger group chat."),
    ("C013", D(2018, 6, 28), "search", "", "", "knb", "Flat searched; phones and a laptop taken."),
    ("C013", D(2018, 6, 29), "pretrial_detention", "CC 405(2)", "2 months", "court", "Remanded in custody by the investigating judge."),
    ("C013", D(2018, 9, 20), "conviction", "CC 405(2)", "", "court", "Convicted for posts supporting a banned movement."),
    ("C013", D(2018, 9, 20), "restriction_of_freedom", "CC 405(2)", "1 year", "court", "Banned from social networks for the term of the sentence."),
    ("C018", D(2018, 7, 12), "criminal_case", "CC 174", "", "knb", "Charged with incitement of discord over comments in a chat."),
    ("C018", D(2018, 7, 12), "search", "", "", "knb", "Home searched in the presence of his children."),
    ("C018", D(2018, 7, 14), "house_arrest", "CC 174", "2 months", "court", ""),
    ("C018", D(2018, 10, 4), "conviction", "CC 174", "", "court", "Convicted; the court relied on a linguistic expert report."),
    ("C018", D(2018, 10, 4), "restriction_of_freedom", "CC 174", "1 year", "court", "Must report to the probation service twice a month."),
    ("C037", D(2018, 5, 22), "criminal_case", "CC 405(2)", "", "knb", "Charged over voice messages in a chat."),
    ("C037", D(2018, 5, 22), "search", "", "", "knb", "Flat searched; leaflets and a phone taken."),
    ("C037", D(2018, 8, 15), "conviction", "CC 405(2)", "", "court", "Convicted after a one-day trial."),
    ("C037", D(2018, 8, 15), "restriction_of_freedom", "CC 405(2)", "2 years", "court", "Restriction of freedom with a ban on public activity."),
    ("C038", D(2018, 8, 2), "criminal_case", "CC 405(2)", "", "knb", "Named as a suspect over reposts in a chat."),
    ("C038", D(2018, 8, 3), "interrogation", "", "", "knb", "Questioned for five hours without a lawyer."),
    ("C039", D(2018, 6, 5), "criminal_case", "CC 405(2)", "", "knb", "Charged over comments in an online chat."),
    ("C039", D(2018, 6, 5), "search", "", "", "knb", "Flat searched at night."),
    ("C039", D(2018, 6, 6), "pretrial_detention", "CC 405(2)", "2 months", "court", ""),
    ("C039", D(2018, 7, 10), "psychiatric_placement", "", "30 days", "court", "Placed in a psychiatric hospital for an in-patient examination against his will."),
    ("C040", D(2018, 7, 20), "criminal_case", "CC 405(2)", "", "knb", "Charged over posts in a chat."),
    ("C040", D(2018, 7, 20), "search", "", "", "knb", "Home and car searched."),
    ("C040", D(2018, 7, 20), "confiscation", "", "", "knb", "Phone and laptop confiscated."),
    ("C042", D(2018, 4, 17), "criminal_case", "CC 174", "", "knb", "Charged with incitement of discord over a post."),
    ("C042", D(2018, 4, 18), "pretrial_detention", "CC 174", "2 months", "court", ""),
    ("C042", D(2018, 7, 30), "conviction", "CC 174", "3 years' imprisonment", "court", ""),
    ("C043", D(2018, 6, 14), "criminal_case", "CC 405(2)", "", "knb", "Charged over messages in a chat."),
    ("C043", D(2018, 6, 15), "pretrial_detention", "CC 405(2)", "2 months", "court", ""),
    ("C043", D(2018, 6, 16), "ill_treatment", "", "", "knb", "Beaten during questioning and pressed to plead guilty."),
    ("C043", D(2018, 9, 27), "conviction", "CC 405(2)", "", "court", "Convicted after pleading guilty under pressure."),
    ("C043", D(2018, 9, 27), "restriction_of_freedom", "CC 405(2)", "1 year", "court", ""),
    ("C044", D(2018, 8, 23), "criminal_case", "CC 405(2)", "", "knb", "Named as a suspect over a chat message."),
    ("C044", D(2018, 8, 23), "interrogation", "", "", "knb", "Questioned about other members of the chat."),
    ("C045", D(2018, 9, 5), "criminal_case", "CC 405(2)", "", "knb", "Charged over posts in a chat."),
    ("C045", D(2018, 9, 5), "search", "", "", "knb", "Flat searched; books and a phone taken."),
    ("C047", D(2018, 5, 30), "criminal_case", "CC 405(2)", "", "knb", "Charged over messages in a chat."),
    ("C047", D(2018, 6, 1), "house_arrest", "CC 405(2)", "2 months", "court", ""),
    ("C047", D(2018, 8, 28), "conviction", "CC 405(2)", "", "court", ""),
    ("C047", D(2018, 8, 28), "restriction_of_freedom", "CC 405(2)", "1 year", "court", ""),
]

# Episodes not tied to any event (event_id left empty).
# (complainant, date, measure, legal_basis, penalty, authority, description)
UNLINKED = [
    ("C004", D(2018, 4, 21), "interrogation", "", "", "police", "Stopped in the park for carrying blue balloons and questioned at the station."),
    ("C004", D(2018, 4, 21), "confiscation", "", "", "police", "Blue balloons confiscated under a written record."),
    ("C006", D(2018, 4, 28), "interrogation", "", "", "police", "Taken to the police station for walking with a blue balloon."),
    ("C014", D(2018, 7, 2), "dismissal", "", "", "School No. 12 administration", "Dismissed from her teaching post after the rally."),
    ("C016", D(2018, 7, 3), "search", "", "", "police", "Flat searched as a witness in someone else's criminal case."),
    ("C019", D(2018, 5, 3), "interrogation", "", "", "police", "Questioned about a blue ribbon tied to his bag."),
    ("C019", D(2018, 5, 3), "confiscation", "", "", "police", "The blue ribbon was taken under a written record."),
    ("C020", D(2018, 6, 10), "surveillance", "", "", "police", "A car with plain-clothes officers parked outside her home for a week."),
    ("C023", D(2018, 6, 1), "other", "", "", "police", "The district police officer made him sign a warning about criminal liability."),
    ("C024", D(2018, 8, 1), "dismissal", "", "", "ТОО «Ақтөбе Сервис»", "Dismissed after her employer was visited by the police."),
    ("C027", D(2018, 7, 15), "threats", "", "", "police", "Told by phone that her son would be expelled from university."),
    ("C030", D(2018, 7, 9), "threats", "", "", "police", "Warned that a criminal case would be opened if he came to another rally."),
    ("C032", D(2018, 5, 26), "interrogation", "", "", "police", "Stopped for carrying blue balloons and questioned."),
    ("C032", D(2018, 5, 26), "confiscation", "", "", "police", "Balloons burst by officers; a record of confiscation was drawn up."),
    ("C033", D(2018, 7, 20), "surveillance", "", "", "knb", "Followed by the same two men for several days."),
    ("C048", D(2018, 4, 28), "interrogation", "", "", "police", "Questioned for releasing blue balloons in a park."),
    ("C048", D(2018, 4, 28), "confiscation", "", "", "police", "Blue balloons confiscated."),
    ("C048", D(2018, 5, 15), "dismissal", "", "", "Школа-гимназия № 7", "Dismissed from her post at a school."),
]

EXTRA_EVENT_EPISODES = [
    # (complainant, event, date, measure, legal_basis, penalty, authority, description)
    ("C003", "prevent-0706", D(2018, 7, 6), "threats", "", "", "police",
     "Officers warned that next time a criminal case would be opened."),
    ("C036", "ep-0917", D(2018, 9, 25), "interrogation", "", "", "police",
     "Summoned to explain why she wanted to meet the delegation."),
]


def _authority(kind: str, place: str, day: dt.date | None = None) -> str:
    if place == "shymkent" and kind in SHYMKENT_BEFORE and day is not None and day < SHYMKENT_CITY_COURT_FROM:
        return SHYMKENT_BEFORE[kind]
    if kind == "police":
        return POLICE[place]
    if kind == "knb":
        return KNB.get(place, "ҰҚК")
    if kind == "court":
        return CRIMINAL_COURT[place]
    return kind


# The example's free texts in Russian and Kazakh: the English text -> (ru, kk). Sentences, as a lawyer
# writes them after the measure (which the document names: a text does not say it again); the Russian
# words that agree with the person's sex are written "{m|f}" (_gendered).
DESCRIPTIONS = {
    'A car with plain-clothes officers parked outside her home for a week.': (
        'Автомобиль с сотрудниками в штатском неделю стоял у её дома.',
        'Азаматша киінген қызметкерлер отырған көлік бір апта бойы оның үйінің жанында тұрды.'),
    'Balloons burst by officers; a record of confiscation was drawn up.': (
        'Сотрудники полиции прокололи шары; составлен протокол изъятия.',
        'Полиция қызметкерлері шарларды жарып жіберді; алып қою хаттамасы жасалды.'),
    'Banned from social networks for the term of the sentence.': (
        'На срок наказания запрещено пользоваться социальными сетями.',
        'Жаза мерзіміне әлеуметтік желілерді пайдалануға тыйым салынды.'),
    'Beaten during questioning and pressed to plead guilty.': (
        'Во время допроса избит{|а} и принужд{ён|ена} к признанию вины.',
        'Жауап алу кезінде соққыға жығылып, кінәсін мойындауға мәжбүрленді.'),
    'Blue balloons confiscated under a written record.': (
        'Голубые шары изъяты по протоколу.',
        'Көгілдір шарлар хаттама бойынша алып қойылды.'),
    'Blue balloons confiscated.': (
        'Голубые шары изъяты.',
        'Көгілдір шарлар алып қойылды.'),
    'Charged over comments in an online chat.': (
        'Поводом послужили комментарии в онлайн-чате.',
        'Онлайн-чаттағы пікірлері себеп болды.'),
    'Charged over messages in a chat.': (
        'Поводом послужили сообщения в чате.',
        'Чаттағы хабарламалары себеп болды.'),
    'Charged over messages in a messenger group chat.': (
        'Поводом послужили сообщения в групповом чате мессенджера.',
        'Мессенджердегі топтық чаттағы хабарламалары себеп болды.'),
    'Charged over posts in a chat.': (
        'Поводом послужили публикации в чате.',
        'Чаттағы жазбалары себеп болды.'),
    'Charged over voice messages in a chat.': (
        'Поводом послужили голосовые сообщения в чате.',
        'Чаттағы дауыстық хабарламалары себеп болды.'),
    'Charged with incitement of discord over a post.': (
        'Признан{|а} подозреваем{ым|ой} в возбуждении розни за публикацию.',
        'Жазбасы үшін алауыздықты қоздыруға күдікті деп танылды.'),
    'Charged with incitement of discord over comments in a chat.': (
        'Признан{|а} подозреваем{ым|ой} в возбуждении розни за комментарии в чате.',
        'Чаттағы пікірлері үшін алауыздықты қоздыруға күдікті деп танылды.'),
    'Convicted after a one-day trial.': (
        'Приговор вынесен после однодневного судебного разбирательства.',
        'Бір күнге созылған сот процесінен кейін сотталды.'),
    'Convicted after pleading guilty under pressure.': (
        'Приговор вынесен после признания вины под давлением.',
        'Қысыммен кінәсін мойындағаннан кейін сотталды.'),
    'Convicted for posts supporting a banned movement.': (
        'Осужд{ён|ена} за публикации в поддержку запрещённого движения.',
        'Тыйым салынған қозғалысты қолдайтын жазбалары үшін сотталды.'),
    'Convicted; the court relied on a linguistic expert report.': (
        'Суд сослался на заключение лингвистической экспертизы.',
        'Сотталды; сот лингвистикалық сараптама қорытындысына сүйенді.'),
    'Court hearing lasted fifteen minutes; no lawyer was admitted.': (
        'Судебное заседание длилось пятнадцать минут; защитник допущен не был.',
        'Сот отырысы он бес минутқа созылды; қорғаушы жіберілмеді.'),
    'Detained at a bus stop close to the square and fingerprinted at the station.': (
        'Задержан{|а} на остановке у площади; в отделении полиции у {него|неё} сняли отпечатки пальцев.',
        'Алаңның жанындағы аялдамада ұсталып, полиция бөлімшесінде саусақ іздері алынды.'),
    'Detained near the central square before the rally began and taken to a police station.': (
        'Задержан{|а} у центральной площади до начала собрания и доставлен{|а} в отделение полиции.',
        'Жиналыс басталмай тұрып орталық алаңның жанында ұсталып, полиция бөлімшесіне жеткізілді.'),
    'Detained on the way to the meeting with the delegation.': (
        'Задержан{|а} по дороге на встречу с делегацией.',
        'Делегациямен кездесуге бара жатқан жолда ұсталды.'),
    'Detained on the way to the rally and taken to a police station.': (
        'Задержан{|а} по дороге на собрание и доставлен{|а} в отделение полиции.',
        'Жиналысқа бара жатқан жолда ұсталып, полиция бөлімшесіне жеткізілді.'),
    PREVENTIVE_TEXT: (
        'Задержан{|а} утром у дома и освобожд{ён|ена} без составления протокола, когда объявленное время '
        'собрания прошло.',
        'Таңертең үйінің жанында ұсталып, жиналысқа белгіленген уақыт өткен соң хаттама жасалмастан босатылды.'),
    'Detained while filming the police on a phone; the phone was checked.': (
        'Задержан{|а} во время съёмки полицейских на телефон; телефон проверили.',
        'Полиция қызметкерлерін телефонға түсіріп тұрған кезде ұсталды; телефоны тексерілді.'),
    'Dismissed after her employer was visited by the police.': (
        'Уволен{|а} после визита полиции к работодателю.',
        'Полиция жұмыс берушісіне барғаннан кейін жұмыстан шығарылды.'),
    'Dismissed from her post at a school.': (
        'Уволен{|а} с должности в школе.',
        'Мектептегі лауазымынан босатылды.'),
    'Dismissed from her teaching post after the rally.': (
        'Уволен{|а} с должности учителя после собрания.',
        'Жиналыстан кейін мұғалім лауазымынан босатылды.'),
    'Fined for an "unauthorised picket" & warned not to take part again.': (
        'Поводом послужил «несанкционированный пикет»; {его|её} предупредили, чтобы {он|она} больше не участвовал{|а}.',
        '«Рұқсат етілмеген пикет» үшін айыппұл салынып, енді қатыспау туралы ескерту жасалды.'),
    'Fined for taking part in an unauthorised assembly.': (
        'Поводом послужило участие в собрании, признанном «несанкционированным».',
        'Себебі — рұқсат етілмеген деп танылған жиналысқа қатысу.'),
    "Flat searched as a witness in someone else's criminal case.": (
        'Проведён в квартире по другому уголовному делу, по которому {он|она} проходит свидетелем.',
        'Өзі куә ретінде өтетін басқа қылмыстық іс бойынша пәтерінде тінту жүргізілді.'),
    'Flat searched at night.': (
        'Проведён ночью в квартире.',
        'Пәтері түнде тінтілді.'),
    'Flat searched; books and a phone taken.': (
        'Проведён в квартире; изъяты книги и телефон.',
        'Пәтері тінтіліп, кітаптар мен телефон алып қойылды.'),
    'Flat searched; leaflets and a phone taken.': (
        'Проведён в квартире; изъяты листовки и телефон.',
        'Пәтері тінтіліп, үнпарақтар мен телефон алып қойылды.'),
    'Flat searched; phones and a laptop taken.': (
        'Проведён в квартире; изъяты телефоны и ноутбук.',
        'Пәтері тінтіліп, телефондар мен ноутбук алып қойылды.'),
    'Followed by the same two men for several days.': (
        'Несколько дней за {ним|ней} следили одни и те же двое мужчин.',
        'Бірнеше күн бойы оның соңынан үнемі сол екі ер адам аңдып жүрді.'),
    'Found guilty of taking part in an unauthorised assembly; served the arrest in a special detention centre.': (
        'Привлеч{ён|ена} к ответственности за участие в собрании, признанном «несанкционированным»; арест отбывал{|а} в специальном приёмнике.',
        'Рұқсат етілмеген деп танылған жиналысқа қатысқаны үшін жауаптылыққа тартылды; қамаққа алу жазасын арнаулы қабылдау орнында өтеп шықты.'),
    EP_ARREST_TEXT: (
        'Привлеч{ён|ена} к ответственности за намерение встретиться с делегацией, которое суд расценил как участие '
        'в «несанкционированном» мероприятии; арест отбывал{|а} в специальном приёмнике, встреча с делегацией '
        'прошла без {него|неё}.',
        'Делегациямен кездесуге ниеттенгені үшін жауаптылыққа тартылды, сот мұны «рұқсат етілмеген» іс-шараға '
        'қатысу деп бағалады; қамаққа алу жазасын арнаулы қабылдау орнында өтеп жатқанда, делегациямен кездесу онсыз өтті.'),
    'Home and car searched.': (
        'Проведён в доме и автомобиле.',
        'Үйі мен көлігі тінтілді.'),
    'Home searched in the presence of his children.': (
        'Проведён в доме в присутствии детей.',
        'Үйіндегі тінту балаларының көзінше жүргізілді.'),
    'Must report to the probation service twice a month.': (
        'Обязан{|а} дважды в месяц являться в службу пробации.',
        'Айына екі рет пробация қызметіне келуге міндетті.'),
    'Named as a suspect over a chat message.': (
        'Признан{|а} подозреваем{ым|ой} из-за сообщения в чате.',
        'Чаттағы хабарламасы үшін күдікті деп танылды.'),
    'Named as a suspect over reposts in a chat.': (
        'Признан{|а} подозреваем{ым|ой} из-за репостов в чате.',
        'Чаттағы репостары үшін күдікті деп танылды.'),
    'Officers warned that next time a criminal case would be opened.': (
        'Сотрудники предупредили, что в следующий раз начнётся уголовное преследование.',
        'Қызметкерлер келесі жолы қылмыстық қудалау басталатынын ескертті.'),
    'Phone and laptop confiscated.': (
        'Изъяты телефон и ноутбук.',
        'Телефон мен ноутбук алып қойылды.'),
    'Placed in a psychiatric hospital for an in-patient examination against his will.': (
        'Помещ{ён|ена} против воли для производства стационарной судебно-психиатрической экспертизы.',
        'Стационарлық сот-психиатриялық сараптама жүргізу үшін өз еркінен тыс орналастырылды.'),
    'Pushed into a police bus while standing with a friend on the square.': (
        '{Его|Её} затолкали в полицейский автобус, когда {он|она} стоял{|а} с другом на площади.',
        'Досымен алаңда тұрған кезде полиция автобусына итеріп кіргізілді.'),
    'Questioned about a blue ribbon tied to his bag.': (
        'Допрошен{|а} из-за голубой ленты, повязанной на сумку.',
        'Сөмкесіне байланған көгілдір таспа туралы одан жауап алынды.'),
    'Questioned about other members of the chat.': (
        'Допрашивали о других участниках чата.',
        'Чаттың басқа қатысушылары туралы жауап алынды.'),
    'Questioned for five hours without a lawyer.': (
        'Допрашивали пять часов без защитника.',
        'Бес сағатқа созылды; қорғаушы қатыстырылмады.'),
    'Questioned for releasing blue balloons in a park.': (
        'Допрошен{|а} за запуск голубых шаров в парке.',
        'Саябақта көгілдір шарлар ұшырғаны үшін жауап алынды.'),
    'Remanded in custody by the investigating judge.': (
        'Меру пресечения избрал следственный судья.',
        'Тергеу судьясы бұлтартпау шарасы ретінде күзетпен ұстауды таңдады.'),
    'Restriction of freedom with a ban on public activity.': (
        'Ограничение свободы назначено с запретом заниматься общественной деятельностью.',
        'Қоғамдық қызметке тыйым салына отырып, бас бостандығы шектелді.'),
    # Since 2015 the Criminal Code's institutions are graded by security, not by regime.
    'Serving the sentence in a medium-security institution.': (
        'Отбывает наказание в учреждении средней безопасности.',
        'Жазасын орташа қауіпсіздік мекемесінде өтеуде.'),
    'Stopped for carrying blue balloons and questioned.': (
        'Остановлен{|а} за то, что н{ёс|есла} голубые шары, и допрошен{|а}.',
        'Көгілдір шарлар алып жүргені үшін тоқтатылып, жауап алынды.'),
    'Stopped in the park for carrying blue balloons and questioned at the station.': (
        'Остановлен{|а} в парке с голубыми шарами и допрошен{|а} в отделении полиции.',
        'Саябақта көгілдір шарлар алып жүргені үшін тоқтатылып, полиция бөлімшесінде жауап алынды.'),
    'Summoned to explain why she wanted to meet the delegation.': (
        'Вызван{|а} для объяснений, зачем хотел{|а} встретиться с делегацией.',
        'Делегациямен неге кездескісі келгенін түсіндіруге шақырылды.'),
    'Summoned to the police and warned not to attend the rally.': (
        'Вызван{|а} в полицию и предупрежд{ён|ена}, чтобы не ходил{|а} на собрание.',
        'Полицияға шақырылып, жиналысқа бармау туралы ескертілді.'),
    'Taken to the police station for walking with a blue balloon.': (
        'Доставлен{|а} в отделение полиции за прогулку с голубым шаром.',
        'Көгілдір шармен жүргені үшін полиция бөлімшесіне жеткізілді.'),
    'The blue ribbon was taken under a written record.': (
        'Голубая лента изъята по протоколу.',
        'Көгілдір таспа хаттама бойынша алып қойылды.'),
    'The district police officer made him sign a warning about criminal liability.': (
        'Участковый инспектор заставил {его|её} подписать предупреждение об уголовной ответственности.',
        'Учаскелік полиция инспекторы оған қылмыстық жауаптылық туралы ескертуге қол қойғызды.'),
    'Told by phone that her son would be expelled from university.': (
        'По телефону {ему|ей} сообщили, что {его|её} сына отчислят из университета.',
        'Телефон арқылы оның ұлы университеттен шығарылатыны айтылды.'),
    'Warned that a criminal case would be opened if he came to another rally.': (
        'Предупрежд{ён|ена}, что в случае участия в следующем собрании начнётся уголовное преследование.',
        'Тағы бір жиналысқа келсе, оған қатысты қылмыстық қудалау басталатыны ескертілді.'),
}

# Bodies outside the list of authorities (complaints/data/authorities.csv), named in each language.
AUTHORITY_NAMES = {
    "School No. 12 administration": ("School No. 12 administration", "Администрация школы № 12",
                                     "№ 12 мектептің әкімшілігі"),
    "ТОО «Ақтөбе Сервис»": ("Aktobe Servis LLP", "ТОО «Ақтөбе Сервис»", "«Ақтөбе Сервис» ЖШС"),
    "Школа-гимназия № 7": ("School-Gymnasium No. 7", "Школа-гимназия № 7", "№ 7 мектеп-гимназия"),
}
# A text first typed in Russian, with its English and Kazakh versions.
TYPED_IN_RUSSIAN = {
    "Задержали у входа в парк и доставили в отделение полиции.": (
        "Detained at the park entrance and taken to a police station.",
        "Саябаққа кіре берісте ұсталып, полиция бөлімшесіне жеткізілді."),
}


# The sexes as the example's rows spell them (in three languages); the others are male.
FEMALE = {"F", "Ж", "жен", "Ә"}
_GENDERED = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}")


def _gendered(text: str, cid: str) -> str:
    """A Russian text whose words agree with the person's sex: "{ён|ена}" is "ён" for a man, "ена"
    for a woman, as a lawyer writes of one person."""
    female = next(row[6] for row in PEOPLE if row[0] == cid) in FEMALE
    return _GENDERED.sub(lambda match: match.group(2 if female else 1), text)


def _in_languages(episode: dict) -> None:
    """Move the free texts into their per-language columns, stated in every language."""
    text = episode["description"]
    if text in DESCRIPTIONS:
        russian, kazakh = DESCRIPTIONS[text]
        episode["description_en"] = text
        episode["description_ru"], episode["description_kk"] = _gendered(russian, episode["complainant_id"]), kazakh
        episode["description"] = ""
    elif text in TYPED_IN_RUSSIAN:
        episode["description_ru"], episode["description"] = text, ""
        episode["description_en"], episode["description_kk"] = TYPED_IN_RUSSIAN[text]
    if episode.get("authority") in AUTHORITY_NAMES:
        names = AUTHORITY_NAMES[episode["authority"]]
        episode.update(zip(("authority_en", "authority_ru", "authority_kk"), names, strict=True))
        episode["authority"] = ""


def build_episodes(rng: random.Random) -> list[dict]:
    episodes: list[dict] = []

    def city(place: str) -> str:
        return rng.choice(CITY_SPELLINGS[place])

    def add(cid, event, date, place, measure, legal_basis="", penalty="", authority="", description=""):
        episodes.append({
            "complainant_id": cid, "event_id": event, "date": date,
            "city": city(place), "measure": measure, "legal_basis": legal_basis,
            "penalty": penalty, "authority": authority, "description": description,
        })

    def rally(event, rows, day_of):
        for cid, code in rows:
            place = EVENT_PLACE.get((event, cid), HOME[cid])
            day = day_of(cid)
            if code.startswith("I"):
                add(cid, event, day - dt.timedelta(days=2), place, "interrogation",
                    authority=_authority("police", place, day - dt.timedelta(days=2)),
                    description="Summoned to the police and warned not to attend the rally.")
                code = code[1:]
            add(cid, event, day, place, "detention", authority=_authority("police", place, day),
                description=rng.choice(DETENTION_TEXT))
            court_day = day + dt.timedelta(days=1)
            if code in ("A10", "A15"):
                add(cid, event, court_day, place, "administrative_arrest", "CAO 488",
                    f"{code[1:]} days", ADMIN_COURT[place], ARREST_TEXT)
            elif code == "F":
                fine = "KZT 120250" if rng.random() < 0.75 else "KZT 24050"
                add(cid, event, court_day, place, "fine", "CAO 488", fine,
                    ADMIN_COURT[place], rng.choice(FINE_TEXT))

    rally("rally-0510", RALLY_0510, lambda cid: D(2018, 5, 10))
    rally("rally-0623", RALLY_0623, lambda cid: D(2018, 6, 23))
    rally("prevent-0706", PREVENT_0706, lambda cid: D(2018, 7, 6))
    rally("ep-0917", EP_0917, lambda cid: D(2018, 9, EP_0917_DAY[cid]))
    # Preventive detentions: no protocol, released after a few hours.
    for ep in episodes:
        if ep["event_id"] == "prevent-0706":
            ep["description"] = PREVENTIVE_TEXT
        elif ep["event_id"] == "ep-0917" and ep["measure"] == "detention":
            ep["description"] = "Detained on the way to the meeting with the delegation."
        elif ep["event_id"] == "ep-0917" and ep["measure"] == "administrative_arrest":
            ep["description"] = EP_ARREST_TEXT

    for cid, event, date, measure, basis, penalty, kind, text in EXTRA_EVENT_EPISODES:
        add(cid, event, date, HOME[cid], measure, basis, penalty, _authority(kind, HOME[cid], date), text)
    for cid, date, measure, basis, penalty, kind, text in CHATS:
        add(cid, "chats-2018", date, HOME[cid], measure, basis, penalty, _authority(kind, HOME[cid], date), text)
    for cid, date, measure, basis, penalty, kind, text in UNLINKED:
        add(cid, "", date, HOME[cid], measure, basis, penalty,
            _authority(kind, HOME[cid], date) if kind in ("police", "knb") else kind, text)

    # C042 serves the prison sentence passed on 30 July (copied from the custody row: no draw from rng,
    # so that the rest of the example stays as it was).
    custody = next(ep for ep in episodes if (ep["complainant_id"], ep["measure"]) == ("C042", "pretrial_detention"))
    episodes.append(custody | {"date": D(2018, 7, 30), "measure": "imprisonment", "penalty": "3 years",
                               "description": "Serving the sentence in a medium-security institution."})
    for ep in episodes:
        ep["end_date"] = CUSTODY_ENDS.get((ep["complainant_id"], ep["measure"]))
        if ep["measure"] == "detention" and ep["event_id"]:
            ep["treatment"], ep["hours_held"] = _held(int(ep["complainant_id"][1:]), ep["event_id"])
        ep["grounds"] = GROUNDS_BY_EVENT.get(ep["event_id"]) or UNLINKED_GROUNDS.get((ep["complainant_id"],
                                                                                    ep["measure"]))
        ep["preventive"] = "yes" if ep["event_id"] in PREVENTIVE_EVENTS and ep["measure"] == "detention" else None
        # What the description tells of a hearing, its row records too: the claims read the cell, never the text.
        if ep["description"] == HEARING_WITHOUT_LAWYER:
            ep["lawyer_access"] = "no"

    for ep in episodes:
        key = (ep["complainant_id"], ep["event_id"], ep["measure"])
        if key in EPISODE_TEXT_DATES:
            ep["date"] = _as_text(ep["date"], EPISODE_TEXT_DATES[key])
        if key in MEASURE_LABELS:
            ep["measure"] = MEASURE_LABELS[key]

    for ep in episodes:
        _in_languages(ep)

    # Stable order: by complainant, then date, as an operator would sort the sheet.
    def sort_key(ep):
        date = ep["date"]
        if isinstance(date, str):
            date = _parse_text(date)
        return (ep["complainant_id"], date)

    episodes.sort(key=sort_key)
    return episodes


# Why people were targeted, by event; episodes outside the events record none.
GROUNDS_BY_EVENT = {
    "rally-0510": "protest", "rally-0623": "protest", "prevent-0706": "protest",
    "chats-2018": "online_post",
}
# The ground of an act linked to no event, where its description tells it: C030 was warned off the next rally. C027's
# threat (her son's expulsion) says nothing of why: the documents ask (claims.unlinked_threats).
UNLINKED_GROUNDS = {("C030", "threats"): "protest"}
# Detained so that they could not go to the rally, or meet the delegation.
PREVENTIVE_EVENTS = {"prevent-0706", "ep-0917"}

# When custody ended: at the verdict, or at the end of a term; what is not listed still lasts at the date of
# the documents (the urgent appeals concern those people). add_end_dates ends the detentions and arrests.
CUSTODY_ENDS = {
    ("C013", "pretrial_detention"): D(2018, 9, 20),
    ("C018", "house_arrest"): D(2018, 10, 4),
    ("C039", "psychiatric_placement"): D(2018, 8, 8),
    ("C042", "pretrial_detention"): D(2018, 7, 30),
    ("C043", "pretrial_detention"): D(2018, 9, 27),
    ("C047", "house_arrest"): D(2018, 8, 28),
}


TREATMENT_KEYS = list(schema.TREATMENT)


def _held(number: int, event: str) -> tuple[str, int]:
    """How a detainee was treated and for how long, varied by their number (drawing from rng would
    change the rest of the example): some treatment for most, up to three, and 3 to 14 hours."""
    tags = [tag for index, tag in enumerate(TREATMENT_KEYS) if (number + index) % 4 == 0]
    hours = 3 + (number * 5 + len(event)) % 12
    return ", ".join(tags), hours


def _as_text(date: dt.date, style: str) -> str:
    return date.strftime("%d.%m.%Y") if style == "dmy" else date.isoformat()


def _parse_text(text: str) -> dt.date:
    if re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", text):
        return dt.datetime.strptime(text, "%d.%m.%Y").date()
    return dt.date.fromisoformat(text)


def build_complainants(rng: random.Random, episodes: list[dict]) -> list[dict]:
    last_episode: dict[str, dt.date] = {}
    for ep in episodes:
        date = ep["date"] if isinstance(ep["date"], dt.date) else _parse_text(ep["date"])
        cid = ep["complainant_id"]
        last_episode[cid] = max(date, last_episode.get(cid, date))

    rows: list[dict] = []
    documents: dict[str, str] = {}
    phone_prefixes = ["+7 701 000 00 {n:02d}", "+7 777 000 00 {n:02d}", "8 (705) 000-00-{n:02d}", "+77010000{n:03d}"]
    for (cid, surname, given, patronymic, s_lat, g_lat, sex, city, consent,
         scope, contact_kind, notes) in PEOPLE:
        n = int(cid[1:])
        birth = D(1950, 1, 1) + dt.timedelta(days=rng.randrange((D(2000, 12, 31) - D(1950, 1, 1)).days))
        if cid in DUPLICATE_OF:
            id_document = documents[DUPLICATE_OF[cid]]
        elif cid == "C039":
            id_document = f"N{rng.randrange(10**7):08d}"  # a passport, not an ID card
        else:
            id_document = f"0{rng.randrange(10**8):08d}"
        documents[cid] = id_document

        if cid in last_episode:
            appeal = last_episode[cid] + dt.timedelta(days=rng.randint(5, 30))
        else:
            appeal = D(2018, 3, 20) + dt.timedelta(days=rng.randrange(200))
        appeal = min(appeal, D(2018, 10, 26))
        poa = min(appeal + dt.timedelta(days=rng.randint(0, 10)), D(2018, 10, 31))
        appeal_cell = None if cid in NO_APPEAL | NEITHER else appeal
        poa_cell = None if cid in NO_POA | NEITHER else poa
        if (cid, "appeal_form_date") in TEXT_DATES:
            appeal_cell = _as_text(appeal, TEXT_DATES[(cid, "appeal_form_date")])
        if (cid, "poa_date") in TEXT_DATES:
            poa_cell = _as_text(poa, TEXT_DATES[(cid, "poa_date")])

        latin = (g_lat or given).split()[0].lower()
        latin = re.sub(r"[^a-z]", "", latin) or "person"
        email = f"{latin}.{(s_lat or 'x').lower()}{n:02d}@example.org"
        phone = phone_prefixes[n % len(phone_prefixes)].format(n=n)
        contact = {"p": phone, "e": email, "pe": f"{phone}; {email}", "": ""}[contact_kind]

        rows.append({
            "complainant_id": cid, "surname": surname, "given_name": given,
            "patronymic": patronymic, "surname_latin": s_lat,
            "given_name_latin": g_lat, "sex": sex, "date_of_birth": birth,
            "city": city, "id_document": id_document,
            "appeal_form_date": appeal_cell, "poa_date": poa_cell,
            "poa_scope": scope, "consent_to_name": consent, "contact": contact,
            "notes": notes,
        })
    return rows


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------

DATE_FORMAT = "DD.MM.YYYY"
# Kinds whose cells are formatted as text when they do not hold a date: leading zeros, dates typed as text.
TEXT_KINDS = {Kind.DOCUMENT_NUMBER, Kind.DATE}
# Widths of the prose columns, by record field (a per-language family shares one).
WIDE_FIELDS = {"summaries": 70, "labels": 45, "titles": 45, "file": 36, "description": 60, "authority": 40, "notes": 45}


def write_sheet(ws, sheet: Sheet, rows: list[dict]) -> None:
    """The rows (column key -> value) under the sheet's headers, in the schema's column order."""
    ws.title = sheet.key
    ws.append([column.key for column in sheet.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([row.get(column.key) if row.get(column.key) != "" else None for column in sheet.columns])
    for col_idx, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(col_idx)
        for cell in ws[letter][1:]:
            if isinstance(cell.value, (dt.date, dt.datetime)):
                cell.number_format = DATE_FORMAT
            elif column.kind in TEXT_KINDS:
                cell.number_format = "@"
            if column.field in WIDE_FIELDS:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
        longest = max([len(column.key)] + [len(str(c.value)) if not isinstance(c.value, (dt.date, dt.datetime))
                                            else 10 for c in ws[letter][1:] if c.value is not None])
        ws.column_dimensions[letter].width = WIDE_FIELDS.get(column.field, min(max(longest + 2, 10), 40))
    ws.freeze_panes = "A2"


def deterministic_bytes(data: bytes) -> bytes:
    """Re-pack an .xlsx with fixed zip timestamps and document properties."""
    stamp = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                    lambda m: m.group(1) + stamp.encode() + m.group(2), content)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, content)
    return out.getvalue()


# Statements in the complainants' own words (invented): one quoted by name, one by number (no consent to
# be named), one without consent to quote (never printed).
TESTIMONIES = [
    {"complainant_id": "C001", "consent_to_quote": "yes",
     "text_en": "They took us before we had even reached the square. Nobody told us why.",
     "text_ru": "Нас забрали ещё до того, как мы дошли до площади. Никто не объяснил почему.",
     "text_kk": "Бізді алаңға жетпей жатып-ақ ұстап әкетті. Ешкім себебін түсіндірмеді."},
    {"complainant_id": "C011", "consent_to_quote": "yes",
     "text_en": "I asked for a lawyer three times. The officer laughed and said I would not need one.",
     "text_ru": "Я трижды просил адвоката. Полицейский засмеялся и сказал, что он мне не понадобится.",
     "text_kk": "Мен үш рет адвокат талап еттім. Полиция қызметкері күліп, оның маған керек болмайтынын айтты."},
    {"complainant_id": "C013", "consent_to_quote": "no",
     "text_en": "What I wrote in the chat was a joke between friends."},
]


# Included complainants with no remedy recorded, to show the validation warning.
NO_REMEDY = {"C044", "C045"}


def build_remedies(rng: random.Random, episodes: list[dict], complainants: list[dict]) -> list[dict]:
    """Appeals against the penalties, as a lawyer would record them."""
    included = {c["complainant_id"] for c in complainants if c["appeal_form_date"] and c["poa_date"]}
    rows: list[dict] = []
    for ep in episodes:
        cid, measure = ep["complainant_id"], ep["measure"]
        if cid not in included or cid in NO_REMEDY:
            continue
        date = ep["date"] if isinstance(ep["date"], dt.date) else _parse_text(ep["date"])
        if measure in ("administrative_arrest", "fine", "административный арест", "штраф",
                       "әкімшілік қамаққа алу", "айыппұл"):
            filed = date + dt.timedelta(days=rng.randint(3, 9))
            court = APPEAL_COURT[ep["authority"]]
            if ep["authority"] == ADMIN_COURT["shymkent"] and filed >= SHYMKENT_CITY_COURT_FROM:
                court = "Шымкентский городской суд"
            rows.append({"complainant_id": cid, "date": filed, "authority": court,
                         "action": "appeal", "outcome": "ruling upheld, appeal dismissed",
                         "outcome_date": filed + dt.timedelta(days=rng.randint(10, 40))})
        elif measure == "conviction":
            filed = date + dt.timedelta(days=15)
            court = CRIMINAL_APPEAL_COURT[next(place for place, name in CRIMINAL_COURT.items() if name == ep["authority"])]
            rows.append({"complainant_id": cid, "date": filed, "authority": court,
                         "action": "appeal", "outcome": "sentence upheld",
                         "outcome_date": filed + dt.timedelta(days=45)})
            rows.append({"complainant_id": cid, "date": filed + dt.timedelta(days=60),
                         "authority": "Supreme Court of the Republic of Kazakhstan",
                         "action": "cassation", "outcome": "refused",
                         "outcome_date": filed + dt.timedelta(days=120)})
        elif measure in ("ill_treatment", "detention", "задержание", "ұстау") and rng.random() < 0.25:
            filed = date + dt.timedelta(days=rng.randint(1, 20))
            rows.append({"complainant_id": cid, "date": filed, "authority": PROSECUTOR[HOME[cid]],
                         "action": "complaint", "outcome": "no violation found",
                         "outcome_date": filed + dt.timedelta(days=30)})
    covered = {row["complainant_id"] for row in rows}
    for cid in sorted(included - covered - NO_REMEDY):
        filed = D(2018, 10, 1) + dt.timedelta(days=rng.randrange(20))
        rows.append({"complainant_id": cid, "date": filed, "authority": PROSECUTOR[HOME[cid]],
                     "action": "complaint", "outcome": "refused", "outcome_date": filed + dt.timedelta(days=20)})
    # The documents bear the date of case.toml's build_date: a remedy filed after it is not listed,
    # and one decided after it is pending (a decision dated after the document is an error).
    rows = [row for row in rows if row["date"] <= DOCUMENT_DATE]
    for row in rows:
        if row["outcome_date"] > DOCUMENT_DATE:
            row["outcome"] = row["outcome_date"] = None
    for row in rows:
        if row["authority"] in AUTHORITY_NAMES:
            row.update(zip(("authority_en", "authority_ru", "authority_kk"), AUTHORITY_NAMES[row["authority"]],
                           strict=True))
            row["authority"] = ""
    rows.sort(key=lambda row: (row["complainant_id"], row["date"]))
    return rows


# The synthetic scans that scripts/make_example_scans.py writes into intake/example/annexes/.
ATTACHMENTS = [
    {"complainant_id": None, "kind": "decision", "file": "annexes/case-decision-rally-0510.pdf",
     "date": D(2018, 5, 16), "number": "2-0510/2018", "public": "no",  # it names every participant
     # A court's act in an administrative-offence case is a ruling («постановление», «қаулы»), not a decision.
     "title_en": "Ruling of the Almaty City Court", "title_kk": "Алматы қалалық сотының қаулысы",
     "title_ru": "Постановление Алматинского городского суда",
     "subject_en": "concerning the participants in the rally", "subject_kk": "жиналысқа қатысушыларға қатысты",
     "subject_ru": "в отношении участников собрания"},
    {"complainant_id": None, "kind": "photo", "file": "annexes/case-photo-rally-0510.jpg",
     "date": D(2018, 5, 10), "public": "yes",  # a view of the square that identifies no one
     "title_en": "Photograph of the square taken during the rally",
     "title_kk": "жиналыс кезінде түсірілген алаңның фотосуреті",
     "title_ru": "Фотография площади, сделанная во время собрания"},
    {"complainant_id": "C003", "kind": "power_of_attorney", "file": "annexes/C003-poa.pdf", "date": D(2018, 8, 2)},
    {"complainant_id": "C003", "kind": "appeal_form", "file": "annexes/C003-appeal-form.png", "date": D(2018, 7, 28)},
    {"complainant_id": "C003", "kind": "decision", "file": "annexes/C003-decision.pdf", "date": D(2018, 6, 24),
     "number": "5-1173/2018",
     "title_en": "Decision of the Specialised Inter-District Administrative Court of Astana",
     "title_kk": "Астана қаласының мамандандырылған ауданаралық әкімшілік сотының қаулысы",
     "title_ru": "Постановление Специализированного межрайонного административного суда города Астаны"},
    {"complainant_id": "C005", "kind": "identity", "file": "annexes/C005-identity.tiff"},
    {"complainant_id": "C012", "kind": "medical", "file": "annexes/C012-medical.jpg", "date": D(2018, 5, 14),
     "title_en": "Medical report after detention", "title_kk": "медициналық қорытынды",
     "subject_kk": "(2018 жылғы 10 мамырдағы ұстаудан кейін)",
     "title_ru": "Медицинское заключение", "subject_ru": "(после задержания 10 мая 2018 года)"},
    {"complainant_id": "C012", "kind": "decision", "file": "annexes/C012-decision.pdf", "date": D(2018, 7, 12),
     "number": "2а-2231/2018",
     "title_en": "Appeal decision of the Astana City Court", "title_kk": "Астана қалалық сотының апелляциялық қаулысы",
     "title_ru": "Постановление апелляционной инстанции Астанинского городского суда"},
]


DETENTION_SPELLINGS = ("detention", "задержание", "ұстау")
ARREST_SPELLINGS = ("administrative_arrest", "административный арест", "әкімшілік қамаққа алу")


def add_end_dates(episodes: list[dict]) -> None:
    """When each detention and arrest ended: a detention the same day, an administrative arrest when
    its term was served. Custody, house arrest and placement end as CUSTODY_ENDS says."""
    for ep in episodes:
        date = ep["date"] if isinstance(ep["date"], dt.date) else _parse_text(ep["date"])
        if ep["measure"] in DETENTION_SPELLINGS:
            ep["end_date"] = date
        elif ep["measure"] in ARREST_SPELLINGS:
            days = int(re.search(r"\d+", ep["penalty"])[0])
            ep["end_date"] = date + dt.timedelta(days=days - 1)


def build_workbook(complete=None) -> Workbook:
    """The example workbook; `complete(complainants, episodes, remedies, attachments)`, if given, fills
    in the rows (scripts/make_example_complete.py)."""
    rng = random.Random(2018)
    episodes = build_episodes(rng)
    add_end_dates(episodes)
    complainants = build_complainants(rng, episodes)
    remedies = build_remedies(rng, episodes, complainants)
    attachments = [dict(row) for row in ATTACHMENTS]
    if complete:
        complete(complainants, episodes, remedies, attachments)

    wb = Workbook()
    wb.properties.creator = "scripts/make_example_workbook.py"
    wb.properties.title = "Synthetic example case (all names invented)"
    wb.properties.created = FIXED_TIMESTAMP
    write_sheet(wb.active, schema.EVENTS, EVENTS)
    write_sheet(wb.create_sheet(), schema.COMPLAINANTS, complainants)
    write_sheet(wb.create_sheet(), schema.EPISODES, episodes)
    write_sheet(wb.create_sheet(), schema.REMEDIES, remedies)
    write_sheet(wb.create_sheet(), schema.ATTACHMENTS, attachments)
    write_sheet(wb.create_sheet(), schema.TESTIMONIES, TESTIMONIES)
    return wb


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    build_workbook().save(buffer)
    output.write_bytes(deterministic_bytes(buffer.getvalue()))
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
