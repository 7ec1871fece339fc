#!/usr/bin/env python3
"""Writes Lexicons/words/<lang>.txt: the common words of a language with their Zipf frequency.

The untranslated detector reads these lists. It tells a word of the version's language from a
foreign word left in it ("could nicht be met"), and it guesses a text's language when none is
declared. The data comes from wordfreq (Robyn Speer et al.), whose word frequencies are licensed
CC BY-SA 4.0, so the generated files are CC BY-SA 4.0 as well (see Lexicons/words/README.md).

    pip install wordfreq==3.1.1
    python3 Scripts/make-word-frequencies.py            # from the project root

Each output line is "word<TAB>zipf" (Zipf frequency, one decimal; 3.0 = once per million words),
most frequent first, for words of Zipf 3.0 or more. Lines starting with # are comments. Words are
written in mtaudit's matching form (NFKC, case-folded, curly apostrophes straight) so that the tool
reads them without normalizing a quarter of a million words at start-up.
"""
import pathlib
import unicodedata
import wordfreq
from importlib.metadata import version

LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "ro", "sv", "tr"]
MINIMUM_ZIPF = 3.0

out = pathlib.Path("Lexicons/words")
out.mkdir(parents=True, exist_ok=True)
for lang in LANGUAGES:
    lines = [f"# {lang}: words of Zipf frequency >= {MINIMUM_ZIPF} from wordfreq {version('wordfreq')} "
             "(CC BY-SA 4.0); made by Scripts/make-word-frequencies.py"]
    seen = set()
    for word in wordfreq.top_n_list(lang, 200000, wordlist="best"):
        zipf = wordfreq.zipf_frequency(word, lang, wordlist="best")
        if zipf < MINIMUM_ZIPF:
            break
        if any(c.isspace() for c in word) or not any(c.isalpha() for c in word):
            continue
        key = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", word).casefold()).replace("\u2019", "'")
        if key in seen:
            continue
        seen.add(key)
        lines.append(f"{key}\t{zipf:.1f}")
    (out / f"{lang}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(lang, len(lines) - 1)
