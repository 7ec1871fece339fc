#!/usr/bin/env python3
"""Writes Tests/MTAuditTests/Fixtures/metrics.json: sentence chrF, chrF++, BLEU and TER from sacreBLEU for
pairs written for this project, which the Swift metrics must match to 0.01.

    pip install sacrebleu==2.6.0
    python3 Scripts/make-metric-fixtures.py        # from the project root
"""
import json
import pathlib
from sacrebleu.metrics import BLEU, CHRF, TER
import sacrebleu

PAIRS = [
    ("The harbour council approved the tidal plan on Monday.", "The harbour council approved the tidal plan on Monday."),
    ("On Monday the council of the harbour backed the tidal plan.", "The harbour council approved the tidal plan on Monday."),
    ("The plan will cost 40 million euros.", "The plan will cost 14 million euros."),
    ("Mayor Ana Soto said the vote was close.", "Mayor Ana Sotto said that the vote had been close."),
    ("Work starts in spring (weather permitting).", "Work starts in spring, weather permitting."),
    ("Prices rose 3.5% in 2024, to 1,250 crowns.", "Prices rose by 3.5 % in 2024 to 1,250 crowns."),
    ("Scores were 2-3, then 10-4.", "The scores were 2 - 3 and then 10-4."),
    ("“We will build it,” she said — at last.", "\"We will build it\", she said - at last."),
    ("Zoë met the Ørsted engineers in Zürich.", "Zoe met the Orsted engineers in Zurich."),
    ("会议在北京举行。", "会议于北京召开。"),
    ("東京で会議が開かれた。", "東京で会議があった。"),
    ("The ferry 🛳 left at 9 a.m. sharp!", "The ferry left at 9 a.m. sharp 🛳!"),
    ("", "The council met."),
    ("The council met.", ""),
    ("a", "a"),
    ("word", "different"),
    ("Tom &amp; Jerry &lt;3 cheese.", "Tom & Jerry <3 cheese."),
    ("It ended well-ish, didn't it?", "It ended rather well, did it not?"),
    ("  Spaces   around\tand\nbetween  words  ", "Spaces around and between words"),
    ("Der Rat hat den Plan am Dienstag gebilligt.", "Am Dienstag billigte der Rat den Plan."),
    ("The the the the", "The"),
    ("(HB) (HB) joined.", "He joined the Harbour Board (HB)."),
    ("Ελπίζουμε ότι η γέφυρα θα ανοίξει σύντομα.", "Η γέφυρα θα ανοίξει σύντομα, ελπίζουμε."),
    ("Москва — столица России.", "Столица России — Москва."),
    ("Sentence one. Sentence two.\n\nA third paragraph follows here.", "Sentence one. Sentence 2.\n\nA third paragraph follows."),
    ("on Monday the harbour council approved the plan", "the harbour council approved the plan on Monday"),
    ("the plan the council approved on Monday was tidal", "the council approved the tidal plan on Monday"),
    ("c d e f a b g h", "a b c d e f g h"),
    ("one two three four five six seven eight nine ten eleven twelve thirteen",
     "seven eight nine ten eleven twelve thirteen one two three four five six"),
    (" ".join(f"w{i}" for i in range(80)), " ".join(f"w{i}" for i in list(range(40, 80)) + list(range(40)))),
    (" ".join(f"w{i % 7}" for i in range(60)), " ".join(f"w{(i * 3) % 7}" for i in range(45))),
    ("short", " ".join(f"long{i}" for i in range(70))),
]

out = []
chrf, chrfpp, bleu, ter = CHRF(), CHRF(word_order=2), BLEU(effective_order=True), TER()
for hyp, ref in PAIRS:
    out.append({
        "hypothesis": hyp, "reference": ref,
        "chrF": chrf.sentence_score(hyp, [ref]).score,
        "chrF++": chrfpp.sentence_score(hyp, [ref]).score,
        "BLEU": bleu.sentence_score(hyp, [ref]).score,
        "TER": ter.sentence_score(hyp, [ref]).score,
    })
path = pathlib.Path("Tests/MTAuditTests/Fixtures/metrics.json")
path.write_text(json.dumps({"sacrebleu": sacrebleu.__version__, "pairs": out}, ensure_ascii=False, indent=1) + "\n",
                encoding="utf-8")
print(len(out), "pairs written to", path)
