"""Seeding for bench/api.py: articles, entities, claims, facts and findings shaped like a live database.

Imported after django.setup(). Rows are written with bulk_create (so a column the models gain with a
default is filled in), with explicit ids and timestamps: articles arrive over a year, their claims a few
seconds later, findings a second after their claim, a fact's row changes with its newest claim.

Facts grow by preferential attachment (a new claim joins an existing fact with the odds of that fact's
size), so a few facts are hot and most have one claim. Statuses follow the fact's size: a claim alone
in its fact is mostly unconfirmed; claims of shared facts are supported, conflicting, contradicted or
carry a verdict. Findings are written as the checks write them (claims/services/checks.py): agreements
and conflicts name another claim of the same fact, incomplete / out-of-range / stale-forecast name none.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import timedelta

from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone

from claims.models import Article, Claim, Entity, Fact, Finding
from factcheck.agreement import fact_key

LANGS = {"en": 40, "de": 15, "fr": 12, "es": 10, "it": 8, "nl": 8, "pt": 7}
# predicate: (weight, subject kind, has object, units)
PREDICATES = {
    "stake": (15, "organisation", True, ("%",)),
    "revenue": (14, "organisation", False, ("EUR", "USD", "GBP")),
    "employees": (12, "organisation", False, ("count",)),
    "investment": (10, "organisation", True, ("EUR", "USD", "GBP")),
    "valuation": (8, "organisation", False, ("EUR", "USD")),
    "acquisition": (8, "organisation", True, ("EUR", "USD", "GBP")),
    "profit": (8, "organisation", False, ("EUR", "USD", "GBP")),
    "role": (8, "person", True, (None,)),
    "payment": (6, "organisation", True, ("EUR", "USD")),
    "users": (6, "organisation", False, ("count",)),
    "joins": (5, "person", True, (None,)),
}
ROLES = ("CEO", "CFO", "CTO", "COO", "chair", "founder", "president")
NEW_FACT_ODDS = 0.55
# Status of a claim, by whether its fact has other claims (claims/services/statuses.py's outcomes).
ALONE = {"unconfirmed": 85, "incomplete": 6, "verified": 3, "unverifiable": 3, "refuted": 2, "contradicted": 1}
SHARED = {
    "unconfirmed": 42,
    "supported": 26,
    "conflicting": 15,
    "contradicted": 4,
    "verified": 7,
    "refuted": 2,
    "unverifiable": 2,
    "incomplete": 2,
}
REVIEW = {"conflicting", "contradicted", "incomplete"}

SYLLABLES = [
    "al",
    "ber",
    "cor",
    "dan",
    "el",
    "fen",
    "gar",
    "hal",
    "in",
    "jor",
    "kel",
    "lum",
    "mar",
    "nor",
    "or",
    "pen",
    "quar",
    "ros",
    "sel",
    "tor",
    "ul",
    "val",
    "wen",
    "xan",
    "yor",
    "zel",
    "bri",
    "cla",
    "dro",
    "fra",
    "gle",
    "kra",
    "pla",
    "stra",
    "tre",
    "vin",
]
ORG_SUFFIX = ("Holdings", "Labs", "Group", "AG", "SA", "Capital", "Energy", "Foods", "Systems", "Bank", "Media", "")
FIRST = [
    "Maria",
    "Jonas",
    "Claire",
    "Daniel",
    "Sabine",
    "Luca",
    "Ana",
    "Pieter",
    "Sofia",
    "Tomas",
    "Ines",
    "Marco",
    "Lena",
    "Hugo",
    "Elif",
    "Noah",
    "Irene",
    "Bram",
]
TEXTS = {
    "en": (
        "{a} agreed to buy a {p}% stake in {b} for {m} million, people familiar with the deal said. "
        "{a} reported revenue of {r} million last year and employs {n} people. "
        "Chief executive {x} said the company would keep investing in {b}. (ref {i})"
    ),
    "de": (
        "{a} übernimmt {p} Prozent an {b} und zahlt dafür rund {m} Millionen Euro. "
        "Der Umsatz stieg im vergangenen Jahr auf {r} Millionen Euro, {a} beschäftigt {n} Mitarbeiter. "
        "Vorstandschef {x} kündigte weitere Investitionen an. (Ref. {i})"
    ),
    "fr": (
        "{a} a annoncé l'acquisition de {p} % de {b} pour {m} millions d'euros. "
        "Le chiffre d'affaires a atteint {r} millions d'euros l'an dernier et le groupe emploie {n} salariés. "
        "Son directeur général, {x}, vise une croissance rapide. (réf. {i})"
    ),
    "es": (
        "{a} compró un {p} % de {b} por {m} millones de euros, según fuentes cercanas a la operación. "
        "La empresa facturó {r} millones el año pasado y cuenta con {n} empleados. "
        "Su consejero delegado, {x}, prevé nuevas inversiones. (ref. {i})"
    ),
    "it": (
        "{a} ha acquisito il {p}% di {b} per {m} milioni di euro. "
        "Il fatturato è salito a {r} milioni lo scorso anno e il gruppo impiega {n} persone. "
        "L'amministratore delegato {x} ha confermato il piano. (rif. {i})"
    ),
    "nl": (
        "{a} neemt een belang van {p} procent in {b} voor {m} miljoen euro. "
        "De omzet steeg vorig jaar naar {r} miljoen euro en het bedrijf telt {n} werknemers. "
        "Topman {x} wil verder investeren. (ref. {i})"
    ),
    "pt": (
        "A {a} comprou uma participação de {p}% na {b} por {m} milhões de euros. "
        "A receita chegou a {r} milhões no ano passado e a empresa emprega {n} pessoas. "
        "O presidente executivo, {x}, prevê novos investimentos. (ref. {i})"
    ),
}
SENTENCES = {
    "stake": "{s} holds a {v:g}% stake in {o}.",
    "revenue": "{s} reported revenue of {v:,.0f} {u} in {t}.",
    "employees": "{s} employs {v:,.0f} people.",
    "investment": "{s} invested {v:,.0f} {u} in {o}.",
    "valuation": "{s} is valued at {v:,.0f} {u}.",
    "acquisition": "{s} agreed to buy {o} for {v:,.0f} {u}.",
    "profit": "{s} made a profit of {v:,.0f} {u} in {t}.",
    "role": "{s} is the {r} of {o}.",
    "payment": "{s} will pay {o} {v:,.0f} {u} a year.",
    "users": "{s} has {v:,.0f} users.",
    "joins": "{s} joins {o}.",
}
BATCH = 2000


@contextmanager
def _timestamps_as_given(*model_classes: type[models.Model]) -> Iterator[None]:
    """auto_now / auto_now_add fields keep the value set on the object (now() only when it is None)."""
    patched = []
    for model in model_classes:
        for f in model._meta.concrete_fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                original = f.pre_save

                def pre_save(instance, add, _f=f, _original=original):
                    value = getattr(instance, _f.attname)
                    return value if value is not None else _original(instance, add)

                f.pre_save = pre_save
                patched.append(f)
    try:
        yield
    finally:
        for f in patched:
            del f.pre_save


def _names(rng: random.Random, n: int) -> list[tuple[str, str]]:
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    while len(out) < n:
        roll = rng.random()
        if roll < 0.25:
            kind = "person"
            name = f"{rng.choice(FIRST)} {''.join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()}"
        else:
            kind = "organisation" if roll < 0.95 else "other"
            stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            name = f"{stem} {rng.choice(ORG_SUFFIX)}".strip()
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append((name, kind))
    return out


def seed(n_claims: int, *, seed: int = 11, log=print) -> dict[str, int]:
    """Fill the (migrated, empty) database; returns the row counts."""
    rng = random.Random(seed)
    n_articles = max(1, round(n_claims / 20))
    n_entities = min(2000, max(50, n_claims // 20))
    now = timezone.now().replace(microsecond=0)
    start = now - timedelta(days=365)
    step = timedelta(days=365) / n_articles

    names = _names(rng, n_entities)
    entities = [Entity(id=i, name=name, kind=kind, created_at=start) for i, (name, kind) in enumerate(names, 1)]
    by_kind: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        by_kind[e.kind].append(e)
    orgs, people = by_kind["organisation"], by_kind["person"]

    outlets = [f"news-{''.join(rng.choice(SYLLABLES) for _ in range(2))}-{i}.example" for i in range(300)]
    langs, lang_w = list(LANGS), list(LANGS.values())
    articles: list[Article] = []
    for i in range(1, n_articles + 1):
        lang = rng.choices(langs, lang_w)[0]
        a, b = rng.sample(orgs, 2)
        text = TEXTS[lang].format(
            a=a.name,
            b=b.name,
            x=rng.choice(people).name,
            p=rng.randint(2, 60),
            m=rng.randint(5, 900),
            r=rng.randint(10, 9000),
            n=rng.randint(40, 40000),
            i=i,
        )
        created = start + step * i + timedelta(seconds=rng.uniform(0, step.total_seconds() / 2))
        outlet = rng.choice(outlets)
        articles.append(
            Article(
                id=i,
                text=text,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                language=lang,
                source_name=outlet.split(".")[0].replace("-", " ").title(),
                url=f"https://{outlet}/{created:%Y/%m}/{i}",
                published=(created - timedelta(days=rng.randint(0, 3))).date(),
                outlet=outlet,
                fingerprint=rng.getrandbits(63),
                state="done",
                created_at=created,
                updated_at=created + timedelta(seconds=4),
                processed_at=created + timedelta(seconds=4),
            )
        )

    # Facts by preferential attachment; each: [key, predicate, subject, object, unit, period, role, time, value]
    facts: list[list] = []
    fact_index: dict[str, int] = {}
    claim_facts: list[int] = []
    preds, pred_w = list(PREDICATES), [p[0] for p in PREDICATES.values()]

    def pick_fact() -> int:
        if claim_facts and rng.random() > NEW_FACT_ODDS:
            return rng.choice(claim_facts)
        predicate = rng.choices(preds, pred_w)[0]
        _, subject_kind, has_object, units = PREDICATES[predicate]
        subject = rng.choice(people if subject_kind == "person" else orgs)
        obj = rng.choice(orgs) if has_object else None
        if obj is subject:
            obj = orgs[(orgs.index(subject) + 1) % len(orgs)]
        unit = rng.choice(units)
        period = time = role = None
        if predicate in ("revenue", "profit"):
            period, time = "year", str(rng.randint(2015, 2025))
        if predicate == "role":
            role = rng.choice(ROLES)
        key = fact_key(
            predicate=predicate,
            subject=subject.pk,
            object=obj.pk if obj else None,
            unit=unit,
            period=period,
            role=role,
            time=time,
        )
        if key in fact_index:
            return fact_index[key]
        if unit == "%":
            value = round(rng.uniform(1, 95), 1)
        elif unit == "count":
            value = float(rng.randint(20, 500_000))
        elif unit is None:
            value = None
        else:
            value = float(rng.randint(1, 50_000)) * 1_000_000
        fact_index[key] = len(facts)
        facts.append([key, predicate, subject, obj, unit, period, role, time, value])
        return len(facts) - 1

    # Claims: spread over the articles, ids in arrival order.
    per_article = Counter(rng.randrange(n_articles) for _ in range(n_claims))
    rows = []  # (claim id, article, fact index, k)
    cid = 0
    for a_index in range(n_articles):
        for k in range(per_article[a_index]):
            cid += 1
            f = pick_fact()
            claim_facts.append(f)
            rows.append((cid, articles[a_index], f, k))
    size = Counter(claim_facts)
    members: dict[int, list[int]] = defaultdict(list)
    for claim_id, _, f, _ in rows:
        members[f].append(claim_id)

    alone_s, alone_w = list(ALONE), list(ALONE.values())
    shared_s, shared_w = list(SHARED), list(SHARED.values())
    pending_from = n_claims - max(1, n_claims // 2000)  # the newest claims, not checked yet
    claims: list[Claim] = []
    for claim_id, article, f, k in rows:
        key, predicate, subject, obj, unit, period, role, time, base = facts[f]
        if claim_id > pending_from:
            status = "pending"
        elif size[f] > 1:
            status = rng.choices(shared_s, shared_w)[0]
        else:
            status = rng.choices(alone_s, alone_w)[0]
        value = base
        if base is not None:
            if status in ("conflicting", "contradicted", "refuted"):
                value = round(base * rng.choice((0.6, 0.8, 1.25, 1.5)), 1)
            elif status == "incomplete" and predicate not in ("acquisition",):
                value = None
        text = SENTENCES[predicate].format(
            s=subject.name, o=obj.name if obj else "", v=value or 0, u=unit or "", t=time or "", r=role or ""
        )
        created = article.created_at + timedelta(seconds=2, milliseconds=k)
        span_start = 40 * k
        claims.append(
            Claim(
                id=claim_id,
                article_id=article.pk,
                predicate=predicate,
                subject_id=subject.pk,
                object_id=obj.pk if obj else None,
                value=value,
                unit=unit,
                period=period,
                time=time,
                role=role,
                qualifier=rng.choices(("exact", "approx", "at_least", "at_most"), (80, 12, 5, 3))[0],
                modality=rng.choices(("asserted", "reported", "planned", "forecast", "denied"), (75, 12, 5, 6, 2))[0],
                text=text,
                confidence=None if rng.random() < 0.1 else round(rng.uniform(0.35, 0.99), 3),
                span_start=span_start,
                span_end=span_start + len(text),
                fact_key=key,
                status=status,
                status_version=0 if status == "pending" else rng.choice((1, 1, 1, 2, 3)),
                needs_review=status in REVIEW or rng.random() < 0.01,
                created_at=created,
                updated_at=created + timedelta(seconds=1),
            )
        )

    # Findings, as the checks write them.
    findings: list[Finding] = []

    def add(claim: Claim, kind: str, explanation: str, other: int | None = None, independent: bool = True) -> None:
        findings.append(
            Finding(
                id=len(findings) + 1,
                claim_id=claim.pk,
                other_claim_id=other,
                kind=kind,
                independent=independent,
                explanation=explanation,
                created_at=claim.created_at + timedelta(seconds=1, microseconds=len(findings) % 1000),
            )
        )

    for claim, (_, _, f, _) in zip(claims, rows, strict=True):
        others = [c for c in rng.sample(members[f], min(len(members[f]), 6)) if c != claim.pk]
        if claim.status == "supported":
            for other in others[: rng.randint(1, 2)]:
                add(claim, "agreement", f"Claim #{other} gives the same value.", other, rng.random() < 0.85)
        elif claim.status in ("conflicting", "refuted"):
            for other in others[: rng.randint(1, 3)]:
                add(claim, "conflict", f"Claim #{other} gives a different value.", other)
        elif claim.status == "contradicted" and others:
            add(claim, "contradicts_verified", f"Claim #{others[0]} was verified with another value.", others[0])
        elif claim.status == "incomplete":
            add(claim, "incomplete", "The claim is stated without its value.")
        elif rng.random() < 0.01:
            add(claim, "out_of_range", "The value lies outside what the unit allows.")

    # One row per fact, as _summarise leaves it.
    by_fact: dict[int, list[Claim]] = defaultdict(list)
    for claim, (_, _, f, _) in zip(claims, rows, strict=True):
        by_fact[f].append(claim)
    lang_of = {a.pk: a.language for a in articles}
    outlet_of = {a.pk: a.outlet for a in articles}
    fact_rows: list[Fact] = []
    for f, (key, predicate, subject, obj, unit, period, role, time, base) in enumerate(facts):
        members_f = by_fact[f]
        verified = [c for c in members_f if c.status == "verified"]
        against = {outlet_of[c.article_id] for c in members_f if c.status in ("conflicting", "contradicted")}
        agree = {outlet_of[c.article_id] for c in members_f if c.status in ("unconfirmed", "supported", "verified")}
        fact_rows.append(
            Fact(
                id=f + 1,
                key=key,
                predicate=predicate,
                subject_id=subject.pk,
                object_id=obj.pk if obj else None,
                unit=unit,
                period=period,
                role=role,
                time=time,
                consensus_value=verified[-1].value if verified else base,
                basis="verified" if verified else "sources",
                verified_claim_id=verified[-1].pk if verified else None,
                sources_agreeing=len(agree),
                sources_disagreeing=len(against),
                languages=sorted({lang_of[c.article_id] for c in members_f}),
                claim_count=len(members_f),
                updated_at=max(c.created_at for c in members_f) + timedelta(seconds=1),
            )
        )

    with _timestamps_as_given(Article, Entity, Claim, Fact, Finding), transaction.atomic():
        for model, objs in (
            (Entity, entities),
            (Article, articles),
            (Claim, claims),
            (Fact, fact_rows),
            (Finding, findings),
        ):
            model.objects.bulk_create(objs, batch_size=BATCH)
            log(f"  {model.__name__.lower()}: {len(objs):,} rows", flush=True)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Entity, Article, Claim, Fact, Finding]):
                cursor.execute(sql)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        # Write the loaded pages out now, not during the first timings (needs a superuser; skipped otherwise).
        with suppress(DatabaseError):
            cursor.execute("CHECKPOINT")
    return {
        "articles": len(articles),
        "entities": len(entities),
        "claims": len(claims),
        "facts": len(fact_rows),
        "findings": len(findings),
        "largest fact": max(size.values()),
    }
