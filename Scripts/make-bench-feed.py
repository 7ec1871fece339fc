#!/usr/bin/env python3
"""Feeds for the benchmarks (see BENCHMARKS.md), written as mtaudit's JSON Lines on stdout.

  make-bench-feed.py pairs                       the labelled pairs of ../shared/eval/dev, one line each
  make-bench-feed.py articles --size N --count C C articles of N × 8 paragraphs, each with 3 versions
  make-bench-feed.py stream --megabytes M [--copies K]
                                                 1× articles until M MB; with K, M/K MB of articles
                                                 written K times under other ids (faster to make)

Articles are made from a fixed seed: paragraphs of 4 sentences of 12–25 words drawn by frequency from
the 5,000 commonest words of Lexicons/words/en.txt, with made-up names and numbers. Each version
replaces about 10% of the words, drops a paragraph in 20 (never the only one), swaps a name for
another in one sentence in 10, changes a number in one in 15, and one version of three is a round
trip that also merges one sentence pair in 12. Nothing here is taken from the evaluation data.
"""
import argparse
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def vocabulary():
    words, weights = [], []
    with open(os.path.join(ROOT, "Lexicons", "words", "en.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            word, zipf = line.rstrip("\n").split("\t")
            if word.isalpha():
                words.append(word)
                weights.append(10 ** float(zipf))
            if len(words) >= 5000:
                break
    return words, weights


SYLLABLES = ["ka", "lo", "ri", "mun", "tes", "va", "dor", "bel", "in", "sa", "gro", "the", "na", "vik", "al", "mer"]


def name(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def sentence(rng, words, weights, names):
    count = rng.randint(12, 25)
    out = rng.choices(words, weights, k=count)
    out[rng.randrange(count)] = rng.choice(names)
    if rng.random() < 0.5:
        out[rng.randrange(count)] = str(rng.randint(2, 9999))
    out[0] = out[0].capitalize()
    return " ".join(out) + "."


def article(rng, size, words, weights):
    names = [name(rng) for _ in range(20 * size)]
    paragraphs = [[sentence(rng, words, weights, names) for _ in range(4)] for _ in range(8 * size)]
    return paragraphs, names


def version(rng, paragraphs, names, words, weights, round_trip):
    out = []
    for paragraph in paragraphs:
        if len(paragraphs) > 1 and rng.random() < 0.05:
            continue
        sentences = []
        for s in paragraph:
            tokens = s[:-1].split(" ")
            for i in range(len(tokens)):
                if rng.random() < 0.10:
                    tokens[i] = rng.choices(words, weights)[0]
            if rng.random() < 0.10:
                tokens[rng.randrange(len(tokens))] = rng.choice(names)
            if rng.random() < 0.066:
                tokens.append(str(rng.randint(2, 9999)))
            sentences.append(" ".join(tokens) + ".")
        if round_trip:
            for i in range(len(sentences) - 1):
                if rng.random() < 1 / 12:
                    sentences[i] = sentences[i][:-1] + " and " + sentences[i + 1][0].lower() + sentences[i + 1][1:]
                    sentences[i + 1] = ""
        out.append(" ".join(s for s in sentences if s))
    return "\n\n".join(out)


def line(rng, ident, size, words, weights):
    paragraphs, names = article(rng, size, words, weights)
    source = "\n\n".join(" ".join(p) for p in paragraphs)
    versions = [{"id": f"v{k}", "text": version(rng, paragraphs, names, words, weights, k == 2)} for k in range(3)]
    return json.dumps({"id": ident, "source": source, "versions": versions}, ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("pairs")
    articles = sub.add_parser("articles")
    articles.add_argument("--size", type=int, default=1)
    articles.add_argument("--count", type=int, default=1)
    stream = sub.add_parser("stream")
    stream.add_argument("--megabytes", type=float, required=True)
    stream.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    out = sys.stdout
    if args.what == "pairs":
        for name_ in ["demetr.jsonl", "wmt21_mqm_ted.jsonl"]:
            with open(os.path.join(ROOT, "..", "shared", "eval", "dev", name_), encoding="utf-8") as f:
                for raw in f:
                    r = json.loads(raw)
                    out.write(json.dumps({"id": r["id"], "source": r["canonical"],
                                          "versions": [{"id": "v", "text": r["variant"]}]}, ensure_ascii=False) + "\n")
        return
    words, weights = vocabulary()
    rng = random.Random(20261123)
    if args.what == "articles":
        for k in range(args.count):
            out.write(line(rng, f"a{args.size}x-{k}", args.size, words, weights) + "\n")
    else:
        written, k, lines = 0, 0, []
        limit = args.megabytes * 1e6 / max(1, args.copies)
        while written < limit:
            text = line(rng, f"s{k}", 1, words, weights) + "\n"
            lines.append(text)
            written += len(text.encode("utf-8"))
            k += 1
        for copy in range(max(1, args.copies)):
            for text in lines:
                out.write(text if args.copies <= 1 else text.replace('{"id": "s', f'{{"id": "c{copy}-s', 1))


if __name__ == "__main__":
    main()
