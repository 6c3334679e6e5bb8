"""Word lists shared by several detectors and by the policy.

The lists live in `detectors/data/lexicon.txt` (one entry a line, with the comments
that say what each list is for) and are read once, at import. All entries are in
normalised form (half-width, lower-case Latin letters). Context is measured in
characters: Chinese has no spaces.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "lexicon.txt"


def read_lists(path: Path = DATA) -> dict[str, tuple[str, ...]]:
    """Every list of the file, by name: `[NAME]` starts a list of entries (one a
    line), `[NAME chars]` a list of single characters (each character of its
    lines); blank lines and lines starting with # are skipped."""
    lists: dict[str, list[str]] = {}
    current: list[str] | None = None
    chars = False
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            name, _, kind = line[1:-1].partition(" ")
            if name in lists:
                raise ValueError(f"lexicon: list {name} twice")
            current = lists[name] = []
            chars = kind == "chars"
        elif current is None:
            raise ValueError("lexicon: an entry before the first [list]")
        elif chars:
            current.extend(line)
        else:
            current.append(line)
    return {name: tuple(words) for name, words in lists.items()}


_LISTS = read_lists()

# People the message is *about* (a citizen, a party to a case), as opposed to staff.
PERSON_ROLES: tuple[str, ...] = _LISTS["PERSON_ROLES"]
# Staff titles that follow a name: the name is a colleague, not a citizen.
STAFF_TITLES: tuple[str, ...] = _LISTS["STAFF_TITLES"]
# Talk ABOUT the rules: reminders, training, law citations.
RULE_TALK: tuple[str, ...] = _LISTS["RULE_TALK"]
# A sample row on a form or in a course (with the allow-listed test ID).
EXAMPLE: tuple[str, ...] = _LISTS["EXAMPLE"]
# Training, case stories and news: the matter is told as an example, not leaked.
TRAINING: tuple[str, ...] = _LISTS["TRAINING"]
# Something is about to happen or has just happened (matter.has_time).
TIME_WORDS: tuple[str, ...] = _LISTS["TIME_WORDS"]
# Ordinary office workflow around a name: a matter keyword in it is work, not a leak.
BENIGN: tuple[str, ...] = _LISTS["BENIGN"]
# Operational detail: who, where, "keep it between us".
OPERATIONAL: tuple[str, ...] = _LISTS["OPERATIONAL"]
# Published / public: a procurement award notice, an announced result.
PUBLISHED: tuple[str, ...] = _LISTS["PUBLISHED"]

# Single-character surnames (the common ones and those with few false friends).
SURNAMES_1: frozenset[str] = frozenset(_LISTS["SURNAMES_1"])
# Common words that start with a surname character and may stand between spaces.
NAME_STOPWORDS: frozenset[str] = frozenset(_LISTS["NAME_STOPWORDS"])
# Characters common in given names (王志明說… reads as a name in running text).
GIVEN_CHARS: frozenset[str] = frozenset(_LISTS["GIVEN_CHARS"])
# Two-character words made of given-name characters: 謝大家, 林明天 are not names.
GIVEN_STOPWORDS: frozenset[str] = frozenset(_LISTS["GIVEN_STOPWORDS"])
# Compound surnames.
SURNAMES_2: frozenset[str] = frozenset(_LISTS["SURNAMES_2"])
# Characters that are never part of a given name (function words, punctuation-like).
NOT_NAME_CHARS: frozenset[str] = frozenset(_LISTS["NOT_NAME_CHARS"])
