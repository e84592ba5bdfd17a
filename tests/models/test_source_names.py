"""Names of sources: a state agency named after a federal one, a company written without
its "Chemicals" (ux19's walkthrough). Texts made up for these tests."""

from models.features import analyze_article, article_from_text
from models.sources import find_sources


def _analysed(article_id: str, text: str):
    return analyze_article(article_from_text(text, article_id))


def _named(*texts: str):
    analyses = [_analysed(f"a{i}", text) for i, text in enumerate(texts)]
    return {s.name: s for s in find_sources(analyses) if s.source_type != "anonymous"}


def test_a_state_department_of_something_keeps_its_whole_name() -> None:
    found = _named(
        "The State Department of Environmental Quality said the wells were tested.",
        "The State Department said the talks in Geneva would go on.",
    )
    agency = found["State Department of Environmental Quality"]
    assert agency.source_type == "institution"
    # not the federal State Department of another article
    assert found["State Department"].mentions[0].article_id == "a1"
    assert agency.mentions[0].article_id == "a0"


def test_the_department_refers_to_the_agency_named_before_it() -> None:
    found = _named(
        "The State Department of Environmental Quality said the wells were tested. "
        "The department said more tests were due."
    )
    assert len(found["State Department of Environmental Quality"].mentions) == 2


def test_a_company_without_its_company_word_is_the_company() -> None:
    found = _named(
        "Castell Chemicals said it had followed every rule.",
        "Castell said the plant was safe.",
    )
    company = found["Castell Chemicals"]
    assert {"Castell", "Castell Chemicals"} <= set(company.aliases)
    assert company.source_type == "institution" and "company" in company.merged_by
    assert "Castell" not in found


def test_a_person_of_that_name_stays_a_person() -> None:
    # The article writes a given name or an honorific before the word: a person.
    for text in ("Jane Castell, a nurse, spoke first. Castell said the water smelled.",
                 "Ms. Castell spoke first. Castell said the water smelled."):
        found = _named("Castell Chemicals said it had followed every rule.", text)
        assert "Castell" in found and found["Castell"].source_type == "person"
        assert "company" not in found["Castell Chemicals"].merged_by
    # So does a word that ends a cited person's full name.
    found = _named("Castell Chemicals said it had followed every rule.",
                   "Ann Castell said the plant leaked. Castell said it was old.")
    assert "company" not in found["Castell Chemicals"].merged_by


def test_two_companies_of_one_name_leave_the_word_alone() -> None:
    found = _named("Castell Chemicals said it had followed every rule.",
                   "Castell Group said it would sell the plant.",
                   "Castell said the plant was safe.")
    assert "Castell" in found


def test_the_former_and_an_institution_s_name_is_a_former_member_not_the_institution() -> None:
    # "the former FSB said": the noun after the name was dropped (seed 004 has this from
    # a machine translation); an institution that speaks is never a "former" one.
    text = "“Two governors asked to leave,” the former FSB said. The FSB said nothing."
    spans = [(s.text, s.subcategory, s.term)
             for s in _analysed("a", text).spans if s.category == "source"]
    assert spans == [("the former FSB", "anonymous", "former fsb"),
                     ("The FSB", "institution", "fsb")]
    assert set(_named(text)) == {"FSB"}
    assert len(_named(text)["FSB"].mentions) == 1
