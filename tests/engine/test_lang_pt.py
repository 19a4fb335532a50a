"""Portuguese, in sentences of our own."""

import pytest

from factcheck import extract
from tests.engine.cases import PUB, check

CASES = [
    (
        "A Corvane comprou a Tidewell por 2,35 mil milhões de euros.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Tidewell", "value": 2.35e9, "unit": "EUR"},
    ),
    (
        "A Corvane comprou a Tidewell por R$ 2,1 bilhões.",
        {"predicate": "acquisition", "subject": "Corvane", "object": "Tidewell", "value": 2.1e9, "unit": "BRL"},
    ),
    (
        "A empresa Tidewell emprega cerca de 12.400 funcionários.",
        {"predicate": "employees", "subject": "Tidewell", "value": 12400, "qualifier": "approx"},
    ),
    (
        "O fundo Arlo Partners detém 12,5% da Tidewell.",
        {"predicate": "stake", "subject": "Arlo Partners", "object": "Tidewell", "value": 12.5, "unit": "%"},
    ),
    (
        "No terceiro trimestre de 2025, a Tidewell faturou 318 milhões de euros.",
        {"predicate": "revenue", "subject": "Tidewell", "value": 318e6, "time": "2025-Q3"},
    ),
    (
        "A Tidewell registou um prejuízo de 21 milhões de euros no ano passado.",
        {"predicate": "profit", "subject": "Tidewell", "value": -21e6, "time": "2024"},
    ),
    (
        "A Corvane vai pagar à Tidewell 40 milhões de euros por ano.",
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
        "O negócio avalia a Tidewell em mais de 4 mil milhões de euros.",
        {"predicate": "valuation", "subject": "Tidewell", "value": 4e9, "qualifier": "at_least"},
    ),
    (
        "Segundo a empresa, a Tidewell soma quase três milhões de utilizadores mensais.",
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
        "Beatriz Lopes, diretora financeira da Corvane, junta-se à Tidewell em março.",
        {"predicate": "role", "subject": "Beatriz Lopes", "object": "Corvane", "role": "CFO"},
    ),
    (
        "Beatriz Lopes, diretora financeira da Corvane, junta-se à Tidewell em março.",
        {"predicate": "joins", "subject": "Beatriz Lopes", "object": "Tidewell"},
    ),
    (
        "O presidente executivo da Tidewell, Rui Matos, elogiou o acordo.",
        {"predicate": "role", "subject": "Rui Matos", "object": "Tidewell", "role": "CEO"},
    ),
    (
        "A Tidewell fabrica sensores.\nA empresa emprega 850 pessoas.",
        {"predicate": "employees", "subject": "Tidewell", "value": 850},
    ),
    (
        "A Tidewell prevê uma receita de 500 milhões de euros em 2026.",
        {"predicate": "revenue", "subject": "Tidewell", "modality": "forecast", "time": "2026"},
    ),
    (
        "A receita líquida da Trivela Pagamentos chegou a R$ 870 milhões em 2024, alta de 35%.",
        {"predicate": "revenue", "subject": "Trivela Pagamentos", "value": 870e6, "unit": "BRL", "time": "2024"},
    ),
    (
        "A Zapto levantou R$ 400 milhões numa rodada liderada pela Kestrel Ventures. "
        "Com a operação, a startup passou a valer US$ 1,5 bilhão.",
        {"predicate": "valuation", "subject": "Zapto", "value": 1.5e9, "unit": "USD"},
    ),
    (
        "Marta Figueiredo vai para a Ondina, onde será diretora de tecnologia.",
        {"predicate": "joins", "subject": "Marta Figueiredo", "object": "Ondina"},
    ),
    (
        "A Petrolina vai pagar à Ventos do Sul R$ 45 milhões por ano pelo fornecimento de energia.",
        {"predicate": "payment", "subject": "Petrolina", "object": "Ventos do Sul", "value": 45e6, "period": "year"},
    ),
    (
        "Pedro Alvim, fundador da Quinta Digital, passa para a Nortada Capital.",
        {"predicate": "role", "subject": "Pedro Alvim", "object": "Quinta Digital", "role": "founder"},
    ),
    (
        "Pedro Alvim, fundador da Quinta Digital, passa para a Nortada Capital.",
        {"predicate": "joins", "subject": "Pedro Alvim", "object": "Nortada Capital"},
    ),
    (
        "A Lumbra, dona da marca Sabor Leve, vale US$ 2 bilhões após a nova rodada.",
        {"predicate": "valuation", "subject": "Lumbra", "value": 2e9, "unit": "USD"},
    ),
    (
        "No primeiro trimestre, o grupo Fontelar teve receitas de 1,3 mil milhões de euros "
        "e um resultado líquido negativo de 12 milhões.",
        {"predicate": "profit", "subject": "Fontelar", "value": -12e6, "unit": "EUR", "time": "2025-Q1"},
    ),
    (
        "Helena Duarte é a atual presidente executiva da Brisamar.",
        {"predicate": "role", "subject": "Helena Duarte", "object": "Brisamar", "role": "CEO"},
    ),
    (
        "A Vinhal vai cortar 600 empregos. O grupo, que tem 7.800 trabalhadores, quer poupar 40 milhões de euros.",
        {"predicate": "employees", "subject": "Vinhal", "value": 7800, "modality": "asserted"},
    ),
    (
        "A Quorum pagou 80 milhões de euros por 25% da Ribeira Digital.",
        {"predicate": "investment", "subject": "Quorum", "object": "Ribeira Digital", "value": 80e6},
    ),
    (
        "A Serravale nega que vá comprar a Pinhal Norte por 500 milhões de euros.",
        {"predicate": "acquisition", "subject": "Serravale", "object": "Pinhal Norte", "modality": "denied"},
    ),
    (
        "A Vidrex fechou 2024 com um lucro de quarenta milhões de euros.",
        {"predicate": "profit", "subject": "Vidrex", "value": 40e6, "time": "2024"},
    ),
    (
        "Com a compra, a Duna Capital passa a controlar 51% da rede de farmácias Boticário Sul.",
        {"predicate": "stake", "subject": "Duna Capital", "object": "Boticário Sul", "value": 51},
    ),
    (
        "O Nubo, aplicativo de entregas, ultrapassou 20 milhões de usuários no Brasil.",
        {"predicate": "users", "subject": "Nubo", "value": 20e6},
    ),
    (
        "Fernanda Lopes deixou a Kobi e assumirá o cargo de diretora financeira da Celtra em agosto.",
        {"predicate": "role", "subject": "Fernanda Lopes", "object": "Celtra", "role": "CFO", "modality": "planned"},
    ),
    (
        "Rita Sampaio foi nomeada diretora financeira da Bragança Têxtil.",
        {"predicate": "role", "subject": "Rita Sampaio", "object": "Bragança Têxtil", "role": "CFO"},
    ),
    (
        "A Tidemar vende energia solar. O novo diretor financeiro, Jorge Pinto, assume o cargo em 1 de setembro, "
        "vindo da fabricante de turbinas Galpina.",
        {"predicate": "joins", "subject": "Jorge Pinto", "object": "Tidemar", "modality": "planned"},
    ),
    (
        "O fundo Skarn Invest pagou 200 milhões de euros à Tidemar. "
        "Com o negócio, o fundo norueguês fica com cerca de 12% da companhia.",
        {"predicate": "stake", "subject": "Skarn Invest", "object": "Tidemar", "value": 12, "qualifier": "approx"},
    ),
    (
        "O diretor-presidente da Corvina, Paulo Mattos, comentou os números.",
        {"predicate": "role", "subject": "Paulo Mattos", "object": "Corvina", "role": "CEO"},
    ),
    (
        "Paula Reis assume a presidência executiva da Corvina em janeiro.",
        {"predicate": "role", "subject": "Paula Reis", "object": "Corvina", "role": "CEO"},
    ),
    (
        "Mariana Costa passará a fazer parte da direção da Corvina.",
        {"predicate": "joins", "subject": "Mariana Costa", "object": "Corvina", "modality": "planned"},
    ),
    (
        "A Magalhães Energia comprou a Solar Norte. "
        "A empresa, que tem 5 mil funcionários, espera fechar o negócio até dezembro.",
        {"predicate": "employees", "subject": "Magalhães Energia", "value": 5000, "modality": "asserted"},
    ),
    (
        "A Sardinha Tech, fundada em 2012 por Ana Prates, tem hoje 54 lojas e fatura cerca de R$ 1 bilhão por ano.",
        {"predicate": "revenue", "subject": "Sardinha Tech", "value": 1e9, "unit": "BRL", "time": None},
    ),
    # Portugal's space-grouped digits, legal forms with dots, and a legal form after a comma
    (
        "A Quintela emprega 12 500 pessoas.",
        {"predicate": "employees", "subject": "Quintela", "value": 12500},
    ),
    (
        "A Ferrovia Lusa S.A. faturou 80 milhões de euros em 2024.",
        {"predicate": "revenue", "subject": "Ferrovia Lusa", "value": 80e6, "time": "2024"},
    ),
    (
        "A Corvina Têxtil, Lda. emprega 300 pessoas.",
        {"predicate": "employees", "subject": "Corvina Têxtil", "value": 300},
    ),
    # trigger verbs: injetar, perdeu (a loss), pagar-lhe (the payee named before), recebe ... da (the payer after)
    (
        "A Corvane vai injetar 30 milhões de euros na startup Lumora.",
        {"predicate": "investment", "subject": "Corvane", "object": "Lumora", "value": 30e6, "modality": "planned"},
    ),
    (
        "A Corvane perdeu 15 milhões de euros em 2024.",
        {"predicate": "profit", "subject": "Corvane", "value": -15e6, "time": "2024"},
    ),
    (
        "A Corvane assinou um acordo com a Tidewell. A empresa vai pagar-lhe 20 milhões de euros.",
        {"predicate": "payment", "subject": "Corvane", "object": "Tidewell", "value": 20e6},
    ),
    (
        "A Tidewell recebe 5 milhões de euros por ano da Corvane.",
        {"predicate": "payment", "subject": "Corvane", "object": "Tidewell", "value": 5e6, "period": "year"},
    ),
    (
        "A Lumora levantou R$ 90 milhões numa rodada liderada pelo fundo Pinecrest Capital, "
        "que entrou com R$ 40 milhões.",
        {"predicate": "investment", "subject": "Pinecrest Capital", "object": "Lumora", "value": 40e6, "unit": "BRL"},
    ),
    # users: "pessoas usam", and "todos os meses" as a rate
    (
        "Todos os meses, 3 milhões de pessoas usam a aplicação da Lumora.",
        {"predicate": "users", "subject": "Lumora", "value": 3e6, "period": "month"},
    ),
    # founders: "fundou", "fundada ... pelo"
    (
        "Sofia Brandão fundou a Vetoria em 2019.",
        {"predicate": "role", "subject": "Sofia Brandão", "object": "Vetoria", "role": "founder"},
    ),
    (
        "A Vetoria, fundada em 2015 pelo empresário Tomás Leal, emprega 120 pessoas.",
        {"predicate": "role", "subject": "Tomás Leal", "object": "Vetoria", "role": "founder"},
    ),
    # joins: "chegou à", "chega a" (with a business word in the name), "a contratação de"
    (
        "Joana Prates chegou à Vetoria como diretora de tecnologia.",
        {"predicate": "joins", "subject": "Joana Prates", "object": "Vetoria"},
    ),
    (
        "Inês Moura chega a Tejo Logística em maio como diretora financeira.",
        {"predicate": "joins", "subject": "Inês Moura", "object": "Tejo Logística", "modality": "planned"},
    ),
    (
        "Inês Moura chega a Tejo Logística em maio como diretora financeira.",
        {"predicate": "role", "subject": "Inês Moura", "object": "Tejo Logística", "role": "CFO"},
    ),
    (
        "A Vetoria anunciou a contratação de Bruno Sardinha para o cargo de diretor financeiro.",
        {"predicate": "joins", "subject": "Bruno Sardinha", "object": "Vetoria"},
    ),
    # the company Meta is no forecast ("meta" = target)
    (
        "A Meta investiu 50 milhões de euros na Tidewell.",
        {"predicate": "investment", "subject": "Meta", "object": "Tidewell", "value": 50e6, "modality": "asserted"},
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_claims(text, want):
    check("pt", text, want)


def test_distractors():
    check("pt", "As ações da Tidewell subiram 4,2% para 61,30 euros, e o PSI ganhou 0,8%.", None)


def test_distractors_more():
    check("pt", "As ações da Cobalto subiram 3% e o Ibovespa caiu 1.200 pontos nesta sessão.", None)
    check("pt", "A Cobalto, cotada em bolsa desde 2019, celebra 54 anos de história e abriu 120 lojas.", None)


def test_acquisition_price_is_not_a_valuation():
    text = "A aquisição da Pinhal Norte pela Serravale vale 310 milhões de euros."
    ex = extract(text, lang="pt", published=PUB)
    assert not [c for c in ex.claims if c.predicate == "valuation"], ex.claims


def test_layoffs_are_not_headcount():
    ex = extract("A Kobi demitiu 250 funcionários e ficou com 1.800 empregados.", lang="pt", published=PUB)
    assert [c.value for c in ex.claims if c.predicate == "employees"] == [1800], ex.claims


def test_old_stake_before_a_change_is_dropped():
    ex = extract("A Corvina reduziu a participação na Lagoa Azul de 30% para 18%.", lang="pt", published=PUB)
    assert [c.value for c in ex.claims if c.predicate == "stake"] == [18], ex.claims


def test_a_lawsuit_is_no_investment():
    check("pt", "A Vetoria entrou com um pedido de recuperação judicial.", None)


def test_incomplete():
    check(
        "pt",
        "O número de funcionários da Tidewell chega hoje a , segundo a empresa.",
        {"predicate": "employees", "subject": "Tidewell"},
        "incomplete",
    )


# --- second round of data fixes (invented sentences) ---


def test_profit_verb_lucrou():
    check(
        "pt",
        "A Laticínios Moura lucrou 12 milhões de euros no primeiro semestre.",
        {"predicate": "profit", "subject": "Laticínios Moura", "value": 12e6, "unit": "EUR", "time": "2025-H1"},
    )


def test_ebitda_is_neither_a_name_nor_a_profit():
    ex = extract(
        "A Pedralva Cimentos fechou o ano com um Ebitda de 80 milhões de euros e um lucro de 30 milhões de euros.",
        lang="pt",
        published=PUB,
    )
    assert [(c.subject, c.value) for c in ex.claims if c.predicate == "profit"] == [("Pedralva Cimentos", 30e6)], (
        ex.claims
    )


def test_chairwoman_after_a_new_office_copula():
    check(
        "pt",
        "Sofia Bragança é a nova chairwoman da Lusotrans.",
        {"predicate": "role", "subject": "Sofia Bragança", "object": "Lusotrans", "role": "chair"},
    )
    check(
        "pt",
        "Fernanda Lopes é a nova presidente executiva da Bandeira Alimentos.",
        {"predicate": "role", "subject": "Fernanda Lopes", "object": "Bandeira Alimentos", "role": "CEO"},
    )


def test_a_competition_authority_holds_no_company_figure():
    ex = extract(
        "A Autoridade da Concorrência aprovou o negócio, que avalia a empresa lisboeta em 74 milhões de euros.",
        lang="pt",
        published=PUB,
    )
    assert not [c for c in ex.claims if c.subject == "Autoridade da Concorrência"], ex.claims


def test_whole_year_is_the_current_year():
    check(
        "pt",
        "Para o conjunto do ano, a Marinor prevê receitas de 900 milhões de euros.",
        {"predicate": "revenue", "subject": "Marinor", "value": 900e6, "time": "2025", "modality": "forecast"},
    )
    check(
        "pt",
        "Para o ano inteiro, a Marinor projeta receitas de 900 milhões de euros.",
        {"predicate": "revenue", "subject": "Marinor", "value": 900e6, "time": "2025"},
    )


def test_an_investment_plan_is_no_investment():
    check(
        "pt", "A Rocha Verde Energia tem em curso um plano de investimentos de 2 mil milhões de euros até 2030.", None
    )


def test_the_towns_of_a_company_plants_are_places():
    ex = extract(
        "A Ferronor Metais tem sede em Aveiro. Emprega cerca de 900 trabalhadores nas fábricas de Ovar e Ílhavo.",
        lang="pt",
        published=PUB,
    )
    assert [(c.subject, c.value) for c in ex.claims if c.predicate == "employees"] == [("Ferronor Metais", 900)], (
        ex.claims
    )


def test_hired_by_passive_is_a_join():
    check(
        "pt",
        "A nova unidade será chefiada por Marta Rebelo, que foi contratada pela Vela Azul em março.",
        {"predicate": "joins", "subject": "Marta Rebelo", "object": "Vela Azul"},
    )


def test_brewery_business_word_names_a_company_not_a_role_holder():
    ex = extract(
        "Fernanda Lopes é a nova CEO da Bandeira Alimentos. "
        "Ela vem da Cervejaria Serra Azul, onde era diretora de operações.",
        lang="pt",
        published=PUB,
    )
    assert not [c for c in ex.claims if c.subject == "Cervejaria Serra Azul"], ex.claims
