"""The per-message scan context every detector reads: normalised text, keyword hits.

A `Doc` is built once per message. All keywords of all detectors (and the
organisation's extra keywords) are found in one regex pass; detectors then ask
`doc.has(words)` / `doc.near(words, start, end, ...)` instead of searching again.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

from detectors.base import Finding, Source, salted_digest
from detectors.discourse import Discourse
from detectors.normalize import Normalized, alnum_of, normalize
from detectors.policy import DEFAULT_POLICY, Policy
from detectors.rxcache import load_table, store_table
from detectors.types import MATTERS

Hit = tuple[int, int, str]
MAX_KEYWORD_LEN = 40
_DIGIT = re.compile("[0-9]")
# Spaces between two Chinese characters: "拘 票", "底 價" written to dodge a filter.
_SPACED_HAN = re.compile("(?<=[\u4e00-\u9fff])[ \t]+(?=[\u4e00-\u9fff])")
_SPACES_BEFORE_HAN = re.compile("[ \t]+(?=[\u4e00-\u9fff])")


def _spaced_hits(
    text: str, index: KeywordIndex, known: list[Hit], squeezed: str, found: list[str]
) -> list[Hit]:
    """Keywords that only appear once the spaces between Chinese characters go.

    `squeezed` is `text` without those spaces and `found` its `index.find()`.
    """
    keep: list[int] = []
    pos = 0
    for m in _SPACED_HAN.finditer(text):
        keep.extend(range(pos, m.start()))
        pos = m.end()
    keep.extend(range(pos, len(text)))
    seen = set(known)
    out: list[Hit] = []
    for s, e, w in index.hits_of(squeezed, found):
        hit = (keep[s], keep[e - 1] + 1, w)
        if hit in seen or e - s < 2:
            continue
        # A split keyword starts or ends with a character standing alone ("拘 票");
        # two words that merely touch across a space ("承租人 令狐") do not count.
        os_, oe, _ = hit
        first_alone = (os_ == 0 or not _is_han(text[os_ - 1])) and text[os_ + 1 : os_ + 2] in (
            " ",
            "\t",
        )
        last_alone = (oe == len(text) or not _is_han(text[oe])) and text[oe - 2 : oe - 1] in (
            " ",
            "\t",
        )
        if first_alone or last_alone:
            out.append(hit)
    return out


def has_spaced_han(text: str) -> bool:
    """Spaces between two Chinese characters ("拘 票"): keywords may hide across them.

    Same answer as `_SPACED_HAN.search`, found faster: that pattern starts with a
    lookbehind, which `re` tries at every character; this one starts at the spaces.
    """
    if " " not in text:
        return False
    m = _SPACES_BEFORE_HAN.search(text)
    while m is not None:
        s = m.start()
        if s and _is_han(text[s - 1]):
            return True
        m = _SPACES_BEFORE_HAN.search(text, m.end())
    return False


def count_digits(text: str) -> int:
    """How many ASCII digits a normalised text has."""
    if len(text) < 256:
        return len(_DIGIT.findall(text))
    # A long text: ten counts in C, not a list of every digit (a tenth of the time
    # on a 5,000-character soup of digits).
    return sum(map(text.count, "0123456789"))


def read(text: str, index: KeywordIndex) -> tuple[Normalized, list[str], int, bool]:
    """What a scan reads first, before any detector: the normalised text, its
    keywords (`index.find`), its digit count and whether spaces stand between
    Chinese characters. The engine stops here on a quiet message; `Doc` takes it."""
    norm = normalize(text)
    t = norm.text
    return norm, index.find(t), count_digits(t), has_spaced_han(t)


# A hostile message can hold thousands of look-alikes; the policy needs a few.
MAX_FINDINGS_PER_DETECTOR = 50


def capped(found: list[Finding]) -> list[Finding]:
    """One detector's findings, the best MAX_FINDINGS_PER_DETECTOR of them."""
    if len(found) > MAX_FINDINGS_PER_DETECTOR:
        return sorted(found, key=lambda f: -f.score)[:MAX_FINDINGS_PER_DETECTOR]
    return found


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"  # start, end (normalised offsets), keyword


# Searches after which a KeywordIndex builds its DFA: past this many messages the
# DFA's faster searches have paid for its build (see KeywordIndex.__init__).
DFA_AFTER = 2000


class KeywordIndex:
    """All known keywords, found in one Aho-Corasick pass (leftmost-longest, no overlap).

    A keyword that contains other keywords (檢舉人 contains 檢舉) also reports
    them, at the right offset, so `doc.has({"檢舉"})` is true on 檢舉人.
    The automaton is `ahocorasick_rs` (a DFA in Rust): on typical messages it finds
    the ~1,300 keywords in about a seventh of the time of the best regex trie
    (`re`, measured by bench/bench_text.py). Its table does grow with the keywords:
    ~300 more roughly doubled the time of a call (0.9 to 1.9 us), cache misses.
    """

    __slots__ = (
        "_ac",
        "_contained",
        "_contained_words",
        "_every",
        "_longest",
        "_straddlers",
        "_uniq",
        "_until_dfa",
        "words",
    )

    def __init__(self, words: Iterable[str]) -> None:
        uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
        self.words: frozenset[str] = frozenset(uniq)
        # The automaton starts as a contiguous NFA (a fifth of the DFA's build time)
        # and becomes the DFA after DFA_AFTER searches (`use_dfa`, or `warm_up` at
        # once): the same matches either way, the DFA's searches a third faster; a
        # short `bot.py scan` never pays the DFA's build (~25 ms of its start-up).
        self._ac = (
            AhoCorasick(
                uniq,
                matchkind=MatchKind.LeftmostLongest,
                implementation=Implementation.ContiguousNFA,
            )
            if uniq
            else None
        )
        self._until_dfa = DFA_AFTER if uniq else 0
        # What the keywords say about each other (which lie inside which, which can
        # hide another): derived from the word list alone, so kept beside the byte
        # code (rxcache.load_table) and derived again only when the list changed.
        joined = "\0".join(uniq)
        derived = load_table("keywords", joined)
        if derived is None:
            derived = _derive(uniq, joined)
            store_table("keywords", joined, derived)
        contained, straddlers = derived
        self._contained: dict[str, tuple[Hit, ...]] = contained
        self._contained_words = {
            w: frozenset(s for _, _, s in subs) for w, subs in contained.items()
        }
        self._straddlers: dict[str, frozenset[str]] = straddlers
        self._every: AhoCorasick | None = None  # built on the first straddling keyword
        self._uniq = uniq
        self._longest = len(uniq[0]) if uniq else 0

    def find(self, text: str) -> list[str]:
        """The keywords matched, in order (leftmost, longest at each place, no overlap)."""
        ac = self._ac
        if ac is None:
            return []
        if self._until_dfa:
            self._until_dfa -= 1
            if not self._until_dfa:
                ac = self._ac = self._dfa()
        return ac.find_matches_as_strings(text)

    def use_dfa(self) -> None:
        """Search with the DFA from now on (built here): for a long-running process."""
        if self._until_dfa:
            self._until_dfa = 0
            self._ac = self._dfa()

    def _dfa(self) -> AhoCorasick:
        return AhoCorasick(
            self._uniq, matchkind=MatchKind.LeftmostLongest, implementation=Implementation.DFA
        )

    def words_of(self, found: list[str]) -> set[str]:
        """Which keywords occur, counting the keywords inside the matched ones."""
        out = set(found)
        cw = self._contained_words
        for w in found:
            subs = cw.get(w)
            if subs is not None:
                out |= subs
        return out

    def straddling(self, text: str, found: list[str]) -> list[Hit]:
        """The keywords that start inside a matched one and end after it, hidden by
        leftmost-longest matching (本案底價: 案底 is matched, 底價 is not), with the
        keywords inside them: (start, end, keyword), empty for most messages."""
        straddlers = self._straddlers
        if straddlers.keys().isdisjoint(found):
            return []
        every = self._every
        if every is None:
            every = self._every = AhoCorasick(self._uniq, matchkind=MatchKind.Standard)
        out: list[Hit] = []
        pos = 0
        for w in found:
            s = text.find(w, pos)
            pos = e = s + len(w)
            follow = straddlers.get(w)
            if follow is None or text[e : e + 1] not in follow:
                continue  # nothing can go on past w's end: no keyword hides there
            inner = e - s - 1  # the window starts one past s: w's rest is window[:inner]
            window = text[s + 1 : e + self._longest - 1]
            for i, a, b in every.find_matches_as_indexes(window, overlapping=True):
                if a < inner < b:
                    u = self._uniq[i]
                    out.append((s + 1 + a, s + 1 + b, u))
                    out.extend(
                        (s + 1 + a + x, s + 1 + a + y, v) for x, y, v in self._contained.get(u, ())
                    )
        return out

    def hits_of(self, text: str, found: list[str]) -> list[Hit]:
        """Positions of `found` (= `self.find(text)`), without a second regex pass.

        Each match starts at the first place at or after the previous match's end
        where any keyword starts; the matched word cannot occur earlier in that
        stretch (the pattern would have matched there), so `str.find` lands on it.
        """
        out: list[Hit] = []
        pos = 0
        find = text.find
        contained = self._contained
        extra: list[Hit] = []
        for w in found:
            s = find(w, pos)
            pos = s + len(w)
            out.append((s, pos, w))
            subs = contained.get(w)
            if subs:
                extra += [(s + a, s + b, sub) for a, b, sub in subs]
        if extra:
            out.extend(extra)
        return out


def _derive(
    uniq: list[str], joined: str
) -> tuple[dict[str, tuple[Hit, ...]], dict[str, frozenset[str]]]:
    """(contained, straddlers) of a KeywordIndex's sorted word list (see its __init__)."""
    # (start, end, keyword) of each keyword inside a longer one, offsets from its
    # start, in `uniq` order then by offset. Found with one overlapping automaton
    # run over every keyword at once, NUL-separated (comparing every pair took
    # ~0.3 s of each process's start-up, one run per keyword ~10 ms).
    contained: dict[str, tuple[Hit, ...]] = {}
    every = AhoCorasick(uniq, matchkind=MatchKind.Standard) if uniq else None
    if every is not None:
        starts: list[int] = []
        at = 0
        for w in uniq:
            starts.append(at)
            at += len(w) + 1
        subs_of: dict[int, list[Hit]] = {}
        for i, s, e in every.find_matches_as_indexes(joined, overlapping=True):
            j = bisect.bisect_right(starts, s) - 1
            if e - s < len(uniq[j]):
                subs_of.setdefault(j, []).append((s - starts[j], e - starts[j], uniq[i]))
        for j in sorted(subs_of):
            subs = subs_of[j]
            subs.sort(key=lambda h: (-len(h[2]), h[2], h[0]))
            contained[uniq[j]] = tuple(subs)
    # Keywords whose end can begin another keyword (案底 / 底價): leftmost-longest
    # matching hides the second one (本案底價 reports 案底 only); `straddling`
    # finds it again.
    # Each straddler maps to the characters that can follow it when a hidden
    # keyword goes on past its end (案底 -> 價 of 底價): a cheap first test,
    # so the overlapping automaton runs only where a hidden keyword can be.
    # nexts: each proper prefix of a keyword -> the characters that follow it.
    nexts: dict[str, set[str]] = {}
    for u in uniq:
        for k in range(1, len(u)):
            p = u[:k]
            follow_p = nexts.get(p)
            if follow_p is None:
                nexts[p] = {u[k]}
            else:
                follow_p.add(u[k])
    straddlers: dict[str, frozenset[str]] = {}
    for w in uniq:
        follow: set[str] = set()
        for i in range(1, len(w)):
            after = nexts.get(w[i:])
            if after is not None:
                follow |= after
        if follow:
            straddlers[w] = frozenset(follow)

    return contained, straddlers


class Doc:
    """One message under scan."""

    __slots__ = (
        "_discourse",
        "_found",
        "_hits",
        "_index",
        "_names",
        "_squeezed",
        "_starts",
        "_straddled",
        "digits",
        "findings",
        "has_digit",
        "norm",
        "original",
        "policy",
        "salt",
        "source",
        "text",
        "words",
    )

    def __init__(
        self,
        norm: Normalized,
        index: KeywordIndex,
        found: list[str],
        *,
        digits: int,
        spaced: bool,
        salt: bytes | None = None,
        source: Source = "text",
        policy: Policy = DEFAULT_POLICY,
    ) -> None:
        """A message already normalised (`normalize`) with its keywords (`index.find`).

        `digits`: how many ASCII digits the normalised text has; `spaced`: whether
        spaces stand between Chinese characters (see `has_spaced_han`). `Doc.of()`
        does all of it from a raw text; the engine does it itself to stop early
        on a quiet message.
        """
        self.norm = norm
        self.original = norm.original
        text = self.text = norm.text
        self._index = index
        self._hits: list[Hit] | None = None  # positions: found on first use
        self._found = found
        words = index.words_of(found) if found else set()
        # keywords hidden by an overlapping match (本案底價: 底價 behind 案底)
        straddled = self._straddled = index.straddling(text, found) if found else []
        if straddled:
            words |= {w for _, _, w in straddled}
        # (text without the spaces between Chinese characters, its keywords)
        self._squeezed: tuple[str, list[str]] | None = None
        if spaced:
            squeezed = _SPACED_HAN.sub("", text)
            sq_found = index.find(squeezed)
            self._squeezed = (squeezed, sq_found)
            words |= index.words_of(sq_found)
        self.words = words  # every keyword present (a set: never changed after this)
        self._starts: list[int] | None = None
        self.has_digit = digits > 0
        self.digits = digits
        self.salt = salt
        self.policy = policy
        self.source: Source = source
        # Findings of the detectors that ran before (in DETECTORS order): later
        # detectors may read them (a name before an ID, a date near a warrant).
        self.findings: list[Finding] = []
        # The person names (`names()`): found on first ask, at most once.
        self._names: list[Finding] | None = None
        self._discourse: Discourse | None = None

    @classmethod
    def of(
        cls,
        text: str,
        index: KeywordIndex,
        *,
        salt: bytes | None = None,
        source: Source = "text",
        policy: Policy = DEFAULT_POLICY,
    ) -> Doc:
        """Read `text` (see `read`) and build the Doc."""
        norm, found, digits, spaced = read(text, index)
        return cls(
            norm,
            index,
            found,
            digits=digits,
            spaced=spaced,
            salt=salt,
            source=source,
            policy=policy,
        )

    def names(self) -> list[Finding]:
        """The person names in the message, found on first ask and memoised.

        Names are harmless alone, and finding them is most of the cost of a woken
        ordinary message, so nothing finds them until someone asks: a matter
        detector (is a person named?), the name detector's own turn when personal
        data was found, or the engine when a name could count in the verdict. The
        answer is the same whoever asks first: the finder reads the identifiers and
        personal data (the findings before the first matter), and its names join
        the findings there, in detector order.
        """
        names = self._names
        if names is None:
            from detectors.person_name import find  # person_name reads Doc: import here

            full = self.findings
            cut = len(full)
            for i, f in enumerate(full):
                if f.type in MATTERS:
                    cut = i
                    break
            if cut < len(full):
                self.findings = full[:cut]
            try:
                names = self._names = capped(find(self))
            finally:
                self.findings = full
            full[cut:cut] = names
        return names

    def discourse(self) -> Discourse:
        """What the message does with a matter (detectors/discourse.py), read once."""
        d = self._discourse
        if d is None:
            self.names()  # a named person is a target
            d = self._discourse = Discourse(self)
        return d

    # ------------------------------------------------------------ keywords

    @property
    def hits(self) -> list[Hit]:
        """Every keyword occurrence (start, end, word), in order of position."""
        if self._hits is None:
            if not self.words:
                self._hits = []
            else:
                hits = self._index.hits_of(self.text, self._found)
                if self._straddled:
                    hits.extend(self._straddled)
                if self._squeezed is not None:
                    sq, sq_found = self._squeezed
                    hits.extend(_spaced_hits(self.text, self._index, hits, sq, sq_found))
                hits.sort()
                self._hits = hits
        return self._hits

    def has(self, words: frozenset[str]) -> bool:
        return not words.isdisjoint(self.words)

    def first(self, words: frozenset[str]) -> Hit | None:
        for h in self.hits:
            if h[2] in words:
                return h
        return None

    def all(self, words: frozenset[str]) -> list[Hit]:
        return [h for h in self.hits if h[2] in words]

    def near(
        self, words: frozenset[str], start: int, end: int, before: int = 20, after: int = 20
    ) -> str | None:
        """The nearest keyword of `words` within `before` chars before / `after` after the span."""
        if words.isdisjoint(self.words):
            return None
        best: str | None = None
        best_d = 1 << 30
        lo, hi = start - before, end + after
        hits = self.hits
        if len(hits) > 32:  # a long message: look only at hits that can be in the window
            if self._starts is None:
                self._starts = [h[0] for h in hits]
            a = bisect.bisect_left(self._starts, lo - MAX_KEYWORD_LEN)
            b = bisect.bisect_right(self._starts, hi)
            hits = hits[a:b]
        for s, e, w in hits:
            if w not in words or e < lo or s > hi:
                continue
            d = start - e if e <= start else (s - end if s >= end else 0)
            if d < best_d:
                best, best_d = w, d
        return best

    # ------------------------------------------------------------ findings

    def finding(
        self,
        type_: str,
        start: int,
        end: int,
        *,
        masked: str,
        score: float,
        rule: str,
        value: str | None = None,
        checksum: bool | None = None,
        context: str | None = None,
        why: tuple[str, ...] = (),
    ) -> Finding:
        """A finding from a NORMALISED span; the span is mapped to the original text."""
        os_, oe = self.norm.span(start, end)
        if (
            value is not None
            and self.policy.allow_values
            and alnum_of(value.lower()) in self.policy.allow_values
        ):
            score, rule = 0.0, rule + "+allowlist"
            why = (*why, "allow-listed value (policy): 0.00")
        digest = salted_digest(value, self.salt) if (self.salt and value) else None
        return Finding(
            type=type_,
            start=os_,
            end=oe,
            masked=masked,
            score=score,
            rule=rule,
            source=self.source,
            checksum=checksum,
            context=context,
            digest=digest,
            why=why,
        )

    def norm_span(self, f: Finding) -> tuple[int, int]:
        """Approximate normalised span of a finding (exact when nothing was deleted)."""
        idx = self.norm._index
        if idx is None:
            return f.start, f.end
        return bisect.bisect_left(idx, f.start), bisect.bisect_left(idx, f.end)
