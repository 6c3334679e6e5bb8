"""Shared context tests for the confidential-matter detectors (warrant, procurement...).

A matter keyword (拘票, 底價, 確診) is not a leak by itself: the detectors ask
whether the message carries *specifics* (a named or described person, a date or
time, a place, an amount), an *operational* cue (下來了, 明天會去, 通知他), or is
instead talk about the rules (不能傳, 提醒, 刑責) or about something already
published (決標公告, 已公布).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import regex

from detectors.base import Detector, Finding, Score
from detectors.discourse import forbidden_kind as _forbidden_kind
from detectors.discourse import not_yet as _not_yet
from detectors.discourse import paper_status as _paper_status
from detectors.discourse import paperwork as _paperwork
from detectors.discourse import pending_or_told as _pending_or_told
from detectors.discourse import stats as _stats
from detectors.doc import Doc
from detectors.lazy import Gated, LazyPattern
from detectors.lexicon import (
    BENIGN,
    OPERATIONAL,
    PERSON_ROLES,
    PUBLISHED,
    RULE_TALK,
    TIME_WORDS,
    TRAINING,
)
from detectors.types import DIRECT_IDS, PERSON_TYPES

# Dates and times: 1/15, 9/7（六）, 14:30, 3月2日, 下週三, 明天清晨.
TIME_SOURCE = (
    r"(?<![0-9])[0-9]{1,2}/[0-9]{1,2}(?![0-9])|[0-9]{1,2}:[0-9]{2}|[0-9]{1,2}月[0-9]{1,2}[日號]"
    r"|[(（][一二三四五六日][)）]|[0-9]{1,2}點|[一二三四五六七八九十]{1,2}點|週[一二三四五六日]|星期[一二三四五六日天]|禮拜[一二三四五六日天]"
    r"|明天|明早|明晚|明日|今晚|今夜|後天|下週|下禮拜|下星期|上午|下午|凌晨|清晨"
)


def starts_with(chars: str, pattern: str, flags: int = 0) -> LazyPattern:
    """`pattern`, tried only where one of `chars` (a character-class body holding
    every character a match can start with) stands. Same matches: a position where
    no match can start is rejected in one character test instead of one attempt
    per alternative (tests/detectors/test_matter_patterns.py checks `chars`).
    Compiled on first use (detectors/lazy.py): a process compiles the patterns of
    the matters its messages wake, not all of them at import."""
    return LazyPattern(f"(?=[{chars}])(?:{pattern})", flags)


# Gated lives in detectors/lazy.py (discourse uses it too; it cannot import this module).


TIME = starts_with("0-9(（一二三四五六七八九十週星禮明今後下上凌清", TIME_SOURCE)
# Every TIME match holds one of these.
_TIME_GATE = Gated("/:月(（點週星禮明今後下上凌清", TIME)
DIGIT = regex.compile(r"[0-9]")
# A time word, for use inside the detectors' patterns.
WHEN = (
    r"(?:明天|明早|明晚|明日|今晚|今夜|今天|後天|清晨|凌晨|下週[一二三四五六日]?|下禮拜[一二三四五六日天]?|下星期[一二三四五六日天]?"
    r"|週[一二三四五六日]|禮拜[一二三四五六日天]|星期[一二三四五六日天]|[0-9]{1,2}/[0-9]{1,2}|[0-9]{1,2}\s?點"
    r"|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)

_RULE = frozenset(RULE_TALK)
_TRAINING = frozenset(TRAINING)
_TIME_WORDS = frozenset(TIME_WORDS)
_BENIGN = frozenset(BENIGN)
_OPS = frozenset(OPERATIONAL)
_HARD = DIRECT_IDS
_PUB = frozenset(PUBLISHED)
_ROLES = frozenset(PERSON_ROLES)
_PERSON_TYPES = PERSON_TYPES
# What a role word (民眾, 當事人...) can start with, for starts_with().
ROLE_FIRSTS = "".join(re.escape(c) for c in sorted({r[0] for r in PERSON_ROLES}))


def has_time(doc: Doc) -> bool:
    return doc.has(_TIME_WORDS) or _TIME_GATE.found(doc.text)


# A plain loop: any() over a generator costs more than the scan on a few findings.
def _named(doc: Doc, min_score: float = 0.4) -> bool:
    """`person_named` once the name finder has run."""
    for f in doc.findings:  # noqa: SIM110
        if f.type in _PERSON_TYPES and f.score >= min_score:
            return True
    return False


def _hard_id(doc: Doc) -> bool:
    for f in doc.findings:  # noqa: SIM110
        if f.type in _HARD and f.score >= 0.5:
            return True
    return False


def person_named(doc: Doc, min_score: float = 0.4) -> bool:
    """A citizen is named or identified in the message (not a staff member)."""
    doc.names()
    return _named(doc, min_score)


def person_mentioned(doc: Doc) -> str | None:
    """A citizen is referred to (a name, an identifier or a role word)."""
    if person_named(doc):
        return "person"
    return role_word(doc)


def role_word(doc: Doc) -> str | None:
    """The first role word (民眾, 當事人...): `person_mentioned` when nobody is named."""
    return first_word(doc, _ROLES)


def first_word(doc: Doc, words: frozenset[str]) -> str | None:
    """The first keyword of `words` in the message (`doc.first`, its word only)."""
    if not doc.has(words):
        return None
    h = doc.first(words)
    return h[2] if h else None


# The sender, or the sender's own household, as the subject.
_SELF = re.compile(
    r"我(?!們)(?:的)?(?:老婆|老公|太太|先生|爸爸|媽媽|爸|媽|小孩|兒子|女兒|家人)?"
    r"(?:剛|才|也|已經|上週|上禮拜|上個月|昨天|前天|今年|去年|這次|最近){0,2}$"
)


HOUSEHOLD = (
    "老婆",
    "老公",
    "太太",
    "先生",
    "爸爸",
    "媽媽",
    "爸",
    "媽",
    "小孩",
    "兒子",
    "女兒",
    "家人",
)
_THIRD_PARTY = tuple(r for r in PERSON_ROLES if r not in HOUSEHOLD)


# A relative named by kinship alone, opening a clause (阿嬤住院, FYI 阿公開刀), and the
# sender's own leave to care for them (家庭照顧假, 我休幾天): the sender's own family.
_KIN = r"(?:阿嬤|阿公|奶奶|爺爺|外婆|外公|婆婆|公公|家母|家父|老婆|老公|小孩|兒子|女兒|爸爸|媽媽|爸|媽)"
_CLAUSE_OPEN = r"(?:^|[\s，,。:：!！]|我(?:的|家)?)"
_KIN_BEFORE = re.compile(rf"{_CLAUSE_OPEN}{_KIN}$")
_KIN_AT = re.compile(_KIN)
_OPEN_BEFORE = re.compile(rf"{_CLAUSE_OPEN}$")
_CARE_LEAVE = re.compile(
    r"家庭照顧假|照顧假|陪病|我(?:要|得|先)?(?:請|休)|要(?:請|休)[^，。,\n]{0,4}假|請假(?:照顧|陪)"
)


def self_disclosure(doc: Doc, start: int) -> bool:
    """The sender tells their own news: 我老婆懷孕了, 我剛從日本回來 (not 我姊夫…); or a
    relative's, taking leave to care for them (阿嬤住院，要請家庭照顧假)."""
    lo = max(0, start - 6)
    before = doc.text[lo:start]
    kin = _KIN_BEFORE.search(before) is not None or (
        _KIN_AT.match(doc.text, start) is not None and _OPEN_BEFORE.search(before) is not None
    )
    if _SELF.search(before) is None and not (kin and _CARE_LEAVE.search(doc.text) is not None):
        return False
    if person_named(doc):
        return False
    # (the kin word is the sender's relative, not a third party's role)
    return (kin and _SELF.search(before) is None) or not doc.text.startswith(_THIRD_PARTY, start)


def rule_talk(doc: Doc) -> str | None:
    """A rule-talk word (不能, 提醒, 刑責...) that is not part of an operational one
    (不要說 is "keep quiet", 提醒他 is "warn him")."""
    if not doc.has(_RULE):
        return None
    rule_hits = doc.all(_RULE)
    if not rule_hits:
        return None
    if not doc.has(_OPS):
        return rule_hits[0][2]
    ops = [(s, e) for s, e, _ in doc.all(_OPS)]
    for s, e, w in rule_hits:
        if not any(os_ <= s and e <= oe and (oe - os_) > (e - s) for os_, oe in ops):
            return w
    return None


# 還沒公開, 不公開, 未公告, 明天才上網, 公告前: the publication has not happened yet.
_NOT_YET = ("不", "未", "沒", "才")


# ... or said after the word (公告還沒出來, 公布都還沒, 公告那天再…) or with the future before it
# (下週才會公布).
_NOT_YET_AFTER = re.compile(r"前|(?:都|也)?(?:還沒|還未|尚未)|(?:那天|當天)(?:再|才)")
_NOT_YET_BEFORE = ("才會", "才要", "還沒", "尚未", "還未")


def not_yet(doc: Doc, hit: tuple[int, int, str]) -> bool:
    """A publication word negated or still to come (未公告, 明天才上網, 公布前,
    公告還沒出來, 下週才會公布)."""
    s, e, _ = hit
    text = doc.text
    return (
        text[max(0, s - 1) : s] in _NOT_YET
        or text[max(0, s - 2) : s] in _NOT_YET_BEFORE
        or _NOT_YET_AFTER.match(text, e) is not None
    )


_QUESTION = re.compile(r"請問|嗎\s*[?？]?\s*$|[?？]\s*$")


def asks(doc: Doc) -> bool:
    """The message is a question (請問…, …嗎?): asking how things work, unless more is said."""
    return _QUESTION.search(doc.text) is not None


def published(doc: Doc) -> str | None:
    if not doc.has(_PUB):
        return None
    h = doc.first(_PUB)
    if h is None or not not_yet(doc, h):
        return h[2] if h else None
    for h in doc.all(_PUB):
        if not not_yet(doc, h):
            return h[2]
    return None


def operational(doc: Doc) -> str | None:
    return first_word(doc, _OPS)


# ------------------------------------------------------------------ one rule, one scorer


# Why a matter with no leaking pattern is let pass: each veto caps the score at
# VETO_CAP (below the warn threshold). A rule lists the vetoes that apply to it;
# its detector says which were seen.
VETO_CAP = 0.3
VETOES: dict[str, str] = {
    "self": "the sender's own news, told by the sender",
    "question": "a question about how things work",
    "aggregate": "a quota or a share, about nobody in particular",
    "over": "over and done: results, not a plan",
    "campaign": "a public campaign",
    "weak": "only a word that names the work, nothing specific",
    "role_only": "a role word, nothing secret",
    "lookup": "a lookup result or a role, reported by its own type",
    "not_reporter": "not who reported: the data is reported by its own type",
    "public_office": "an elected representative's request (里長反映), not a reporter's identity",
    "errand": "a trip or an errand, not a border crossing",
    "records": "an authority's request for the office's own records, passed on to a unit",
    "crew": "the team's own arrangements for its round, no target named",
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One confidential matter, declared: what wakes it, what counts, what lets it pass.

    The detector finds the trigger and tests its leaking patterns (`strong`); the
    scorer (`weigh`) turns that, the cues seen and the vetoes into a score.
    - `triggers`: the words that wake the detector; `context`: words that count as a
      cue within `window` characters of the trigger;
    - `base`: a trigger alone; `strong`: a leaking pattern matched;
    - `weights`: cue name -> how many cues it counts for (each CUE_WEIGHT, at most
      MAX_CUES in all), in the order they are added;
    - `vetoes`: the names (VETOES) that cap the score when seen.
    """

    type: str
    triggers: frozenset[str]
    context: frozenset[str] = frozenset()
    window: int = 40
    base: float = 0.3
    strong: float = 0.8
    weights: tuple[tuple[str, int], ...] = ()
    vetoes: frozenset[str] = frozenset()
    # Consult the shared discourse signals (a rule, a quiz, a masked value...).
    discourse: bool = True


CUE_WEIGHT = 0.2
MAX_CUES = 3


def weigh(
    doc: Doc,
    rule: Rule,
    *,
    strong: bool,
    cues: dict[str, object] | None = None,
    dampen: str | None = None,
    vetoes: dict[str, bool] | None = None,
) -> Score:
    """Score a matter, every step with its reason.

    `strong`: a leaking pattern matched (bid count, 檢舉人是X); `cues`: name -> what
    was seen (falsy: not seen), counted by `rule.weights`; `dampen`: rule talk or a
    publication word seen; `vetoes`: name -> seen, for the rule's vetoes. Rule talk
    with no strong pattern and nobody named, or a training / news context with no
    identifier, caps the score below the warn threshold; office workflow (leave, a
    meeting, a form) caps it just below.
    """
    score = (
        Score(rule.strong, f"{rule.type}: leaking pattern")
        if strong
        else Score(rule.base, f"{rule.type}: trigger word")
    )
    n = 0
    if cues:
        for name, w in rule.weights:
            seen = cues.get(name)
            if seen and n < MAX_CUES:
                k = min(w, MAX_CUES - n)
                n += k
                label = f" ({seen})" if isinstance(seen, str) else ""
                score.add(CUE_WEIGHT * k, f"cue {name}{label}")
    doc.names()  # always: the names found join the message's findings
    named = False
    if dampen:
        named = _named(doc)
    if dampen and not (named and not strong):
        # ("請勿外流" after a named citizen's data does not make it a rule)
        if strong or n >= 2:
            score.add(-0.15, f"dampened by {dampen!r}")
        elif n == 1:
            score.add(-0.3, f"dampened by {dampen!r}")
        else:
            score.add(-0.5, f"dampened by {dampen!r}")
        if not strong and not named:
            score.cap(VETO_CAP, f"talk about the rules ({dampen}), nobody and nothing specific")
        elif strong and not named and (kept := _kept_kind(doc, rule)) is not None:
            score.cap(VETO_CAP, f"a rule against telling a kind of data ({kept}), none told")
    hard: bool | None = None  # looked up only when a cap below depends on it
    # (a lesson never says "I tell you first": 防暴宣導的底價是…，開標前我先跟你說)
    if doc.has(_TRAINING) and not _kept_from_press(doc) and _SECRET_ACT.search(doc.text) is None:
        hard = _hard_id(doc)
        if not hard:
            score.cap(VETO_CAP, f"training, a case story or news ({first_word(doc, _TRAINING)})")
    if not strong and workflow(doc):
        if hard is None:
            hard = _hard_id(doc)
        # Leave or a form around a named person's matter kept from others (吳書賢懷孕了
        # 但還沒跟公司說，她先請假): the workflow is a cover, not the point.
        # (吳美惠的考績表還沒送來: what is not yet done is the form, no result told)
        # (侯惠雯確診乳癌正在化療，請假會比較多: the leave follows a diagnosis told)
        if not hard and not (
            _real_name(doc)
            and (
                (doc.discourse().discloses() is not None and _paper_status(doc.text) is None)
                or _DIAGNOSIS.search(doc.text) is not None
            )
        ):
            score.cap(0.45, f"office workflow ({_workflow_word(doc)})")
    if (
        not strong
        and rule.discourse
        and not dampen
        and VETO_CAP <= score.value < doc.policy.warn_threshold
    ):
        _disclosed(doc, score)
    v = score.value
    if v > 1.0 or v < 0.0:
        score.set_improved_score(1.0 if v > 1.0 else 0.0, "bounded to 0..1")
    if score.value > VETO_CAP and rule.discourse:
        _discourse(doc, score, strong)
    if vetoes:
        for name, seen in vetoes.items():
            if seen:
                score.cap(VETO_CAP, VETOES[name])
    return score


# Talk signals that outweigh even a named target when nothing discloses: a masked
# value, a quiz, a published result.
_STRONG_TALK = frozenset({"masked", "quiz", "public", "roster", "service"})
# Kinds of talk whose own deadline (公告前應予保密, 偵查中認為有必要時) is nobody's case.
_RULE_KINDS = frozenset({"rule", "own_asset", "generic", "topic"})
_MANY_TALK = 3
# A named disease or its treatment told (確診乳癌, 罹患, 化療, 洗腎, 末期): beside a named
# person, the leave or the form around it is a cover, not the point.
_DIAGNOSIS = re.compile(r"確診[^，。,\n]{0,4}(?:癌|症)|罹患|罹癌|化療|放療|洗腎|癌症?末期|復發")
# The sender's own act of telling in secret (私下說, 偷偷跟你講, 先跟你說): a disclosure whatever
# rule the rest of the message states.
_SECRET_ACT = re.compile(r"(?:私下|偷偷)(?:跟你)?(?:說|講)|先跟你(?:說|講)")


_MASK_CHARS = frozenset("○〇◯●*＊")
# A number told (an amount, a count, a date), not the article of a law (第16條).
# A duration a rule sets (不得超過2個月, 10日內) is the law's figure, not a told number either.
_NUMBER = re.compile(
    r"(?<![第0-9])(?<!期限)(?<!期限是)(?<!期限為)(?<!期間)(?<!為期)"
    r"[0-9][0-9,.]*(?![0-9,.]*\s?(?:條|個月|日內|天內|小時內|年以下|年以上))"
)


def workflow(doc: Doc) -> bool:
    """Office workflow words (leave, a meeting, a rapid test, a form: lexicon.BENIGN), or
    a form handled as paperwork (discourse.paperwork: 病假單明天補交)."""
    return doc.has(_BENIGN) or _paperwork(doc.text) is not None


def _workflow_word(doc: Doc) -> str | None:
    """The workflow word or paperwork seen (for --explain)."""
    return first_word(doc, _BENIGN) or _paperwork(doc.text)


def named_before(doc: Doc, start: int, within: int = 15) -> str | None:
    """A person named in full right before `start` (a normalised offset): 程志明的健檢
    報告, 王春桃有躁鬱症. The matter is about them: their masked name, or None."""
    doc.names()
    for f in doc.findings:
        if f.type == "person_name" and f.score >= 0.4 and f.rule != "person_name.title":
            _s, e = doc.norm_span(f)
            if e <= start <= e + within and _MASK_CHARS.isdisjoint(doc.original[f.start : f.end]):
                return f.masked
    return None


_AT = re.compile(".")


def own_matter(doc: Doc, triggers: frozenset[str]) -> re.Match[str] | None:
    """A trigger with a person named in full right before it: the matter is that person's
    own (程志明的健檢報告出來，B肝帶原), unless the message is office workflow around a
    colleague (張志明今天確診，請同組同仁快篩). The match is the trigger's first character."""
    if workflow(doc):
        return None
    for h in doc.all(triggers):
        if named_before(doc, h[0]) is not None:
            return _AT.match(doc.text, h[0])
    return None


# The news word names who must NOT hear it (新聞稿不要寫, 媒體那邊先別講): the matter is
# kept from the press, so the message is no news story or lesson.
_KEPT_FROM = re.compile(
    r"[^，。,\n]{0,3}?(?:先|千萬|絕對)?(?:不要|別|不能|不可|不准|勿)(?:寫|提|放|發|講|說|透露|曝光|讓)"
)


def _kept_from_press(doc: Doc) -> bool:
    """Every training / news word of the message is followed by a hush (新聞稿不要寫)."""
    hits = doc.all(_TRAINING)
    return bool(hits) and all(_KEPT_FROM.match(doc.text, e) is not None for _s, e, _w in hits)


def _kept_kind(doc: Doc, rule: Rule) -> str | None:
    """A rule against telling a kind of data that holds the matter's trigger
    (discourse.forbidden_kind: 陳情人的姓名、電話都不可以寫在函裡), with no identifier
    found and no number told beside it but a table's counts (統計…27件): the words seen."""
    if _hard_id(doc):
        return None
    # (a chat line's clock time, 09:04 or （13:24）, is when it was said, not a number told)
    if (
        doc.has_digit
        and _stats(doc.text) is None
        and _NUMBER.search(_CLOCK.sub(" ", doc.text)) is not None
    ):
        return None
    return _forbidden_kind(doc.text, rule.triggers)


_CLOCK = re.compile(r"(?<![0-9])[0-2]?[0-9][:：][0-5][0-9](?![0-9])")


def _told_number(doc: Doc) -> bool:
    return doc.has_digit and _NUMBER.search(doc.text) is not None


def _real_name(doc: Doc) -> bool:
    """A person named in full and unmasked (not 林小姐, not 王○明)."""
    for f in doc.findings:
        if (
            f.type == "person_name"
            and f.score >= 0.4
            and f.rule != "person_name.title"
            and f.end - f.start >= 2
            and _MASK_CHARS.isdisjoint(doc.original[f.start : f.end])
        ):
            return True
    return False


def real_name(doc: Doc) -> bool:
    """`_real_name` once the name finder has run."""
    doc.names()
    return _real_name(doc)


def _disclosed(doc: Doc, score: Score) -> None:
    """The shared disclosure signal: a matter word about a specific target (a person
    named in full, a company, a case) that the message says is not public yet or tells
    to the party, with no sign of talk, counts as one more cue (林志偉的案子還在查，
    先別跟他說)."""
    if not _pending_or_told(doc.text):
        return
    d = doc.discourse()
    if d.talk() is not None or (d.target is None and not _real_name(doc)):
        return
    # Not published or decided yet (還沒公布, 簽核中: discourse.not_yet, not a bare 還沒),
    # or told to the party (跟他說, 通知老闆: not a bare 你們, the everyday "you all").
    seen = _not_yet(doc.text)
    if seen is None and d.audience not in (None, "你們"):
        seen = d.audience
    if seen is None:
        return
    score.add(CUE_WEIGHT, f"cue disclosure ({seen}) about a specific target")


# A day still ahead (明天, 下週三, 後天清晨).
_AHEAD = re.compile(r"明天|明早|明晚|明日|後天|下週|下禮拜|下星期|今晚|凌晨|清晨")


def _discourse(doc: Doc, score: Score, strong: bool) -> None:
    """The shared discourse signals (detectors/discourse.py): talk about a matter with
    no sign of a disclosure lets it pass.

    - a quiz or an exercise quotes leaks as questions: it passes whatever it says;
    - a masked value or a published / completed result passes unless something is
      not public yet or told to the party (a masked place beside a full name does not
      mask the person);
    - a rule, a question, a reminder or the agency's own unit or system passes unless
      something discloses or a specific target is named (a person, a company, a
      case); with a leaking pattern, also not when a number or a time is told.
    """
    d = doc.discourse()
    talk = d.talk()
    if talk is None:
        return
    kind, seen = talk
    kinds = d.kinds()
    if d.announced is not None:
        # an official notice to the party it concerns, nothing kept secret: the party
        # knows by design (函知受檢單位…，請備妥資料)
        score.cap(VETO_CAP, f"discourse: announced ({d.announced}), the party is notified")
        return
    # A notice that is talk three ways at once (a rule, a reminder, the office's contact)
    # and names nobody: its dates are the procedure's schedule, not a plan told.
    many = len(kinds) >= _MANY_TALK and d.target is None
    if kind == "masked" and _real_name(doc):
        return  # 〇〇路的獨居長者徐阿滿: a place masked, the person not
    if kind != "quiz":
        dis = d.discloses()
        if (
            dis is not None
            and not _RULE_KINDS.isdisjoint(kinds)
            and dis[0] == "not_public"
            and d.target is None
            and d.audience is None
            # (a secret told aside, 私下說, 偷偷, is no rule's own deadline)
            and _SECRET_ACT.search(doc.text) is None
        ):
            # 檢察官偵查中認為有必要時要聲請: the rule's own 偵查中, nobody's case; and the
            # unit's own figures (偵辦中案件統計表): a name of the table, nobody's case
            dis = None
        if dis is not None and not (
            kind == "question" and not strong and d.target is None and not _told_number(doc)
        ):
            return  # (a question that tells a figure beside a disclosure word tells it)
        # (a generic or hypothetical case's day is supposed, not told: 假設明天要去搜索)
        if (
            # (the applicant served passes only when no leaking pattern is matched)
            (kind not in _STRONG_TALK or (kind == "service" and strong))
            and not many
            and (
                d.target is not None
                # (a table's figures are counts, not a number told: 聲請45件)
                or (
                    strong
                    and kind not in ("generic", "stats", "topic")
                    and (_told_number(doc) or has_time(doc))
                )
            )
        ):
            return
        if kind == "public" and strong and d.target is not None and _AHEAD.search(doc.text):
            # one thing done, the next one planned against a named target (已回覆地檢署了，
            # 搜索票明天5點去陳大同家): the done part does not cover the plan
            return
    score.cap(VETO_CAP, f"discourse: {kind} ({seen}), nothing not public or told on")


def matter_finding(
    doc: Doc,
    type_: str,
    span: tuple[int, int, str],
    score: float | Score,
    rule: str,
    context: str | None,
) -> list[Finding]:
    """One finding for a matter, masked as its keyword (never the message text)."""
    s, e, word = span
    if isinstance(score, Score):
        return [
            doc.finding(
                type_,
                s,
                e,
                masked=f"[{word}]",
                score=score.value,
                rule=rule,
                context=context,
                why=tuple(score.steps),
            )
        ]
    why = (f"{rule}: {score:.2f}",)
    return [
        doc.finding(
            type_, s, e, masked=f"[{word}]", score=score, rule=rule, context=context, why=why
        )
    ]


def detector(
    rule: Rule,
    find: Callable[[Doc], list[Finding]],
    words: tuple[str, ...],
    *,
    wake: tuple[str, ...] = (),
) -> Detector:
    """The Detector of a matter declared by `rule`. `words`: more keywords `find` reads;
    `wake`: keywords that also wake the detector without being the rule's triggers (a
    reading that needs no trigger word: a firm named as a bidder, a colleague's pending
    decision)."""
    return Detector(
        name=rule.type,
        find=find,
        words=(*sorted(rule.triggers), *sorted(rule.context), *words, *wake),
        triggers=rule.triggers | frozenset(wake),
    )
