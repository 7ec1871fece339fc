#!/usr/bin/env bash
# Times `mtaudit feed` (release build, full audit: every detector and metric) on the DEMETR and WMT MQM
# pairs of ../shared/eval/dev, with 1 and 2 jobs, and sacreBLEU's sentence chrF, BLEU and TER on the same
# pairs for comparison. Needs `pip install sacrebleu`. From the project root:
#
#     bash Scripts/bench-feed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import json, sys
out = sys.argv[1]
pairs = []
for name in ["demetr.jsonl", "wmt21_mqm_ted.jsonl"]:
    for line in open(f"../shared/eval/dev/{name}", encoding="utf-8"):
        r = json.loads(line)
        pairs.append((r["id"], r["canonical"], r["variant"]))
with open(f"{out}/feed.jsonl", "w", encoding="utf-8") as f:
    for i, src, hyp in pairs:
        f.write(json.dumps({"id": i, "source": src, "versions": [{"id": "v", "text": hyp}]}, ensure_ascii=False) + "\n")
json.dump(pairs, open(f"{out}/pairs.json", "w"))
print(f"{len(pairs)} pairs, {sum(len((s + h).encode()) for _, s, h in pairs) / 1e6:.2f} MB of source+version text")
PY
for jobs in 1 2; do
    /usr/bin/time -f "mtaudit feed --jobs $jobs: %e s wall, %M KB peak" .build/release/mtaudit feed --jobs "$jobs" "$work/feed.jsonl" > /dev/null || true
done
python3 - "$work" <<'PY'
import json, sys, time
from sacrebleu.metrics import BLEU, CHRF, TER
pairs = json.load(open(sys.argv[1] + "/pairs.json"))
for name, metric in [("chrF", CHRF()), ("BLEU", BLEU(effective_order=True)), ("TER", TER())]:
    start = time.time()
    for _, src, hyp in pairs:
        metric.sentence_score(hyp, [src])
    print(f"sacreBLEU sentence {name}: {time.time() - start:.2f} s")
PY
