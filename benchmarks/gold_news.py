"""Score frames and sentence tone on the hand-labelled gold set of real coverage (issue 15).

    .venv/bin/python benchmarks/gold_news.py --texts DIR [--dictionary security|PATH]
    .venv/bin/python benchmarks/gold_news.py --texts DIR --gold FOLDER --no-halves

``DIR`` holds the labelled articles as ``<doc_id>.txt`` (the texts are not redistributed:
``tests/data/gold_news/articles.csv`` gives each URL and the SHA-256 of the text that was
labelled; a text that differs is refused, naming the file; a text that is not in ``DIR``
is skipped with a note, and only the labels of the texts read are scored). Prints:

- the agreement of the two annotation passes (Cohen's kappa per frame and for tone);
- for each half of the articles (``dev``: the 1st, 3rd, 5th… article of each outlet
  group, read first while choosing cues and rules; ``test``: the rest, read too since the
  whole-set revision; ``whole``):
  frame precision, recall and F1 per frame, micro and macro, with every dictionary match
  counting (``context=False``) and with cues judged in context (the default), and
  sentence-tone accuracy and macro F1 of VADER as published and with the security domain;
- frame micro P/R/F1 and tone accuracy per outlet group.

``--no-halves`` scores the whole set only: for a set held out as a whole, such as
``tests/data/gold_news_fresh``, ``tests/data/gold_news_third`` and
``tests/data/gold_news_fourth`` (the set held out from the dictionary's last revision).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from framelens import corpus, framing, gold  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold_news"


def _frames(sentences, labels, dictionary, name: str) -> None:
    for context in (False, True):
        t = gold.frame_scores(sentences, labels, dictionary, context=context).set_index("frame")
        mi, ma = t.loc["all (micro)"], t.loc["macro"]
        print(
            f"{name} context={context!s:5}  micro P/R/F1 {mi.precision:.3f}/{mi.recall:.3f}/"
            f"{mi.f1:.3f}  macro P/R/F1 {ma.precision:.3f}/{ma.recall:.3f}/{ma.f1:.3f}"
        )
        if context:
            cols = ["support", "n_predicted", "tp", "fp", "fn", "precision", "recall", "f1"]
            print(t[cols].round(3).to_string())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", required=True, help="folder of <doc_id>.txt")
    ap.add_argument("--gold", default=str(GOLD), help="gold-set folder (default: shipped)")
    ap.add_argument("--dictionary", default="security", help="frame dictionary (name or YAML)")
    ap.add_argument(
        "--halves",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="score the dev and test halves too (default); --no-halves: the whole set only",
    )
    args = ap.parse_args(argv)
    pd.set_option("display.width", 120)
    g = gold.load(args.gold)
    arts = g["articles"]
    docs = gold.documents(args.texts, arts, missing="skip")
    read = set(docs["doc_id"])
    absent = [d for d in arts["doc_id"] if d not in read]
    if absent:
        n_absent = int(g["labels"]["doc_id"].isin(absent).sum())
        print(
            f"note: {len(absent)} of {len(arts)} texts are not in {args.texts} and are skipped "
            f"({n_absent} labelled sentences not scored): {', '.join(absent)}"
        )
    if not read:
        print(
            f"error: none of the {len(arts)} texts of {args.gold} is in {args.texts}. The texts "
            f"are not redistributed: save each article as <doc_id>.txt there (see "
            f"{Path(args.gold) / 'README.md'}), then run this again.",
            file=sys.stderr,
        )
        return 2
    sentences = corpus.segment(docs)
    labels = gold.check_alignment(
        sentences,
        g["labels"][g["labels"]["doc_id"].isin(read)],
        skip=True,
        furniture=corpus.boilerplate(docs),
    )
    for doc_id, sent_id, start, now in labels.attrs.get("moved", []):
        print(
            f"note: {doc_id} sentence {sent_id} now starts at {now}, not {start}: the text "
            "before it is a dateline or furniture the segmentation leaves out (scored)"
        )
    for doc_id, sent_id, start, end in labels.attrs.get("skipped", []):
        print(
            f"note: {doc_id} sentence {sent_id} ({start}-{end}) is no longer one sentence "
            "(the segmentation changed since it was labelled): not scored"
        )
    groups = arts.set_index("doc_id")["outlet_group"]
    print(
        f"{len(docs)} articles ({groups[list(read)].value_counts().sort_index().to_dict()}), "
        f"{len(labels)} labelled sentences of {len(sentences)}"
    )
    cols = [*gold.FRAMES, "tone"]
    agree = framing.agreement(g["pass_a"], g["pass_b"], cols)
    print(f"\nagreement of the two passes (all {len(g['labels'])} labelled sentences)")
    print(agree.round(3).to_string(index=False))
    frame_kappa = agree[agree["column"] != "tone"]["kappa"].mean()
    print(f"mean kappa over frames {frame_kappa:.3f}")

    dictionary = framing.load_dictionary(args.dictionary)
    split = gold.halves(arts)
    sets = [("whole", list(read))]
    if args.halves:
        print(
            f"\nframes ({dictionary.name!r} dictionary) and sentence tone; dev: articles 1, 3, "
            "5… of each outlet group, test: the rest"
        )
        sets = [("dev", split["dev"]), ("test", split["test"]), *sets]
    else:
        print(f"\nframes ({dictionary.name!r} dictionary) and sentence tone, the whole set")
    for name, ids in sets:
        lab = labels[labels["doc_id"].isin(ids)]
        n_docs = lab["doc_id"].nunique()
        print(f"\n== {name}: {n_docs} articles, {len(lab)} sentences")
        _frames(sentences, lab, dictionary, name)
        print(gold.tone_scores(sentences, lab).round(3).to_string(index=False))

    print("\nper outlet group: frame micro P/R/F1 (context=False -> default), tone accuracy")
    for group, ids in groups[list(read)].groupby(groups[list(read)]):
        lab = labels[labels["doc_id"].isin(ids.index)]
        line = [f"{group:>14} ({len(lab)} sentences)"]
        for context in (False, True):
            m = gold.frame_scores(sentences, lab, dictionary, context=context).set_index("frame")
            r = m.loc["all (micro)"]
            line.append(f"{r.precision:.2f}/{r.recall:.2f}/{r.f1:.2f}")
        tone = gold.tone_scores(sentences, lab)["accuracy"].tolist()
        line.append(f"tone {tone[0]:.2f} -> {tone[1]:.2f}")
        print("  ".join(line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
