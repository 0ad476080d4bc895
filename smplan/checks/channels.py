"""Step 8: the channel plan."""

from __future__ import annotations

from collections.abc import Iterator

from smplan.checks.core import _THIRD, Hit, Label, Loc, View, _pct, _rule
from smplan.i18n import L_, Number
from smplan.plan.model import (
    Channel,
)


@_rule(
    "SMP800",
    "warning",
    "channels",
    "No channel, and the plan is not listening-only",
    completeness=True,
    name="no-channel",
)
def _some_channel(v: View) -> Iterator[Hit]:
    if v.plan.channels == [] and not v.listening_only:
        yield Hit(
            ("channels",),
            L_("the channel plan has no channel"),
            L_(
                "add a channel, or set `listening.listening_only: true` to listen first",
            ),
        )


@_rule(
    "SMP801",
    "warning",
    "channels",
    "A channel serves no objective",
    completeness=True,
    name="channel-without-objective",
)
def _channel_objectives(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        if not c.objectives:
            yield Hit(
                ("channels", i, "objectives"),
                L_(
                    "{channel} serves no objective",
                    channel=Label("channel", c.platform, i),
                ),
                L_(
                    "a platform is chosen for a reason: list the objectives it serves",
                ),
            )


@_rule(
    "SMP802",
    "warning",
    "channels",
    "A channel reaches no audience",
    completeness=True,
    name="channel-without-audience",
)
def _channel_audiences(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        if not c.audiences:
            yield Hit(
                ("channels", i, "audiences"),
                L_(
                    "{channel} reaches no audience segment",
                    channel=Label("channel", c.platform, i),
                ),
                L_(
                    "list the segments (step 5) it reaches",
                ),
            )


@_rule(
    "SMP803",
    "warning",
    "channels",
    "A channel has no owner",
    completeness=True,
    name="channel-without-owner",
)
def _channel_owner(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        if c.owner is None:
            yield Hit(
                ("channels", i, "owner"),
                L_(
                    "{channel} has no owner",
                    channel=Label("channel", c.platform, i),
                ),
                L_(
                    "name the team member who runs it",
                ),
            )


def _promotional(channel: Channel) -> float | None:
    """Percent of a channel's mix that is promotional, when every pillar has a share."""
    shares = [p.share for p in channel.pillars]
    if not shares or None in shares:
        return None
    total = sum(p.share or 0 for p in channel.pillars)
    promo = sum(p.share or 0 for p in channel.pillars if p.kind == "promotional")
    return 100 * promo / total if total else None


_THIRDS = L_(
    "the rule of thirds keeps promotion to a third of the mix at most",
)
_THIRDS_HINT = L_(
    "turn promotional posts into useful, entertaining or conversational ones",
)


@_rule(
    "SMP804",
    "warning",
    "channels",
    "A channel's mix is more than a third promotional",
    name="channel-too-promotional",
)
def _channel_mix(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        share = _promotional(c)
        if share is not None and share > _THIRD + 1e-9:
            yield Hit(
                ("channels", i, "pillars"),
                L_(
                    "{channel} is {share} promotional; {thirds}",
                    channel=Label("channel", c.platform, i),
                    share=_pct(share),
                    thirds=_THIRDS,
                ),
                _THIRDS_HINT,
            )


@_rule(
    "SMP805",
    "warning",
    "channels",
    "A channel's pillar shares do not add up to 100",
    at_once=True,
    name="pillar-shares-off",
)
def _pillar_total(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        shares = [p.share for p in c.pillars]
        if shares and None not in shares:
            total = sum(p.share or 0 for p in c.pillars)
            if abs(total - 100) > 0.5:
                yield Hit(
                    ("channels", i, "pillars"),
                    L_(
                        "the pillar shares of {channel} add up to {total}, not 100%",
                        channel=Label("channel", c.platform, i),
                        total=_pct(total),
                    ),
                )


@_rule(
    "SMP806",
    "warning",
    "channels",
    "The whole channel plan is more than a third promotional",
    name="plan-too-promotional",
)
def _overall_mix(v: View) -> Iterator[Hit]:
    mixes = [(c, share) for c in v.channels if (share := _promotional(c)) is not None]
    if len(mixes) < 2:
        return
    by_posts = all(c.posts_per_week for c, _ in mixes)
    weights = [(c.posts_per_week or 0) if by_posts else 1.0 for c, _ in mixes]
    overall = sum(w * s for w, (_, s) in zip(weights, mixes, strict=True)) / sum(weights)
    if overall > _THIRD + 1e-9:
        basis = L_("weighted by posts a week") if by_posts else L_("each channel counted equally")
        yield Hit(
            ("channels",),
            L_(
                "the channel plan as a whole is {share} promotional ({basis}); {thirds}",
                share=_pct(overall),
                basis=basis,
                thirds=_THIRDS,
            ),
            _THIRDS_HINT,
        )


@_rule(
    "SMP807",
    "warning",
    "channels",
    "An objective is served by no channel",
    name="objective-unserved",
)
def _objective_served(v: View) -> Iterator[Hit]:
    if not v.channels_judged:
        return
    served = {o for c in v.channels for o in c.objectives}
    for i, o in enumerate(v.objectives):
        if o.id not in served:
            yield Hit(
                ("objectives", i),
                L_(
                    "objective `{id}` is served by no channel",
                    id=o.id,
                ),
                L_(
                    "add it to a channel's `objectives`, or say why it needs none",
                ),
            )


@_rule(
    "SMP808",
    "warning",
    "channels",
    "The channels need more hours than the team declares",
    at_once=True,
    name="hours-short",
)
def _hours_fit(v: View) -> Iterator[Hit]:
    total = v.hours
    available = total.declared
    if available is None:
        return
    channels, monitoring, needed = total.channels, total.monitoring, total.needed
    if needed <= available + 1e-9:
        return
    detail = (
        L_(
            " ({channels} h for channels, {monitoring} h for monitoring)",
            channels=Number(channels),
            monitoring=Number(monitoring),
        )
        if channels and monitoring
        else ""
    )
    loc: Loc = ("channels",) if v.channels else ("listening", "monitoring_hours_per_week")
    yield Hit(
        loc,
        L_(
            "the plan needs {needed} h a week{detail} but the team declares {available} h",
            needed=Number(needed),
            detail=detail,
            available=Number(available),
        ),
        L_(
            "drop or slow down a channel, or give the team more time (step 1)",
        ),
    )


@_rule(
    "SMP809",
    "warning",
    "channels",
    "A channel has no metric",
    completeness=True,
    name="channel-without-metric",
)
def _channel_metrics(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        if not c.metrics:
            yield Hit(
                ("channels", i, "metrics"),
                L_(
                    "{channel} has no metric to judge it",
                    channel=Label("channel", c.platform, i),
                ),
                L_(
                    "list the metrics (step 4) that show whether it works",
                ),
            )
