"""The policy file: organisation keywords, allow-lists and per-group overrides, no code.

One TOML file (documented example: config/policy.example.toml). Every key is
optional; a missing file section means the built-in default. Loading is strict:
an unknown key or a wrong type raises `PolicyError` naming the key (never a
value), so a typo does not silently disable a rule.

    policy = load_policy("config/policy.toml")
    effective = policy.for_group("Cxxxxxxxx")   # group overrides merged in
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from detectors.normalize import alnum_of, normalize
from detectors.types import FINDING_TYPES

__all__ = [
    "DEFAULT_POLICY",
    "FINDING_TYPES",
    "Policy",
    "PolicyError",
    "load_policy",
    "parse_policy",
    "resolve_policy",
]

# Well-known test / specimen numbers that appear in forms, training and docs.
DEFAULT_TEST_VALUES: tuple[str, ...] = (
    "A123456789",  # the textbook national ID (on every sample form)
    "4111111111111111",  # test Visa
    "4242424242424242",
    "5555555555554444",
)


# Finding types whose incidents always reach the ethics unit (政風) too, group admins or not:
# the first alert and the escalation (policy file: [routing] ethics_types).
DEFAULT_ETHICS_TYPES: frozenset[str] = frozenset(
    {
        "whistleblower_identity",
        "warrant",
        "investigation_secret",
        "procurement_secret",
        "classified_marking",
        "personnel_secret",
    }
)


class PolicyError(ValueError):
    """The policy file is unreadable or malformed (message names the key, not values)."""


def allow_key(value: str) -> str:
    """The form allow-list entries and found values are compared in."""
    return alnum_of(normalize(value).text)


@dataclass(frozen=True, slots=True)
class Policy:
    warn_threshold: float = 0.5
    block_threshold: float = 0.85
    allow_values: frozenset[str] = frozenset(allow_key(v) for v in DEFAULT_TEST_VALUES)
    allow_domains: frozenset[str] = frozenset()  # e-mail domains that are never personal
    disabled_types: frozenset[str] = frozenset()
    keywords: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (finding type, words)
    keyword_score: float = 0.6
    stage2: bool = True  # the learned second look (detectors/stage2.py)
    ethics_types: frozenset[str] = DEFAULT_ETHICS_TYPES  # alerts copied to the ethics unit
    groups: tuple[tuple[str, Policy], ...] = field(default=(), compare=False, hash=False)

    def for_group(self, group_id: str | None) -> Policy:
        if group_id:
            for gid, pol in self.groups:
                if gid == group_id:
                    return pol
        return self

    def extra_words(self) -> tuple[str, ...]:
        return tuple(w for _, words in self.keywords for w in words)


DEFAULT_POLICY = Policy()

_TOP_KEYS = {"thresholds", "allow", "keywords", "disabled_types", "groups", "stage2", "routing"}
_GROUP_KEYS = {"thresholds", "allow", "keywords", "disabled_types", "replace_allow", "stage2"}


def _str_list(v: Any, key: str) -> list[str]:
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise PolicyError(f"{key}: expected a list of strings")
    return v


def _number(v: Any, key: str) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= 1:
        raise PolicyError(f"{key}: expected a number between 0 and 1")
    return float(v)


def _apply(base: Policy, data: dict[str, Any], where: str, allowed: set[str]) -> Policy:
    unknown = set(data) - allowed
    if unknown:
        raise PolicyError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    pol = base
    th = data.get("thresholds", {})
    if not isinstance(th, dict):
        raise PolicyError(f"{where}thresholds: expected a table")
    for k in th:
        if k not in ("warn", "block", "keyword_score"):
            raise PolicyError(f"{where}thresholds.{k}: unknown key")
    if "warn" in th:
        pol = replace(pol, warn_threshold=_number(th["warn"], f"{where}thresholds.warn"))
    if "block" in th:
        pol = replace(pol, block_threshold=_number(th["block"], f"{where}thresholds.block"))
    if "keyword_score" in th:
        pol = replace(
            pol, keyword_score=_number(th["keyword_score"], f"{where}thresholds.keyword_score")
        )
    if pol.warn_threshold > pol.block_threshold:
        raise PolicyError(f"{where}thresholds: warn must not exceed block")
    if "stage2" in data:
        if not isinstance(data["stage2"], bool):
            raise PolicyError(f"{where}stage2: expected true or false")
        pol = replace(pol, stage2=data["stage2"])

    allow = data.get("allow", {})
    if not isinstance(allow, dict):
        raise PolicyError(f"{where}allow: expected a table")
    for k in allow:
        if k not in ("values", "email_domains", "default_test_values"):
            raise PolicyError(f"{where}allow.{k}: unknown key")
    values = set(pol.allow_values)
    if data.get("replace_allow") is True:
        values = set()
    if allow.get("default_test_values") is False:
        values -= {allow_key(v) for v in DEFAULT_TEST_VALUES}
    values |= {allow_key(v) for v in _str_list(allow.get("values", []), f"{where}allow.values")}
    domains = set(pol.allow_domains) | {
        d.lower().lstrip("@")
        for d in _str_list(allow.get("email_domains", []), f"{where}allow.email_domains")
    }
    pol = replace(pol, allow_values=frozenset(values), allow_domains=frozenset(domains))

    if "disabled_types" in data:
        types = _str_list(data["disabled_types"], f"{where}disabled_types")
        bad = [t for t in types if t not in FINDING_TYPES]
        if bad:
            raise PolicyError(f"{where}disabled_types: unknown finding type(s) {', '.join(bad)}")
        pol = replace(pol, disabled_types=pol.disabled_types | frozenset(types))

    kw = data.get("keywords", {})
    if not isinstance(kw, dict):
        raise PolicyError(f"{where}keywords: expected a table of finding type = [words]")
    merged = dict(pol.keywords)
    for t, words in kw.items():
        if t not in FINDING_TYPES:
            raise PolicyError(f"{where}keywords.{t}: unknown finding type")
        ws = [normalize(w).text.strip() for w in _str_list(words, f"{where}keywords.{t}")]
        merged[t] = tuple(dict.fromkeys((*merged.get(t, ()), *(w for w in ws if w))))
    return replace(pol, keywords=tuple(sorted(merged.items())))


def _routing(base: Policy, data: Any) -> Policy:
    """[routing]: ethics_types, the finding types always copied to the ethics unit."""
    if not isinstance(data, dict):
        raise PolicyError("routing: expected a table")
    for k in data:
        if k != "ethics_types":
            raise PolicyError(f"routing.{k}: unknown key")
    if "ethics_types" not in data:
        return base
    types = _str_list(data["ethics_types"], "routing.ethics_types")
    bad = [t for t in types if t not in FINDING_TYPES]
    if bad:
        raise PolicyError(f"routing.ethics_types: unknown finding type(s) {', '.join(bad)}")
    return replace(base, ethics_types=frozenset(types))


def parse_policy(data: dict[str, Any]) -> Policy:
    top = {k: v for k, v in data.items() if k not in ("groups", "routing")}
    base = _routing(_apply(DEFAULT_POLICY, top, "", _TOP_KEYS), data.get("routing", {}))
    groups = data.get("groups", {})
    if not isinstance(groups, dict):
        raise PolicyError("groups: expected a table of group id = {...}")
    out: list[tuple[str, Policy]] = []
    for gid, gdata in groups.items():
        if not isinstance(gdata, dict):
            raise PolicyError(f"groups.{gid}: expected a table")
        out.append((gid, _apply(base, gdata, f"groups.{gid}.", _GROUP_KEYS)))
    return replace(base, groups=tuple(out))


_cache: dict[tuple[str, float], Policy] = {}


def load_policy(path: str | os.PathLike[str]) -> Policy:
    """Load (and cache by path and modification time) a policy file."""
    p = Path(path)
    try:
        mtime = p.stat().st_mtime
    except OSError as exc:
        raise PolicyError(f"cannot read policy file {p}: {exc.strerror}") from None
    key = (str(p), mtime)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    import tomllib  # here, not at import: ~10 ms of start-up, and most runs read no file

    try:
        with p.open("rb") as f:
            data = tomllib.load(f)
    except OSError as exc:
        raise PolicyError(f"cannot read policy file {p}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"policy file {p} is not valid TOML: {exc}") from None
    pol = parse_policy(data)
    _cache[key] = pol
    return pol


def resolve_policy(config: object | None) -> Policy:
    """Whatever a caller passes as `config=`: None, a Policy, a path, or an object
    with a `policy_path` attribute (the app's Config)."""
    if config is None:
        return DEFAULT_POLICY
    if isinstance(config, Policy):
        return config
    if isinstance(config, str | os.PathLike):
        return load_policy(config)
    path = getattr(config, "policy_path", None)
    if path:
        return load_policy(path)
    return DEFAULT_POLICY
