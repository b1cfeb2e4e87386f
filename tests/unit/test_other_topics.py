"""Coverage of other topics than military exercises: climate summits, trade disputes.

Each case comes from a probe that ran the notebooks on a climate-summit and a trade-dispute
corpus with the researcher's own dictionary, actors and event table.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import framing


def _sentences(*texts: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"doc_id": "a", "sent_id": range(len(texts)), "text": list(texts), "kind": "prose",
         "para_id": 0, "start": 0, "end": 0}
    )  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "source", "kind"),
    [
        ("Economist Paul Krugman said the tariffs would hurt consumers.",
         "Economist Paul Krugman", "expert"),
        ("Climate scientist Johan Rockström said the target was slipping away.",
         "Climate scientist Johan Rockström", "expert"),
        ("Scientists said the warming was accelerating.", "Scientists", "expert"),
        ("Researchers at the University of Oxford said the data were clear.",
         "Researchers at the University of Oxford", "expert"),
        # a business named with its country is not the state
        ("Chipmakers in South Korea and Taiwan said the curbs would hurt sales.",
         "Chipmakers in South Korea and Taiwan", "other"),
        ("Farmers in Iowa said the tariffs cost them their markets.", "Farmers in Iowa", "other"),
        # the security beat is unchanged
        ("Military analyst Paul Smith said the drills were large.",
         "Military analyst Paul Smith", "expert"),
        ("The Chinese foreign ministry said the drills were routine.",
         "The Chinese foreign ministry", "official"),
        ("Chinese authorities said the patrol was lawful.", "Chinese authorities", "official"),
    ],
)  # fmt: skip
def test_experts_of_other_beats_and_businesses_are_typed(sentence, source, kind):
    found = framing.attributions(_sentences(sentence))
    assert found[["source", "source_type"]].values.tolist() == [[source, kind]]
