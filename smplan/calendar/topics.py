"""What each post is about: the pillar's own topics, in turn, never too soon again.

A pillar's topics come from the plan, source by source (`SOURCES`): today the value step's
topics of the pillar's kind; where a channel has several pillars of one kind, each topic
goes to the pillar whose name it shares most words with. A channel's posts take their
pillar's topics in turn, skipping one it used less than the gap ago on that channel; when
every topic of the pillar is that recent, the post has none suggested rather than a repeat.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable

from smplan.plan.model import Channel, Pillar, Plan

#: The weeks before a topic comes back on a channel, when the plan does not say.
DEFAULT_GAP_WEEKS = 4
#: Words shorter than this say little about what a text is about (the, and, of, les, des).
_SHORT = 4
#: Words are compared on their first letters, so that plurals and genders match.
_STEM = 5


def _of_kind(plan: Plan, channel: Channel, pillar: Pillar) -> list[str]:
    """The value step's topics of the pillar's kind that belong to it rather than to another
    pillar of that kind on the channel."""
    if not pillar.kind:
        return []
    same = [p for p in channel.pillars if p.kind == pillar.kind]
    found = []
    for topic in plan.value.topics if plan.value else []:
        if not topic.topic or topic.kind != pillar.kind:
            continue
        scores = [_shared(topic.topic, p.name or "") for p in same]
        best = max(scores, default=0)
        if best == 0 or scores[same.index(pillar)] == best:
            found.append(topic.topic)
    return found


#: Where a pillar's topics come from, in the order a post takes them.
SOURCES: tuple[Callable[[Plan, Channel, Pillar], list[str]], ...] = (_of_kind,)


def pillar_topics(plan: Plan, channel: Channel, pillar: Pillar) -> list[str]:
    """Every topic a post of `pillar` on `channel` may be about, each once, in order."""
    found: list[str] = []
    for source in SOURCES:
        found += [t for t in source(plan, channel, pillar) if t not in found]
    return found


def _words(text: str) -> set[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return {w[:_STEM] for w in re.findall(r"[a-z]+", plain.lower()) if len(w) >= _SHORT}


def _shared(first: str, second: str) -> int:
    return len(_words(first) & _words(second))


def gap_days(plan: Plan) -> int:
    """The fewest days between two posts of one channel on the same topic."""
    settings = plan.calendar
    weeks = settings.topic_gap_weeks if settings else None
    return 7 * (DEFAULT_GAP_WEEKS if weeks is None else weeks)


class Rotation:
    """The topics of one channel's posts, taken in turn one post after another."""

    def __init__(self, choices: dict[str, list[str]], gap: int) -> None:
        self.choices = choices
        self.gap = gap
        self.turn: dict[str, int] = {}
        self.used: dict[str, dt.date] = {}

    def next(self, pillar: str, day: dt.date) -> str | None:
        """The topic of the next post of `pillar`, on `day`, or None when all are too recent."""
        choices = self.choices.get(pillar, [])
        start = self.turn.get(pillar, 0)
        for step in range(len(choices)):
            topic = choices[(start + step) % len(choices)]
            last = self.used.get(topic)
            if last is None or abs((day - last).days) >= self.gap:
                self.turn[pillar] = (start + step + 1) % len(choices)
                self.used[topic] = day
                return topic
        return None
