import Foundation

/// Character-trigram models of the languages of the word lists. They tell how much a word that no
/// list holds looks like each language: "texanischen" and "Renngemeinschaft" look German, not English.
///
/// Each language's model counts the trigrams of its listed words, with `^` and `$` marking the
/// word's ends. A word's score in a language is the mean log probability of its trigrams (add-½
/// smoothing).
public struct TrigramLanguageModel: Sendable {
    private struct Model: Sendable {
        var counts: [UInt64: Float] = [:]
        var total: Float = 0
    }

    private let models: [String: Model]

    /// Trained on the built-in word lists, on first use.
    public static let builtIn = TrigramLanguageModel(WordFrequencies.builtIn)

    public init(_ frequencies: WordFrequencies) {
        var models: [String: Model] = [:]
        for language in frequencies.languages {
            var model = Model()
            model.counts.reserveCapacity(30_000)
            for word in frequencies.words(in: language) {
                Self.forEachTrigram(word) { model.counts[$0, default: 0] += 1; model.total += 1 }
            }
            models[language] = model
        }
        self.models = models
    }

    /// The mean log probability of `word`'s trigrams in `language` (higher is likelier).
    public func score(_ word: String, in language: String) -> Double {
        guard let model = models[language] else { return -.infinity }
        var sum = 0.0
        var count = 0
        let denominator = Double(model.total) + 30_000
        Self.forEachTrigram(word) { trigram in
            sum += log((Double(model.counts[trigram] ?? 0) + 0.5) / denominator)
            count += 1
        }
        return count == 0 ? -.infinity : sum / Double(count)
    }

    /// The language `word` looks most like, and by how much more than `language` (nats per trigram).
    public func bestAlternative(to language: String, for word: String) -> (language: String, margin: Double)? {
        let own = score(word, in: language)
        let others = models.keys.filter { $0 != language }.map { ($0, score(word, in: $0)) }
        guard let best = others.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }) else { return nil }
        return (best.0, best.1 - own)
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
