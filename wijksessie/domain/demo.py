"""A complete, fictional session in the Kruidenbuurt of Waterveen, for trying the app and tests.

The demo exists so that a facilitator can see every phase filled before running a real session,
and so that tests and snapshots have one rich, realistic network to read. It is built to show
what the analysis is for: two coffee mornings and two money-worry consultations by different
organisations (overlap), a residents' question about informal carers that nobody covers (gap),
initiatives that rest on one person (weak links) and a GGZ team nobody works with yet.

Ids are ``uuid5`` of a fixed namespace and a readable key, and dates are relative to ``today``,
so two builds for the same day are equal: good for snapshot tests.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from wijksessie.domain.model import (
    Agreement,
    AgreementStatus,
    Commitment,
    CommitmentStatus,
    Connection,
    ConnectionKind,
    ConsentRound,
    Goal,
    Initiative,
    Network,
    Organisation,
    ParkingItem,
    Participant,
    Position,
    ResidentQuestion,
    Role,
    Session,
    Stance,
)

DEMO_TITLE = "Netwerksessie Kruidenbuurt"
DEMO_WIJK = "Kruidenbuurt"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wijksessie.invalid/demo/kruidenbuurt")


def demo_id(key: str) -> str:
    """The fixed id of one demo entity, e.g. ``demo_id("org:welzijn")``."""
    return uuid.uuid5(_NAMESPACE, key).hex


def demo_network(today: date | None = None) -> Network:
    """The Kruidenbuurt session, held ``today``, with every phase filled in."""
    today = today or date.today()
    return Network(
        session=_session(today),
        questions=_questions(),
        organisations=_organisations(),
        participants=_participants(),
        initiatives=_initiatives(),
        connections=_connections(),
        goals=_goals(),
        agreements=_agreements(),
        commitments=_commitments(today),
        parking=_parking(),
    )


def _org(key: str) -> str:
    return demo_id(f"org:{key}")


def _person(key: str) -> str:
    return demo_id(f"person:{key}")


def _question(key: str) -> str:
    return demo_id(f"question:{key}")


def _goal(key: str) -> str:
    return demo_id(f"goal:{key}")


def _session(today: date) -> Session:
    return Session(
        title=DEMO_TITLE,
        wijk=DEMO_WIJK,
        date=today,
        location="Buurthuis De Kruidenhof, Tijmstraat 12, Waterveen",
        facilitator="Marloes van den Berg",
        question=(
            "Hoe zorgen we er samen voor dat inwoners van de Kruidenbuurt met geldzorgen of "
            "eenzaamheid op tijd bij de juiste hulp terechtkomen, zonder dat ze van loket naar "
            "loket worden gestuurd?"
        ),
        notes=(
            "Tweede bijeenkomst van het wijknetwerk. Wijkagent Mark Visser en bestuurder "
            "Annelies de Graaf zijn verhinderd. Koffie en soep verzorgd door Buurtbedrijf "
            "Peper & Zout."
        ),
        next_date=today + timedelta(weeks=6),
        id=demo_id("session"),
    )


_QUESTIONS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    (
        "alleen",
        "Sinds mijn man is overleden ben ik veel alleen. Waar kan ik overdag koffie drinken "
        "met anderen?",
        ("eenzaamheid", "ouderen", "ontmoeting"),
        "Bewonersavond in De Kruidenhof",
    ),
    (
        "huurachterstand",
        "Ik heb een huurachterstand en durf de post niet meer open te maken. Wie helpt mij "
        "zonder dat ik me hoef te schamen?",
        ("armoede & schulden", "wonen"),
        "Spreekuur wijkconsulent Thuisbasis",
    ),
    (
        "mantelzorg",
        "Mijn moeder zorgt voor mijn vader met dementie en houdt het bijna niet meer vol. "
        "Waar kan zij terecht?",
        ("mantelzorg",),
        "Huisartsenpraktijk De Linde",
    ),
    (
        "speelveld",
        "Bij het speelveld aan de Tijmstraat hangen 's avonds jongeren rond. Ik voel me daar "
        "niet meer veilig.",
        ("veiligheid", "jeugd"),
        "Buurtapp Kruidenbuurt",
    ),
    (
        "huiswerk",
        "Mijn kinderen hebben hulp nodig met hun huiswerk en ik spreek zelf nog niet goed "
        "Nederlands.",
        ("taal", "jeugd"),
        "Ouderkamer basisschool De Kruidentuin",
    ),
    (
        "werk",
        "Ik wil graag weer aan het werk, maar ik weet niet waar ik moet beginnen.",
        ("werk & participatie",),
        "Taalcafé Kruidenbuurt",
    ),
)


def _questions() -> list[ResidentQuestion]:
    return [
        ResidentQuestion(text=text, themes=list(themes), source=source, id=_question(key))
        for key, text, themes, source in _QUESTIONS
    ]


_ORGANISATIONS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "huisarts",
        "Huisartsenpraktijk De Linde",
        "huisartsenzorg",
        ("minder spreekuurbezoek voor vragen die geen medische vragen zijn",),
    ),
    (
        "welzijn",
        "Welzijn Waterveen",
        "welzijn",
        ("vroeg in beeld krijgen wie hulp nodig heeft", "vrijwilligers voor activiteiten"),
    ),
    (
        "thuiszorg",
        "Thuiszorg Zorgzaam",
        "thuiszorg",
        ("cliënten langer veilig thuis laten wonen", "ontlasting van mantelzorgers"),
    ),
    (
        "gemeente",
        "Gemeente Waterveen, team Wijkaanpak",
        "gemeente",
        ("één wijkplan in plaats van tien", "zicht op wat het wijkbudget oplevert"),
    ),
    (
        "corporatie",
        "Woonstichting Thuisbasis",
        "woningcorporatie",
        ("geen huisuitzettingen", "huurachterstanden vroeg signaleren"),
    ),
    (
        "school",
        "Basisschool De Kruidentuin",
        "onderwijs",
        ("ouders betrekken bij school", "rust en veiligheid rond het schoolplein"),
    ),
    (
        "politie",
        "Politie Waterveen-Oost",
        "politie",
        ("meer meldingen van bewoners", "minder overlast rond het speelveld"),
    ),
    (
        "peperzout",
        "Buurtbedrijf Peper & Zout",
        "sociaal ondernemer",
        ("werkervaringsplekken vullen", "opdrachten uit de wijk"),
    ),
    (
        "bewoners",
        "Kruidenbuurt Samen",
        "bewonersinitiatief",
        ("serieus genomen worden als partner", "een vaste ruimte in De Kruidenhof"),
    ),
    (
        "ggz",
        "GGZ Rivierland, wijkteam Oost",
        "GGZ",
        ("eerder betrokken worden bij verwarde buurtbewoners", "herstel dichtbij huis"),
    ),
)


def _organisations() -> list[Organisation]:
    return [
        Organisation(name=name, sector=sector, interests=list(interests), id=_org(key))
        for key, name, sector, interests in _ORGANISATIONS
    ]


# key, name, organisation key ("" for none), role, email, phone, present, share_contact
_PARTICIPANTS: tuple[tuple[str, str, str, Role, str, str, bool, bool], ...] = (
    (
        "fatima",
        "Fatima el Amrani",
        "bewoners",
        Role.RESIDENT,
        "fatima.elamrani@example.nl",
        "06 12345678",
        True,
        True,
    ),
    ("henk", "Henk de Vries", "", Role.RESIDENT, "", "", True, False),
    ("gerda", "Gerda Willems", "bewoners", Role.RESIDENT, "", "06 87654321", True, True),
    (
        "sanne",
        "Sanne Verhoef",
        "huisarts",
        Role.PROFESSIONAL,
        "s.verhoef@delinde.example.nl",
        "",
        True,
        True,
    ),
    (
        "ruud",
        "Ruud Jansen",
        "huisarts",
        Role.PROFESSIONAL,
        "r.jansen@delinde.example.nl",
        "0345 123456",
        True,
        False,
    ),
    (
        "mirjam",
        "Mirjam Bakker",
        "welzijn",
        Role.CONNECTOR,
        "m.bakker@welzijnwaterveen.example.nl",
        "06 11223344",
        True,
        True,
    ),
    ("youssef", "Youssef Ait Lahcen", "welzijn", Role.PROFESSIONAL, "", "", True, False),
    ("annelies", "Annelies de Graaf", "welzijn", Role.ADMINISTRATOR, "", "", False, False),
    (
        "petra",
        "Petra Smit",
        "thuiszorg",
        Role.PROFESSIONAL,
        "petra.smit@zorgzaam.example.nl",
        "",
        True,
        True,
    ),
    (
        "linda",
        "Linda Kok",
        "gemeente",
        Role.CONNECTOR,
        "l.kok@waterveen.example.nl",
        "14 0345",
        True,
        True,
    ),
    ("erik", "Erik Mulder", "corporatie", Role.PROFESSIONAL, "", "", True, False),
    ("karin", "Karin Hoekstra", "school", Role.ADMINISTRATOR, "", "", True, False),
    ("mark", "Mark Visser", "politie", Role.PROFESSIONAL, "", "", False, False),
    (
        "noor",
        "Noor Hendriks",
        "peperzout",
        Role.CONNECTOR,
        "noor@peperenzout.example.nl",
        "06 55667788",
        True,
        True,
    ),
    ("thijs", "Thijs Brouwer", "ggz", Role.PROFESSIONAL, "", "", True, False),
)


def _participants() -> list[Participant]:
    return [
        Participant(
            name=name,
            organisation_id=_org(org) if org else "",
            role=role,
            email=email,
            phone=phone,
            present=present,
            share_contact=share,
            id=_person(key),
        )
        for key, name, org, role, email, phone, present, share in _PARTICIPANTS
    ]


# key, name, organisation, themes, target groups, description, contact, backup ("" = none)
_INITIATIVES: tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...], str, str, str], ...] = (
    (
        "koffie",
        "Koffie-ochtend voor ouderen",
        "welzijn",
        ("eenzaamheid", "ontmoeting", "ouderen"),
        ("ouderen", "alleenstaanden"),
        "Elke dinsdagochtend koffie, krant en een praatje in De Kruidenhof.",
        "mirjam",
        "youssef",
    ),
    (
        "ouderencafe",
        "Ouderencafé De Ontmoeting",
        "bewoners",
        ("eenzaamheid", "ontmoeting", "ouderen"),
        ("ouderen",),
        "Door bewoners georganiseerd, elke donderdagochtend in de kerkzaal.",
        "gerda",
        "",
    ),
    (
        "keukentafel",
        "Schuldhulp aan de keukentafel",
        "welzijn",
        ("armoede & schulden",),
        ("huishoudens met geldzorgen", "huurders met een achterstand"),
        "Hulp bij geldzorgen en schulden: vrijwilligers brengen thuis de administratie op orde.",
        "youssef",
        "mirjam",
    ),
    (
        "geldzorgen",
        "Geldzorgen spreekuur",
        "corporatie",
        ("armoede & schulden", "wonen"),
        ("huishoudens met geldzorgen", "huurders met een achterstand"),
        "Hulp bij geldzorgen en een huurachterstand: elke week een spreekuur van de wijkconsulent.",
        "erik",
        "",
    ),
    (
        "recept",
        "Welzijn op recept",
        "huisarts",
        ("gezondheid", "eenzaamheid"),
        ("patiënten met psychosociale klachten", "ouderen"),
        "De huisarts verwijst naar een welzijnscoach in plaats van naar medicijnen.",
        "ruud",
        "sanne",
    ),
    (
        "valpreventie",
        "Valpreventie thuis",
        "thuiszorg",
        ("gezondheid", "ouderen", "zorg"),
        ("ouderen",),
        "Huisbezoek met een check op valrisico's en eenvoudige oefeningen.",
        "petra",
        "",
    ),
    (
        "wijkbudget",
        "Wijkbudget Kruidenbuurt",
        "gemeente",
        ("ontmoeting", "werk & participatie"),
        ("bewonersinitiatieven",),
        "Bewoners dragen ideeën aan; een bewonerscommissie verdeelt het budget.",
        "linda",
        "henk",
    ),
    (
        "huiswerkklas",
        "Huiswerkklas en ouderkamer",
        "school",
        ("jeugd", "taal"),
        ("kinderen van 8 tot 12 jaar", "ouders"),
        "Twee middagen huiswerkbegeleiding; ouders drinken intussen koffie in de ouderkamer.",
        "karin",
        "fatima",
    ),
    (
        "taalcafe",
        "Taalcafé Kruidenbuurt",
        "bewoners",
        ("taal", "ontmoeting"),
        ("nieuwkomers", "laaggeletterden"),
        "Elke woensdagavond Nederlands oefenen met buurtgenoten.",
        "fatima",
        "gerda",
    ),
    (
        "wijkschouw",
        "Buurtpreventie en wijkschouw",
        "politie",
        ("veiligheid",),
        ("bewoners",),
        "Eens per kwartaal lopen bewoners, politie en gemeente samen door de wijk.",
        "mark",
        "linda",
    ),
    (
        "werkplaats",
        "Werkplaats Peper & Zout",
        "peperzout",
        ("werk & participatie", "armoede & schulden"),
        ("mensen met afstand tot de arbeidsmarkt",),
        "Leerwerkplekken in de keuken en de fietsenmakerij van het buurtbedrijf.",
        "noor",
        "",
    ),
    (
        "haven",
        "Inloop De Haven",
        "ggz",
        ("gezondheid", "zorg", "eenzaamheid"),
        ("mensen met psychische kwetsbaarheid",),
        "Vrije inloop twee middagen per week, met een ervaringsdeskundige.",
        "thijs",
        "",
    ),
)


def _initiatives() -> list[Initiative]:
    return [
        Initiative(
            name=name,
            organisation_id=_org(org),
            themes=list(themes),
            target_groups=list(groups),
            description=description,
            contact_id=_person(contact),
            backup_contact_id=_person(backup) if backup else "",
            id=demo_id(f"initiative:{key}"),
        )
        for key, name, org, themes, groups, description, contact, backup in _INITIATIVES
    ]


_CONNECTIONS: tuple[tuple[str, str, ConnectionKind, str], ...] = (
    ("huisarts", "welzijn", ConnectionKind.WORK_TOGETHER, "Welzijn op recept loopt sinds 2024."),
    ("huisarts", "thuiszorg", ConnectionKind.WORK_TOGETHER, "Vast MDO ouderenzorg."),
    ("welzijn", "bewoners", ConnectionKind.KNOW, "Wisten niet van elkaars koffie-ochtend."),
    ("welzijn", "corporatie", ConnectionKind.WANT_TO, "Samen één aanpak voor geldzorgen."),
    ("gemeente", "welzijn", ConnectionKind.WORK_TOGETHER, "Subsidierelatie."),
    ("gemeente", "politie", ConnectionKind.WORK_TOGETHER, "Wijkschouw en veiligheidsoverleg."),
    ("school", "welzijn", ConnectionKind.KNOW, ""),
    ("peperzout", "gemeente", ConnectionKind.WANT_TO, "Werkervaringsplekken via de gemeente."),
    ("corporatie", "politie", ConnectionKind.KNOW, "Contact bij overlastmeldingen."),
    ("bewoners", "gemeente", ConnectionKind.KNOW, "Via het wijkbudget."),
    ("school", "bewoners", ConnectionKind.WANT_TO, "Taalcafé en ouderkamer koppelen."),
)


def _connections() -> list[Connection]:
    return [
        Connection(
            org_a=_org(a), org_b=_org(b), kind=kind, note=note, id=demo_id(f"connection:{a}-{b}")
        )
        for a, b, kind, note in _CONNECTIONS
    ]


def _goals() -> list[Goal]:
    return [
        Goal(
            text="Geen oudere in de Kruidenbuurt staat er alleen voor: één overzicht van alle "
            "plekken om elkaar te ontmoeten",
            themes=["eenzaamheid", "ouderen", "ontmoeting"],
            question_ids=[_question("alleen")],
            votes={_person("gerda"): 3, _person("mirjam"): 2, _person("sanne"): 1},
            coalition=[_org("welzijn"), _org("bewoners"), _org("huisarts"), _org("thuiszorg")],
            id=_goal("ontmoeting"),
        ),
        Goal(
            text="Geldzorgen vroeg zien en samen oppakken, lang voordat een huisuitzetting dreigt",
            themes=["armoede & schulden", "wonen"],
            question_ids=[_question("huurachterstand"), _question("werk")],
            votes={_person("erik"): 3, _person("youssef"): 3, _person("henk"): 2},
            coalition=[_org("welzijn"), _org("corporatie"), _org("peperzout"), _org("gemeente")],
            id=_goal("geldzorgen"),
        ),
        Goal(
            text="Mantelzorgers weten waar ze terechtkunnen en worden op tijd ontlast",
            themes=["mantelzorg", "zorg"],
            question_ids=[_question("mantelzorg")],
            votes={_person("petra"): 2, _person("fatima"): 1},
            coalition=[_org("huisarts"), _org("thuiszorg"), _org("ggz")],
            id=_goal("mantelzorg"),
        ),
        Goal(
            text="Kinderen en ouders krijgen steun bij taal en school, dicht bij huis",
            themes=["jeugd", "taal"],
            question_ids=[_question("huiswerk")],
            votes={_person("karin"): 2, _person("fatima"): 2},
            coalition=[_org("school"), _org("bewoners"), _org("welzijn")],
            id=_goal("taal"),
        ),
    ]


_PRESENT = tuple(key for key, *_, present, _share in _PARTICIPANTS if present)


def _round(text: str, exceptions: dict[str, Position]) -> ConsentRound:
    """A round where every present participant consents, except those named."""
    positions = {_person(key): exceptions.get(key, Position(Stance.CONSENT)) for key in _PRESENT}
    return ConsentRound(text=text, positions=positions)


_WARM = (
    "We verwijzen warm door: we brengen een inwoner persoonlijk in contact met de juiste "
    "collega, in plaats van een folder mee te geven."
)
_BACKUP = (
    "Elk initiatief heeft naast een contactpersoon een vaste back-up, zodat een samenwerking "
    "niet aan één persoon hangt."
)
_MONTHLY = "Het hele wijknetwerk komt elke maand bij elkaar."
_QUARTERLY = (
    "Het hele wijknetwerk komt elk kwartaal bij elkaar; iedere organisatie stuurt iemand die "
    "mag beslissen."
)
_OWN_CONNECTOR = "Iedere organisatie stelt een eigen verbinder aan voor de Kruidenbuurt."


def _agreements() -> list[Agreement]:
    return [
        Agreement(
            text=_WARM,
            status=AgreementStatus.ADOPTED,
            rounds=[
                _round(
                    _WARM,
                    {
                        "sanne": Position(
                            Stance.RESERVATION,
                            "Goed idee, maar een warme overdracht kost tijd die we in de "
                            "praktijk niet altijd hebben.",
                        )
                    },
                )
            ],
            id=demo_id("agreement:warm"),
        ),
        Agreement(
            text=_BACKUP,
            status=AgreementStatus.ADOPTED,
            rounds=[_round(_BACKUP, {})],
            id=demo_id("agreement:backup"),
        ),
        Agreement(
            text=_QUARTERLY,
            status=AgreementStatus.PROPOSED,
            rounds=[
                _round(
                    _MONTHLY,
                    {
                        "sanne": Position(
                            Stance.OBJECTION,
                            "Elke maand is voor de praktijk niet op te brengen.",
                        )
                    },
                ),
                _round(
                    _QUARTERLY,
                    {
                        "karin": Position(
                            Stance.OBJECTION,
                            "Ik kan niet beloven dat ik namens het schoolbestuur mag beslissen.",
                        ),
                        "erik": Position(
                            Stance.RESERVATION, "Liever wisselend overdag en 's avonds."
                        ),
                    },
                ),
            ],
            id=demo_id("agreement:kwartaal"),
        ),
        Agreement(
            text="Bewoners zitten als gelijkwaardige partner aan tafel: geen besluit over de "
            "wijk zonder hen.",
            id=demo_id("agreement:bewoners"),
        ),
        Agreement(
            text=_OWN_CONNECTOR,
            status=AgreementStatus.REJECTED,
            rounds=[
                _round(
                    _OWN_CONNECTOR,
                    {
                        "linda": Position(
                            Stance.OBJECTION,
                            "Dan hebben we straks tien verbinders en nog steeds geen verbinding.",
                        ),
                        "fatima": Position(
                            Stance.OBJECTION, "Als bewoner weet ik nu al niet wie ik moet bellen."
                        ),
                    },
                )
            ],
            id=demo_id("agreement:verbinder"),
        ),
    ]


# key, what, participant ("" = none), organisation, goal ("" = none), days from today
# (None = no date), status, note
_COMMITMENTS: tuple[tuple[str, str, str, str, str, int | None, CommitmentStatus, str], ...] = (
    (
        "rooster",
        "Eén gezamenlijk rooster maken van Koffie-ochtend en Ouderencafé",
        "mirjam",
        "welzijn",
        "ontmoeting",
        14,
        CommitmentStatus.OPEN,
        "",
    ),
    (
        "kennismaken",
        "Bij elkaars ochtend op bezoek gaan en kennismaken",
        "gerda",
        "bewoners",
        "ontmoeting",
        -5,
        CommitmentStatus.OPEN,
        "",
    ),
    (
        "loket",
        "Spreekuren van Welzijn en Thuisbasis samenvoegen tot één geldzorgenloket",
        "youssef",
        "welzijn",
        "geldzorgen",
        30,
        CommitmentStatus.BUSY,
        "Eerste gesprek met Erik gepland.",
    ),
    (
        "signalen",
        "Huurders met een beginnende achterstand (met hun toestemming) doorgeven aan Welzijn",
        "erik",
        "corporatie",
        "geldzorgen",
        -10,
        CommitmentStatus.BUSY,
        "Wacht op akkoord van de privacyfunctionaris.",
    ),
    (
        "sociale-kaart",
        "De sociale kaart van de wijk delen met alle praktijkmedewerkers",
        "ruud",
        "huisarts",
        "ontmoeting",
        -3,
        CommitmentStatus.DONE,
        "",
    ),
    (
        "mantelzorgers",
        "Mantelzorgers in de praktijk vragen wat zij nodig hebben",
        "sanne",
        "huisarts",
        "mantelzorg",
        None,
        CommitmentStatus.OPEN,
        "",
    ),
    (
        "schouw",
        "Wijkschouw bij het speelveld Tijmstraat, samen met jongeren en bewoners",
        "",
        "politie",
        "",
        21,
        CommitmentStatus.OPEN,
        "Mark Visser was verhinderd; Linda Kok stemt de datum met hem af.",
    ),
    (
        "woensdag",
        "De huiswerkklas uitbreiden naar woensdagmiddag",
        "karin",
        "school",
        "taal",
        60,
        CommitmentStatus.DROPPED,
        "Geen lokaal vrij; komt terug zodra De Kruidenhof ruimte heeft.",
    ),
    (
        "vrijwilligers",
        "Vrijwilligers van Taalcafé en ouderkamer met elkaar in contact brengen",
        "fatima",
        "bewoners",
        "taal",
        28,
        CommitmentStatus.BUSY,
        "",
    ),
    (
        "leerwerkplekken",
        "Twee leerwerkplekken aanbieden aan deelnemers van het Taalcafé",
        "noor",
        "peperzout",
        "geldzorgen",
        45,
        CommitmentStatus.OPEN,
        "",
    ),
    (
        "aanvraag",
        "Wijkbudget aanvragen voor een gezamenlijke ouderenactiviteit",
        "linda",
        "gemeente",
        "ontmoeting",
        -1,
        CommitmentStatus.DONE,
        "Aanvraag ingediend, besluit over vier weken.",
    ),
    (
        "mdo",
        "GGZ laten aansluiten bij het MDO ouderenzorg van huisarts en thuiszorg",
        "thijs",
        "ggz",
        "mantelzorg",
        -20,
        CommitmentStatus.DROPPED,
        "Het MDO stopt; we zoeken een andere vorm.",
    ),
)


def _commitments(today: date) -> list[Commitment]:
    return [
        Commitment(
            what=what,
            participant_id=_person(person) if person else "",
            organisation_id=_org(org),
            goal_id=_goal(goal) if goal else "",
            due=today + timedelta(days=days) if days is not None else None,
            status=status,
            note=note,
            id=demo_id(f"commitment:{key}"),
        )
        for key, what, person, org, goal, days, status, note in _COMMITMENTS
    ]


_PARKING: tuple[tuple[str, str], ...] = (
    ("sociale-kaart", "Eén sociale kaart van de wijk die iedereen zelf bijhoudt"),
    ("buurtmaaltijd", "Buurtmaaltijd, afwisselend in de moskee en in de kerk"),
    ("jongeren", "Jongeren zelf uitnodigen voor de volgende sessie"),
)


def _parking() -> list[ParkingItem]:
    return [ParkingItem(text=text, id=demo_id(f"parking:{key}")) for key, text in _PARKING]
