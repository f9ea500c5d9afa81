"""Similar catalogue initiatives: a known initiative comes first for its own words; scores ordered."""

from __future__ import annotations

import pytest

import importers
from tests.golden import SAMPLES
from workbook.similar import SimilarityIndex, normalise


@pytest.fixture(scope="module")
def index() -> SimilarityIndex:
    result = importers.parse(SAMPLES / "initiative_catalogue" / "initiative_catalogue_part1.txt")
    return SimilarityIndex(result.records)


def test_normalise_drops_stop_words_and_stems() -> None:
    assert normalise("Bilerne i kommunens bilflåde, og biler!") == "bil kommun bilflåd bil"


def test_every_initiative_is_found_first_for_its_own_title(index: SimilarityIndex) -> None:
    titles = [i.title for i in index.initiatives]
    found = index.most_similar_many(titles, n=1)
    misses = [t for t, m in zip(titles, found) if m[0].initiative.title != t]
    assert not misses


def test_a_reworded_proposal_finds_the_matching_initiative(index: SimilarityIndex) -> None:
    matches = index.most_similar("Færre leasede biler: kommunen køber bilerne når leasingaftalerne udløber", 3)
    assert matches[0].initiative.title == "Bilflåde - køb af biler ved udløb af leasingaftaler"
    assert matches[0].initiative.municipality == "Ballerup Kommune"


def test_scores_are_ordered_and_in_range(index: SimilarityIndex) -> None:
    matches = index.most_similar("Robotter og automatisering af administrative arbejdsgange", 5)
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)
    assert scores[0] > scores[-1]


def test_unrelated_text_scores_low(index: SimilarityIndex) -> None:
    assert index.most_similar("xyz qwv", 1)[0].score < 30


def test_empty_catalogue_gives_no_matches() -> None:
    assert SimilarityIndex([]).most_similar_many(["noget"], 3) == [[]]
