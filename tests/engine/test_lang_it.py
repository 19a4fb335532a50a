"""Italian, in sentences of our own."""

import pytest

from factcheck import extract
from tests.engine.cases import PUB, check

CASES = [
    (
        "Corvane ha acquisito Tidewell per 2,35 miliardi di euro.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Tidewell", "value": 2.35e9, "unit": "EUR"},
    ),
    (
        "Il gruppo Tidewell impiega circa 12.400 dipendenti.",
        {"predicate": "employees", "subject": "Tidewell", "value": 12400, "qualifier": "approx"},
    ),
    (
        "Il fondo Arlo Partners detiene il 12,5 per cento di Tidewell.",
        {"predicate": "stake", "subject": "Arlo Partners", "object": "Tidewell", "value": 12.5, "unit": "%"},
    ),
    (
        "Corvane entra nel capitale di Tidewell con una quota del 30% per 90 milioni di sterline.",
        {"predicate": "investment", "subject": "Corvane", "object": "Tidewell", "value": 90e6, "unit": "GBP"},
    ),
    (
        "Nel terzo trimestre 2025 Tidewell ha registrato ricavi per 318 milioni di euro.",
        {"predicate": "revenue", "subject": "Tidewell", "value": 318e6, "time": "2025-Q3"},
    ),
    (
        "Tidewell ha chiuso l'anno scorso con una perdita netta di 21 milioni di euro.",
        {"predicate": "profit", "subject": "Tidewell", "value": -21e6, "time": "2024"},
    ),
    (
        "Corvane pagherà a Tidewell 40 milioni di euro all'anno.",
        {
            "predicate": "payment",
            "subject": "Corvane",
            "object": "Tidewell",
            "value": 40e6,
            "period": "year",
            "modality": "planned",
        },
    ),
    (
        "L'operazione valuta Tidewell oltre 4 miliardi di euro.",
        {"predicate": "valuation", "subject": "Tidewell", "value": 4e9, "qualifier": "at_least"},
    ),
    (
        "Secondo la società, Tidewell conta quasi tre milioni di utenti mensili.",
        {
            "predicate": "users",
            "subject": "Tidewell",
            "value": 3e6,
            "period": "month",
            "qualifier": "approx",
            "modality": "reported",
        },
    ),
    (
        "Giulia Conti, direttrice finanziaria di Corvane, approderà in Tidewell a marzo.",
        {"predicate": "role", "subject": "Giulia Conti", "object": "Corvane", "role": "CFO"},
    ),
    (
        "Giulia Conti, direttrice finanziaria di Corvane, approderà in Tidewell a marzo.",
        {"predicate": "joins", "subject": "Giulia Conti", "object": "Tidewell", "modality": "planned"},
    ),
    (
        "L'amministratore delegato di Tidewell, Marco Bellini, ha commentato l'intesa.",
        {"predicate": "role", "subject": "Marco Bellini", "object": "Tidewell", "role": "CEO"},
    ),
    (
        "Tidewell produce sensori.\nL'azienda occupa 850 addetti.",
        {"predicate": "employees", "subject": "Tidewell", "value": 850},
    ),
    (
        "Per il 2026 Tidewell prevede ricavi per circa 500 milioni di euro.",
        {"predicate": "revenue", "subject": "Tidewell", "modality": "forecast", "time": "2026"},
    ),
    (
        "Banca Solaris ha diffuso i conti. Nel semestre la società ha registrato un utile netto di 85 mln di euro.",
        {"predicate": "profit", "subject": "Banca Solaris", "value": 85e6, "unit": "EUR"},
    ),
    (
        "Tessiture Bruni ha sede a Prato. L'azienda ha circa duemila dipendenti.",
        {"predicate": "employees", "subject": "Tessiture Bruni", "value": 2000, "qualifier": "approx"},
    ),
    (
        "Il presidente di Solare Adriatico, Franco Neri, ha 61 anni.",
        {"predicate": "role", "subject": "Franco Neri", "object": "Solare Adriatico", "role": "president"},
    ),
    (
        "Anna Ricci è la fondatrice di Pixelia, che ha 120 dipendenti.",
        {"predicate": "role", "subject": "Anna Ricci", "object": "Pixelia", "role": "founder"},
    ),
    (
        "Secondo indiscrezioni, Telenova vale almeno 3 miliardi di euro.",
        {
            "predicate": "valuation",
            "subject": "Telenova",
            "value": 3e9,
            "qualifier": "at_least",
            "modality": "reported",
        },
    ),
    (
        "Borea Capital salirà al 25% di Telenova con un investimento di 200 milioni di euro.",
        {"predicate": "investment", "subject": "Borea Capital", "object": "Telenova", "value": 200e6},
    ),
    (
        "Luca Marini lascia Ortensia e passa al gruppo Velaria, dove sarà amministratore delegato dal 2026.",
        {"predicate": "joins", "subject": "Luca Marini", "object": "Velaria"},
    ),
    (
        "L'acquisizione di Ottica Lume da parte di Ferravia vale 310 milioni di euro.",
        {"predicate": "acquisition", "subject": "Ferravia", "object": "Ottica Lume", "value": 310e6},
    ),
    (
        "Vigneti Moro ha chiuso l'esercizio con un risultato netto negativo di 12 milioni di euro.",
        {"predicate": "profit", "subject": "Vigneti Moro", "value": -12e6},
    ),
    (
        "Cartiera Benassi ha annunciato 450 esuberi. Il gruppo conta in totale 6.000 dipendenti.",
        {"predicate": "employees", "subject": "Cartiera Benassi", "value": 6000},
    ),
    (
        "Orsa Pay ha oltre 700mila clienti in Italia.",
        {"predicate": "users", "subject": "Orsa Pay", "value": 700000, "qualifier": "at_least"},
    ),
    (
        "Chiara Lodi è stata nominata amministratore delegato di Ardesia.",
        {"predicate": "role", "subject": "Chiara Lodi", "object": "Ardesia", "role": "CEO"},
    ),
    (
        "Secondo fonti, Ardesia sarebbe pronta a pagare 400 milioni di euro per acquisire Vetri Liguri.",
        {"predicate": "acquisition", "subject": "Ardesia", "object": "Vetri Liguri", "value": 400e6},
    ),
    (
        "Stando ai dati diffusi dalla società, Pagoda Pay conta circa 1,5 milioni di clienti attivi.",
        {"predicate": "users", "subject": "Pagoda Pay", "value": 1.5e6, "modality": "reported"},
    ),
    (
        "Tidemar vende energia solare. Il nuovo direttore finanziario, Giorgio Pini, assumerà l'incarico a settembre, "
        "in arrivo dalla rivale Galpina.",
        {"predicate": "joins", "subject": "Giorgio Pini", "object": "Tidemar"},
    ),
    (
        "Il fondo Skarn Invest ha versato 200 milioni di euro a Tidemar. "
        "Con l'operazione il fondo norvegese sale a circa il 12% della società.",
        {"predicate": "stake", "subject": "Skarn Invest", "object": "Tidemar", "value": 12, "qualifier": "approx"},
    ),
    (
        "Paola Rossi assumerà la guida di Corvina a gennaio.",
        {"predicate": "joins", "subject": "Paola Rossi", "object": "Corvina", "modality": "planned"},
    ),
    (
        "Marco Neri entrerà a far parte del consiglio di Corvina.",
        {"predicate": "joins", "subject": "Marco Neri", "object": "Corvina"},
    ),
    # a legal form with dots ("S.p.A.", "S.r.l.") is part of the name, not a sentence end
    (
        "Velaria S.p.A. detiene il 20% di Pyrona.",
        {"predicate": "stake", "subject": "Velaria", "object": "Pyrona", "value": 20},
    ),
    (
        "Velaria S.r.l. ha chiuso il 2024 con un utile netto di 4 milioni di euro.",
        {"predicate": "profit", "subject": "Velaria", "value": 4e6, "time": "2024"},
    ),
    # investment verbs: "metterà ... in"
    (
        "Dopo mesi di trattative, Borea Capital metterà 60 milioni di euro in Pyrona.",
        {
            "predicate": "investment",
            "subject": "Borea Capital",
            "object": "Pyrona",
            "value": 60e6,
            "modality": "planned",
        },
    ),
    # a passive holding with a company-like participle ("controllata al 60% da")
    (
        "Pyrona è controllata al 60% da Borea Capital.",
        {"predicate": "stake", "subject": "Borea Capital", "object": "Pyrona", "value": 60},
    ),
    # future purchase verbs
    (
        "Velaria acquisterà Pyrona per 90 milioni di euro.",
        {"predicate": "acquisition", "subject": "Velaria", "object": "Pyrona", "value": 90e6, "modality": "planned"},
    ),
    # "ha perso" with money is a loss
    (
        "Nel 2024 Velaria ha perso 18 milioni di euro.",
        {"predicate": "profit", "subject": "Velaria", "value": -18e6, "time": "2024"},
    ),
    # the payee receives from the payer
    (
        "Pyrona riceve da Velaria 2 milioni di euro al mese.",
        {"predicate": "payment", "subject": "Velaria", "object": "Pyrona", "value": 2e6, "period": "month"},
    ),
    # a dative pronoun: the organisation just named is paid
    (
        "Velaria ha firmato un accordo di licenza con Pyrona. Il gruppo le verserà 5 milioni di euro.",
        {"predicate": "payment", "subject": "Velaria", "object": "Pyrona", "value": 5e6},
    ),
    # subjunctive payment verb
    (
        "L'intesa prevede che Velaria versi a Pyrona 4 milioni di euro all'anno.",
        {"predicate": "payment", "subject": "Velaria", "object": "Pyrona", "value": 4e6, "period": "year"},
    ),
    # "milioni di persone usano": users
    (
        "Ogni giorno 3 milioni di persone usano l'app di Pyrona.",
        {"predicate": "users", "subject": "Pyrona", "value": 3e6, "period": "day"},
    ),
    (
        "Velaria ha perso 300 clienti nel trimestre, ma conta ancora 2 milioni di abbonati.",
        {"predicate": "users", "subject": "Velaria", "value": 2e6},
    ),
    # name particles: Dalla, Lo
    (
        "Marta Dalla Valle è stata nominata direttrice finanziaria di Velaria.",
        {"predicate": "role", "subject": "Marta Dalla Valle", "object": "Velaria", "role": "CFO"},
    ),
    (
        "Riccardo Lo Verde è il nuovo direttore tecnico di Pyrona.",
        {"predicate": "role", "subject": "Riccardo Lo Verde", "object": "Pyrona", "role": "CTO"},
    ),
    # founding verb
    (
        "Elena Sarti ha fondato Pyrona nel 2015.",
        {"predicate": "role", "subject": "Elena Sarti", "object": "Pyrona", "role": "founder"},
    ),
    # the organisation hires: "strappa X alla concorrente Y"
    (
        "Velaria strappa Marco Fontana alla concorrente Pyrona.",
        {"predicate": "joins", "subject": "Marco Fontana", "object": "Velaria"},
    ),
    # "lascia X per entrare in Y": Y is joined, X is left
    (
        "Marco Fontana lascia Pyrona per entrare in Velaria.",
        {"predicate": "joins", "subject": "Marco Fontana", "object": "Velaria"},
    ),
    # a capitalised verb opening a quote is no name
    (
        "«È un risultato storico», ha detto Luisa Ferri, amministratrice delegata di Velaria.",
        {"predicate": "role", "subject": "Luisa Ferri", "object": "Velaria", "role": "CEO"},
    ),
    # round 2: English C-level titles
    (
        "Sara Bini è il nuovo chief technology officer di Velaria.",
        {"predicate": "role", "subject": "Sara Bini", "object": "Velaria", "role": "CTO"},
    ),
    # round 2: a business word makes a family name a company ("Fonderie Galli", not a person)
    (
        "Fonderie Galli ha chiuso il 2024 con ricavi per 90 milioni di euro.",
        {"predicate": "revenue", "subject": "Fonderie Galli", "value": 90e6, "time": "2024"},
    ),
    (
        "La famiglia controlla il 60% di Pyrona tramite la holding Galli Partecipazioni.",
        {"predicate": "stake", "subject": "Galli Partecipazioni", "object": "Pyrona", "value": 60},
    ),
    # round 2: joining a board or a company ("entra nella")
    (
        "Sara Bini entra nella società Velaria come direttrice finanziaria.",
        {"predicate": "joins", "subject": "Sara Bini", "object": "Velaria"},
    ),
]


def test_round2_precision():
    # a relative of the founder is no founder
    ex = extract("Il presidente Luca Galli, nipote del fondatore, guida Pyrona.", lang="it", published=PUB)
    assert not [c for c in ex.claims if c.role == "founder"], ex.claims
    # a news agency in the dateline is no company
    ex = extract(
        "ROMA (Agenzia Stampa Veloce) - Il consiglio di Pyrona ha nominato Sara Bini amministratrice delegata.",
        lang="it",
        published=PUB,
    )
    assert not [c for c in ex.claims if c.object == "Agenzia Stampa Veloce"], ex.claims
    # an internal appointment is no join
    ex = extract("Pyrona ha nominato Sara Bini presidente del consiglio di amministrazione.", lang="it", published=PUB)
    assert not [c for c in ex.claims if c.predicate == "joins"], ex.claims
    # workers of the supply chain and order books are no figures of the company
    check("it", "Il gruppo Pyrona dà lavoro a circa 9.000 lavoratori dell'indotto.", None)
    check("it", "Il portafoglio ordini di Pyrona ha raggiunto 12 miliardi di euro.", None)
    # future hires are a change, not a headcount
    check("it", "Nei prossimi mesi l'organico di Pyrona crescerà di altre 90 persone.", None)
    # a capitalised possessive opening a quote is no name
    ex = extract(
        "«Mio padre ha fondato Pyrona», dice Sara Bini, amministratrice delegata di Pyrona.", lang="it", published=PUB
    )
    assert not [c for c in ex.claims if "Mio" in (c.subject or "") + (c.object or "")], ex.claims


@pytest.mark.parametrize(("text", "want"), CASES)
def test_claims(text, want):
    check("it", text, want)


def test_distractors():
    check("it", "Il titolo Tidewell è salito del 4,2% a 61,30 euro, mentre il Ftse Mib ha guadagnato lo 0,8%.", None)


def test_distractors_more():
    check("it", "Il Ftse Mib ha perso il 2% e il titolo Telenova ha ceduto il 3,5%.", None)
    check("it", "Quadrifoglio ha raccolto 60 milioni di euro in un round guidato da Arcadia Partners.", None)
    check("it", "Velaria ha annunciato il taglio di 300 dipendenti.", None)
    check("it", "Ettore Galli, 54 anni, guida dal 2019 la banca e resterà in carica per tre anni.", None)
    check("it", "Il titolo Velaria ha perso il 3% in Borsa.", None)
    check("it", "Nel 2024 Velaria ha conquistato 400.000 nuovi clienti.", None)


def test_old_stake_before_a_change_is_dropped():
    ex = extract("Corvina ha portato la sua quota in Lagoa Azul dal 30% al 45%.", lang="it", published=PUB)
    assert [c.value for c in ex.claims if c.predicate == "stake"] == [45], ex.claims


def test_signed_change_is_no_gap():
    ex = extract("Lanterna ha chiuso il 2024 con ricavi di 1,8 miliardi di euro (+7%).", lang="it", published=PUB)
    assert ex.incomplete == [], ex.incomplete
    assert [c.time for c in ex.claims if c.predicate == "revenue"] == ["2024"], ex.claims


def test_founding_year_is_no_fiscal_time():
    ex = extract("Pixelia, fondata nel 2012, ha registrato ricavi per 40 milioni di euro.", lang="it", published=PUB)
    assert [c.time for c in ex.claims if c.predicate == "revenue"] == [None], ex.claims


def test_whole_company_bought_is_a_takeover():
    ex = extract(
        "Il gruppo Ferrante ha rilevato il 100% di Ottica Sole per 85 milioni di euro.", lang="it", published=PUB
    )
    got = [(c.predicate, c.subject, c.object, c.value) for c in ex.claims]
    assert got == [("acquisition", "Ferrante", "Ottica Sole", 85e6)], got


def test_incomplete():
    check(
        "it",
        "La quota di Corvane in Tidewell ammonta ora a , secondo fonti vicine al dossier.",
        {"predicate": "stake", "subject": "Corvane", "object": "Tidewell"},
        "incomplete",
    )
