"""factcheck.knowledge: places, demonyms, legal forms, given names (no database)."""

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import knowledge as kn
from factcheck.knowledge import LEGAL_FORMS, demonym, is_given_name, is_legal_form, is_place_word, place


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("Denmark", "country", "DK"),
        ("Dänemark", "country", "DK"),
        ("Danemark", "country", "DK"),
        ("Dinamarca", "country", "DK"),
        ("Danimarca", "country", "DK"),
        ("Denemarken", "country", "DK"),
        ("Deutschland", "country", "DE"),
        ("Allemagne", "country", "DE"),
        ("Países Bajos", "country", "NL"),
        ("Verenigde Staten", "country", "US"),
        ("Südkorea", "country", "KR"),
        ("Lisboa", "city", "PT"),
        ("Lissabon", "city", "PT"),
        ("München", "city", "DE"),
        ("Munich", "city", "DE"),
        ("Mailand", "city", "IT"),
        ("Roma", "city", "IT"),
        ("Den Haag", "city", "NL"),
        ("La Haye", "city", "NL"),
        ("Rio de Janeiro", "city", "BR"),
        ("Bruxelles", "city", "BE"),
        ("Köln", "city", "DE"),
        ("Bayern", "region", "DE"),
        ("Bavaria", "region", "DE"),
        ("Bavière", "region", "DE"),
        ("Baden-Württemberg", "region", "DE"),
        ("Cataluña", "region", "ES"),
        ("Catalunya", "region", "ES"),
        ("Catalonia", "region", "ES"),
        ("Flandern", "region", "BE"),
        ("Vlaanderen", "region", "BE"),
        ("Flanders", "region", "BE"),
        ("Lombardia", "region", "IT"),
        ("Lombardei", "region", "IT"),
    ],
)
def test_place(name, kind, country):
    p = place(name)
    assert p is not None, name
    assert (p.kind, p.country) == (kind, country)


def test_place_canonical_and_prefilter():
    assert place("Dänemark").name == "Denmark"
    assert place("München").name == "Munich"
    assert place("Bayern").name == "Bavaria"
    assert place("Den  Haag") == place("Den Haag")
    assert any(p.kind == "region" for p in kn.places("São Paulo"))
    assert is_place_word("Rio") and is_place_word("Den") and is_place_word("Dänemark")
    assert not is_place_word("Valtrix")


@pytest.mark.parametrize("name", ["Nice", "Bath", "Split", "Reading", "Essen", "Leer", "Mons", "Bra", "Lens"])
def test_ambiguous_places(name):
    p = place(name)
    assert p is not None and p.ambiguous


@pytest.mark.parametrize("name", ["Berlin", "Paris", "London", "Denmark", "München", "Lisboa"])
def test_unambiguous_places(name):
    assert not place(name).ambiguous


@pytest.mark.parametrize(
    "name", ["Valtrix", "Kandra Labs", "Orbisal", "Holding", "Capital", "Siemens", "the", "denmark"]
)
def test_not_places(name):
    assert place(name) is None


@pytest.mark.parametrize(
    ("word", "lang", "target"),
    [
        ("Danish", "en", "DK"),
        ("dänisch", "de", "DK"),
        ("dänische", "de", "DK"),
        ("dänischen", "de", "DK"),
        ("Dänischen", "de", "DK"),
        ("dänischer", "de", "DK"),
        ("dänisches", "de", "DK"),
        ("Deens", "nl", "DK"),
        ("Deense", "nl", "DK"),
        ("danois", "fr", "DK"),
        ("danoise", "fr", "DK"),
        ("danoises", "fr", "DK"),
        ("danés", "es", "DK"),
        ("danesa", "es", "DK"),
        ("daneses", "es", "DK"),
        ("danesas", "es", "DK"),
        ("danese", "it", "DK"),
        ("danesi", "it", "DK"),
        ("dinamarquês", "pt", "DK"),
        ("dinamarquesa", "pt", "DK"),
        ("dinamarqueses", "pt", "DK"),
        ("allemand", "fr", "DE"),
        ("italiano", "it", "IT"),
        ("américaine", "fr", "US"),
        ("britischen", "de", "GB"),
        ("brasileira", "pt", "BR"),
        ("suizos", "es", "CH"),
        ("Saudi", "en", "SA"),
        ("Münchner", "de", "Munich"),
        ("Berliner", "de", "Berlin"),
        ("Hamburger", "de", "Hamburg"),
        ("Kölner", "de", "Köln"),
        ("Vlaamse", "nl", "BE-VLG"),
        ("Amsterdamse", "nl", "Amsterdam"),
        ("Rotterdamse", "nl", "Rotterdam"),
        ("lyonnaise", "fr", "Lyon"),
        ("marseillais", "fr", "Marseille"),
        ("Parisian", "en", "Paris"),
        ("torinese", "it", "Turin"),
        ("milanese", "it", "Milan"),
        ("madrileño", "es", "Madrid"),
        ("barcelonés", "es", "Barcelona"),
        ("vasco", "es", "ES-PV"),
        ("paulista", "pt", "BR-SP"),
        ("carioca", "pt", "Rio de Janeiro"),
        ("lisboeta", "pt", "Lisbon"),
        ("portuense", "pt", "Porto"),
        ("bayerischen", "de", "DE-BY"),
        ("Bavarian", "en", "DE-BY"),
        ("Flemish", "en", "BE-VLG"),
        ("catalana", "es", "ES-CT"),
        ("toscano", "it", "IT-52"),
        ("wallonne", "fr", "BE-WAL"),
    ],
)
def test_demonym(word, lang, target):
    assert demonym(word, lang) == target


@pytest.mark.parametrize(
    ("word", "lang"),
    [("polish", "en"), ("Valtrix", "en"), ("Orbisal", "de"), ("Konzern", "de"), ("société", "fr"), ("Danish", "xx")],
)
def test_not_demonym(word, lang):
    assert demonym(word, lang) is None


@pytest.mark.parametrize(
    "token",
    [
        "GmbH",
        "AG",
        "SE",
        "KGaA",
        "S.p.A.",
        "SpA",
        "S.r.l.",
        "Srl",
        "SA",
        "S.A.",
        "SAS",
        "S.L.",
        "SL",
        "Lda",
        "Ltda",
        "N.V.",
        "NV",
        "B.V.",
        "BV",
        "plc",
        "Ltd",
        "Inc.",
        "Corp.",
        "LLC",
    ],
)
def test_legal_forms(token):
    assert is_legal_form(token)
    assert token in LEGAL_FORMS


@pytest.mark.parametrize("token", ["Holding", "Group", "The", "Valtrix", "Labs", "US", "UK", "de"])
def test_not_legal_forms(token):
    assert not is_legal_form(token)


@pytest.mark.parametrize(
    "name", ["Ottone", "Jens", "Jens-Peter", "Anne-Sophie", "João", "Ines", "Inès", "Giuseppe", "Maarten", "María"]
)
def test_given_names(name):
    assert is_given_name(name)


@pytest.mark.parametrize(
    "name", ["Siemens", "Holding", "Capital", "Valtrix", "Kandra", "Orbisal", "jens", "Jens-Valtrix", "Labs"]
)
def test_not_given_names(name):
    assert not is_given_name(name)


def test_tables_stay_compact():
    """All tables loaded in a fresh process add < 40 MB RSS (load time is bench/extract.py's start-up figure)."""
    code = (
        "import importlib.util, sys, time\n"
        "spec = importlib.util.spec_from_file_location('kn', sys.argv[1])\n"
        "kn = importlib.util.module_from_spec(spec); sys.modules['kn'] = kn; spec.loader.exec_module(kn)\n"
        "rss = lambda: int(open('/proc/self/statm').read().split()[1]) * 4096\n"
        "r0 = rss(); t = time.perf_counter()\n"
        "kn._place_names(); kn._place_ids(); kn._first_tokens(); kn._demonyms(); kn._legal_forms(); kn._given()\n"
        "print(time.perf_counter() - t, rss() - r0)\n"
    )
    init = Path(kn.__file__)
    out = subprocess.run([sys.executable, "-c", code, str(init)], capture_output=True, text=True, check=True)
    _, rss = out.stdout.split()
    assert int(rss) < 40_000_000
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0


def test_build_is_reproducible(tmp_path, monkeypatch):
    from factcheck.knowledge import build

    monkeypatch.setattr(build, "DATA", tmp_path)
    build.DATA.mkdir(exist_ok=True)
    build._write("legal_forms.tsv.gz", "# legal form as written", build.build_legal_forms())
    rows, _ = build.build_demonyms()
    build._write("demonyms.tsv.gz", "# lang\tform\ttarget", rows)
    build._write("given_names.tsv.gz", "# name (faker first_names)", [(n,) for n in build.given_names()])
    for name in ("legal_forms.tsv.gz", "demonyms.tsv.gz", "given_names.tsv.gz"):
        assert (tmp_path / name).read_bytes() == (Path(kn.__file__).parent / "data" / name).read_bytes(), name
