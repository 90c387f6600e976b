"""The law, as data: one rule set for each regime, read by one engine.

Each regime is a :class:`RuleSet` in a module of its own (``rules/foia.py``,
``eir.py``, ``foisa.py``, ``eisr.py``, ``sar.py``, ``dpa_part3.py``,
``dpa_complaint.py``): its calendar, a
:class:`ClockRule` for each stage (response, review request, review, regulator,
appeal) with its citation and in-force dates, the :class:`Step` s that can change
the response clock (each with its effect and the window in which the law lets it
take effect), the kinds of body with their own time, and what the regime does not
have. Where the law changed, a
regime has one rule set for each version, chosen with :meth:`RuleSet.in_force_on`.
The choices the law leaves open are :class:`Policies`.

The engine in :mod:`foi_deadlines.clocks` executes these; the documentation's
tables are rendered from them.

>>> rule = get_rule("foia.response")
>>> rule.length, rule.unit, rule.calendar
(20, <Unit.WORKING_DAYS: 'working days'>, 'uk')
>>> rule.citation
'Freedom of Information Act 2000 s10(1)'
>>> [str(step.kind) for step in rule_set("eir").steps]
['clarification_sought', 'fees_notice', 'extension']

References:
    * Freedom of Information Act 2000 ss1, 9, 10, 17; SI 2004/3364, 2009/1369,
      2010/2768 (Time for Compliance); SI 2004/3244 reg 5 (aggregation).
    * Environmental Information Regulations 2004 (SI 2004/3391) regs 5, 7, 8, 9, 11.
    * Freedom of Information (Scotland) Act 2002 ss1, 9, 10, 20, 21, 47, 56.
    * Environmental Information (Scotland) Regulations 2004 (SSI 2004/520) regs 5,
      7, 9, 16, 17.
    * UK GDPR Art 12(3) and Art 12A (Data (Use and Access) Act 2025 s76, in force
      5 February 2026 under SI 2026/82).
    * Data Protection Act 2018 ss45, 52-54 (Part 3, law enforcement), and s164A
      (complaints, Data (Use and Access) Act 2025 s103, from 19 June 2026).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import Final

import attrs

from foi_deadlines._coerce import member_of
from foi_deadlines._dates import long_day
from foi_deadlines.errors import NotApplicableError, UnknownRuleError
from foi_deadlines.rules import dpa_complaint, dpa_part3, eir, eisr, foia, foisa, sar
from foi_deadlines.rules._model import (
    Anchor,
    Awaiting,
    Body,
    BodyRule,
    ClockRule,
    End,
    Modifier,
    Regime,
    RuleSet,
    Stage,
    Step,
    Unit,
    Variant,
    Window,
)
from foi_deadlines.rules._policies import (
    PRESETS,
    AggregationAnchor,
    AuthorityPolicy,
    ComplaintDays,
    FeePause,
    FeeWindow,
    FoisaReviewStart,
    HolidaySource,
    Option,
    Policies,
    PolicyInfo,
    ProclaimedHolidays,
    Receipt,
    RequesterWindowStart,
    SarExtension,
    SarMonth,
    SarPause,
    SarRoll,
    SarTransition,
    SicApplication,
    TribunalCalendar,
    policy_register,
)
from foi_deadlines.rules.sar import SAR_REFORM_DAY

__all__ = [
    "PRESETS",
    "REVIEWED_REGIMES",
    "RULES",
    "RULE_SETS",
    "SAR_REFORM_DAY",
    "AggregationAnchor",
    "Anchor",
    "AuthorityPolicy",
    "Awaiting",
    "Body",
    "BodyRule",
    "ClockRule",
    "ComplaintDays",
    "End",
    "FeePause",
    "FeeWindow",
    "FoisaReviewStart",
    "HolidaySource",
    "Modifier",
    "Option",
    "Policies",
    "PolicyInfo",
    "ProclaimedHolidays",
    "Receipt",
    "Regime",
    "RequesterWindowStart",
    "RuleSet",
    "SarExtension",
    "SarMonth",
    "SarPause",
    "SarRoll",
    "SarTransition",
    "SicApplication",
    "Stage",
    "Step",
    "TribunalCalendar",
    "Unit",
    "Variant",
    "Window",
    "get_rule",
    "policy_register",
    "rule_set",
    "rules_for",
]


def _modifiers(rule_set: RuleSet, rule: ClockRule) -> tuple[tuple[Modifier, str], ...]:
    """How ``rule`` can move, in words, from the steps and bodies that act on it."""
    found: list[tuple[Modifier, str]] = []
    response_like = {rule_set.response, rule_set.refusal_notice}
    response_like.update(b.response for b in rule_set.bodies)
    response_like.update(s.extends_to for s in rule_set.steps)
    response_like.update(s.notice_rule for s in rule_set.steps)
    if rule.id in response_like:
        for step in rule_set.steps:
            moves = step.effect in (Modifier.RESTART, Modifier.PAUSE)
            if moves or (rule.id == rule_set.response and step.extends_to):
                found.append((step.effect, step.summary))
    if rule.id == rule_set.response:
        found.extend(
            (Modifier.SUBSTITUTE, f"{b.body}: {rule_set.rule(b.response).summary}")
            for b in rule_set.bodies
        )
    if rule.id == rule_set.review and rule_set.review_extended:
        extended = rule_set.rule(rule_set.review_extended)
        found.append((Modifier.EXTENSION, extended.summary))
    if rule.rolls and rule.roll:
        found.append((Modifier.ROLL_FORWARD, rule.roll))
    return tuple(found)


def _finished(rule_set: RuleSet) -> RuleSet:
    """The rule set with each rule's modifiers written from its steps."""
    rules = tuple(
        attrs.evolve(rule, modifiers=_modifiers(rule_set, rule))
        for rule in rule_set.rules
    )
    return attrs.evolve(rule_set, rules=rules)


#: Every regime's rule sets, oldest version first.
RULE_SETS: Final[Mapping[Regime, tuple[RuleSet, ...]]] = MappingProxyType(
    {
        Regime.FOIA: (_finished(foia.RULE_SET),),
        Regime.EIR: (_finished(eir.RULE_SET),),
        Regime.FOISA: (_finished(foisa.RULE_SET),),
        Regime.EISR: (_finished(eisr.RULE_SET),),
        Regime.SAR: (_finished(sar.BEFORE_REFORM), _finished(sar.AFTER_REFORM)),
        Regime.DPA_PART3: (
            _finished(dpa_part3.BEFORE_REFORM),
            _finished(dpa_part3.AFTER_REFORM),
        ),
        Regime.DPA_COMPLAINT: (_finished(dpa_complaint.RULE_SET),),
    }
)


#: The regimes with an internal review (or reconsideration) stage, in registry order.
REVIEWED_REGIMES: Final[tuple[Regime, ...]] = tuple(
    regime for regime, editions in RULE_SETS.items() if editions[-1].review_request
)


def _all_rules() -> dict[str, ClockRule]:
    found: dict[str, ClockRule] = {}
    for editions in RULE_SETS.values():
        for edition in editions:
            for rule in edition.rules:
                if found.setdefault(rule.id, rule) != rule:
                    raise UnknownRuleError(f"{rule.id} (declared twice)", ())
    return found


#: Every clock the library knows, by id.
RULES: Final[Mapping[str, ClockRule]] = MappingProxyType(_all_rules())


def get_rule(rule_id: str) -> ClockRule:
    """The rule with id ``rule_id``.

    Raises:
        UnknownRuleError: No rule has that id; the message lists the valid ids.
    """
    try:
        return RULES[rule_id]
    except (KeyError, TypeError):
        raise UnknownRuleError(rule_id, tuple(RULES)) from None


def rules_for(regime: Regime | str) -> Iterator[ClockRule]:
    """Every rule of ``regime``, in registry order."""
    wanted = member_of(Regime, regime, "regime")
    return (rule for rule in RULES.values() if rule.regime is wanted)


def rule_set(regime: Regime | str, on: date | None = None) -> RuleSet:
    """The rule set of ``regime`` in force for a request keyed on ``on``.

    Without ``on``, the current version.

    >>> rule_set("sar", date(2025, 6, 1)).response
    'sar.response_before_2026'
    >>> rule_set("sar").response
    'sar.response'

    Raises:
        InvalidInputError: An unknown regime.
        NotApplicableError: ``on`` is a day no version of the law applies to
            (before the law came into force).
    """
    chosen = regime if type(regime) is Regime else member_of(Regime, regime, "regime")
    editions = RULE_SETS[chosen]
    if on is None or chosen in _TIMELESS:
        return editions[-1]
    for edition in editions:
        if edition.in_force_on(on):
            return edition
    raise _not_in_force(editions, on)


#: The regimes with one version of the law, in force on every day the library counts.
_TIMELESS: Final = frozenset(
    regime
    for regime, editions in RULE_SETS.items()
    if len(editions) == 1
    and editions[0].in_force_from is None
    and editions[0].in_force_to is None
)


def _not_in_force(editions: tuple[RuleSet, ...], on: date) -> NotApplicableError:
    first, last = editions[0], editions[-1]
    bounds = []
    if first.in_force_from is not None:
        bounds.append(f"on or after {long_day(first.in_force_from)}")
    if last.in_force_to is not None:
        bounds.append(f"on or before {long_day(last.in_force_to)}")
    law = f" ({first.commencement})" if first.commencement else ""
    return NotApplicableError(
        "received",
        first.label,
        f"it applies only to what is received {' and '.join(bounds)}{law}, not "
        f"{long_day(on)}",
    )
