"""The nouns of the rules: regimes, clock rules, steps, bodies and rule sets.

Everything here is data. A :class:`ClockRule` is one period (its length, unit,
calendar, how its last day is found, and the policies that may change it); a
:class:`Step` is an event that can change a clock (its effect and the window in
which the law lets it take effect); a :class:`BodyRule` substitutes another period
for a kind of authority; a :class:`RuleSet` is one regime's rules in one version of
the law. The engine in :mod:`foi_deadlines.clocks` reads them; nothing here counts
a day.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Final

import attrs

from foi_deadlines.errors import InvalidInputError
from foi_deadlines.timeline import CaseEventKind

if TYPE_CHECKING:
    from foi_deadlines.rules._policies import Policies

__all__ = [
    "Anchor",
    "Awaiting",
    "Body",
    "BodyRule",
    "ClockRule",
    "End",
    "Modifier",
    "Regime",
    "RuleSet",
    "Stage",
    "Step",
    "Unit",
    "Variant",
    "Window",
]


class Regime(enum.StrEnum):
    """An information-rights regime, with a rule set in :mod:`foi_deadlines.rules`."""

    FOIA = "foia"
    EIR = "eir"
    FOISA = "foisa"
    EISR = "eisr"
    SAR = "sar"
    DPA_PART3 = "dpa-part3"
    DPA_COMPLAINT = "dpa-complaint"

    @property
    def label(self) -> str:
        """The regime's short name, such as ``"FOIA 2000"``."""
        return _REGIMES[self][0]

    @property
    def calendar(self) -> str | None:
        """The working-day calendar the regime counts on.

        ``"uk"`` for FOIA and the EIR (s10(6), reg 2(1)), ``"scotland"`` for FOISA and
        the EISR (s73); ``None`` for subject access, which counts calendar months and
        rolls on the controller's part of the UK.
        """
        return _REGIMES[self][1]

    @property
    def words(self) -> tuple[str, ...]:
        """What trackers and forms call the regime, beyond its value.

        The first is the commonest, such as ``"FOI"`` for FOIA.
        """
        return _REGIMES[self][2]


#: Each regime's short name, working-day calendar and the words people use for it;
#: its rule sets hold the rest.
_REGIMES: Final[Mapping[Regime, tuple[str, str | None, tuple[str, ...]]]] = {
    Regime.FOIA: (
        "FOIA 2000",
        "uk",
        ("FOI", "FOIA", "FOIA 2000", "Freedom of Information"),
    ),
    Regime.EIR: (
        "EIR 2004",
        "uk",
        ("EIR", "EIRs", "EIR 2004", "Environmental Information"),
    ),
    Regime.FOISA: (
        "FOISA 2002",
        "scotland",
        ("FOISA", "FOI(S)A", "FOISA 2002", "FOI Scotland"),
    ),
    Regime.EISR: ("EISR 2004", "scotland", ("EISR", "EISRs", "EI(S)R", "EISR 2004")),
    Regime.SAR: (
        "UK GDPR subject access",
        None,
        (
            "SAR",
            "DSAR",
            "Subject access",
            "Subject access request",
            "Data subject access request",
            "UK GDPR",
        ),
    ),
    Regime.DPA_PART3: (
        "DPA 2018 Part 3 subject access",
        None,
        ("DPA Part 3", "Part 3 SAR", "Law enforcement SAR"),
    ),
    Regime.DPA_COMPLAINT: (
        "DPA 2018 s164A complaint",
        None,
        ("DPA complaint", "s164A complaint", "Data complaint"),
    ),
}


class Body(enum.StrEnum):
    """A kind of public authority with its own time for compliance.

    * ``SCHOOL``: a maintained school or nursery school, an Academy, or a Northern
      Ireland controlled, voluntary or grant-maintained integrated school (FOIA).
    * ``ARCHIVE``: an appropriate records authority answering for a transferred
      public record (FOIA).
    * ``ARMED_FORCES``, ``OVERSEAS``: information to be obtained from armed forces
      operations or from outside the UK, where the Commissioner may specify a day
      (FOIA).
    * ``KEEPER``: the Keeper of the Records of Scotland (FOISA).
    """

    SCHOOL = "school"
    ARCHIVE = "archive"
    ARMED_FORCES = "armed-forces"
    OVERSEAS = "overseas"
    KEEPER = "keeper"


class Stage(enum.StrEnum):
    """The stage of a request a clock belongs to."""

    RESPONSE = "response"
    REVIEW = "review"
    REGULATOR = "regulator"
    APPEAL = "appeal"


class Unit(enum.StrEnum):
    """The unit a clock counts in."""

    WORKING_DAYS = "working days"
    CALENDAR_DAYS = "calendar days"
    MONTHS = "months"


class Modifier(enum.StrEnum):
    """A way the law lets a clock move; the effect of a :class:`Step`.

    * ``RESTART``: a new day 0 and the full period again (a clarification).
    * ``PAUSE``: days inside a window are disregarded, the elapsed count kept (a
      fees notice until payment).
    * ``EXTENSION``: a longer period from the same day 0.
    * ``SUBSTITUTE``: regulations substitute another day for certain bodies.
    * ``ROLL_FORWARD``: an end that falls on a non-working day moves to the next
      working day.
    """

    RESTART = "restart"
    PAUSE = "pause"
    EXTENSION = "extension"
    SUBSTITUTE = "substitute"
    ROLL_FORWARD = "roll forward"


class End(enum.StrEnum):
    """How the last day of a period is found from day 0.

    * ``AFTER``: "within N ... after" a day: the N-th unit after day 0 (for months,
      the corresponding date, or the month's last day where there is none).
    * ``BEGINNING_WITH``: "the period of N ... beginning with" a day: day 0 is the
      period's first day, so it ends one day earlier (for working days, day 0
      counts as the first working day if it is one).
    """

    AFTER = "after"
    BEGINNING_WITH = "beginning with"


class Window(enum.StrEnum):
    """When the law lets a step take effect.

    * ``ANY``: whenever it happens.
    * ``BASE``: by the end of the base period (the time for complying before any
      extension), counted with the restarts and pauses that took effect before it.
    * ``CURRENT``: by the end of the period in force, extended if an extension
      took effect before it.
    * ``NOTICE``: by the end of the period for giving notice of an extension.

    Outside its window a step is still a fact of the timeline, but it has no legal
    effect, and the explanation says so.
    """

    ANY = "any"
    BASE = "base"
    CURRENT = "current"
    NOTICE = "notice"


class Anchor(enum.StrEnum):
    """What day 0 of a stage is, read from a case's timeline.

    * ``RECEIPT``: the day the request is received (restarts move it).
    * ``STEP``: the day of the event that opens it (a fees notice, for the window
      to pay).
    * ``RESPONSE``: the date of the response; no window while there is none.
    * ``RESPONSE_ELSE_EXPIRY``: the date of the response, or, while there is none,
      the end of the time for responding.
    * ``EXPIRY_OR_LATE_RESPONSE``: the end of the time for responding, or the
      receipt of a response given after it (FOISA s20(5)).
    * ``REVIEW_REQUEST``: the day the request for review is received.
    * ``REVIEW_OUTCOME``: the review decision.
    * ``REVIEW_OUTCOME_ELSE_EXPIRY``: the review decision, or the end of the time
      for the review once it has passed without one (FOISA s47(4)(b)).
    * ``DECISION_NOTICE``: the day the regulator's decision was sent.
    """

    RECEIPT = "receipt"
    STEP = "step"
    RESPONSE = "response"
    RESPONSE_ELSE_EXPIRY = "response else expiry"
    EXPIRY_OR_LATE_RESPONSE = "expiry or late response"
    REVIEW_REQUEST = "review request"
    REVIEW_OUTCOME = "review outcome"
    REVIEW_OUTCOME_ELSE_EXPIRY = "review outcome else expiry"
    DECISION_NOTICE = "decision notice"


class Awaiting(enum.StrEnum):
    """What a stopped clock waits for."""

    CLARIFICATION = "clarification"
    FEE = "fee"


@attrs.frozen(kw_only=True)
class Variant:
    """A different period, when a policy takes a value other than its default.

    Attributes:
        policy: The :class:`~foi_deadlines.rules.Policies` field.
        value: The value that selects this variant.
        changes: The rule's fields that change, and their new values.
    """

    policy: str
    value: str
    changes: tuple[tuple[str, Any], ...]


@attrs.frozen(kw_only=True, cache_hash=True)
class ClockRule:
    """One statutory (or guidance) clock: a period, where it comes from, and its law.

    Attributes:
        id: A stable identifier, such as ``"foia.response"``.
        regime: The regime it belongs to.
        title: A short title.
        summary: What the rule requires, in plain English.
        citation: The legal source.
        calendar: The working-day calendar it counts on (``"uk"``,
            ``"scotland"``), or for calendar days and months the calendar an end on
            a non-working day rolls forward on (``"division"`` for the
            controller's part of the UK); ``None`` for a period that does not roll.
        length: How many units.
        unit: Working days, calendar days or months.
        day_zero: What day 0 is, in words.
        modifiers: How the clock can move, each with its legal source (for a
            response rule, the steps of its rule set, in words).
        statutory: Whether the clock is set by legislation (``False`` for guidance
            and good practice).
        in_force_from: The first day a request can fall under this version of the
            rule, or ``None``.
        in_force_to: The last such day, or ``None``.
        note: Anything a reader must know to apply it.
        stage: The stage of the request it belongs to.
        roll: For a period of calendar days or months, what happens when it ends
            on a non-working day, in words; empty when it does not move.
        end: How the last day is found from day 0 ("after", "beginning with").
        anchor: What day 0 is, for the engine.
        variants: Other periods that policies may choose.
        calendar_policy: The policy whose value names the calendar, if a policy
            chooses it (``"division"`` then means the controller's division).
        length_policy: The policy whose value, when set, is the length.
        authority_length: The :class:`~foi_deadlines.rules.AuthorityPolicy` field
            that gives the length, where an authority publishes its own.
        limit: An outer limit in the same unit: the period ends at whichever comes
            first.
        counts_only: The option naming the only days that count (``"school_days"``).
        chain: For months, add them in these steps rather than at once.
        specified_day: The option giving a day someone specifies instead of the
            period, which must fall within it (``"commissioner_day"``).
    """

    id: str
    regime: Regime
    title: str
    summary: str
    citation: str
    calendar: str | None
    length: int
    unit: Unit
    day_zero: str
    modifiers: tuple[tuple[Modifier, str], ...] = ()
    statutory: bool = True
    in_force_from: date | None = None
    in_force_to: date | None = None
    note: str = ""
    stage: Stage = Stage.RESPONSE
    roll: str = ""
    end: End = End.AFTER
    anchor: Anchor = Anchor.RECEIPT
    variants: tuple[Variant, ...] = ()
    calendar_policy: str = ""
    length_policy: str = ""
    authority_length: str = ""
    limit: int | None = None
    counts_only: str = ""
    chain: tuple[int, ...] = ()
    specified_day: str = ""

    def in_force_on(self, day: date) -> bool:
        """Whether this version of the rule applies to a request received on ``day``."""
        if self.in_force_from is not None and day < self.in_force_from:
            return False
        return self.in_force_to is None or day <= self.in_force_to

    @property
    def length_text(self) -> str:
        """The length in words, such as ``"20 working days"``."""
        unit = str(self.unit)
        if self.length == 1:
            unit = unit.removesuffix("s")
        return f"{self.length} {unit}"

    @property
    def rolls(self) -> bool:
        """Whether an end on a non-working day moves to the next working day."""
        return self.unit is not Unit.WORKING_DAYS and self.calendar is not None

    @property
    def policies_read(self) -> tuple[str, ...]:
        """The policy fields that can change this rule, in register order."""
        names = {v.policy for v in self.variants}
        names.update(filter(None, (self.calendar_policy, self.length_policy)))
        return tuple(sorted(names))

    def under(self, policies: Policies) -> ClockRule:
        """The rule as ``policies`` make it: a variant where one is chosen.

        >>> from foi_deadlines.rules import Policies, get_rule
        >>> rule = get_rule("foia.fee_payment")
        >>> rule.end, rule.under(Policies(fee_window="corresponding_date")).end
        (<End.BEGINNING_WITH: 'beginning with'>, <End.AFTER: 'after'>)
        """
        if not self.variants:
            return self
        changes: dict[str, Any] = {}
        for variant in self.variants:
            if getattr(policies, variant.policy) == variant.value:
                changes.update(variant.changes)
        return attrs.evolve(self, **changes) if changes else self


@attrs.frozen(kw_only=True, eq=False)
class Step:
    """An event that can change a clock: its effect, its window and its law.

    A step is taken by the event ``kind``. A *stop* is a step with ``closed_by``:
    the clock waits from ``kind`` until ``closed_by`` (a clarification sought and
    received, a fees notice and the fee); what happens then is the ``effect``:

    * ``RESTART``: day 0 becomes the day ``closed_by`` happened (or, for a step
      with no ``closed_by``, the day of ``kind`` itself, if later).
    * ``PAUSE``: the days from ``kind`` to ``closed_by`` are disregarded.
    * ``EXTENSION``: the period becomes the rule ``extends_to``.

    Attributes:
        kind: The event that takes the step.
        effect: What it does.
        summary: The step in words, for the documentation.
        citation: The law that gives the effect.
        closed_by: The event that ends a stop.
        window: When the law lets ``kind`` take effect.
        window_citation: The law for the window (the citation if empty).
        awaiting: What a stop waits for, for a case's status.
        extends_to: For an extension, the id of the longer period's rule.
        notice_rule: For an extension, the id of the rule giving the last day to
            tell the requester.
        reported_as: For an extension, the field of the response deadlines that
            shows it (``"public_interest"``), besides ``response``.
        fee_rule: For a fee, the id of the rule giving the window to pay; unpaid
            in it, the request lapses.
        pause_policy: For a pause, the policy that chooses how its days count.
        opened: What the explanation says when a stop takes effect.
        applied: What it says when the step takes effect (or a stop ends).
        needs_opening: For a stop whose close was given without its opening
            (keyword calls), why the opening day is needed; empty if it may be
            taken as given in time.
        restarts_as: For a restart, what the new day 0 is, in words.
    """

    kind: CaseEventKind
    effect: Modifier
    summary: str
    citation: str
    closed_by: CaseEventKind | None = None
    window: Window = Window.ANY
    window_citation: str = ""
    awaiting: Awaiting | None = None
    extends_to: str = ""
    notice_rule: str = ""
    reported_as: str = ""
    fee_rule: str = ""
    pause_policy: str = ""
    opened: str = ""
    applied: str = ""
    needs_opening: str = ""
    restarts_as: str = ""

    @property
    def window_law(self) -> str:
        """The law that sets the step's window."""
        return self.window_citation or self.citation


@attrs.frozen(kw_only=True, eq=False)
class BodyRule:
    """A kind of authority with its own time for compliance.

    Attributes:
        body: The kind of body.
        response: The rule that replaces the response rule.
        review: The rule that replaces the review rule, if any.
        event: What the explanation says of the substitution.
        without_option: What the explanation notes when the option the rule needs
            (a term calendar, a specified day) is missing.
        fallback: The rule used when that option is missing, if not ``response``.
    """

    body: Body
    response: str
    review: str = ""
    event: str = ""
    without_option: str = ""
    fallback: str = ""


@attrs.frozen(kw_only=True, eq=False)
class RuleSet:
    """One regime's rules, in one version of the law.

    Attributes:
        regime: The regime; its short name and calendar are the set's.
        title: The law's full name.
        rules: Every clock rule of the set.
        response: The id of the response rule.
        refusal_notice: The id of a rule whose deadline falls with the base
            response (FOIA s17(1)), if any.
        steps: The events that can change the response clock.
        extension_kind: The event that an "extended" flag records (a tracker's
            Extended column, ``extended=True``).
        bodies: Kinds of authority with their own time.
        review_request: The id of the requester's window to ask for a review.
        review: The id of the review rule.
        review_extended: The id of a longer review time for complex cases.
        regulator: The id of the window to go to the regulator.
        appeal: The id of the window to appeal the regulator's decision.
        late_review_request: What a late request for review means.
        not_applicable: Options and events the regime does not have, with why
            (keyed by event kind or keyword).
        edition_policy: The policy that says which day chooses between versions
            of the law (``"sar_transition"``), if the regime has several.
        edition_by_day_zero: The value of that policy under which the version is
            chosen by day 0 after any restart (the relevant time), not by the day
            of receipt.
        in_force_from: The first day of receipt this version applies to.
        in_force_to: The last.
        commencement: The law that brought the first version into force, for a
            regime that did not always exist (cited when an earlier day is refused).
        note: What a reader should know of the regime as a whole.
    """

    regime: Regime
    title: str
    rules: tuple[ClockRule, ...]
    response: str
    steps: tuple[Step, ...] = ()
    refusal_notice: str = ""
    extension_kind: CaseEventKind | None = None
    bodies: tuple[BodyRule, ...] = ()
    review_request: str = ""
    review: str = ""
    review_extended: str = ""
    regulator: str = ""
    appeal: str = ""
    late_review_request: str = ""
    not_applicable: tuple[tuple[str, str], ...] = ()
    edition_policy: str = ""
    edition_by_day_zero: str = ""
    in_force_from: date | None = None
    in_force_to: date | None = None
    commencement: str = ""
    note: str = ""
    _by_id: Mapping[str, ClockRule] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _steps_by_kind: Mapping[CaseEventKind, Step] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _closers: Mapping[CaseEventKind, Step] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _kinds: frozenset[CaseEventKind] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _clock_kinds: frozenset[CaseEventKind] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        by_id = {rule.id: rule for rule in self.rules}
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_steps_by_kind", {s.kind: s for s in self.steps})
        object.__setattr__(
            self,
            "_closers",
            {s.closed_by: s for s in self.steps if s.closed_by is not None},
        )
        for name in ("response", "refusal_notice", "review_request", "review"):
            self._check_id(getattr(self, name), name)
        for name in ("review_extended", "regulator", "appeal"):
            self._check_id(getattr(self, name), name)
        for step in self.steps:
            for name in ("extends_to", "notice_rule", "fee_rule"):
                self._check_id(getattr(step, name), f"{step.kind}.{name}")
        for body in self.bodies:
            for name in ("response", "review", "fallback"):
                self._check_id(getattr(body, name), f"{body.body}.{name}")
        object.__setattr__(self, "_kinds", self._event_kinds())
        object.__setattr__(
            self, "_clock_kinds", frozenset(self._steps_by_kind) | set(self._closers)
        )

    def _check_id(self, rule_id: str, where: str) -> None:
        if rule_id and rule_id not in self._by_id:
            raise InvalidInputError(
                f"{self.regime}.{where}", rule_id, "the id of a rule of the same set"
            )

    @property
    def label(self) -> str:
        """The regime's short name, such as ``"FOIA 2000"``."""
        return self.regime.label

    @property
    def calendar(self) -> str | None:
        """The working-day calendar it counts on; ``None`` for calendar months."""
        return self.regime.calendar

    def rule(self, rule_id: str) -> ClockRule:
        """The set's rule with id ``rule_id``."""
        return self._by_id[rule_id]

    def optional_rule(self, rule_id: str) -> ClockRule | None:
        """The set's rule with id ``rule_id``, or ``None`` for an empty id."""
        return self._by_id[rule_id] if rule_id else None

    def step(self, kind: CaseEventKind) -> Step | None:
        """The step taken by an event of ``kind``, if the regime has one."""
        return self._steps_by_kind.get(kind)

    def step_closed_by(self, kind: CaseEventKind) -> Step | None:
        """The stop that an event of ``kind`` ends, if any."""
        return self._closers.get(kind)

    def body(self, body: Body) -> BodyRule | None:
        """The substitution for ``body``, if the regime has one."""
        return next((b for b in self.bodies if b.body is body), None)

    def in_force_on(self, day: date) -> bool:
        """Whether this version of the law applies to a request keyed on ``day``."""
        if self.in_force_from is not None and day < self.in_force_from:
            return False
        return self.in_force_to is None or day <= self.in_force_to

    def refusal(self, key: str) -> str | None:
        """Why the regime has no ``key`` (an event kind or an option), if it says."""
        return dict(self.not_applicable).get(key)

    @property
    def clock_kinds(self) -> frozenset[CaseEventKind]:
        """The events that can change the response clock (its steps, and their ends)."""
        return self._clock_kinds

    @property
    def event_kinds(self) -> frozenset[CaseEventKind]:
        """The events the regime's timeline can hold."""
        return self._kinds

    def _event_kinds(self) -> frozenset[CaseEventKind]:
        kinds = set(_ALWAYS)
        for step in self.steps:
            kinds.add(step.kind)
            if step.closed_by is not None:
                kinds.add(step.closed_by)
            if step.fee_rule:
                kinds.add(CaseEventKind.FEES_NOTICE_LAPSED)
        if self.review:
            kinds.update(_REVIEW_KINDS)
        if self.review_extended:
            kinds.add(CaseEventKind.REVIEW_EXTENDED)
        return frozenset(kinds)

    @property
    def policies_read(self) -> tuple[str, ...]:
        """Every policy field that can change a date of this rule set."""
        names = {"receipt", "office_hours_cutoff", "proclaimed_holidays"}
        names.add("holiday_source")
        names.add("clarification_lapse_months")
        for rule in self.rules:
            names.update(rule.policies_read)
        for step in self.steps:
            if step.pause_policy:
                names.add(step.pause_policy)
        if self.edition_policy:
            names.add(self.edition_policy)
        return tuple(sorted(names))


_ALWAYS: Final = frozenset(
    {
        CaseEventKind.RECEIVED,
        CaseEventKind.RESPONSE_SENT,
        CaseEventKind.WITHDRAWN,
        CaseEventKind.TRANSFERRED,
        CaseEventKind.COMPLAINT,
        CaseEventKind.DECISION_NOTICE,
    }
)
_REVIEW_KINDS: Final = frozenset(
    {CaseEventKind.REVIEW_REQUESTED, CaseEventKind.REVIEW_OUTCOME}
)
