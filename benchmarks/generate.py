"""Build the plans the benchmarks time: a large plan at any scale, and a batch of plans.

The large plan is valid and consistent (every reference points at something that exists),
so `smplan check` runs every rule on it and `smplan render` fills every section. At scale
1 it has 50 team members, 100 objectives, 300 metrics, 40 segments and 60 channels.

    python benchmarks/generate.py large 10 big.yaml
    python benchmarks/generate.py batch 200 folder/
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

#: How many of each thing a plan of scale 1 holds.
BASE = {"members": 50, "objectives": 100, "metrics": 300, "segments": 40, "channels": 60}

DEPARTMENTS = ["marketing", "communication", "customer_service", "support", "sales", "rd"]
FAMILIES = ["revenue", "costs", "relationship", "loyalty"]
KINDS = ["reach", "engagement", "conversion", "revenue", "cost", "sentiment", "service"]
PILLARS = ["educational", "entertaining", "conversational", "promotional"]
PLATFORMS = ["LinkedIn", "Instagram", "YouTube", "Facebook", "TikTok", "X", "Pinterest"]
WORDS = (
    "customers neighbourhood bread orders weekly stories questions answers team support "
    "launch events workshop guide recipes season members local growth quality service"
).split()


def _sentence(rng: random.Random, words: int = 9) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:]


def large_plan(scale: int, seed: int = 7) -> dict[str, Any]:
    """A consistent plan holding `scale` times the counts in `BASE`."""
    rng = random.Random(seed)
    n = {key: count * scale for key, count in BASE.items()}
    members = [f"member-{i}" for i in range(n["members"])]
    objectives = [f"objective-{i}" for i in range(n["objectives"])]
    metrics = [f"metric-{i}" for i in range(n["metrics"])]
    segments = [f"segment-{i}" for i in range(n["segments"])]
    needs = [f"need-{i}" for i in range(max(5, n["segments"] // 2))]
    return {
        "smplan": 1,
        "project": {
            "name": f"Large plan, scale {scale}",
            "organization": "Benchmark Cooperative",
            "language": "en",
            "author": "Benchmark generator",
            "date": "2026-11-02",
            "horizon": "2028-12-31",
            "version": "1.0",
            "currency": "EUR",
        },
        "team": {
            "sponsor": {"name": "Alex Moreau", "role": "Managing director"},
            "members": [
                {
                    "id": member,
                    "name": f"Person {i}",
                    "role": "Team member",
                    "department": DEPARTMENTS[i % len(DEPARTMENTS)],
                    "responsibilities": [_sentence(rng, 6)],
                    "hours_per_week": 40,
                }
                for i, member in enumerate(members)
            ],
            "cadence": "Thirty minutes every Monday",
            "approvals": [
                {"content": "Posts", "drafted_by": members[:2], "approved_by": members[0]}
            ],
            "reviews": [{"cadence": "monthly", "what": "Monthly report", "owner": members[0]}],
        },
        "listening": {
            "needs": [
                {"id": need, "need": _sentence(rng), "source": "Shop counter", "evidence": "Notes"}
                for need in needs
            ],
            "sources": [
                {"name": "Shop counter", "kind": "offline"},
                {"name": "Reviews", "kind": "online"},
            ],
            "keywords": {
                "company": ["Benchmark Cooperative"],
                "executives": ["Alex Moreau"],
                "themes": ["local food"],
                "competitors": ["Other Cooperative"],
                "partners": [],
                "brands": [],
                "slogans": [],
                "intellectual_property": [],
            },
            "review_cadence": "weekly",
            "monitoring_hours_per_week": 2,
            "playbook": {
                "verify": "Check the order book",
                "cases": [
                    {"case": case, "action": _sentence(rng, 5), "owner": members[0]}
                    | {"response_hours": 4}
                    for case in ("praise", "unhappy", "misinformed", "troll", "crisis")
                ],
            },
        },
        "objectives": [
            {
                "id": objective,
                "family": FAMILIES[i % len(FAMILIES)],
                "statement": _sentence(rng, 12),
                "business_goal": _sentence(rng, 6),
                "primary": i == 0,
                "priority": "high" if i == 0 else "medium",
                "deadline": "2028-06-30",
            }
            for i, objective in enumerate(objectives)
        ],
        "metrics": [
            {
                "id": metric,
                "objective": objectives[i % len(objectives)],
                "name": _sentence(rng, 5),
                "kind": "conversion" if i < len(objectives) else KINDS[i % len(KINDS)],
                "definition": _sentence(rng, 8),
                "baseline": rng.randint(0, 500),
                "target": rng.randint(500, 1000),
                "unit": "per month",
                "deadline": "2028-06-30",
                "source": "Analytics",
                "frequency": "monthly",
                "owner": members[i % len(members)],
            }
            for i, metric in enumerate(metrics)
        ],
        "audience": [
            {
                "id": segment,
                "name": f"Segment {i}",
                "demographics": _sentence(rng, 6),
                "psychographics": _sentence(rng, 6),
                "needs": [needs[i % len(needs)]],
                "content": [_sentence(rng, 4)],
                "platforms": [PLATFORMS[i % len(PLATFORMS)]],
            }
            for i, segment in enumerate(segments)
        ],
        "value": {
            "philosophy": "Good food takes time",
            "promise": "Know what is fresh today",
            "differentiators": ["Local flour"],
            "topics": [
                {"topic": _sentence(rng, 5), "kind": kind} for kind in PILLARS[:3] + PILLARS
            ],
            "services": [
                {"name": f"Service {i}", "description": _sentence(rng), "need": need}
                for i, need in enumerate(needs)
            ],
        },
        "human_face": {
            "spokespeople": [
                {
                    "name": "Person 0",
                    "member": members[0],
                    "role": "Founder",
                    "channels": PLATFORMS[:2],
                    "topics": ["Bread"],
                }
            ],
            "voice": {"tone": "Warm", "we_do": ["Answer by name"], "we_never": ["Argue"]},
        },
        "channels": [
            {
                "platform": PLATFORMS[i % len(PLATFORMS)],
                "handle": f"@benchmark{i}",
                "purpose": _sentence(rng, 7),
                "objectives": [objectives[(i * 2 + k) % len(objectives)] for k in range(2)],
                "audiences": [segments[i % len(segments)]],
                "pillars": [
                    {"name": "Know-how", "kind": "educational", "share": 50},
                    {"name": "Behind the scenes", "kind": "entertaining", "share": 30},
                    {"name": "Offers", "kind": "promotional", "share": 20},
                ],
                "formats": ["Posts", "Stories"],
                "posts_per_week": 3,
                "owner": members[i % len(members)],
                "hours_per_week": 1,
                "budget_per_month": 100,
                "metrics": [metrics[(i * 5 + k) % len(metrics)] for k in range(5)],
            }
            for i in range(n["channels"])
        ],
    }


def dangling_plan(count: int) -> dict[str, Any]:
    """A plan whose approval rule names `count` team members that do not exist.

    As many members exist, with ids close to none of the names, so each reference is
    looked up among all of them and finds no near match: the worst case for the hints.
    """
    members = [
        {
            "id": f"member-{i}",
            "name": f"Member {i}",
            "role": "Baker",
            "department": "operations",
            "responsibilities": ["Bakes"],
            "hours_per_week": 1,
        }
        for i in range(count)
    ]
    drafted = [f"zz{i}-nobody" for i in range(count)]
    return {
        "smplan": 1,
        "project": {"name": "Dangling references", "language": "en"},
        "team": {"members": members, "approvals": [{"content": "Posts", "drafted_by": drafted}]},
    }


def write_dangling(count: int, path: Path) -> Path:
    """Write the plan of `count` dangling references to `path`."""
    path.write_text(plan_text(dangling_plan(count)), encoding="utf-8")
    return path


def plan_text(data: dict[str, Any]) -> str:
    """Plan data as the YAML a person would keep."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def write_large(scale: int, path: Path) -> Path:
    """Write the large plan of `scale` to `path`."""
    path.write_text(plan_text(large_plan(scale)), encoding="utf-8")
    return path


def write_batch(count: int, folder: Path) -> list[Path]:
    """Write `count` plans into `folder`: the examples, each renamed many times over."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(p for p in EXAMPLES.glob("*.yaml") if not p.name.endswith(".results.yaml"))
    texts = [s.read_text(encoding="utf-8") for s in sources]
    paths = []
    for i in range(count):
        data = yaml.safe_load(texts[i % len(texts)])
        data["project"]["organization"] = f"{data['project']['organization']} #{i}"
        path = folder / f"plan-{i:03d}.yaml"
        path.write_text(plan_text(data), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str]) -> int:
    """`generate.py large SCALE FILE` or `generate.py batch COUNT FOLDER`."""
    if len(argv) != 3 or argv[0] not in ("large", "batch"):
        sys.stderr.write(__doc__ or "")
        return 2
    kind, count, target = argv[0], int(argv[1]), Path(argv[2])
    if kind == "large":
        write_large(count, target)
    else:
        write_batch(count, target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
