"""Search keys for the person register, and how a query is scored against a name.

Every key is an exact or prefix lookup in one B-tree index, so the cost of a search does
not grow with the register: ``L:`` a Latin search-form token, ``P:`` its Kölner Phonetik
code, ``PP:`` the codes of one family-name and one given-name token in both orders (the
clerk may type either name first), ``LI:`` one such token exactly with the first two
letters of the other. A typo that changes a phonetic code still finds the person through
the ``LI:`` key of the other token; scoring then ranks the candidates.
"""

from __future__ import annotations

import itertools

from rapidfuzz.distance import Levenshtein

from passapp.domain.names import name_tokens, original_form, phonetic_key

LATIN = "L:"
PHONETIC = "P:"
PAIR = "PP:"
# The whole name in its original script (``names.original_form``), for the district's
# duplicate review: two offices transcribe "يوسف قاسم" as "Yousef Qasim" and "Jusuf
# Kassem", which share no Latin or phonetic pair key.
ORIGINAL = "O:"
# Raised whenever index_keys changes: databases rebuild their keys when they open.
INDEX_VERSION = 3
# The key column's width (``models.entities.SEARCH_KEY``). A longer original name is cut:
# the key only makes a pair a candidate, the duplicate rule compares the whole names.
KEY_WIDTH = 80
LATIN_PAIR = "LI:"
# Tokens shorter than this ("AL", "DE") get no LI: keys of their own: they would list half
# the register under one key. They still count as the "other" token's two letters.
LATIN_PAIR_MIN = 3


def index_keys(
    family_names: str,
    given_names: str,
    family_names_original: str | None = None,
    given_names_original: str | None = None,
) -> set[str]:
    family = name_tokens(family_names)
    given = name_tokens(given_names)
    keys: set[str] = set()
    for token in family + given:
        keys.add(LATIN + token)
        code = phonetic_key(token)
        if code:
            keys.add(PHONETIC + code)
    family_words = list(family)
    if len(family) > 1:
        # "Al-Hassan" is also typed "Alhassan": index the joined form too, also in pairs.
        joined = "".join(family)
        keys.add(LATIN + joined)
        keys.add(PHONETIC + phonetic_key(joined))
        family_words.append(joined)
    for family_token in family_words:
        for given_token in given:
            first, second = phonetic_key(family_token), phonetic_key(given_token)
            if first and second:
                keys.add(f"{PAIR}{first} {second}")
                keys.add(f"{PAIR}{second} {first}")
            for token, other in ((family_token, given_token), (given_token, family_token)):
                key = latin_pair_key(token, other)
                if key:
                    keys.add(key)
    original = original_key(family_names_original, given_names_original)
    if original:
        keys.add(original)
    return keys


def kind_range(kind: str) -> tuple[str, str]:
    """The keys of one kind ("PP:"), as the bytewise range [low, high): whatever the
    characters after the kind's colon (Arabic in an ``O:`` key)."""
    return kind, kind[:-1] + chr(ord(kind[-1]) + 1)


def original_key(family_names_original: str | None, given_names_original: str | None) -> str:
    """The ``O:`` key of a name in its original script ("" when there is none)."""
    written = original_form(" ".join(p for p in (family_names_original, given_names_original) if p))
    return (ORIGINAL + written)[:KEY_WIDTH] if written else ""


def pair_key(first_token: str, second_token: str) -> str | None:
    first, second = phonetic_key(first_token), phonetic_key(second_token)
    return f"{PAIR}{first} {second}" if first and second else None


def latin_pair_key(token: str, other: str) -> str | None:
    """``token`` exactly and the first two letters of ``other``: "KOWALSKI SL"."""
    if len(token) < LATIN_PAIR_MIN or len(other) < 2:
        return None
    return f"{LATIN_PAIR}{token} {other[:2]}"


def query_pairs(tokens: list[str]) -> list[tuple[str, str]]:
    """Every two tokens of a query, the most specific (longest shorter token) first.

    The first two tokens are not enough: in "Al-Hassan Mohammed" or "de Souza Maria" they
    are both family tokens, a pair that is never indexed, while particles such as "AL"
    pair with half the register.
    """
    pairs = list(itertools.combinations(tokens, 2))
    return sorted(pairs, key=lambda pair: -min(len(pair[0]), len(pair[1])))


def token_score(query_token: str, name_token: str) -> float:
    """0–100: how well one typed token fits one token of a name."""
    if query_token == name_token:
        return 100.0
    if len(query_token) >= 2 and name_token.startswith(query_token):
        return 95.0
    query_code = phonetic_key(query_token)
    if query_code and query_code == phonetic_key(name_token):
        return 90.0
    return 100.0 * Levenshtein.normalized_similarity(query_token, name_token)


def match_score(query_tokens: list[str], name: list[str]) -> float:
    """Mean over the query tokens of their best fit in the name (order-free)."""
    if not query_tokens or not name:
        return 0.0
    exact = set(name)  # the common case, a token typed as written, without any scoring
    total = sum(100.0 if q in exact else max(token_score(q, n) for n in name) for q in query_tokens)
    return total / len(query_tokens)
