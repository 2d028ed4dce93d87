"""The penalty ladder: which sanction a member's next counted offence earns.

Pure rules, so the queue, the CLI and the "what would happen next" preview
agree. An offence counts when its sanction counts towards the ladder and was
not overturned on appeal; it is forgotten outside the counting window, and a
clean stretch of `decay_days` after the newest offence steps the member one
rung back down (a mistake a month ago should not weigh like one yesterday).
Aggravated rules (minors, illegal content, cheating, multiple accounts) jump
`aggravated_jump` rungs at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from modconsole.domain.messages import N_

# Decisions a moderator can take; dismiss applies nothing.
DECISIONS = ("dismiss", "warn", "mute", "remove", "ban")


class LadderError(ValueError):
    """A ladder as configured on a rule cannot be read; the message says which part."""


@dataclass(frozen=True)
class Step:
    """One rung: a decision and, for mutes, a length in days (None = permanent)."""

    decision: str
    days: int | None = None

    @property
    def code(self) -> str:
        """The step as written in settings and the CLI: warn, mute:7, mute, ban."""
        return f"{self.decision}:{self.days}" if self.days else self.decision

    @property
    def permanent(self) -> bool:
        return self.decision == "mute" and self.days is None

    @classmethod
    def parse(cls, code: str) -> Step:
        decision, _, days = code.strip().partition(":")
        if decision not in DECISIONS:
            raise LadderError(N_("ladder", "'{code}' is not a step; use one of {value}").format(
                                  code=code, value=', '.join(DECISIONS)))
        if not days:
            return cls(decision)
        if decision != "mute" or not days.isdigit() or not 0 < int(days) <= 3650:
            raise LadderError(N_("ladder", "'{code}': only a mute takes days, from 1 to "
                                           "3650").format(code=code))
        return cls(decision, int(days))

    def severity(self) -> int:
        """How heavy the step is, to tell a lighter (reduced) sanction from a heavier one."""
        if self.decision == "mute":
            return 10_000 if self.days is None else self.days
        return {"dismiss": -1, "warn": 0, "remove": 20_000, "ban": 30_000}[self.decision]


DEFAULT_STEPS = tuple(Step.parse(code) for code in
                      ("warn", "mute:1", "mute:7", "mute:15", "mute", "ban"))


@dataclass(frozen=True)
class Ladder:
    steps: tuple[Step, ...] = DEFAULT_STEPS
    window_days: int = 90
    decay_days: int = 30  # 0 turns decay off
    aggravated_jump: int = 2

    def to_json(self) -> str:
        return json.dumps({"steps": [s.code for s in self.steps], "window_days": self.window_days,
                           "decay_days": self.decay_days, "aggravated_jump": self.aggravated_jump})

    @classmethod
    def from_json(cls, text: str | None, base: Ladder | None = None) -> Ladder:
        """A rule's own ladder; fields it leaves out come from `base` (the team default)."""
        base = base or cls()
        if not text:
            return base
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise LadderError(N_("ladder", "the ladder is not valid JSON: {exc}").format(
                                  exc=exc)) from None
        if not isinstance(data, dict):
            raise LadderError(N_("ladder", "the ladder must be an object with steps and windows"))
        steps = data.get("steps", [s.code for s in base.steps])
        if not isinstance(steps, list) or not steps:
            raise LadderError(N_("ladder", "the ladder needs at least one step"))
        numbers = {}
        for key, low in (("window_days", 1), ("decay_days", 0), ("aggravated_jump", 0)):
            value = data.get(key, getattr(base, key))
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= 3650:
                raise LadderError(N_("ladder", "{key} must be a whole number from {low} "
                                               "to 3650").format(key=key, low=low))
            numbers[key] = value
        parsed = tuple(Step.parse(str(s)) for s in steps)
        if any(s.decision == "dismiss" for s in parsed):
            raise LadderError(N_("ladder", "dismiss applies nothing, so it cannot be a step"))
        return cls(parsed, **numbers)


@dataclass(frozen=True)
class Offence:
    at: datetime
    counts: bool = True  # False for overturned sanctions and rules outside the ladder


@dataclass(frozen=True)
class Suggestion:
    step: Step
    counted: int  # counted offences before this one, after window and decay
    ordinal: int  # this offence's number in the window (1 = first)
    rung: int  # index into the ladder's steps
    aggravated: bool
    recent: tuple[datetime, ...] = field(default=())

    def explain(self, window_days: int) -> dict:
        """The parts of "3rd counted offence in 90 days → mute 7 days", for any language."""
        return {"ordinal": self.ordinal, "window_days": window_days, "step": self.step.code,
                "aggravated": self.aggravated, "decayed": len(self.recent) + 1 - self.ordinal}


def counted(offences: Iterable[Offence], now: datetime, ladder: Ladder) -> tuple[int, tuple]:
    """How many offences weigh now, and the in-window times they were counted from."""
    since = now - timedelta(days=ladder.window_days)
    recent = tuple(sorted(o.at for o in offences if o.counts and since < o.at <= now))
    if not recent:
        return 0, recent
    weight = len(recent)
    if ladder.decay_days:
        weight -= (now - recent[-1]).days // ladder.decay_days
    return max(weight, 0), recent


def suggest(offences: Iterable[Offence], now: datetime, ladder: Ladder,
            aggravated: bool = False) -> Suggestion:
    weight, recent = counted(offences, now, ladder)
    rung = weight + (ladder.aggravated_jump if aggravated else 0)
    rung = min(rung, len(ladder.steps) - 1)
    return Suggestion(ladder.steps[rung], weight, weight + 1, rung, aggravated, recent)
