r"""Accuracy of events.mentions and the claim check on the gold set of exercise references.

Reads ``tests/data/gold_exercises`` (articles, hand-labelled mentions and claims; see its
README for the definitions), the article texts from ``--texts`` folders (not in the
repository; each checked against the gold's SHA-256), runs ``events.mentions`` with each
article's own publication date and ``events.check_claims_by_document``, and prints:

* mention precision, recall and date accuracy — whole set, dev half (tuned on), test half
  (held out) — then per type and per outlet group;
* claim precision, recall and verdict accuracy, likewise, per claim type.

    .venv/bin/python benchmarks/gold_exercises.py --texts /work/gold_texts/news \
        --texts /work/gold_texts/exercises_extra [--errors]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from framelens.events import evaluate  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold_exercises"


def _table(scored: pd.DataFrame, by: str | None, label: str) -> pd.DataFrame:
    parts = []
    for split in ("all", "dev", "test"):
        sub = scored if split == "all" else scored[scored["split"] == split]
        t = evaluate.summarise(sub, by).assign(split=split)
        parts.append(t)
    out = pd.concat(parts, ignore_index=True)
    out = out.rename(columns={"accuracy": label})
    cols = ["split", "group", "n_gold", "n_pred", "tp", "precision", "recall", "n_dated", label]
    return out[cols]


def main(argv: list[str] | None = None) -> int:
    """Print the tables; return 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", action="append", required=True, help="folder of <doc_id>.txt")
    ap.add_argument("--gold", default=str(GOLD), help="the gold set folder")
    ap.add_argument("--errors", action="store_true", help="also list every miss")
    args = ap.parse_args(argv)
    out = evaluate.evaluate(args.gold, args.texts)
    m, c = out["mentions"], out["claims"]
    m = m.assign(mtype=m["type"].where(m["type"] != "", m["gold_type"]))
    pd.set_option("display.width", 160)
    pd.set_option("display.float_format", lambda v: f"{v:.3f}")
    print("== Mentions (match: overlapping span, same type, family equal or not predicted) ==")
    print(_table(m, None, "date_acc").to_string(index=False))
    print("\n-- per type --")
    print(_table(m, "mtype", "date_acc").to_string(index=False))
    print("\n-- per outlet group --")
    print(_table(m, "outlet_group", "date_acc").to_string(index=False))
    print("\n== Claims (match: overlapping evidence, same claim type) ==")
    print(_table(c, None, "verdict_acc").to_string(index=False))
    print("\n-- per claim type --")
    print(_table(c, "claim_type", "verdict_acc").to_string(index=False))
    print("\n-- per outlet group --")
    print(_table(c, "outlet_group", "verdict_acc").to_string(index=False))
    if args.errors:
        print("\n== Misses ==")
        bad = m[(m["outcome"] != "tp") | (m["date_ok"] == False)]  # noqa: E712
        print(
            bad[
                [
                    "split",
                    "doc_id",
                    "outcome",
                    "mtype",
                    "gold_start",
                    "start",
                    "mention",
                    "gold_year",
                    "gold_date",
                    "pred_year",
                    "pred_date",
                ]
            ].to_string(index=False)
        )
        badc = c[(c["outcome"] != "tp") | (c["verdict_ok"] == False)]  # noqa: E712
        print(
            badc[
                ["split", "doc_id", "outcome", "claim_type", "status", "gold_verdict", "claim"]
            ].to_string(index=False)
        )
    return 0


if __name__ == "__main__":
    from framelens.errors import FramelensError

    try:
        raise SystemExit(main())
    except FramelensError as err:  # a missing or changed text: the message says which
        print(f"error: {err}", file=sys.stderr)
        raise SystemExit(2) from None
