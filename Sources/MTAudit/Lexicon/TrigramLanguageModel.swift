import Foundation
import LexiconTables

/// Character-trigram models of the languages of the word lists. They tell how much a word that no
/// list holds looks like each language: "texanischen" and "Renngemeinschaft" look German, not English.
///
/// Each language's model counts the trigrams of its listed words, with `^` and `$` marking the
/// word's ends. A word's score in a language is the mean log probability of its trigrams (add-½
/// smoothing).
///
/// The models share one table of trigrams, each with its count in every language: a word's trigrams
/// are hashed once, however many languages it is scored in (see `TrigramCounts`).
public struct TrigramLanguageModel: Sendable {
    /// The languages modelled, in the word lists' order.
    private let languages: [String]
    private let languageIndex: [String: Int]
    /// Each trigram seen in any list, with its count in each language, and each language's count of
    /// trigrams.
    private let counts: TrigramCounts
    /// By language then count, for the counts below `smallCountLimit` (0 included: a trigram the
    /// language never has): the log probability of a trigram seen that often,
    /// `log((count + 0.5) / denominator)` as it was computed for each trigram (the tests compare the two), computed once (the same
    /// expression, so the same bits). Most of a word's trigrams in most languages are unseen or rare,
    /// and the logs were a third of `bestAlternative`'s cost. The counts are whole numbers (read as
    /// integers, see `TrigramCounts.count`), so a count below the limit is its own index.
    private let smallCountLogs: [Double]
    /// The counts whose logs `smallCountLogs` holds: 0 to this, exclusive.
    static let smallCountLimit = 256

    /// Trained on the built-in word lists: counted at build time by `LexiconEmbedder`, and read in place.
    public static let builtIn = TrigramLanguageModel(languages: EmbeddedWordTables.wordList.languages, counts: EmbeddedWordTables.trigramCounts)

    public init(_ frequencies: WordFrequencies) {
        self.init(languages: frequencies.languages, counts: TrigramCounts(frequencies.table))
    }

    init(languages: [String], counts: TrigramCounts) {
        self.languages = languages
        languageIndex = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($1, $0) })
        self.counts = counts
        var smallCountLogs: [Double] = []
        smallCountLogs.reserveCapacity(languages.count * Self.smallCountLimit)
        for language in languages.indices {
            let denominator = Self.denominator(counts, language: language)
            for count in 0..<Self.smallCountLimit { smallCountLogs.append(Self.logProbability(Float(count), denominator: denominator)) }
        }
        self.smallCountLogs = smallCountLogs
    }

    /// The denominator of a trigram's smoothed probability in the language of index `language`.
    private static func denominator(_ counts: TrigramCounts, language: Int) -> Double {
        Double(counts.totalValues[language]) + 30_000
    }

    /// The mean log probability of `word`'s trigrams in `language` (higher is likelier).
    public func score(_ word: String, in language: String) -> Double {
        guard let index = languageIndex[language] else { return -.infinity }
        return score(trigramIndices(word), language: index)
    }

    /// The language `word` looks most like, and by how much more than `language` (nats per trigram).
    /// (The languages compared in one loop, as `max(by:)` compared them: the highest score, on a tie
    /// the name first in order; no arrays of them.)
    public func bestAlternative(to language: String, for word: String) -> (language: String, margin: Double)? {
        // The version's language by its index, found once: the others are told by comparing indices,
        // not names (the names are unique, and `languageIndex` finds the one equal to `language`).
        let ownIndex = languageIndex[language]
        // The word's trigrams' indices (`trigramIndices`, -1 for nil) in a temporary allocation, on
        // the stack for a word: no array of optionals made for each word asked about.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: word.utf8.count + 1) { room in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: languages.count) { scores in
                let indices = UnsafeBufferPointer(rebasing: room[..<trigramIndices(word, into: room)])
                // Every language's score at once (`scores(_:into:)`, the same sums as `score`'s).
                self.scores(indices, into: scores)
                let own = ownIndex.map { scores[$0] } ?? -.infinity
                var best: (index: Int, score: Double)?
                for index in languages.indices where index != ownIndex {
                    let score = scores[index]
                    if let current = best, !((current.score, languages[index]) < (score, languages[current.index])) { continue }
                    best = (index, score)
                }
                guard let best else { return nil }
                return (languages[best.index], best.score - own)
            }
        }
    }

    /// `trigramIndices(word)` written into `room` (at least a place per byte of the word and one),
    /// -1 for nil: their count.
    func trigramIndices(_ word: String, into room: UnsafeMutableBufferPointer<Int>) -> Int {
        var count = 0
        TrigramCounts.forEachTrigram(word) { trigram in
            precondition(count < room.count, "a trigram per scalar and the end")
            room[count] = counts.index(of: trigram) ?? -1
            count += 1
        }
        return count
    }

    /// `score(indices, language: l)` of every language `l`, written at `l` in `scores` (room for a
    /// score per language): a trigram's counts in the languages lie side by side in the table, and
    /// are read in one pass, trigram by trigram, rather than the word's trigrams once per language.
    /// Each language's sum adds its terms in the trigrams' order, as `score` adds them: the same
    /// sums, bit for bit.
    func scores(_ indices: [Int?], into scores: UnsafeMutableBufferPointer<Double>) {
        indices.map { $0 ?? -1 }.withUnsafeBufferPointer { self.scores($0, into: scores) }
    }

    /// `scores(_:into:)` of indices held in a buffer, -1 for a trigram no list has.
    func scores(_ indices: UnsafeBufferPointer<Int>, into scores: UnsafeMutableBufferPointer<Double>) {
        let languageCount = languages.count
        guard !indices.isEmpty else {
            scores.initialize(repeating: -.infinity)
            return
        }
        scores.initialize(repeating: 0)
        smallCountLogs.withUnsafeBufferPointer { logs in
            for index in indices {
                guard index >= 0 else {
                    // A trigram no list has: count 0 in every language.
                    for language in 0..<languageCount { scores[language] += logs[language * Self.smallCountLimit] }
                    continue
                }
                for language in 0..<languageCount {
                    let count = counts.count(trigram: index, language: language)
                    if count < Float(Self.smallCountLimit) {
                        scores[language] += logs[language * Self.smallCountLimit + Int(count)]
                    } else {
                        scores[language] += Self.logProbability(count, denominator: Self.denominator(counts, language: language))
                    }
                }
            }
        }
        let count = Double(indices.count)
        for language in 0..<languageCount { scores[language] /= count }
    }

    /// The table index of each of `word`'s trigrams, nil for one no list has.
    func trigramIndices(_ word: String) -> [Int?] {
        var indices: [Int?] = []
        // A trigram per scalar, and one for the end mark: no more than its bytes and one.
        indices.reserveCapacity(word.utf8.count + 1)
        TrigramCounts.forEachTrigram(word) { indices.append(counts.index(of: $0)) }
        return indices
    }

    /// The smoothed log probability of a trigram seen `count` times in a language of `denominator`.
    private static func logProbability(_ count: Float, denominator: Double) -> Double {
        log((Double(count) + 0.5) / denominator)
    }

    func score(_ indices: [Int?], language: Int) -> Double {
        guard !indices.isEmpty else { return -.infinity }
        var sum = 0.0
        let denominator = Self.denominator(counts, language: language)
        let logs = language * Self.smallCountLimit
        for index in indices {
            let count = index.map { counts.count(trigram: $0, language: language) } ?? 0
            if count < Float(Self.smallCountLimit) {
                sum += smallCountLogs[logs + Int(count)]
            } else {
                sum += Self.logProbability(count, denominator: denominator)
            }
        }
        return sum / Double(indices.count)
    }
}
