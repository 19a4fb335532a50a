"""French, in sentences of our own."""

import pytest

from factcheck import extract
from tests.engine.cases import PUB, check

CASES = [
    # numbers: "14,3 milliards de dollars", space-grouped thousands, "pour cent"
    (
        "Corvane a racheté Tidewell pour 2,35 milliards d'euros.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Tidewell", "value": 2.35e9, "unit": "EUR"},
    ),
    (
        "Le groupe Tidewell emploie environ 12 400 salariés en Europe.",
        {"predicate": "employees", "subject": "Tidewell", "value": 12400, "qualifier": "approx"},
    ),
    (
        "Le fonds Arlo Partners détient 12,5 pour cent de Tidewell.",
        {"predicate": "stake", "subject": "Arlo Partners", "object": "Tidewell", "value": 12.5, "unit": "%"},
    ),
    # stake and investment together
    (
        "Corvane prend une participation de 30 % dans Tidewell pour 90 millions de francs suisses.",
        {"predicate": "investment", "subject": "Corvane", "object": "Tidewell", "value": 90e6, "unit": "CHF"},
    ),
    # revenue with a quarter, loss with a relative year
    (
        "Au troisième trimestre 2025, le chiffre d'affaires de Tidewell a atteint 318 millions d'euros.",
        {"predicate": "revenue", "subject": "Tidewell", "value": 318e6, "time": "2025-Q3"},
    ),
    (
        "Tidewell a essuyé une perte nette de 21 millions d'euros l'an dernier.",
        {"predicate": "profit", "subject": "Tidewell", "value": -21e6, "time": "2024"},
    ),
    # payment per year, planned
    (
        "Corvane prévoit de verser 40 millions d'euros par an à Tidewell.",
        {
            "predicate": "payment",
            "subject": "Corvane",
            "object": "Tidewell",
            "value": 40e6,
            "period": "year",
            "modality": "planned",
        },
    ),
    # valuation, at least
    (
        "L'opération valorise Tidewell à plus de 4 milliards d'euros.",
        {"predicate": "valuation", "subject": "Tidewell", "value": 4e9, "qualifier": "at_least"},
    ),
    # users per month, reported
    (
        "Selon la société, l'application de Tidewell compte 3 millions d'utilisateurs actifs par mois.",
        {"predicate": "users", "value": 3e6, "period": "month", "modality": "reported"},
    ),
    # role and joins
    (
        "Inès Garnier, directrice financière de Corvane, rejoindra Tidewell le 1er mars.",
        {"predicate": "role", "subject": "Inès Garnier", "object": "Corvane", "role": "CFO"},
    ),
    (
        "Inès Garnier, directrice financière de Corvane, rejoindra Tidewell le 1er mars.",
        {"predicate": "joins", "subject": "Inès Garnier", "object": "Tidewell", "modality": "planned"},
    ),
    (
        "Le PDG de Tidewell, Marc Delorme, a salué l'accord.",
        {"predicate": "role", "subject": "Marc Delorme", "object": "Tidewell", "role": "CEO"},
    ),
    # implied subject
    (
        "Tidewell fabrique des capteurs.\nLa société emploie 850 personnes.",
        {"predicate": "employees", "subject": "Tidewell", "value": 850},
    ),
    # forecast
    (
        "Tidewell table sur un chiffre d'affaires d'environ 500 millions d'euros en 2026.",
        {"predicate": "revenue", "subject": "Tidewell", "modality": "forecast", "time": "2026", "qualifier": "approx"},
    ),
]


# More sentences of our own: varied phrasings, number formats, implied subjects, distractors.
CASES += [
    (
        ("Le groupe lyonnais Varnelle a finalisé le rachat de la start-up Kestrio pour 340 millions d'euros."),
        {"predicate": "acquisition", "subject": "Varnelle", "object": "Kestrio", "value": 340000000.0, "unit": "EUR"},
    ),
    (
        "Le chiffre d'affaires de Varnelle s'est élevé à 14,3 milliards de dollars l'an dernier.",
        {"predicate": "revenue", "subject": "Varnelle", "value": 14300000000.0, "unit": "USD", "time": "2024"},
    ),
    (
        "Varnelle fabrique des turbines. L'entreprise emploie près de 2\u202f500 salariés en France.",
        {"predicate": "employees", "subject": "Varnelle", "value": 2500, "unit": "count", "qualifier": "approx"},
    ),
    (
        ("Selon la presse régionale, Varnelle compte verser 12 millions d'euros par an à Lirado pendant dix ans."),
        {
            "predicate": "payment",
            "subject": "Varnelle",
            "object": "Lirado",
            "value": 12000000.0,
            "unit": "EUR",
            "period": "year",
            "modality": "planned",
        },
    ),
    (
        "Le fonds Ostral Capital a pris 3,5 % du capital de Kestrio.",
        {"predicate": "stake", "subject": "Ostral Capital", "object": "Kestrio", "value": 3.5, "unit": "%"},
    ),
    (
        "Ostral Capital détient désormais 18 % de Kestrio, d'après un document boursier.",
        {
            "predicate": "stake",
            "subject": "Ostral Capital",
            "object": "Kestrio",
            "value": 18,
            "unit": "%",
            "modality": "reported",
        },
    ),
    (
        (
            "Kestrio développe des logiciels. Au premier trimestre 2025, la société a dégagé "
            "un bénéfice net de 8,7 millions d'euros."
        ),
        {"predicate": "profit", "subject": "Kestrio", "value": 8700000.0, "unit": "EUR", "time": "2025-Q1"},
    ),
    (
        "Kestrio a essuyé une perte de 4,2 millions d'euros l'année dernière.",
        {"predicate": "profit", "subject": "Kestrio", "value": -4200000.0, "unit": "EUR", "time": "2024"},
    ),
    (
        (
            "La start-up Pilvano a levé 60 millions d'euros lors d'un tour de table mené par "
            "Ostral Capital, qui la valorise à 700 millions d'euros."
        ),
        {"predicate": "valuation", "subject": "Pilvano", "value": 700000000.0, "unit": "EUR"},
    ),
    (
        "Ostral Capital a investi 25 millions d'euros dans Pilvano.",
        {
            "predicate": "investment",
            "subject": "Ostral Capital",
            "object": "Pilvano",
            "value": 25000000.0,
            "unit": "EUR",
        },
    ),
    (
        "Mathilde Roux, présidente du conseil d'administration de Varnelle, a 54 ans.",
        {"predicate": "role", "subject": "Mathilde Roux", "object": "Varnelle", "role": "chair"},
    ),
    (
        "Le PDG de Kestrio, Julien Ferrand, rejoindra Varnelle en septembre.",
        {"predicate": "role", "subject": "Julien Ferrand", "object": "Kestrio", "role": "CEO"},
    ),
    (
        "Le PDG de Kestrio, Julien Ferrand, rejoindra Varnelle en septembre.",
        {"predicate": "joins", "subject": "Julien Ferrand", "object": "Varnelle", "modality": "planned"},
    ),
    (
        (
            "Ancienne directrice financière de Lirado, Sophie Mercadier a rejoint Pilvano en "
            "tant que directrice générale."
        ),
        {"predicate": "role", "subject": "Sophie Mercadier", "object": "Pilvano", "role": "CEO"},
    ),
    (
        (
            "Ancienne directrice financière de Lirado, Sophie Mercadier a rejoint Pilvano en "
            "tant que directrice générale."
        ),
        {"predicate": "joins", "subject": "Sophie Mercadier", "object": "Pilvano"},
    ),
    (
        "L'application Pilvo revendique plus de 3 millions d'utilisateurs actifs mensuels.",
        {
            "predicate": "users",
            "subject": "Pilvo",
            "value": 3000000.0,
            "unit": "count",
            "period": "month",
            "qualifier": "at_least",
        },
    ),
    (
        "Varnelle dément tout projet de rachat de Lirado pour 1,2 milliard d'euros.",
        {
            "predicate": "acquisition",
            "subject": "Varnelle",
            "object": "Lirado",
            "value": 1200000000.0,
            "unit": "EUR",
            "modality": "denied",
        },
    ),
    (
        (
            "Le groupe Tessaro a bouclé l'acquisition de Némia, un spécialiste de la "
            "cybersécurité, pour un montant de 870 millions de dollars."
        ),
        {"predicate": "acquisition", "subject": "Tessaro", "object": "Némia", "value": 870000000.0, "unit": "USD"},
    ),
    (
        "Tessaro compte environ 14\xa0000 collaborateurs dans le monde.",
        {"predicate": "employees", "subject": "Tessaro", "value": 14000, "unit": "count", "qualifier": "approx"},
    ),
    (
        ("Le chiffre d'affaires de Némia devrait atteindre 95 millions d'euros en 2026, selon ses dirigeants."),
        {
            "predicate": "revenue",
            "subject": "Némia",
            "value": 95000000.0,
            "unit": "EUR",
            "time": "2026",
            "modality": "forecast",
        },
    ),
    (
        "L'opérateur Telvia compte 5,2 millions d'abonnés et emploie 3 100 personnes.",
        {"predicate": "users", "subject": "Telvia", "value": 5200000.0, "unit": "count"},
    ),
    (
        "L'opérateur Telvia compte 5,2 millions d'abonnés et emploie 3 100 personnes.",
        {"predicate": "employees", "subject": "Telvia", "value": 3100, "unit": "count"},
    ),
    (
        "Telvia paiera à Orvane une redevance annuelle de 30 millions d'euros.",
        {
            "predicate": "payment",
            "subject": "Telvia",
            "object": "Orvane",
            "value": 30000000.0,
            "unit": "EUR",
            "period": "year",
            "modality": "planned",
        },
    ),
    (
        ("Brunelle Capital est entré au capital de Telvia à hauteur de 12 %, pour 150 millions d'euros."),
        {"predicate": "stake", "subject": "Brunelle Capital", "object": "Telvia", "value": 12, "unit": "%"},
    ),
    (
        ("Brunelle Capital est entré au capital de Telvia à hauteur de 12 %, pour 150 millions d'euros."),
        {
            "predicate": "investment",
            "subject": "Brunelle Capital",
            "object": "Telvia",
            "value": 150000000.0,
            "unit": "EUR",
        },
    ),
    (
        ("Telvia se développe vite. Cette opération valorise Telvia à quelque deux milliards d'euros."),
        {"predicate": "valuation", "subject": "Telvia", "value": 2000000000.0, "unit": "EUR", "qualifier": "approx"},
    ),
    (
        "Nommé directeur général de Telvia en 2021, Paul Besson quittera ses fonctions en décembre.",
        {"predicate": "role", "subject": "Paul Besson", "object": "Telvia", "role": "CEO"},
    ),
    (
        "Claire Vasseur, 47 ans, a été nommée directrice technique d'Orvane.",
        {"predicate": "role", "subject": "Claire Vasseur", "object": "Orvane", "role": "CTO"},
    ),
    (
        ("Orvane a enregistré un chiffre d'affaires de 1,8 milliard d'euros en 2024, en hausse de 12 %."),
        {"predicate": "revenue", "subject": "Orvane", "value": 1800000000.0, "unit": "EUR", "time": "2024"},
    ),
    (
        "Le bénéfice net d'Orvane a reculé à 140 millions d'euros.",
        {"predicate": "profit", "subject": "Orvane", "value": 140000000.0, "unit": "EUR"},
    ),
    (
        (
            "Le groupe Marvelin emploie au moins 9 000 personnes et a réalisé des ventes de 3 "
            "milliards d'euros l'an passé."
        ),
        {"predicate": "employees", "subject": "Marvelin", "value": 9000, "unit": "count", "qualifier": "at_least"},
    ),
    (
        (
            "Le groupe Marvelin emploie au moins 9 000 personnes et a réalisé des ventes de 3 "
            "milliards d'euros l'an passé."
        ),
        {"predicate": "revenue", "subject": "Marvelin", "value": 3000000000.0, "unit": "EUR", "time": "2024"},
    ),
    (
        "Quintal Industries s'offre Bellerive pour 75 millions d'euros.",
        {
            "predicate": "acquisition",
            "subject": "Quintal Industries",
            "object": "Bellerive",
            "value": 75000000.0,
            "unit": "EUR",
        },
    ),
    (
        "La start-up Sylpha, fondée en 2018 par Lucie Armand, compte 120 salariés.",
        {"predicate": "role", "subject": "Lucie Armand", "object": "Sylpha", "role": "founder"},
    ),
    (
        "La start-up Sylpha, fondée en 2018 par Lucie Armand, compte 120 salariés.",
        {"predicate": "employees", "subject": "Sylpha", "value": 120, "unit": "count"},
    ),
    (
        "Sylpha, qui a perdu 12 millions d'euros en 2024, vise la rentabilité d'ici deux ans.",
        {"predicate": "profit", "subject": "Sylpha", "value": -12000000.0, "unit": "EUR", "time": "2024"},
    ),
    (
        ("Ostral Capital a pris une participation de 20 % dans Bellerive pour un montant non communiqué."),
        {"predicate": "stake", "subject": "Ostral Capital", "object": "Bellerive", "value": 20, "unit": "%"},
    ),
    (
        ("D'après l'agence Bloomberg, le rachat de Kestrio par Tessaro pourrait atteindre deux milliards de dollars."),
        {"predicate": "acquisition", "subject": "Tessaro", "object": "Kestrio", "value": 2000000000.0, "unit": "USD"},
    ),
    (
        "Le PDG de Némia, Hugo Lanier, 39 ans, dirige l'entreprise depuis 2019.",
        {"predicate": "role", "subject": "Hugo Lanier", "object": "Némia", "role": "CEO"},
    ),
    (
        ("Ostral Capital a injecté 9 millions d'euros dans Sylpha, qui compte déjà 40 000 utilisateurs."),
        {"predicate": "investment", "subject": "Ostral Capital", "object": "Sylpha", "value": 9000000.0, "unit": "EUR"},
    ),
    (
        ("Ostral Capital a injecté 9 millions d'euros dans Sylpha, qui compte déjà 40 000 utilisateurs."),
        {"predicate": "users", "subject": "Sylpha", "value": 40000, "unit": "count"},
    ),
    (
        ("Élodie Marchal prend la tête de Varnelle. Elle était jusqu'ici directrice des opérations du groupe Tessaro."),
        {"predicate": "joins", "subject": "Élodie Marchal", "object": "Varnelle"},
    ),
    (
        ("Élodie Marchal prend la tête de Varnelle. Elle était jusqu'ici directrice des opérations du groupe Tessaro."),
        {"predicate": "role", "subject": "Élodie Marchal", "object": "Tessaro", "role": "COO"},
    ),
    (
        "Le chiffre d'affaires annuel de Bellerive avoisine 60 millions d'euros.",
        {"predicate": "revenue", "subject": "Bellerive", "value": 60000000.0, "unit": "EUR", "qualifier": "approx"},
    ),
    (
        "Telvia, dont la valorisation atteint 3,1 milliards d'euros, emploie 2 000 personnes.",
        {"predicate": "valuation", "subject": "Telvia", "value": 3100000000.0, "unit": "EUR"},
    ),
    (
        "Telvia, dont la valorisation atteint 3,1 milliards d'euros, emploie 2 000 personnes.",
        {"predicate": "employees", "subject": "Telvia", "value": 2000, "unit": "count"},
    ),
    (
        "Tessaro va verser 50 millions de dollars à Kestrio au titre d'un accord de licence.",
        {
            "predicate": "payment",
            "subject": "Tessaro",
            "object": "Kestrio",
            "value": 50000000.0,
            "unit": "USD",
            "modality": "planned",
        },
    ),
    (
        ("Varnelle a signé un accord avec Lirado. Le groupe s'est engagé à lui verser 18 millions d'euros par an."),
        {
            "predicate": "payment",
            "subject": "Varnelle",
            "object": "Lirado",
            "value": 18000000.0,
            "unit": "EUR",
            "period": "year",
        },
    ),
    (
        "Lirado va toucher de la part de Varnelle 25 millions d'euros par an pendant cinq ans.",
        {
            "predicate": "payment",
            "subject": "Varnelle",
            "object": "Lirado",
            "value": 25000000.0,
            "unit": "EUR",
            "period": "year",
        },
    ),
    (
        (
            "Créée en 2012 par Anne Rivière, aujourd'hui présidente-directrice générale, la "
            "société Ombrel compte 300 salariés."
        ),
        {"predicate": "role", "subject": "Anne Rivière", "object": "Ombrel", "role": "founder"},
    ),
    (
        (
            "Créée en 2012 par Anne Rivière, aujourd'hui présidente-directrice générale, la "
            "société Ombrel compte 300 salariés."
        ),
        {"predicate": "role", "subject": "Anne Rivière", "object": "Ombrel", "role": "CEO"},
    ),
    (
        (
            "Créée en 2012 par Anne Rivière, aujourd'hui présidente-directrice générale, la "
            "société Ombrel compte 300 salariés."
        ),
        {"predicate": "employees", "subject": "Ombrel", "value": 300, "unit": "count"},
    ),
    (
        (
            "Ombrel lève 40 millions d'euros. Le cofondateur et PDG, Théo Garnier, conserve "
            "environ 30 % de l'entreprise."
        ),
        {"predicate": "role", "subject": "Théo Garnier", "object": "Ombrel", "role": "CEO"},
    ),
    (
        (
            "Ombrel lève 40 millions d'euros. Le cofondateur et PDG, Théo Garnier, conserve "
            "environ 30 % de l'entreprise."
        ),
        {"predicate": "role", "subject": "Théo Garnier", "object": "Ombrel", "role": "founder"},
    ),
    (
        (
            "Ombrel lève 40 millions d'euros. Le cofondateur et PDG, Théo Garnier, conserve "
            "environ 30 % de l'entreprise."
        ),
        {
            "predicate": "stake",
            "subject": "Théo Garnier",
            "object": "Ombrel",
            "value": 30,
            "unit": "%",
            "qualifier": "approx",
        },
    ),
    (
        (
            "Ombrel a bouclé son tour de table. Le fonds Brunelle Capital reste son premier "
            "actionnaire avec 22 % des parts."
        ),
        {"predicate": "stake", "subject": "Brunelle Capital", "object": "Ombrel", "value": 22, "unit": "%"},
    ),
    (
        (
            "Le directeur financier de Telvia, Marc Aubert, quittera le groupe en mars. Il "
            "sera remplacé par Nadia Berrada."
        ),
        {"predicate": "role", "subject": "Marc Aubert", "object": "Telvia", "role": "CFO"},
    ),
    (
        (
            "Le directeur financier de Telvia, Marc Aubert, quittera le groupe en mars. Il "
            "sera remplacé par Nadia Berrada."
        ),
        {"predicate": "role", "subject": "Nadia Berrada", "object": "Telvia", "role": "CFO"},
    ),
    (
        (
            "Le directeur financier de Telvia, Marc Aubert, quittera le groupe en mars. Il "
            "sera remplacé par Nadia Berrada."
        ),
        {"predicate": "joins", "subject": "Nadia Berrada", "object": "Telvia"},
    ),
    (
        ("Selon nos informations, Quintal Industries s'apprête à racheter Ombrel pour environ 600 millions d'euros."),
        {
            "predicate": "acquisition",
            "subject": "Quintal Industries",
            "object": "Ombrel",
            "value": 600000000.0,
            "unit": "EUR",
            "qualifier": "approx",
            "modality": "planned",
        },
    ),
    (
        "Au premier semestre, les ventes d'Ombrel ont bondi de 25 % à 48 millions d'euros.",
        {"predicate": "revenue", "subject": "Ombrel", "value": 48000000.0, "unit": "EUR"},
    ),
    (
        ("Ombrel, qui a réalisé l'an dernier un chiffre d'affaires de 92 millions d'euros, emploie 410 personnes."),
        {"predicate": "revenue", "subject": "Ombrel", "value": 92000000.0, "unit": "EUR", "time": "2024"},
    ),
    (
        ("Ombrel, qui a réalisé l'an dernier un chiffre d'affaires de 92 millions d'euros, emploie 410 personnes."),
        {"predicate": "employees", "subject": "Ombrel", "value": 410, "unit": "count"},
    ),
    (
        ("Ombrel publie ses comptes. L'entreprise a dégagé une perte nette de 3,4 millions d'euros en 2024."),
        {"predicate": "profit", "subject": "Ombrel", "value": -3400000.0, "unit": "EUR", "time": "2024"},
    ),
    (
        "Le géant allemand Kappler a pris le contrôle de Fenwick Labs, dont il détenait déjà 35 %.",
        {"predicate": "stake", "subject": "Kappler", "object": "Fenwick Labs", "value": 35, "unit": "%"},
    ),
    (
        "Avec 1,2 million d'abonnés, Pilvano revendique la première place du marché.",
        {"predicate": "users", "subject": "Pilvano", "value": 1200000.0, "unit": "count"},
    ),
    (
        (
            "Kappler fabrique des pompes. Le groupe réalise 60 % de son chiffre d'affaires à "
            "l'export et vise 1 milliard d'euros de ventes en 2027."
        ),
        {
            "predicate": "revenue",
            "subject": "Kappler",
            "value": 1000000000.0,
            "unit": "EUR",
            "time": "2027",
            "modality": "forecast",
        },
    ),
    (
        "Kappler emploie 12 000 personnes et a annoncé la suppression de 800 postes d'ici 2026.",
        {"predicate": "employees", "subject": "Kappler", "value": 12000, "unit": "count"},
    ),
    (
        "L'État français détient 15,1 % de Kappler.",
        {"predicate": "stake", "subject": "France", "object": "Kappler", "value": 15.1, "unit": "%"},
    ),
    (
        "Selon Kappler, sa plateforme Kapp+ compte plus de 800 000 utilisateurs hebdomadaires.",
        {
            "predicate": "users",
            "subject": "Kapp+",
            "value": 800000,
            "unit": "count",
            "period": "week",
            "qualifier": "at_least",
            "modality": "reported",
        },
    ),
    (
        "Fenwick Labs a été valorisée 2,3 milliards d'euros lors de sa dernière levée de fonds.",
        {"predicate": "valuation", "subject": "Fenwick Labs", "value": 2300000000.0, "unit": "EUR"},
    ),
    (
        (
            "Le fonds Brunelle Capital a investi 30 millions d'euros dans Ombrel aux côtés de "
            "Kappler Ventures. Présent depuis 2019, Kappler Ventures reste le premier "
            "actionnaire avec 24 % des parts."
        ),
        {
            "predicate": "investment",
            "subject": "Brunelle Capital",
            "object": "Ombrel",
            "value": 30000000.0,
            "unit": "EUR",
        },
    ),
    (
        (
            "Le fonds Brunelle Capital a investi 30 millions d'euros dans Ombrel aux côtés de "
            "Kappler Ventures. Présent depuis 2019, Kappler Ventures reste le premier "
            "actionnaire avec 24 % des parts."
        ),
        {"predicate": "stake", "subject": "Kappler Ventures", "object": "Ombrel", "value": 24, "unit": "%"},
    ),
    (
        (
            "Ombrel a levé 50 millions d'euros. Sa cofondatrice, Léa Morel, ancienne "
            "consultante passée par Accenture, conserve près de 18 % du capital."
        ),
        {"predicate": "role", "subject": "Léa Morel", "object": "Ombrel", "role": "founder"},
    ),
    (
        (
            "Ombrel a levé 50 millions d'euros. Sa cofondatrice, Léa Morel, ancienne "
            "consultante passée par Accenture, conserve près de 18 % du capital."
        ),
        {
            "predicate": "stake",
            "subject": "Léa Morel",
            "object": "Ombrel",
            "value": 18,
            "unit": "%",
            "qualifier": "approx",
        },
    ),
    (
        (
            "Quintal Industries a racheté Bellerive pour 75 millions d'euros. Son fondateur, "
            "Yves Carpentier, rejoindra le comité exécutif de l'acquéreur."
        ),
        {
            "predicate": "acquisition",
            "subject": "Quintal Industries",
            "object": "Bellerive",
            "value": 75000000.0,
            "unit": "EUR",
        },
    ),
    (
        (
            "Quintal Industries a racheté Bellerive pour 75 millions d'euros. Son fondateur, "
            "Yves Carpentier, rejoindra le comité exécutif de l'acquéreur."
        ),
        {"predicate": "role", "subject": "Yves Carpentier", "object": "Bellerive", "role": "founder"},
    ),
    (
        (
            "Quintal Industries a racheté Bellerive pour 75 millions d'euros. Son fondateur, "
            "Yves Carpentier, rejoindra le comité exécutif de l'acquéreur."
        ),
        {"predicate": "joins", "subject": "Yves Carpentier", "object": "Quintal Industries", "modality": "planned"},
    ),
    (
        "La banque Orsay détient 9,9 % de Telvia et Brunelle Capital 4 %.",
        {"predicate": "stake", "subject": "Orsay", "object": "Telvia", "value": 9.9, "unit": "%"},
    ),
    (
        "La banque Orsay détient 9,9 % de Telvia et Brunelle Capital 4 %.",
        {"predicate": "stake", "subject": "Brunelle Capital", "object": "Telvia", "value": 4, "unit": "%"},
    ),
    (
        "Tessaro a porté sa participation dans Némia à 51 %, pour 200 millions de dollars.",
        {"predicate": "stake", "subject": "Tessaro", "object": "Némia", "value": 51, "unit": "%"},
    ),
    (
        "Tessaro a porté sa participation dans Némia à 51 %, pour 200 millions de dollars.",
        {"predicate": "investment", "subject": "Tessaro", "object": "Némia", "value": 200000000.0, "unit": "USD"},
    ),
    (
        ("Le chiffre d'affaires du groupe Tessaro a atteint 2,4 milliards d'euros au troisième trimestre."),
        {"predicate": "revenue", "subject": "Tessaro", "value": 2400000000.0, "unit": "EUR", "time": "2025-Q3"},
    ),
    (
        (
            "Tessaro a réalisé un résultat net de 310 millions d'euros sur l'exercice 2024, a "
            "indiqué son directeur financier."
        ),
        {
            "predicate": "profit",
            "subject": "Tessaro",
            "value": 310000000.0,
            "unit": "EUR",
            "time": "2024",
            "modality": "reported",
        },
    ),
    (
        "Pilvano compte désormais 4 millions d'utilisateurs, soit deux fois plus qu'il y a un an.",
        {"predicate": "users", "subject": "Pilvano", "value": 4000000.0, "unit": "count"},
    ),
    (
        "Fondateur et président du directoire de Ombrel, Hugo Marchand détient 40 % du capital.",
        {"predicate": "role", "subject": "Hugo Marchand", "object": "Ombrel", "role": "founder"},
    ),
    (
        "Fondateur et président du directoire de Ombrel, Hugo Marchand détient 40 % du capital.",
        {"predicate": "role", "subject": "Hugo Marchand", "object": "Ombrel", "role": "CEO"},
    ),
    (
        "Fondateur et président du directoire de Ombrel, Hugo Marchand détient 40 % du capital.",
        {"predicate": "stake", "subject": "Hugo Marchand", "object": "Ombrel", "value": 40, "unit": "%"},
    ),
    (
        (
            "Le montant de la transaction, soit 1,15 milliard d'euros, fait de ce rachat de "
            "Lirado par Varnelle le plus important du secteur."
        ),
        {"predicate": "acquisition", "subject": "Varnelle", "object": "Lirado", "value": 1150000000.0, "unit": "EUR"},
    ),
    (
        ("Varnelle, dont le chiffre d'affaires a dépassé 5 milliards d'euros l'an dernier, emploie 21 000 personnes."),
        {
            "predicate": "revenue",
            "subject": "Varnelle",
            "value": 5000000000.0,
            "unit": "EUR",
            "time": "2024",
            "qualifier": "at_least",
        },
    ),
    (
        ("Varnelle, dont le chiffre d'affaires a dépassé 5 milliards d'euros l'an dernier, emploie 21 000 personnes."),
        {"predicate": "employees", "subject": "Varnelle", "value": 21000, "unit": "count"},
    ),
]

DISTRACTORS = [
    "Varnelle va supprimer 400 postes, soit environ 8 % de ses effectifs.",
    ("Le titre Varnelle a gagné 3 % à la Bourse de Paris, tandis que le CAC 40 a reculé de 120 points."),
    "Depuis 2019, Lirado a multiplié par trois ses ventes en Asie.",
    "Le groupe Marvelin réalise 40 % de ses ventes aux États-Unis.",
    "Ancien de McKinsey, Romain Vidal a été nommé directeur général délégué de Kappler.",
    "Kappler n'a pas versé de dividende depuis trois ans.",
    ("Kappler investit 120 millions d'euros dans une nouvelle usine à Lille, qui emploiera 350 personnes."),
    "Née en 1971, Agnès Perrin dirige Orvane depuis 2020 et en préside le conseil depuis 2023.",
]


# Currency signs in scale words (M€), quarters, titles by appointment, fees and totals.
CASES += [
    (
        "Orvane a enregistré au T2 2025 un chiffre d'affaires de 350 M€, selon un communiqué.",
        {
            "predicate": "revenue",
            "subject": "Orvane",
            "value": 350000000.0,
            "unit": "EUR",
            "time": "2025-Q2",
            "modality": "reported",
        },
    ),
    (
        "Le groupe suisse Helmar a dégagé un bénéfice net de 1,2 Md€ l'année dernière.",
        {"predicate": "profit", "subject": "Helmar", "value": 1200000000.0, "unit": "EUR", "time": "2024"},
    ),
    (
        ("Helmar a réalisé un chiffre d'affaires de 4,8 milliards de francs suisses au deuxième trimestre."),
        {"predicate": "revenue", "subject": "Helmar", "value": 4800000000.0, "unit": "CHF", "time": "2025-Q2"},
    ),
    (
        "Le britannique Sandfort a acquis la fintech Paylio pour 420 millions de livres.",
        {"predicate": "acquisition", "subject": "Sandfort", "object": "Paylio", "value": 420000000.0, "unit": "GBP"},
    ),
    (
        "Sandfort détient désormais 7,5 pour cent de Kestrio.",
        {"predicate": "stake", "subject": "Sandfort", "object": "Kestrio", "value": 7.5, "unit": "%"},
    ),
    (
        "Sandfort prévoit de prendre une participation de 25 % dans Ombrel d'ici la fin de l'année.",
        {"predicate": "stake", "subject": "Sandfort", "object": "Ombrel", "value": 25, "unit": "%"},
    ),
    (
        "Sandfort compte désormais 6 800 salariés, contre 5 900 un an plus tôt.",
        {"predicate": "employees", "subject": "Sandfort", "value": 6800, "unit": "count"},
    ),
    (
        ("Après trois ans passés chez Sandfort, Camille Dubreuil arrive chez Paylio comme directrice technique."),
        {"predicate": "joins", "subject": "Camille Dubreuil", "object": "Paylio"},
    ),
    (
        ("Après trois ans passés chez Sandfort, Camille Dubreuil arrive chez Paylio comme directrice technique."),
        {"predicate": "role", "subject": "Camille Dubreuil", "object": "Paylio", "role": "CTO"},
    ),
    (
        "Paylio a nommé Bastien Leroy au poste de directeur financier.",
        {"predicate": "joins", "subject": "Bastien Leroy", "object": "Paylio"},
    ),
    (
        "Paylio a nommé Bastien Leroy au poste de directeur financier.",
        {"predicate": "role", "subject": "Bastien Leroy", "object": "Paylio", "role": "CFO"},
    ),
    (
        "Helmar revendique 12 millions de clients dans le monde, dont 3 millions en France.",
        {"predicate": "users", "subject": "Helmar", "value": 12000000.0, "unit": "count"},
    ),
    (
        (
            "D'après le Financial Times, Sandfort aurait versé 95 millions de livres à Paylio "
            "pour une licence exclusive."
        ),
        {
            "predicate": "payment",
            "subject": "Sandfort",
            "object": "Paylio",
            "value": 95000000.0,
            "unit": "GBP",
            "modality": "reported",
        },
    ),
    (
        "La présidente du conseil de surveillance de Helmar, Sophie Lambert, a salué les résultats.",
        {"predicate": "role", "subject": "Sophie Lambert", "object": "Helmar", "role": "chair"},
    ),
    (
        "Paylio, valorisée près de 900 millions d'euros, compte 250 collaborateurs.",
        {"predicate": "valuation", "subject": "Paylio", "value": 900000000.0, "unit": "EUR", "qualifier": "approx"},
    ),
    (
        "Paylio, valorisée près de 900 millions d'euros, compte 250 collaborateurs.",
        {"predicate": "employees", "subject": "Paylio", "value": 250, "unit": "count"},
    ),
    (
        ("La société rennaise Ombrel a vu ses pertes se creuser à 7 millions d'euros au premier semestre."),
        {"predicate": "profit", "subject": "Ombrel", "value": -7000000.0, "unit": "EUR"},
    ),
]

DISTRACTORS += [
    "Le dividende sera porté à 2,10 euros par action, et l'objectif de cours relevé à 45 euros.",
    "L'inflation a atteint 2,1 % en mai et le taux directeur reste fixé à 4 %.",
    "La marge opérationnelle de Helmar s'est établie à 12,4 %.",
    "Le conseil d'administration de Helmar est présidé par Sophie Lambert depuis 2021.",
    "Helmar n'a pas l'intention de racheter Paylio, a affirmé son PDG.",
    "Le CAC 40 a reculé de 1,2 % à 7 450 points, plombé par Helmar, qui a cédé 6 %.",
]


# Interim titles, successions, passives with a date, fronted appositions, possessives pointing ahead.
CASES += [
    (
        "Varnelle s'empare de 49 % de Kestrio pour 14,3 milliards de dollars.",
        {"predicate": "stake", "subject": "Varnelle", "object": "Kestrio", "value": 49, "unit": "%"},
    ),
    (
        "Varnelle s'empare de 49 % de Kestrio pour 14,3 milliards de dollars.",
        {"predicate": "investment", "subject": "Varnelle", "object": "Kestrio", "value": 14300000000.0, "unit": "USD"},
    ),
    (
        ("Le directeur financier de Kestrio, Louis Marty, assurera la direction générale par intérim."),
        {"predicate": "role", "subject": "Louis Marty", "object": "Kestrio", "role": "CFO"},
    ),
    (
        "Nadia Kessler est nommée directrice générale par intérim de Telvia.",
        {"predicate": "role", "subject": "Nadia Kessler", "object": "Telvia", "role": "CEO"},
    ),
    (
        ("Le PDG de Varnelle, Arnaud Chevalier, quittera ses fonctions fin juin. Son successeur sera Inès Baptiste."),
        {"predicate": "role", "subject": "Arnaud Chevalier", "object": "Varnelle", "role": "CEO"},
    ),
    (
        ("Le PDG de Varnelle, Arnaud Chevalier, quittera ses fonctions fin juin. Son successeur sera Inès Baptiste."),
        {"predicate": "role", "subject": "Inès Baptiste", "object": "Varnelle", "role": "CEO"},
    ),
    (
        ("Le PDG de Varnelle, Arnaud Chevalier, quittera ses fonctions fin juin. Son successeur sera Inès Baptiste."),
        {"predicate": "joins", "subject": "Inès Baptiste", "object": "Varnelle"},
    ),
    (
        "Inès Baptiste, jusqu'ici directrice générale de Lirado, succédera à Arnaud Chevalier.",
        {"predicate": "role", "subject": "Inès Baptiste", "object": "Lirado", "role": "CEO"},
    ),
    (
        ("Le groupe Tessaro, qui détient 60 % du capital de Némia, a annoncé un bénéfice de 45 millions d'euros."),
        {"predicate": "stake", "subject": "Tessaro", "object": "Némia", "value": 60, "unit": "%"},
    ),
    (
        ("Le groupe Tessaro, qui détient 60 % du capital de Némia, a annoncé un bénéfice de 45 millions d'euros."),
        {"predicate": "profit", "subject": "Tessaro", "value": 45000000.0, "unit": "EUR"},
    ),
    (
        "Filiale de Tessaro, Némia emploie 700 personnes à Toulouse.",
        {"predicate": "employees", "subject": "Némia", "value": 700, "unit": "count"},
    ),
    (
        ("Avec ses 8 millions d'utilisateurs actifs mensuels, l'application Kliq séduit les annonceurs."),
        {"predicate": "users", "subject": "Kliq", "value": 8000000.0, "unit": "count", "period": "month"},
    ),
    (
        "Le montant annuel versé par Telvia à Orvane s'élève à 30 millions d'euros.",
        {
            "predicate": "payment",
            "subject": "Telvia",
            "object": "Orvane",
            "value": 30000000.0,
            "unit": "EUR",
            "period": "year",
        },
    ),
    (
        "Orvane a été rachetée en 2023 par le fonds Brunelle Capital pour 1,1 milliard d'euros.",
        {
            "predicate": "acquisition",
            "subject": "Brunelle Capital",
            "object": "Orvane",
            "value": 1100000000.0,
            "unit": "EUR",
        },
    ),
]

# Paragraph-level: a share price after a move, "dirigée par" marks a person, an investor is not
# "l'application", a modal verb of the next clause.
CASES += [
    (
        "La plateforme Lumio lève 40 millions d'euros auprès du fonds Corrib Partners. "
        "L'application revendique 2 millions d'utilisateurs.",
        {"predicate": "users", "subject": "Lumio", "value": 2e6},
    ),
    (
        "Lumio publie ses comptes. La société, dirigée par Hélène Vidal, a réalisé un chiffre d'affaires "
        "de 64 millions d'euros en 2024.",
        {"predicate": "revenue", "subject": "Lumio", "value": 64e6, "time": "2024"},
    ),
    (
        "Lumio emploie 900 personnes et prévoit d'ouvrir deux bureaux.",
        {"predicate": "employees", "subject": "Lumio", "value": 900, "modality": "asserted"},
    ),
]

DISTRACTORS += [
    "À la Bourse de Paris, le titre Lumio a gagné 4,5 % à 38,20 euros.",
]

# A price "dette comprise", hyphenated first names, no successor to a founder, contracts won.
CASES += [
    (
        "Le groupe Corlay a annoncé le rachat de Brisac pour deux milliards d'euros, dette comprise.",
        {"predicate": "acquisition", "subject": "Corlay", "object": "Brisac", "value": 2e9, "unit": "EUR"},
    ),
    (
        "Jean-Baptiste Morel, actuel directeur financier de Corlay, a 51 ans.",
        {"predicate": "role", "subject": "Jean-Baptiste Morel", "object": "Corlay", "role": "CFO"},
    ),
    (
        "Le constructeur Brisac a décroché un contrat de 900 millions d'euros auprès de Corlay.",
        {"predicate": "payment", "subject": "Corlay", "object": "Brisac", "value": 900e6},
    ),
]

DISTRACTORS += [
    "Le club, que préside Hervé Lamotte, compte 28 000 adhérents.",
]

# An office announced as new, then "Y remplacera Z": Z held it, Y will.
CASES += [
    (
        "Brisac aura une nouvelle directrice générale en avril. "
        "Sarah Klein, venue du groupe Corlay, remplacera Paul Jourdan, qui quitte ses fonctions après six ans.",
        {"predicate": "role", "subject": "Sarah Klein", "object": "Brisac", "role": "CEO", "modality": "planned"},
    ),
    (
        "Brisac aura une nouvelle directrice générale en avril. "
        "Sarah Klein, venue du groupe Corlay, remplacera Paul Jourdan, qui quitte ses fonctions après six ans.",
        {"predicate": "role", "subject": "Paul Jourdan", "object": "Brisac", "role": "CEO"},
    ),
    (
        "Brisac aura une nouvelle directrice générale en avril. "
        "Sarah Klein, venue du groupe Corlay, remplacera Paul Jourdan, qui quitte ses fonctions après six ans.",
        {"predicate": "joins", "subject": "Sarah Klein", "object": "Brisac"},
    ),
]

# "pour y occuper les mêmes fonctions": the same title at the organisation joined; "Elle succède à Z": Z held it.
CASES += [
    (
        "Léa Fontaine, actuelle directrice technique de Corvane, rejoindra Brisac en mars pour y occuper les mêmes "
        "fonctions. Elle succède à Marc Olivier, parti à la retraite.",
        {"predicate": "role", "subject": "Léa Fontaine", "object": "Brisac", "role": "CTO", "modality": "planned"},
    ),
    (
        "Léa Fontaine, actuelle directrice technique de Corvane, rejoindra Brisac en mars pour y occuper les mêmes "
        "fonctions. Elle succède à Marc Olivier, parti à la retraite.",
        {"predicate": "role", "subject": "Marc Olivier", "object": "Brisac", "role": "CTO"},
    ),
    (
        "Julien Caron rejoindra Brisac comme directeur financier. Il succède à Paul Meunier.",
        {"predicate": "role", "subject": "Paul Meunier", "object": "Brisac", "role": "CFO"},
    ),
]

# "% des parts" after the company was bought into; "% des actions" is a stake.
CASES += [
    (
        "Le fonds Corrib a investi 20 millions d'euros dans Lumio, aux côtés de l'investisseur Tarsis Partners, "
        "qui complète le tour. Le fonds Halden Capital, présent depuis 2020, reste le premier actionnaire "
        "avec 15 % des parts.",
        {"predicate": "stake", "subject": "Halden Capital", "object": "Lumio", "value": 15},
    ),
    (
        "Lumio a été fondée par Marc Roux. Roux, 45 ans, conserve 30 % des actions.",
        {"predicate": "stake", "subject": "Marc Roux", "object": "Lumio", "value": 30},
    ),
]

DISTRACTORS += [
    "La baisse de 3 % des actions européennes a pesé sur le marché.",
]

# Enumerations: a distractor noun before "et" does not block the next count.
CASES += [
    (
        "Brisac compte 300 magasins et 12 000 salariés.",
        {"predicate": "employees", "subject": "Brisac", "value": 12000},
    ),
]


# Data fixes (en-fr-es pass): abbreviated legal forms, "vaut désormais", "personnes utilisent",
# "la maison", Quebec titles, "a été élue", "prendre la direction générale", "en provenance de".
CASES += [
    (
        "Corvane a investi 40 millions d'euros dans Brelli S.p.A.",
        {"predicate": "investment", "subject": "Corvane", "object": "Brelli", "value": 40e6, "unit": "EUR"},
    ),
    (
        "Après sa dernière levée de fonds, Tidewell vaut désormais 2 milliards d'euros.",
        {"predicate": "valuation", "subject": "Tidewell", "value": 2e9, "unit": "EUR"},
    ),
    (
        "Chaque mois, 6 millions de personnes utilisent l'application de Tidewell.",
        {"predicate": "users", "subject": "Tidewell", "value": 6e6, "period": "month"},
    ),
    (
        "Verlaine a publié ses comptes annuels. La maison emploie 800 salariés.",
        {"predicate": "employees", "subject": "Verlaine", "value": 800},
    ),
    (
        "Sophie Gagnon, chef de la direction financière de Mistral Boréal, a présenté les résultats.",
        {"predicate": "role", "subject": "Sophie Gagnon", "object": "Mistral Boréal", "role": "CFO"},
    ),
    (
        "La présidente et chef de la direction de Boréalis, Julie Tremblay, a salué l'accord.",
        {"predicate": "role", "subject": "Julie Tremblay", "object": "Boréalis", "role": "CEO"},
    ),
    (
        "Claire Vautrin a été élue présidente du conseil de surveillance de Tidewell.",
        {"predicate": "role", "subject": "Claire Vautrin", "object": "Tidewell", "role": "chair"},
    ),
    (
        "Marc Olivier prendra le 1er septembre la direction générale de Tidewell.",
        {"predicate": "joins", "subject": "Marc Olivier", "object": "Tidewell", "modality": "planned"},
    ),
    (
        "Tidewell a réalisé un chiffre d'affaires de 90 millions d'euros, porté par l'Asie.",
        {"predicate": "revenue", "subject": "Tidewell", "value": 90e6},
    ),
    (
        "Tidewell a recruté Paul Renard, en provenance de Corvane, comme directeur financier.",
        {"predicate": "joins", "subject": "Paul Renard", "object": "Tidewell"},
    ),
    # a bare "l'État" is France, but not when another country follows it
    (
        "L'État belge, qui détient 20 % de Stassart Logistique, soutient le projet.",
        {"predicate": "stake", "subject": "Belgium", "object": "Stassart Logistique", "value": 20},
    ),
    (
        "L'État détient 15 % de Corvane.",
        {"predicate": "stake", "subject": "France", "object": "Corvane", "value": 15},
    ),
]

# Data fixes (second pass): trade nouns before a name ("la fromagerie X", "le motoriste X"), capitalised
# org words ("Mutuelle X", "Compagnie X", "X Partenaires", "Transports X"), Canadian dollars,
# "la Région X" (the region's name), capitalised particles ("Le Moal", "De Smet"),
# research bodies that are no company ("le CNRS"), "appartient à 70 % au fonds X".
CASES += [
    (
        "La fromagerie Brevaux, installée près de Rodez, emploie 180 salariés.",
        {"predicate": "employees", "subject": "Brevaux", "value": 180},
    ),
    (
        "La biscuiterie Malgorn a réalisé un chiffre d'affaires de 42 millions d'euros en 2024.",
        {"predicate": "revenue", "subject": "Malgorn", "value": 42e6, "time": "2024"},
    ),
    (
        "Le motoriste Varennes a racheté Tidewell pour 120 millions d'euros.",
        {"predicate": "acquisition", "subject": "Varennes", "object": "Tidewell", "value": 120e6},
    ),
    (
        "La Mutuelle Orvette détient 35 % de la banque Ferlac.",
        {"predicate": "stake", "subject": "Mutuelle Orvette", "object": "Ferlac", "value": 35},
    ),
    (
        "La Compagnie Fluviale Dorsane a réalisé un chiffre d'affaires de 96 millions d'euros en 2024.",
        {"predicate": "revenue", "subject": "Compagnie Fluviale Dorsane", "value": 96e6},
    ),
    (
        "Le fonds Valrose Partenaires détient 18 % de Tidewell.",
        {"predicate": "stake", "subject": "Valrose Partenaires", "object": "Tidewell", "value": 18},
    ),
    (
        "Les Transports Vidalenc emploient 640 salariés.",
        {"predicate": "employees", "subject": "Transports Vidalenc", "value": 640},
    ),
    (
        "Le groupe québécois Pelletrie a réalisé un chiffre d'affaires de 420 millions de dollars canadiens en 2024.",
        {"predicate": "revenue", "subject": "Pelletrie", "value": 420e6, "unit": "CAD"},
    ),
    (
        "La Région Occitanie apporte 2 millions d'euros à Tidewell.",
        {"predicate": "investment", "subject": "Occitanie", "object": "Tidewell", "value": 2e6},
    ),
    (
        "Le CNRS de Toulouse emploie 900 chercheurs et Tidewell compte 120 salariés.",
        {"predicate": "employees", "subject": "Tidewell", "value": 120},
    ),
    (
        "Hugo De Smet, directeur financier de Tidewell, a quitté le groupe.",
        {"predicate": "role", "subject": "Hugo De Smet", "object": "Tidewell", "role": "CFO"},
    ),
    (
        "Gwenaëlle Le Moal est la directrice générale de Tidewell.",
        {"predicate": "role", "subject": "Gwenaëlle Le Moal", "object": "Tidewell", "role": "CEO"},
    ),
    (
        "Tidewell appartient à 70 % au fonds Valrose Capital.",
        {"predicate": "stake", "subject": "Valrose Capital", "object": "Tidewell", "value": 70},
    ),
    (
        "Tidewell appartient à 70 % au fonds d'investissement Valrose Capital.",
        {"predicate": "stake", "subject": "Valrose Capital", "object": "Tidewell", "value": 70},
    ),
    (
        "Tidewell appartient à 60 % à Corvane depuis 2019.",
        {"predicate": "stake", "subject": "Corvane", "object": "Tidewell", "value": 60},
    ),
]


def test_no_headcount_for_a_research_body():
    """ "le CNRS" is an institution: its staff are no company's employees."""
    ex = extract(
        "Le CNRS de Toulouse emploie 900 chercheurs et Tidewell compte 120 salariés.", lang="fr", published=PUB
    )
    assert all(c.subject == "Tidewell" for c in ex.claims), [c.to_dict() for c in ex.claims]


# a share price is no valuation: only "vaut désormais" and the like are weak triggers
DISTRACTORS += [
    "L'action de Tidewell vaut 35 euros après la séance.",
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_claims(text, want):
    check("fr", text, want)


def test_distractors():
    check("fr", "L'action Tidewell a bondi de 4,2 % à 61,30 euros, et le CAC 40 a gagné 0,8 %.", None)


def test_incomplete():
    check(
        "fr",
        "La participation de Corvane dans Tidewell atteint désormais , selon le groupe.",
        {"predicate": "stake", "subject": "Corvane", "object": "Tidewell"},
        "incomplete",
    )


def test_quarter_letter():
    check(
        "fr",
        "Tidewell a réalisé un chiffre d'affaires de 88 millions d'euros au T2 2025.",
        {"predicate": "revenue", "time": "2025-Q2", "value": 88e6},
    )


@pytest.mark.parametrize("text", DISTRACTORS)
def test_more_distractors(text):
    """Layoffs, share prices, index points, ages, durations, sales shares: no claim."""
    check("fr", text, None)
