/// How much of the source a version renders, and so how it relates to it.
///
/// A first heuristic, made for versions in the source's language (rewrites, round trips): a source
/// sentence counts as rendered when some sentence of the version shares at least `sentenceThreshold`
/// of its distinct words (matching forms). For a version in another language or script, where words
/// cannot be compared, coverage is estimated from the sentence counts. Sentence alignment (the
/// collation stage) is meant to replace it.
public struct CoverageEstimator: Sendable {
    public var sentenceThreshold: Double
    /// Coverage at or above which a version renders the whole source.
    public var fullCoverage: Double
    /// Coverage below which a version is not a version of the source.
    public var unrelatedCoverage: Double
    /// A version with more words than this many times the source's adds much: partial, not full.
    public var maximumLengthRatio: Double

    public init(sentenceThreshold: Double = 0.5, fullCoverage: Double = 0.8, unrelatedCoverage: Double = 0.2,
                maximumLengthRatio: Double = 1.6) {
        self.sentenceThreshold = sentenceThreshold
        self.fullCoverage = fullCoverage
        self.unrelatedCoverage = unrelatedCoverage
        self.maximumLengthRatio = maximumLengthRatio
    }

    public struct Estimate: Sendable, Hashable {
        public let coverage: Double
        public let relation: Relation
        /// For each source sentence, whether the version renders it.
        public let rendered: [Bool]
    }

    /// `chrF` and `sameLanguage`, when the caller has them already, save computing them again.
    public func estimate(source: Document, version: Document, chrF known: Double? = nil,
                         sameLanguage: Bool? = nil) -> Estimate {
        let sourceWords = source.wordCount
        let versionWords = version.wordCount
        guard versionWords > 0, sourceWords > 0, !source.sentences.isEmpty else {
            return Estimate(coverage: 0, relation: .unrelated, rendered: source.sentences.map { _ in false })
        }
        let rendered: [Bool]
        let comparable = sameLanguage ?? Comparability.sameLanguage(source, version)
        if comparable {
            rendered = renderedByWords(source: source, version: version)
        } else {
            let share = min(1, Double(version.sentences.count) / Double(source.sentences.count))
            let count = Int((share * Double(source.sentences.count)).rounded())
            rendered = source.sentences.indices.map { $0 < count }
        }
        let coverage = (Double(rendered.filter { $0 }.count) / Double(rendered.count) * 1000).rounded() / 1000
        var relation: Relation
        if coverage < unrelatedCoverage {
            relation = .unrelated
        } else if coverage < fullCoverage || Double(versionWords) > maximumLengthRatio * Double(sourceWords) {
            relation = .partial
        } else {
            relation = .full
        }
        if comparable && source.sentences.count <= 3 {
            // Words tell a paraphrase of a sentence or two badly ("not massive enough" and "not really big enough" share one);
            // characters tell it better. In one language another text scores a chrF under 25, and a
            // rendering, however free, above it. (Over a whole article chrF stays high for any text on
            // the same subject, and sentence coverage is the better guide.)
            let chrF = known ?? CharacterFScore.chrF.score(hypothesis: version.text, reference: source.text)
            if relation == .unrelated && chrF >= relatedCharacterFScore { relation = .partial }
            if relation != .unrelated && chrF < unrelatedCharacterFScore && coverage < fullCoverage { relation = .unrelated }
        }
        return Estimate(coverage: coverage, relation: relation, rendered: rendered)
    }

    /// In one language, a version with a chrF this high against the source is not another text…
    public var relatedCharacterFScore = 25.0
    /// … and one with a chrF this low that renders little of it is.
    public var unrelatedCharacterFScore = 20.0

    private func renderedByWords(source: Document, version: Document) -> [Bool] {
        // Which version sentences hold each word.
        var sentencesOf: [String: [Int]] = [:]
        for (index, sentence) in version.sentences.enumerated() {
            var seen: Set<String> = []
            for token in version.tokens[sentence.tokens] where token.isWordLike && seen.insert(token.key).inserted {
                sentencesOf[token.key, default: []].append(index)
            }
        }
        var counts = [Int](repeating: 0, count: version.sentences.count)
        return source.sentences.map { sentence in
            let keys = Set(source.tokens[sentence.tokens].lazy.filter(\.isWordLike).map(\.key))
            guard !keys.isEmpty else { return true }
            for k in counts.indices { counts[k] = 0 }
            for key in keys { for index in sentencesOf[key] ?? [] { counts[index] += 1 } }
            let best = counts.max() ?? 0
            return Double(best) >= sentenceThreshold * Double(keys.count)
        }
    }
}
