"""The catalogue initiatives most like a proposal: finance staff use them to argue for or against it.

Texts are normalised the Danish way (lower case, punctuation and common stop words
dropped, words cut to a crude stem so "biler"/"bilerne" meet) and compared with
rapidfuzz: `token_set_ratio` of the whole texts (how much of the proposal the
initiative covers) blended with `token_sort_ratio` of the proposal against the
initiative's title. Scores are 0-100. The initiatives are normalised once per index,
and `most_similar_many` scores all proposals against all initiatives in one
`rapidfuzz.process.cdist` call (C++, every core), so 500 x 1000 takes seconds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from budgetbook.records.catalogue import Initiative

WHOLE_TEXT_WEIGHT = 0.6  # token_set_ratio of proposal vs title + description
TITLE_WEIGHT = 0.4  # token_sort_ratio of proposal vs title
DESCRIPTION_WORDS = 40  # of a long description only the start counts (it says what the initiative is)
QUERY_WORDS = 40  # likewise of the proposal's title + description

STOP_WORDS = frozenset(["af", "alle", "alt", "andre", "at", "bl", "blev", "bliver", "da", "de", "dem", "den", "denne", "der", "deres", "det", "dette", "dig", "din", "disse", "dog", "du", "efter", "eller", "en", "end", "er", "et", "for", "fra", "fx", "før", "ha", "han", "har", "havde", "have", "hende", "her", "heraf", "herunder", "hos", "hun", "hvad", "hvis", "hvor", "hvilke", "hvilket", "i", "ift", "ikke", "ind", "jeg", "jf", "kan", "kr", "kun", "kunne", "man", "mange", "med", "meget", "mellem", "men", "mere", "mod", "mv", "når", "og", "også", "om", "op", "os", "over", "pr", "på", "sig", "sin", "sine", "skal", "skulle", "som", "så", "samt", "til", "ud", "under", "ved", "vi", "vil", "ville", "være", "været", "år", "årligt", "mio", "tkr", "t"])
_WORD = re.compile(r"[0-9a-zæøåéü]+")
_SUFFIXES = ("erne", "ene", "ende", "er", "en", "et", "e")


@dataclass(frozen=True)
class Match:
    """An initiative and how similar it is to the text asked about (0-100)."""

    initiative: Initiative
    score: float


def normalise(text: str) -> str:
    """Lower case, stop words out, words stemmed: "Bilerne i kommunens bilflåde" -> "bil kommun bilflåd"."""
    words = (_stem(w) for w in _WORD.findall(text.lower()) if w not in STOP_WORDS)
    return " ".join(w for w in words if len(w) > 1)


def _stem(word: str) -> str:
    """A crude Danish stem: genitive -s, then one plural/definite ending ("kommunens" -> "kommun")."""
    if len(word) > 4 and word.endswith("s"):
        word = word[:-1]
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


class SimilarityIndex:
    """The catalogue, normalised once, ready to be asked for the initiatives most like a text."""

    def __init__(self, initiatives: Sequence[Initiative]) -> None:
        self.initiatives = tuple(initiatives)
        self._titles = [normalise(i.title) for i in self.initiatives]
        self._texts = [f"{t} {' '.join(normalise(i.description).split()[:DESCRIPTION_WORDS])}"
                       for t, i in zip(self._titles, self.initiatives)]

    def most_similar(self, text: str, n: int = 3) -> list[Match]:
        return self.most_similar_many([text], n)[0]

    def most_similar_many(self, texts: Sequence[str], n: int = 3) -> list[list[Match]]:
        """For each text, the n most similar initiatives, best first (ties keep catalogue order)."""
        if not self.initiatives or not texts:
            return [[] for _ in texts]
        from rapidfuzz import fuzz, process

        queries = [" ".join(normalise(t).split()[:QUERY_WORDS]) for t in texts]
        whole = process.cdist(queries, self._texts, scorer=fuzz.token_set_ratio, workers=-1)
        title = process.cdist(queries, self._titles, scorer=fuzz.token_sort_ratio, workers=-1)
        scores = WHOLE_TEXT_WEIGHT * whole + TITLE_WEIGHT * title
        results = []
        for row in scores:
            best = (-row).argsort(kind="stable")[:n]
            results.append([Match(self.initiatives[j], round(float(row[j]), 1)) for j in best])
        return results
