"""Spanish, in sentences of our own."""

import pytest

from tests.engine.cases import check

CASES = [
    (
        "Corvane compró Tidewell por 2.350 millones de euros.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Tidewell", "value": 2.35e9, "unit": "EUR"},
    ),
    (
        "La compañía Tidewell emplea a unos 12.400 trabajadores.",
        {"predicate": "employees", "subject": "Tidewell", "value": 12400, "qualifier": "approx"},
    ),
    (
        "El fondo Arlo Partners controla el 12,5 por ciento de Tidewell.",
        {"predicate": "stake", "subject": "Arlo Partners", "object": "Tidewell", "value": 12.5, "unit": "%"},
    ),
    (
        "Corvane se hizo con el 30 % de Tidewell por 90 millones de dólares.",
        {"predicate": "investment", "subject": "Corvane", "object": "Tidewell", "value": 90e6, "unit": "USD"},
    ),
    (
        "Corvane se hizo con el 30 % de Tidewell por 90 millones de dólares.",
        {"predicate": "stake", "subject": "Corvane", "object": "Tidewell", "value": 30},
    ),
    (
        "En el tercer trimestre de 2025, Tidewell facturó 318 millones de euros.",
        {"predicate": "revenue", "subject": "Tidewell", "value": 318e6, "time": "2025-Q3"},
    ),
    (
        "Tidewell registró unas pérdidas netas de 21 millones de euros el año pasado.",
        {"predicate": "profit", "subject": "Tidewell", "value": -21e6, "time": "2024"},
    ),
    (
        "Corvane tenía previsto pagar a Tidewell 40 millones de euros al año.",
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
        "La operación valora Tidewell en más de 4.000 millones de euros.",
        {"predicate": "valuation", "subject": "Tidewell", "value": 4e9, "qualifier": "at_least"},
    ),
    (
        "Según la empresa, Tidewell suma casi tres millones de usuarios mensuales.",
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
        "Lucía Ferrer, directora financiera de Corvane, se incorporará a Tidewell en marzo.",
        {"predicate": "role", "subject": "Lucía Ferrer", "object": "Corvane", "role": "CFO"},
    ),
    (
        "Lucía Ferrer, directora financiera de Corvane, se incorporará a Tidewell en marzo.",
        {"predicate": "joins", "subject": "Lucía Ferrer", "object": "Tidewell", "modality": "planned"},
    ),
    (
        "El consejero delegado de Tidewell, Martín Ruiz, celebró el acuerdo.",
        {"predicate": "role", "subject": "Martín Ruiz", "object": "Tidewell", "role": "CEO"},
    ),
    (
        "Tidewell fabrica sensores.\nLa empresa da empleo a 850 personas.",
        {"predicate": "employees", "subject": "Tidewell", "value": 850},
    ),
    (
        "Tidewell prevé unos ingresos de 500 millones de euros en 2026.",
        {"predicate": "revenue", "subject": "Tidewell", "modality": "forecast", "time": "2026"},
    ),
]


# More sentences of our own: varied phrasings, number formats, implied subjects, distractors.
CASES += [
    (
        "El grupo asturiano Norvalia ha comprado la tecnológica Brixa por 870 millones de dólares.",
        {"predicate": "acquisition", "subject": "Norvalia", "object": "Brixa", "value": 870000000.0, "unit": "USD"},
    ),
    (
        "La facturación de Norvalia alcanzó los 1.200 millones de euros el año pasado.",
        {"predicate": "revenue", "subject": "Norvalia", "value": 1200000000.0, "unit": "EUR", "time": "2024"},
    ),
    (
        "Norvalia fabrica componentes. La compañía emplea a más de 4.500 trabajadores.",
        {"predicate": "employees", "subject": "Norvalia", "value": 4500, "unit": "count", "qualifier": "at_least"},
    ),
    (
        ("Según fuentes del sector, Norvalia planea pagar 15 millones de euros anuales a Brixa por sus licencias."),
        {
            "predicate": "payment",
            "subject": "Norvalia",
            "object": "Brixa",
            "value": 15000000.0,
            "unit": "EUR",
            "period": "year",
            "modality": "planned",
        },
    ),
    (
        "El fondo Caldera Capital controla el 22 % de Brixa.",
        {"predicate": "stake", "subject": "Caldera Capital", "object": "Brixa", "value": 22, "unit": "%"},
    ),
    (
        "Caldera Capital ha invertido 40 millones de euros en la start-up Yelmo.",
        {
            "predicate": "investment",
            "subject": "Caldera Capital",
            "object": "Yelmo",
            "value": 40000000.0,
            "unit": "EUR",
        },
    ),
    (
        "Yelmo crece. La ronda valora a Yelmo en 300 millones de euros.",
        {"predicate": "valuation", "subject": "Yelmo", "value": 300000000.0, "unit": "EUR"},
    ),
    (
        "Yelmo registró unas pérdidas de 3,5 millones de euros en el ejercicio anterior.",
        {"predicate": "profit", "subject": "Yelmo", "value": -3500000.0, "unit": "EUR", "time": "2024"},
    ),
    (
        ("El beneficio neto de Norvalia se situó en 96 millones de euros en el primer trimestre de 2025."),
        {"predicate": "profit", "subject": "Norvalia", "value": 96000000.0, "unit": "EUR", "time": "2025-Q1"},
    ),
    (
        "La aplicación de Yelmo suma 2,3 millones de usuarios activos mensuales.",
        {"predicate": "users", "subject": "Yelmo", "value": 2300000.0, "unit": "count", "period": "month"},
    ),
    (
        "Lucía Ferrer, consejera delegada de Norvalia, ficha por Brixa.",
        {"predicate": "role", "subject": "Lucía Ferrer", "object": "Norvalia", "role": "CEO"},
    ),
    (
        "Lucía Ferrer, consejera delegada de Norvalia, ficha por Brixa.",
        {"predicate": "joins", "subject": "Lucía Ferrer", "object": "Brixa"},
    ),
    (
        "Andrés Soler se incorpora a Caldera Capital como director financiero.",
        {"predicate": "joins", "subject": "Andrés Soler", "object": "Caldera Capital"},
    ),
    (
        "Andrés Soler se incorpora a Caldera Capital como director financiero.",
        {"predicate": "role", "subject": "Andrés Soler", "object": "Caldera Capital", "role": "CFO"},
    ),
    (
        "El presidente del consejo de Brixa, Tomás Iriarte, tiene 62 años.",
        {"predicate": "role", "subject": "Tomás Iriarte", "object": "Brixa", "role": "chair"},
    ),
    (
        "Norvalia niega que vaya a comprar Brixa por 1.000 millones de euros.",
        {
            "predicate": "acquisition",
            "subject": "Norvalia",
            "object": "Brixa",
            "value": 1000000000.0,
            "unit": "EUR",
            "modality": "denied",
        },
    ),
    (
        "Con sede en Bilbao, la firma Zuria cuenta con unos 800 empleados.",
        {"predicate": "employees", "subject": "Zuria", "value": 800, "unit": "count", "qualifier": "approx"},
    ),
    (
        "Zuria diseña robots. La firma facturó cerca de 95 millones de euros en 2024.",
        {
            "predicate": "revenue",
            "subject": "Zuria",
            "value": 95000000.0,
            "unit": "EUR",
            "time": "2024",
            "qualifier": "approx",
        },
    ),
    (
        "Zuria prevé alcanzar una facturación de 150 millones de euros en 2026.",
        {
            "predicate": "revenue",
            "subject": "Zuria",
            "value": 150000000.0,
            "unit": "EUR",
            "time": "2026",
            "modality": "forecast",
        },
    ),
    (
        "El operador Movitel tiene 6,1 millones de clientes de telefonía móvil.",
        {"predicate": "users", "subject": "Movitel", "value": 6100000.0, "unit": "count"},
    ),
    (
        "Movitel pagará a Zuria 20 millones de euros al año durante cinco años.",
        {
            "predicate": "payment",
            "subject": "Movitel",
            "object": "Zuria",
            "value": 20000000.0,
            "unit": "EUR",
            "period": "year",
            "modality": "planned",
        },
    ),
    (
        "Movitel se hizo el año pasado con Ondara por mil millones de euros.",
        {"predicate": "acquisition", "subject": "Movitel", "object": "Ondara", "value": 1000000000.0, "unit": "EUR"},
    ),
    (
        "Ondara, fundada en 2015 por Marta Gil, tiene 45 empleados.",
        {"predicate": "role", "subject": "Marta Gil", "object": "Ondara", "role": "founder"},
    ),
    (
        "Ondara, fundada en 2015 por Marta Gil, tiene 45 empleados.",
        {"predicate": "employees", "subject": "Ondara", "value": 45, "unit": "count"},
    ),
    (
        "El fondo Bravia Partners posee casi un 9 % de Movitel.",
        {
            "predicate": "stake",
            "subject": "Bravia Partners",
            "object": "Movitel",
            "value": 9,
            "unit": "%",
            "qualifier": "approx",
        },
    ),
    (
        "Según el diario económico, Bravia Partners invertirá 250 millones de euros en Movitel.",
        {
            "predicate": "investment",
            "subject": "Bravia Partners",
            "object": "Movitel",
            "value": 250000000.0,
            "unit": "EUR",
            "modality": "planned",
        },
    ),
    (
        "La operación valora Movitel en alrededor de 12.000 millones de euros.",
        {"predicate": "valuation", "subject": "Movitel", "value": 12000000000.0, "unit": "EUR", "qualifier": "approx"},
    ),
    (
        "Ramón Aguirre es consejero delegado de Movitel desde 2019.",
        {"predicate": "role", "subject": "Ramón Aguirre", "object": "Movitel", "role": "CEO"},
    ),
    (
        (
            "Movitel presentó ayer sus cuentas. Cerró el ejercicio 2024 con unos ingresos de "
            "5.400 millones de euros y un beneficio de 410 millones."
        ),
        {"predicate": "revenue", "subject": "Movitel", "value": 5400000000.0, "unit": "EUR", "time": "2024"},
    ),
    (
        (
            "Movitel presentó ayer sus cuentas. Cerró el ejercicio 2024 con unos ingresos de "
            "5.400 millones de euros y un beneficio de 410 millones."
        ),
        {"predicate": "profit", "subject": "Movitel", "value": 410000000.0, "unit": "EUR", "time": "2024"},
    ),
    (
        (
            "La empresa de reparto Rapidex, que da empleo a 1.300 personas, ha sido comprada "
            "por Movitel por 60 millones de euros."
        ),
        {"predicate": "acquisition", "subject": "Movitel", "object": "Rapidex", "value": 60000000.0, "unit": "EUR"},
    ),
    (
        (
            "La empresa de reparto Rapidex, que da empleo a 1.300 personas, ha sido comprada "
            "por Movitel por 60 millones de euros."
        ),
        {"predicate": "employees", "subject": "Rapidex", "value": 1300, "unit": "count"},
    ),
    (
        "Elena Prat, directora financiera de Rapidex, dejará la compañía en junio.",
        {"predicate": "role", "subject": "Elena Prat", "object": "Rapidex", "role": "CFO"},
    ),
    (
        "Rapidex tuvo unas pérdidas de 12 millones de euros en 2024.",
        {"predicate": "profit", "subject": "Rapidex", "value": -12000000.0, "unit": "EUR", "time": "2024"},
    ),
    (
        "La participación de Bravia Partners en Movitel asciende al 9,5 %.",
        {"predicate": "stake", "subject": "Bravia Partners", "object": "Movitel", "value": 9.5, "unit": "%"},
    ),
    (
        "Movitel cotiza en Madrid. La compañía cuenta con más de 2 millones de suscriptores.",
        {"predicate": "users", "subject": "Movitel", "value": 2000000.0, "unit": "count", "qualifier": "at_least"},
    ),
    (
        "La presidenta ejecutiva de Zuria, Carmen Llorente, de 51 años, dirige la firma desde 2020.",
        {"predicate": "role", "subject": "Carmen Llorente", "object": "Zuria", "role": "CEO"},
    ),
    (
        "Movitel ha fichado a Elena Prat, que hasta ahora era directora financiera de Rapidex.",
        {"predicate": "joins", "subject": "Elena Prat", "object": "Movitel"},
    ),
    (
        "Movitel ha fichado a Elena Prat, que hasta ahora era directora financiera de Rapidex.",
        {"predicate": "role", "subject": "Elena Prat", "object": "Rapidex", "role": "CFO"},
    ),
    (
        "Caldera Capital ha adquirido una participación del 15 % en Zuria por 30 millones de euros.",
        {"predicate": "stake", "subject": "Caldera Capital", "object": "Zuria", "value": 15, "unit": "%"},
    ),
    (
        "Caldera Capital ha adquirido una participación del 15 % en Zuria por 30 millones de euros.",
        {
            "predicate": "investment",
            "subject": "Caldera Capital",
            "object": "Zuria",
            "value": 30000000.0,
            "unit": "EUR",
        },
    ),
    (
        "El beneficio de Zuria cayó un 20 % hasta los 8 millones de euros.",
        {"predicate": "profit", "subject": "Zuria", "value": 8000000.0, "unit": "EUR"},
    ),
    (
        "Brixa ganó 14 millones de euros en el primer semestre, según la compañía.",
        {"predicate": "profit", "subject": "Brixa", "value": 14000000.0, "unit": "EUR", "modality": "reported"},
    ),
    (
        "Ondara tiene 230 millones de euros en caja y emplea a unas 600 personas en España.",
        {"predicate": "employees", "subject": "Ondara", "value": 600, "unit": "count", "qualifier": "approx"},
    ),
    (
        ("Norvalia firmó un acuerdo con Brixa. El grupo se comprometió a pagarle 7 millones de euros al año."),
        {
            "predicate": "payment",
            "subject": "Norvalia",
            "object": "Brixa",
            "value": 7000000.0,
            "unit": "EUR",
            "period": "year",
        },
    ),
    (
        "Brixa recibirá de Norvalia 9 millones de euros anuales durante una década.",
        {
            "predicate": "payment",
            "subject": "Norvalia",
            "object": "Brixa",
            "value": 9000000.0,
            "unit": "EUR",
            "period": "year",
        },
    ),
    (
        ("Fundada en 2010 por Irene Salas, hoy consejera delegada, la empresa Talvera emplea a 900 personas."),
        {"predicate": "role", "subject": "Irene Salas", "object": "Talvera", "role": "founder"},
    ),
    (
        ("Fundada en 2010 por Irene Salas, hoy consejera delegada, la empresa Talvera emplea a 900 personas."),
        {"predicate": "role", "subject": "Irene Salas", "object": "Talvera", "role": "CEO"},
    ),
    (
        ("Fundada en 2010 por Irene Salas, hoy consejera delegada, la empresa Talvera emplea a 900 personas."),
        {"predicate": "employees", "subject": "Talvera", "value": 900, "unit": "count"},
    ),
    (
        (
            "Talvera cerró una ronda. Su fundador y consejero delegado, Pablo Ruiz, conserva "
            "alrededor del 25 % de la compañía."
        ),
        {"predicate": "role", "subject": "Pablo Ruiz", "object": "Talvera", "role": "founder"},
    ),
    (
        (
            "Talvera cerró una ronda. Su fundador y consejero delegado, Pablo Ruiz, conserva "
            "alrededor del 25 % de la compañía."
        ),
        {"predicate": "role", "subject": "Pablo Ruiz", "object": "Talvera", "role": "CEO"},
    ),
    (
        (
            "Talvera cerró una ronda. Su fundador y consejero delegado, Pablo Ruiz, conserva "
            "alrededor del 25 % de la compañía."
        ),
        {
            "predicate": "stake",
            "subject": "Pablo Ruiz",
            "object": "Talvera",
            "value": 25,
            "unit": "%",
            "qualifier": "approx",
        },
    ),
    (
        (
            "Según fuentes cercanas a la operación, Caldera Capital se dispone a comprar "
            "Talvera por unos 450 millones de euros."
        ),
        {
            "predicate": "acquisition",
            "subject": "Caldera Capital",
            "object": "Talvera",
            "value": 450000000.0,
            "unit": "EUR",
            "qualifier": "approx",
            "modality": "planned",
        },
    ),
    (
        ("Las ventas de Talvera crecieron un 18 % hasta los 210 millones de euros en el primer semestre."),
        {"predicate": "revenue", "subject": "Talvera", "value": 210000000.0, "unit": "EUR"},
    ),
    (
        "Talvera, que facturó 400 millones de euros el año pasado, cuenta con 2.100 empleados.",
        {"predicate": "revenue", "subject": "Talvera", "value": 400000000.0, "unit": "EUR", "time": "2024"},
    ),
    (
        "Talvera, que facturó 400 millones de euros el año pasado, cuenta con 2.100 empleados.",
        {"predicate": "employees", "subject": "Talvera", "value": 2100, "unit": "count"},
    ),
    (
        "Talvera presentó sus cuentas. La compañía perdió 6,2 millones de euros en 2024.",
        {"predicate": "profit", "subject": "Talvera", "value": -6200000.0, "unit": "EUR", "time": "2024"},
    ),
    (
        "El Estado español controla el 10 % de Movitel a través de la SEPI.",
        {"predicate": "stake", "subject": "Spain", "object": "Movitel", "value": 10, "unit": "%"},
    ),
    (
        "Con 4,5 millones de usuarios, Yelmo es líder en su segmento.",
        {"predicate": "users", "subject": "Yelmo", "value": 4500000.0, "unit": "count"},
    ),
    (
        (
            "Movitel opera en siete países. El grupo obtiene el 55 % de sus ingresos fuera de "
            "España y aspira a facturar 3.000 millones de euros en 2027."
        ),
        {
            "predicate": "revenue",
            "subject": "Movitel",
            "value": 3000000000.0,
            "unit": "EUR",
            "time": "2027",
            "modality": "forecast",
        },
    ),
    (
        "Movitel emplea a 8.000 personas y ha anunciado un ERE que afectará a 600 trabajadores.",
        {"predicate": "employees", "subject": "Movitel", "value": 8000, "unit": "count"},
    ),
    (
        ("La tecnológica Brixa fue valorada en 900 millones de dólares en su última ronda de financiación."),
        {"predicate": "valuation", "subject": "Brixa", "value": 900000000.0, "unit": "USD"},
    ),
    (
        "El fondo Bravia Partners ha elevado su participación en Talvera hasta el 12 %.",
        {"predicate": "stake", "subject": "Bravia Partners", "object": "Talvera", "value": 12, "unit": "%"},
    ),
    (
        ("Yelmo, con sede en Valencia, tiene 3 millones de usuarios activos semanales, según la empresa."),
        {
            "predicate": "users",
            "subject": "Yelmo",
            "value": 3000000.0,
            "unit": "count",
            "period": "week",
            "modality": "reported",
        },
    ),
    (
        (
            "El fondo Caldera Capital ha invertido 30 millones de euros en Talvera junto a "
            "Orza Ventures. Presente desde 2019, Orza Ventures sigue siendo el primer "
            "accionista con un 24 % de las acciones."
        ),
        {
            "predicate": "investment",
            "subject": "Caldera Capital",
            "object": "Talvera",
            "value": 30000000.0,
            "unit": "EUR",
        },
    ),
    (
        (
            "El fondo Caldera Capital ha invertido 30 millones de euros en Talvera junto a "
            "Orza Ventures. Presente desde 2019, Orza Ventures sigue siendo el primer "
            "accionista con un 24 % de las acciones."
        ),
        {"predicate": "stake", "subject": "Orza Ventures", "object": "Talvera", "value": 24, "unit": "%"},
    ),
    (
        (
            "Talvera ha captado 50 millones de euros. Su cofundadora, Laura Vidal, de 41 "
            "años, mantiene cerca del 18 % del capital."
        ),
        {"predicate": "role", "subject": "Laura Vidal", "object": "Talvera", "role": "founder"},
    ),
    (
        (
            "Talvera ha captado 50 millones de euros. Su cofundadora, Laura Vidal, de 41 "
            "años, mantiene cerca del 18 % del capital."
        ),
        {
            "predicate": "stake",
            "subject": "Laura Vidal",
            "object": "Talvera",
            "value": 18,
            "unit": "%",
            "qualifier": "approx",
        },
    ),
    (
        (
            "Movitel ha comprado Rapidex por 75 millones de euros. Su fundador, Jorge Lago, "
            "se incorporará al comité de dirección del comprador."
        ),
        {"predicate": "acquisition", "subject": "Movitel", "object": "Rapidex", "value": 75000000.0, "unit": "EUR"},
    ),
    (
        (
            "Movitel ha comprado Rapidex por 75 millones de euros. Su fundador, Jorge Lago, "
            "se incorporará al comité de dirección del comprador."
        ),
        {"predicate": "role", "subject": "Jorge Lago", "object": "Rapidex", "role": "founder"},
    ),
    (
        (
            "Movitel ha comprado Rapidex por 75 millones de euros. Su fundador, Jorge Lago, "
            "se incorporará al comité de dirección del comprador."
        ),
        {"predicate": "joins", "subject": "Jorge Lago", "object": "Movitel", "modality": "planned"},
    ),
    (
        ("Norvalia ha elevado su participación en Brixa hasta el 51 % tras pagar 200 millones de dólares."),
        {"predicate": "stake", "subject": "Norvalia", "object": "Brixa", "value": 51, "unit": "%"},
    ),
    (
        ("Norvalia ha elevado su participación en Brixa hasta el 51 % tras pagar 200 millones de dólares."),
        {"predicate": "investment", "subject": "Norvalia", "object": "Brixa", "value": 200000000.0, "unit": "USD"},
    ),
    (
        ("La cifra de negocio del grupo Norvalia alcanzó los 2.400 millones de euros en el tercer trimestre."),
        {"predicate": "revenue", "subject": "Norvalia", "value": 2400000000.0, "unit": "EUR", "time": "2025-Q3"},
    ),
    (
        (
            "Norvalia obtuvo un resultado neto de 310 millones de euros en el ejercicio 2024, "
            "según informó su director financiero."
        ),
        {
            "predicate": "profit",
            "subject": "Norvalia",
            "value": 310000000.0,
            "unit": "EUR",
            "time": "2024",
            "modality": "reported",
        },
    ),
    (
        "Yelmo cuenta ya con 4 millones de usuarios, el doble que hace un año.",
        {"predicate": "users", "subject": "Yelmo", "value": 4000000.0, "unit": "count"},
    ),
    (
        "Fundador y presidente ejecutivo de Talvera, Hugo Serrano controla el 40 % del capital.",
        {"predicate": "role", "subject": "Hugo Serrano", "object": "Talvera", "role": "founder"},
    ),
    (
        "Fundador y presidente ejecutivo de Talvera, Hugo Serrano controla el 40 % del capital.",
        {"predicate": "role", "subject": "Hugo Serrano", "object": "Talvera", "role": "CEO"},
    ),
    (
        "Fundador y presidente ejecutivo de Talvera, Hugo Serrano controla el 40 % del capital.",
        {"predicate": "stake", "subject": "Hugo Serrano", "object": "Talvera", "value": 40, "unit": "%"},
    ),
    (
        ("Norvalia, cuya facturación superó los 5.000 millones de euros el año pasado, emplea a 21.000 personas."),
        {
            "predicate": "revenue",
            "subject": "Norvalia",
            "value": 5000000000.0,
            "unit": "EUR",
            "time": "2024",
            "qualifier": "at_least",
        },
    ),
    (
        ("Norvalia, cuya facturación superó los 5.000 millones de euros el año pasado, emplea a 21.000 personas."),
        {"predicate": "employees", "subject": "Norvalia", "value": 21000, "unit": "count"},
    ),
    (
        "Movitel ganó 85 millones de euros entre enero y junio, un 12 % más que un año antes.",
        {"predicate": "profit", "subject": "Movitel", "value": 85000000.0, "unit": "EUR"},
    ),
]

DISTRACTORS = [
    "Las acciones de Norvalia subieron un 4 % y el Ibex 35 cayó 80 puntos.",
    "Norvalia despedirá a 300 trabajadores, alrededor del 7 % de su plantilla.",
    "Durante tres años, Rapidex perdió cuota de mercado frente a sus rivales.",
    "El Ibex 35 cerró la sesión con una subida del 1,2 %, hasta los 11.500 puntos.",
    ("Diego Marín, procedente de Brixa, sustituirá a Sara Núñez al frente de las finanzas de Movitel."),
    "Movitel lleva cinco años sin repartir dividendo y su acción ha caído un 30 %.",
    ("Movitel invertirá 300 millones de euros en una nueva planta en Zaragoza que empleará a 500 personas."),
    "Talvera cotiza desde 2018 y tiene una capitalización de 1.100 millones de euros.",
    "Nacida en 1971, Ana Pardo dirige Movitel desde 2020 y preside su consejo desde 2023.",
]


# Currency signs in scale words (M€), quarters, titles by appointment, fees and totals.
CASES += [
    (
        (
            "Orvane registró en el segundo trimestre de 2025 unos ingresos de 350 millones de "
            "euros, según un comunicado."
        ),
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
        ("El grupo suizo Helmar obtuvo un beneficio neto de 1.200 millones de francos suizos el año pasado."),
        {"predicate": "profit", "subject": "Helmar", "value": 1200000000.0, "unit": "CHF", "time": "2024"},
    ),
    (
        "La británica Sandfort ha adquirido la fintech Paylio por 420 millones de libras.",
        {"predicate": "acquisition", "subject": "Sandfort", "object": "Paylio", "value": 420000000.0, "unit": "GBP"},
    ),
    (
        "Sandfort tiene ya el 7,5 por ciento de Brixa.",
        {"predicate": "stake", "subject": "Sandfort", "object": "Brixa", "value": 7.5, "unit": "%"},
    ),
    (
        "Sandfort cuenta ahora con 6.800 empleados, frente a los 5.900 de hace un año.",
        {"predicate": "employees", "subject": "Sandfort", "value": 6800, "unit": "count"},
    ),
    (
        "Tras tres años en Sandfort, Carmen Ibáñez recala en Paylio como directora de tecnología.",
        {"predicate": "joins", "subject": "Carmen Ibáñez", "object": "Paylio"},
    ),
    (
        "Tras tres años en Sandfort, Carmen Ibáñez recala en Paylio como directora de tecnología.",
        {"predicate": "role", "subject": "Carmen Ibáñez", "object": "Paylio", "role": "CTO"},
    ),
    (
        "Paylio ha nombrado a Bruno Lasa nuevo director financiero.",
        {"predicate": "joins", "subject": "Bruno Lasa", "object": "Paylio"},
    ),
    (
        "Paylio ha nombrado a Bruno Lasa nuevo director financiero.",
        {"predicate": "role", "subject": "Bruno Lasa", "object": "Paylio", "role": "CFO"},
    ),
    (
        ("Helmar tiene 12 millones de clientes en todo el mundo, de los que 3 millones están en España."),
        {"predicate": "users", "subject": "Helmar", "value": 12000000.0, "unit": "count"},
    ),
    (
        (
            "De acuerdo con el Financial Times, Sandfort habría pagado 95 millones de libras "
            "a Paylio por una licencia exclusiva."
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
        ("La presidenta del consejo de administración de Helmar, Sofía Lamas, celebró los resultados."),
        {"predicate": "role", "subject": "Sofía Lamas", "object": "Helmar", "role": "chair"},
    ),
    (
        "Paylio, valorada en casi 900 millones de euros, tiene una plantilla de 250 trabajadores.",
        {"predicate": "valuation", "subject": "Paylio", "value": 900000000.0, "unit": "EUR", "qualifier": "approx"},
    ),
    (
        "Paylio, valorada en casi 900 millones de euros, tiene una plantilla de 250 trabajadores.",
        {"predicate": "employees", "subject": "Paylio", "value": 250, "unit": "count"},
    ),
    (
        "La firma Zuria, fundada hace diez años, factura 40 millones de euros al año.",
        {"predicate": "revenue", "subject": "Zuria", "value": 40000000.0, "unit": "EUR"},
    ),
    (
        "Brixa pagará una cuota mensual de 2 millones de euros a Movitel.",
        {
            "predicate": "payment",
            "subject": "Brixa",
            "object": "Movitel",
            "value": 2000000.0,
            "unit": "EUR",
            "period": "month",
            "modality": "planned",
        },
    ),
]

DISTRACTORS += [
    "El dividendo será de 2,10 euros por acción y el precio objetivo sube a 45 euros.",
    "La inflación alcanzó el 2,1 % en mayo y los tipos de interés se mantienen en el 4 %.",
    "El margen operativo de Helmar se situó en el 12,4 %.",
    "Helmar no tiene intención de comprar Paylio, aseguró su consejero delegado.",
    ("El Ibex 35 retrocedió un 1,2 % hasta los 11.450 puntos, lastrado por Helmar, que cedió un 6 %."),
]


# Interim titles, successions, passives with a date, fronted appositions, possessives pointing ahead.
CASES += [
    (
        "Norvalia se hace con el 49 % de Brixa por 14.300 millones de dólares.",
        {"predicate": "stake", "subject": "Norvalia", "object": "Brixa", "value": 49, "unit": "%"},
    ),
    (
        "Norvalia se hace con el 49 % de Brixa por 14.300 millones de dólares.",
        {"predicate": "investment", "subject": "Norvalia", "object": "Brixa", "value": 14300000000.0, "unit": "USD"},
    ),
    (
        "Marta Gil ha sido nombrada consejera delegada interina de Ondara.",
        {"predicate": "role", "subject": "Marta Gil", "object": "Ondara", "role": "CEO"},
    ),
    (
        ("El consejero delegado de Norvalia, Íñigo Sáez, dejará el cargo en junio. Su sucesora será Nuria Campos."),
        {"predicate": "role", "subject": "Íñigo Sáez", "object": "Norvalia", "role": "CEO"},
    ),
    (
        ("El consejero delegado de Norvalia, Íñigo Sáez, dejará el cargo en junio. Su sucesora será Nuria Campos."),
        {"predicate": "role", "subject": "Nuria Campos", "object": "Norvalia", "role": "CEO"},
    ),
    (
        ("El consejero delegado de Norvalia, Íñigo Sáez, dejará el cargo en junio. Su sucesora será Nuria Campos."),
        {"predicate": "joins", "subject": "Nuria Campos", "object": "Norvalia"},
    ),
    (
        "Nuria Campos, hasta ahora directora general de Brixa, sustituirá a Íñigo Sáez.",
        {"predicate": "role", "subject": "Nuria Campos", "object": "Brixa", "role": "CEO"},
    ),
    (
        "El grupo Movitel, que controla el 60 % del capital de Ondara, ganó 45 millones de euros.",
        {"predicate": "stake", "subject": "Movitel", "object": "Ondara", "value": 60, "unit": "%"},
    ),
    (
        "El grupo Movitel, que controla el 60 % del capital de Ondara, ganó 45 millones de euros.",
        {"predicate": "profit", "subject": "Movitel", "value": 45000000.0, "unit": "EUR"},
    ),
    (
        "Filial de Movitel, Ondara emplea a 700 personas en Sevilla.",
        {"predicate": "employees", "subject": "Ondara", "value": 700, "unit": "count"},
    ),
    (
        ("Con sus 8 millones de usuarios activos mensuales, la aplicación Kliq atrae a los anunciantes."),
        {"predicate": "users", "subject": "Kliq", "value": 8000000.0, "unit": "count", "period": "month"},
    ),
    (
        "Ondara fue adquirida en 2023 por el fondo Bravia Partners por 1.100 millones de euros.",
        {
            "predicate": "acquisition",
            "subject": "Bravia Partners",
            "object": "Ondara",
            "value": 1100000000.0,
            "unit": "EUR",
        },
    ),
    (
        (
            "Yelmo ha cerrado una ronda de 25 millones de euros liderada por Caldera Capital, "
            "que valora la empresa en 200 millones."
        ),
        {"predicate": "valuation", "subject": "Yelmo", "value": 200000000.0, "unit": "EUR"},
    ),
]

# Paragraph-level: the text's currency carries over, "fichar por" joins, a modal verb of the next clause.
CASES += [
    (
        "Lumio ha captado 60 millones de euros. Corrib Partners invierte 35 millones y se queda con el 9 % de Lumio.",
        {"predicate": "investment", "subject": "Corrib Partners", "object": "Lumio", "value": 35e6, "unit": "EUR"},
    ),
    (
        "Su directora de tecnología, Irene Paz, deja Lumio para fichar por Corrib Partners.",
        {"predicate": "joins", "subject": "Irene Paz", "object": "Corrib Partners"},
    ),
    (
        "Lumio da empleo a 1.500 personas y prevé abrir 12 tiendas este año.",
        {"predicate": "employees", "subject": "Lumio", "value": 1500, "modality": "asserted"},
    ),
]

DISTRACTORS += [
    "En la Bolsa de Madrid, las acciones de Lumio ganaron un 2,3 % hasta 12,40 euros.",
]

# Contracts won, the text's currency before "al año", founding years, split join verbs.
CASES += [
    (
        "La constructora Brisal se ha adjudicado un contrato de 900 millones de euros de Corlay.",
        {"predicate": "payment", "subject": "Corlay", "object": "Brisal", "value": 900e6},
    ),
    (
        "Brisal cobra 2 millones de euros por obra. Fundada en 2011 por Sergio Roca, factura unos 80 millones al año.",
        {"predicate": "revenue", "subject": "Brisal", "value": 80e6, "unit": "EUR", "time": None},
    ),
    (
        "Corlay niega que vaya a comprar Brisal. "
        "Su consejera delegada, Elena Mir, se incorporará en marzo al consejo de Brisal.",
        {"predicate": "joins", "subject": "Elena Mir", "object": "Brisal"},
    ),
    (
        "Corlay niega que vaya a comprar Brisal. "
        "Su consejera delegada, Elena Mir, se incorporará en marzo al consejo de Brisal.",
        {"predicate": "role", "subject": "Elena Mir", "object": "Corlay", "role": "CEO"},
    ),
]

DISTRACTORS += [
    "El club, que preside Ramiro Ortiz, cuenta con 140.000 socios.",
]

# An office announced as new, then "Y sustituirá a Z": Z held it, Y will.
CASES += [
    (
        "La cadena Brisal, con tiendas en Sevilla y Murcia, tendrá un nuevo director financiero en mayo. "
        "Luis Pena, procedente de la empresa Corlay, sustituirá a Ana Soto, que deja el cargo tras diez años.",
        {"predicate": "role", "subject": "Luis Pena", "object": "Brisal", "role": "CFO", "modality": "planned"},
    ),
    (
        "La cadena Brisal, con tiendas en Sevilla y Murcia, tendrá un nuevo director financiero en mayo. "
        "Luis Pena, procedente de la empresa Corlay, sustituirá a Ana Soto, que deja el cargo tras diez años.",
        {"predicate": "role", "subject": "Ana Soto", "object": "Brisal", "role": "CFO"},
    ),
    (
        "La cadena Brisal, con tiendas en Sevilla y Murcia, tendrá un nuevo director financiero en mayo. "
        "Luis Pena, procedente de la empresa Corlay, sustituirá a Ana Soto, que deja el cargo tras diez años.",
        {"predicate": "joins", "subject": "Luis Pena", "object": "Brisal"},
    ),
]

# "para ocupar el mismo cargo": the same title at the organisation joined; "Sustituye a Z": Z held it.
CASES += [
    (
        "Nuria Vidal, actual directora de tecnología de Corlay, se incorporará a Brisal en marzo para ocupar el mismo "
        "cargo. Sustituye a Jorge Prieto, que se jubila.",
        {"predicate": "role", "subject": "Nuria Vidal", "object": "Brisal", "role": "CTO", "modality": "planned"},
    ),
    (
        "Nuria Vidal, actual directora de tecnología de Corlay, se incorporará a Brisal en marzo para ocupar el mismo "
        "cargo. Sustituye a Jorge Prieto, que se jubila.",
        {"predicate": "role", "subject": "Jorge Prieto", "object": "Brisal", "role": "CTO"},
    ),
]

# "% de las acciones" is a stake.
CASES += [
    (
        "Lumio fue fundada en 2019 por Marta Ruiz. Ruiz, de 45 años, mantiene alrededor del 30 % de las acciones.",
        {"predicate": "stake", "subject": "Marta Ruiz", "object": "Lumio", "value": 30, "qualifier": "approx"},
    ),
]

# Enumerations: a distractor noun before "y" does not block the next count.
CASES += [
    (
        "Brisal cuenta con 300 tiendas, 12.000 empleados y 2 millones de clientes.",
        {"predicate": "employees", "subject": "Brisal", "value": 12000},
    ),
    (
        "Brisal cuenta con 300 tiendas, 12.000 empleados y 2 millones de clientes.",
        {"predicate": "users", "subject": "Brisal", "value": 2e6},
    ),
]


# Data fixes (en-fr-es pass): "personas usan", "para incorporarse a", "procedente de",
# "utilidad neta", "gerente general", "ha incorporado", quoted verbs, abbreviated legal forms,
# company nouns ("la consultora").
CASES += [
    (
        "Cada mes, 3 millones de personas usan la aplicación de Tidewell.",
        {"predicate": "users", "subject": "Tidewell", "value": 3e6, "period": "month"},
    ),
    (
        "Marta Ruiz deja Corvane Capital para incorporarse a Tidewell.",
        {"predicate": "joins", "subject": "Marta Ruiz", "object": "Tidewell"},
    ),
    (
        "Tidewell ha fichado a Marta Ruiz, procedente de Corvane.",
        {"predicate": "joins", "subject": "Marta Ruiz", "object": "Tidewell"},
    ),
    (
        "Conecta Sur reportó una utilidad neta de 450 millones de euros en 2024.",
        {"predicate": "profit", "subject": "Conecta Sur", "value": 450e6, "time": "2024"},
    ),
    (
        "El gerente general de Tidewell, Pablo Ortega, presentó el plan.",
        {"predicate": "role", "subject": "Pablo Ortega", "object": "Tidewell", "role": "CEO"},
    ),
    (
        "Tidewell ha incorporado a Marta Ruiz como directora financiera.",
        {"predicate": "joins", "subject": "Marta Ruiz", "object": "Tidewell"},
    ),
    (
        "«Hemos crecido mucho», dijo el consejero delegado de Tidewell, Pablo Ortega.",
        {"predicate": "role", "subject": "Pablo Ortega", "object": "Tidewell", "role": "CEO"},
    ),
    (
        "Tidewell paga a Brelli S.p.A. 20 millones de euros al año.",
        {"predicate": "payment", "subject": "Tidewell", "object": "Brelli", "value": 20e6, "period": "year"},
    ),
    (
        "Tidewell publicó sus cuentas. La consultora emplea a 900 personas.",
        {"predicate": "employees", "subject": "Tidewell", "value": 900},
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_claims(text, want):
    check("es", text, want)


def test_distractors():
    check("es", "Las acciones de Tidewell subieron un 4,2 % hasta 61,30 euros y el Ibex ganó un 0,8 %.", None)


def test_incomplete():
    check(
        "es",
        "La plantilla de Tidewell asciende a , según la compañía.",
        {"predicate": "employees", "subject": "Tidewell"},
        "incomplete",
    )


def test_passive_acquisition():
    check(
        "es",
        "Orrin fue comprada por Halvex por 2.400 millones de dólares.",
        {"predicate": "acquisition", "subject": "Halvex", "object": "Orrin", "value": 2.4e9},
    )


@pytest.mark.parametrize("text", DISTRACTORS)
def test_more_distractors(text):
    """Layoffs, share prices, index points, ages, durations, sales shares: no claim."""
    check("es", text, None)


# Second round of data fixes: each kind with sentences of our own.
ROUND2_CASES = [
    # Mexican legal form "S.A.B. de C.V." and bare "pesos" (MXN)
    (
        "Alimentos Brava S.A.B. de C.V. reportó una utilidad neta de 640 millones de pesos en 2024.",
        {"predicate": "profit", "subject": "Alimentos Brava", "value": 640e6, "unit": "MXN", "time": "2024"},
    ),
    # a legal form after a comma is not a name of its own
    (
        "La distribuidora Frutas Nerja, S.L. ha cerrado la compra de Orrin por 12 millones de euros.",
        {"predicate": "acquisition", "subject": "Frutas Nerja", "object": "Orrin", "value": 12e6},
    ),
    # sector words that make a name a company
    (
        "Bodegas Lurra emplea a 320 personas en La Rioja.",
        {"predicate": "employees", "subject": "Bodegas Lurra", "value": 320},
    ),
    (
        "Laboratorios Ventura facturó 85 millones de euros en 2024.",
        {"predicate": "revenue", "subject": "Laboratorios Ventura", "value": 85e6, "time": "2024"},
    ),
    # the markets regulator is an institution, not the company
    (
        "Tidewell informó a la Comisión Nacional del Mercado de Valores de que facturó 300 millones de euros en 2024.",
        {"predicate": "revenue", "subject": "Tidewell", "value": 300e6, "time": "2024"},
    ),
    # "el conjunto del ejercicio": the year of publication
    (
        "Para el conjunto del ejercicio, Tidewell prevé unos ingresos de 900 millones de euros.",
        {"predicate": "revenue", "subject": "Tidewell", "value": 900e6, "time": "2025", "modality": "forecast"},
    ),
    # "que procede de X": X is where the person comes from
    (
        "Marta Ruiz, que procede de Grupo Velarde, se incorporará a Tidewell como directora financiera.",
        {"predicate": "joins", "subject": "Marta Ruiz", "object": "Tidewell"},
    ),
]

ROUND2_DISTRACTORS = [
    # hires and layoffs are changes, not headcounts
    "Tidewell contratará a 200 nuevos empleados en su planta de Burgos.",
    "Tidewell despedirá a 300 trabajadores este año.",
]


@pytest.mark.parametrize(("text", "want"), ROUND2_CASES)
def test_round2_claims(text, want):
    check("es", text, want)


@pytest.mark.parametrize("text", ROUND2_DISTRACTORS)
def test_round2_distractors(text):
    check("es", text, None)


def _claims(text):
    import datetime as dt

    from factcheck import extract

    return [c.to_dict() for c in extract(text, lang="es", published=dt.date(2025, 6, 15)).claims]


def test_quoted_sentence_start_is_no_name():
    """«No ...»: a capitalised word opening a quote is not an organisation."""
    got = _claims(
        "«No es el momento de vender», explicó el consejero delegado, Pablo Ortega, que dirige Tidewell desde 2018."
    )
    assert not any(d.get("object") == "No" for d in got), got


def test_operation_is_not_a_company():
    """ "pagó ... por la operación": the price of the deal, not a payment to the target."""
    got = _claims("Tidewell ha cerrado la compra de Orrin. Tidewell pagó 80 millones de euros por la operación.")
    assert not any(d["predicate"] == "payment" for d in got), got
    assert any(d["predicate"] == "acquisition" and d["object"] == "Orrin" for d in got), got


def test_more_than_headcount_is_kept():
    """ "más de 2.000 personas" is a headcount with a qualifier, not a change."""
    check(
        "es",
        "Tidewell, que emplea a más de 2.000 personas, facturó 400 millones de euros.",
        {"predicate": "employees", "subject": "Tidewell", "value": 2000, "qualifier": "at_least"},
    )
