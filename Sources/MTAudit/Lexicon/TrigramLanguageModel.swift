import Foundation

/// Character-trigram models of the languages of the word lists. They tell how much a word that no
/// list holds looks like each language: "texanischen" and "Renngemeinschaft" look German, not English.
///
/// Each language's model counts the trigrams of its listed words, with `^` and `$` marking the
/// word's ends. A word's score in a language is the mean log probability of its trigrams (add-½
/// smoothing).
///
/// The models share one table of trigrams, each with its count in every language: a word's trigrams
/// are hashed once, however many languages it is scored in, and a word listed in several languages
/// is cut into trigrams once at start-up.
public struct TrigramLanguageModel: Sendable {
    /// The languages modelled, in the word lists' order.
    private let languages: [String]
    private let languageIndex: [String: Int]
    /// Each trigram seen in any list, by its packed scalars.
    private let trigrams: [UInt64: Int32]
    /// Counts by trigram then language: `counts[trigram * languages.count + language]`.
    private let counts: [Float]
    /// Each language's count of trigrams.
    private let totals: [Float]

    /// Trained on the built-in word lists, on first use.
    public static let builtIn = TrigramLanguageModel(WordFrequencies.builtIn)

    public init(_ frequencies: WordFrequencies) {
        let languages = frequencies.languages
        var trigrams: [UInt64: Int32] = [:]
        trigrams.reserveCapacity(100_000)
        var counts: [Float] = []
        var totals = [Float](repeating: 0, count: languages.count)
        var wordTrigrams: [Int] = []
        for row in 0..<frequencies.rowCount {
            wordTrigrams.removeAll(keepingCapacity: true)
            Self.forEachTrigram(frequencies.word(atRow: row)) { trigram in
                let next = Int32(trigrams.count)
                let index = Self.index(of: trigram, in: &trigrams, next: next)
                if index == next { counts.append(contentsOf: repeatElement(0, count: languages.count)) }
                wordTrigrams.append(Int(index))
            }
            for listing in frequencies.listings(ofRow: row) {
                let language = Int(listing.language)
                for index in wordTrigrams { counts[index * languages.count + language] += 1 }
                totals[language] += Float(wordTrigrams.count)
            }
        }
        self.languages = languages
        languageIndex = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($1, $0) })
        self.trigrams = trigrams
        self.counts = counts
        self.totals = totals
    }

    /// The index of `trigram`, given the index `next` if it has none yet (one hash for both).
    private static func index(of trigram: UInt64, in trigrams: inout [UInt64: Int32], next: Int32) -> Int32 {
        func read(_ index: inout Int32) -> Int32 { index }
        return read(&trigrams[trigram, default: next])
    }

    /// The mean log probability of `word`'s trigrams in `language` (higher is likelier).
    public func score(_ word: String, in language: String) -> Double {
        guard let index = languageIndex[language] else { return -.infinity }
        return score(trigramIndices(word), language: index)
    }

    /// The language `word` looks most like, and by how much more than `language` (nats per trigram).
    public func bestAlternative(to language: String, for word: String) -> (language: String, margin: Double)? {
        let indices = trigramIndices(word)
        let own = languageIndex[language].map { score(indices, language: $0) } ?? -.infinity
        let others = languages.indices.filter { languages[$0] != language }.map { (languages[$0], score(indices, language: $0)) }
        guard let best = others.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }) else { return nil }
        return (best.0, best.1 - own)
    }

    /// The table index of each of `word`'s trigrams, nil for one no list has.
    private func trigramIndices(_ word: String) -> [Int?] {
        var indices: [Int?] = []
        Self.forEachTrigram(word) { indices.append(trigrams[$0].map(Int.init)) }
        return indices
    }

    private func score(_ indices: [Int?], language: Int) -> Double {
        guard !indices.isEmpty else { return -.infinity }
        var sum = 0.0
        let denominator = Double(totals[language]) + 30_000
        for index in indices {
            let count = index.map { counts[$0 * languages.count + language] } ?? 0
            sum += log((Double(count) + 0.5) / denominator)
        }
        return sum / Double(indices.count)
    }

    private static func forEachTrigram(_ word: String, _ body: (UInt64) -> Void) {
        var previous: (UInt64, UInt64) = (0x5E, 0x5E)  // "^^" then the word
        var first = true
        for scalar in word.unicodeScalars {
            let value = UInt64(scalar.value)
            if first { previous = (0x02, 0x5E); first = false }
            body(previous.0 << 42 | previous.1 << 21 | value)
            previous = (previous.1, value)
        }
        if !first { body(previous.0 << 42 | previous.1 << 21 | 0x24) }  // "$"
    }
}
