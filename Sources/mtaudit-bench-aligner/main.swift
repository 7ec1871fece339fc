// How the sentence aligner's time grows with article length (issue #3: a 100× longer article should
// take at most about 120× the time of one article).
//
//     swift build -c release --product mtaudit-bench-aligner && .build/release/mtaudit-bench-aligner
//
// A synthetic English article of N paragraphs × 4 sentences (12–25 words each, drawn by Zipf
// frequency from the 5,000 most frequent words of the built-in English list, with made-up names and
// numbers) is aligned to a "version" of it: about 20% of the words replaced, one paragraph in 10 moved,
// one sentence pair in 15 merged, one paragraph in 20 dropped, a caption added every 12 paragraphs.
// Everything is generated from a fixed seed. Only `align(...)` is timed, never the segmenting, and in
// the thread's CPU time rather than wall time, which on a shared machine counts other processes too.
//
// Each document numbers its words once and keeps them in its memo (`DocumentWords`), so only the
// first alignment of a document pays for that. The table times both: the first alignment of new
// documents (the whole cost of aligning an article, which issue #3's ratio is about) and alignments
// of documents already numbered (an audit's later alignments of a document, to the other versions).

import Foundation
import MTAudit
import MTAuditText

/// SplitMix64: small, fast, and the same on every platform.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<bound.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func chance(_ p: Double) -> Bool { unit() < p }
}

/// The 5,000 most frequent plain English words, drawn in proportion to their frequency (10^zipf).
struct Vocabulary {
    let words: [String]
    let known: Set<String>
    let cumulative: [Double]

    init(size: Int = 5000) {
        let list = WordFrequencies.builtIn
        let plain = list.words(in: "en").filter { word in
            word.count >= 2 && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
        }
        let ranked = plain.map { ($0, list.zipf($0, in: "en")) }
            .sorted { ($0.1, $1.0) > ($1.1, $0.0) }   // most frequent first; ties alphabetical
            .prefix(size)
        words = ranked.map(\.0)
        known = Set(words)
        var total = 0.0
        cumulative = ranked.map { total += Foundation.pow(10, Double($0.1)); return total }
    }

    func draw(_ random: inout SplitMix64) -> String {
        let target = random.unit() * cumulative.last!
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] <= target { low = middle + 1 } else { high = middle }
        }
        return words[low]
    }
}

let syllables = ["ka", "vel", "mor", "dan", "ri", "tho", "sen", "lu", "bra", "quin", "os", "te", "zar", "mi", "gol", "fen"]

func madeUpName(_ random: inout SplitMix64) -> String {
    let name = (0..<(2 + random.below(2))).map { _ in syllables[random.below(syllables.count)] }.joined()
    return name.prefix(1).uppercased() + name.dropFirst()
}

func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

/// One sentence as a list of words (no final stop).
func sentenceWords(_ random: inout SplitMix64, _ vocabulary: Vocabulary) -> [String] {
    let count = 12 + random.below(14)
    var words: [String] = []
    for index in 0..<count {
        // The first word is a plain word: ICU does not always break before a sentence that opens with a number.
        let roll = index == 0 ? 1 : random.unit()
        if roll < 0.05 {
            words.append(madeUpName(&random))
        } else if roll < 0.08 {
            words.append(String(1 + random.below(9999)))
        } else {
            var word = vocabulary.draw(&random)
            // A long last word: no "st." or "dr." that the segmenter might take for an abbreviation.
            while index == count - 1 && word.count < 4 { word = vocabulary.draw(&random) }
            words.append(word)
        }
    }
    words[0] = capitalized(words[0])
    return words
}

func render(_ words: [String]) -> String { words.joined(separator: " ") + "." }

struct Article {
    let source: String
    let version: String
}

func makeArticle(paragraphs count: Int, seed: UInt64, vocabulary: Vocabulary) -> Article {
    var random = SplitMix64(seed: seed)
    let paragraphs: [[[String]]] = (0..<count).map { _ in (0..<4).map { _ in sentenceWords(&random, vocabulary) } }
    let source = paragraphs.map { $0.map(render).joined(separator: " ") }.joined(separator: "\n\n")

    // The version, paragraph by paragraph.
    var versionParagraphs: [String] = []
    var moved: [(after: Int, text: String)] = []
    var pair = 0
    for (p, paragraph) in paragraphs.enumerated() {
        // About 20% of the words replaced by others.
        let sentences = paragraph.map { sentence in
            sentence.enumerated().map { index, word in
                guard random.chance(0.2) else { return word }
                let other = vocabulary.draw(&random)
                return index == 0 ? capitalized(other) : other
            }
        }
        // One sentence pair in every 15 merged into one sentence.
        var rendered: [String] = []
        var i = 0
        while i < sentences.count {
            if i + 1 < sentences.count && pair % 15 == 5 {
                var second = sentences[i + 1]
                if vocabulary.known.contains(second[0].lowercased()) { second[0] = second[0].lowercased() }
                rendered.append(sentences[i].joined(separator: " ") + ", and " + render(second))
                pair += 2
                i += 2
                continue
            }
            if i + 1 < sentences.count { pair += 1 }
            rendered.append(render(sentences[i]))
            i += 1
        }
        let text = rendered.joined(separator: " ")
        if p % 20 == 19 {
            // One paragraph in 20 dropped.
        } else if p % 10 == 4 {
            // One paragraph in 10 moved three paragraphs on (or to the end).
            moved.append((after: min(p + 3, count - 1), text: text))
        } else {
            versionParagraphs.append(text)
        }
        while let first = moved.first, first.after == p { versionParagraphs.append(first.text); moved.removeFirst() }
        if p % 12 == 5 {
            // A caption every 12 paragraphs.
            versionParagraphs.append("Pictured: \(madeUpName(&random)) \(madeUpName(&random)) at the \(madeUpName(&random)) hall in \(1990 + random.below(35)).")
        }
    }
    for rest in moved { versionParagraphs.append(rest.text) }
    return Article(source: source, version: versionParagraphs.joined(separator: "\n\n"))
}

// MARK: Timing

/// The CPU time this thread has used, in seconds: on a shared machine, wall time also counts the
/// time other processes held the core.
func threadCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}

/// CPU seconds per call of `body`: the median and the least of at least 5 runs and 1 s in all.
/// `prepare` runs before each call, untimed, and hands it its input.
func time<Input>(prepare: () -> Input, _ body: (Input) -> Void) -> (median: Double, min: Double, runs: Int) {
    var samples: [Double] = []
    var total = 0.0
    while samples.count < 5 || total < 1.0 {
        let input = prepare()
        let start = threadCPUSeconds()
        body(input)
        let seconds = threadCPUSeconds() - start
        samples.append(seconds)
        total += seconds
    }
    samples.sort()
    return (samples[samples.count / 2], samples[0], samples.count)
}

func formatted(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
let vocabulary = Vocabulary()
let sizes: [(label: String, paragraphs: Int)] = [("1×", 8), ("10×", 80), ("100×", 800)]
let articles = sizes.map { makeArticle(paragraphs: $0.paragraphs, seed: 0x6D74_6175_6469_7433, vocabulary: vocabulary) }
/// New documents of an article: nothing of them memoized yet.
@MainActor func freshDocuments(_ article: Article) -> (source: Document, version: Document) {
    (Document(id: "source", text: article.source, language: "en", segmenter: segmenter),
     Document(id: "version", text: article.version, language: "en", segmenter: segmenter))
}
let documents = articles.map(freshDocuments)
let aligner = SentenceAligner()

// `--dump`: every link of both paths for three seeds and every size, to check that a change to the
// aligner keeps its results (diff the output before and after).
if CommandLine.arguments.dropFirst().first == "--dump" {
    for seed in [UInt64(1), 2, 3] {
        for size in sizes {
            let article = makeArticle(paragraphs: size.paragraphs, seed: seed, vocabulary: vocabulary)
            let source = Document(id: "source", text: article.source, language: "en", segmenter: segmenter)
            let version = Document(id: "version", text: article.version, language: "en", segmenter: segmenter)
            for sameLanguage in [true, false] {
                let alignment = aligner.align(source: source, version: version, sameLanguage: sameLanguage, language: "en")
                print("seed \(seed) paragraphs \(size.paragraphs) sameLanguage \(sameLanguage): \(alignment.links.count) links")
                for link in alignment.links {
                    print(link.source, link.version, link.similarity, link.byPosition)
                }
                print(alignment.similarity.map { String($0) }.joined(separator: " "))
            }
        }
    }
    exit(0)
}

// `--profile same|cross SIZE-INDEX`: align one pair over and over for 5 s, for `perf record -g`.
let arguments = CommandLine.arguments
if arguments.count == 4, arguments[1] == "--profile", let index = Int(arguments[3]), sizes.indices.contains(index) {
    let (source, version) = documents[index]
    let sameLanguage = arguments[2] == "same"
    let clock = ContinuousClock(), start = clock.now
    var runs = 0
    while clock.now - start < .seconds(5) {
        _ = aligner.align(source: source, version: version, sameLanguage: sameLanguage, language: "en")
        runs += 1
    }
    print("\(runs) alignments")
    exit(0)
}

print("Sentence aligner: time against article length (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
print("Article: paragraphs × 4 sentences of 12–25 words; the version replaces ~20% of the words, moves 1 paragraph in 10,")
print("merges 1 sentence pair in 15, drops 1 paragraph in 20 and adds a caption every 12 paragraphs. Only align() is timed,")
print("in CPU time of the thread (the machine may be shared).")
print("First: align() of new documents (made untimed before each run), which numbers each document's words once and")
print("keeps them in its memo, as an audit's first alignment of a document does. Again: align() of documents already")
print("numbered, as the audit's later alignments of the same document (to the other versions) are. Issue #3's ratio is")
print("the first's: the whole cost of aligning an article.")
for sameLanguage in [true, false] {
    print("")
    print(sameLanguage ? "sameLanguage: true (word index, greedy links, gap filling)"
                       : "sameLanguage: false (length-based banded dynamic program)")
    print("| Size | Paragraphs | Source sentences | Version sentences | First (ms, median) | Least (ms) | Runs | Ratio to 1× | Again (ms, median) | Ratio to 1× | Coverage |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    var firstBase = 0.0, againBase = 0.0
    for (index, size) in sizes.enumerated() {
        let (source, version) = documents[index]
        var alignment: SentenceAlignment?
        let first = time(prepare: { freshDocuments(articles[index]) }) { fresh in
            alignment = aligner.align(source: fresh.source, version: fresh.version, sameLanguage: sameLanguage, language: "en")
        }
        _ = aligner.align(source: source, version: version, sameLanguage: sameLanguage, language: "en")
        let again = time(prepare: {}) {
            _ = aligner.align(source: source, version: version, sameLanguage: sameLanguage, language: "en")
        }
        if index == 0 { (firstBase, againBase) = (first.median, again.median) }
        let linked = alignment!.linkOfSource.filter { $0 != nil }.count
        let coverage = Double(linked) / Double(source.sentences.count)
        let row = [size.label, String(size.paragraphs), String(source.sentences.count), String(version.sentences.count),
                   formatted(first.median * 1000, 3), formatted(first.min * 1000, 3), String(first.runs),
                   formatted(first.median / firstBase, 1) + "×",
                   formatted(again.median * 1000, 3), formatted(again.median / againBase, 1) + "×",
                   formatted(coverage * 100, 1) + "%"]
        print("| " + row.joined(separator: " | ") + " |")
    }
}
