/// How much of the source a version renders, and so how it relates to it, read from the sentence
/// alignment.
///
/// A source sentence counts as rendered when a link of the alignment holds it. Coverage is the
/// rendered share of the source's sentences. A version that renders at least `fullCoverage` of them is full,
/// unless much of it renders nothing of the source (`maximumAddedShare` of its words, or more than
/// `maximumLengthRatio` times the source's words): then, like a version that renders less, it is
/// partial. Under `unrelatedCoverage` it is not a version of the source.
public struct CoverageEstimator: Sendable {
    /// Coverage at or above which a version renders the whole source.
    public var fullCoverage: Double
    /// Coverage below which a version is not a version of the source.
    public var unrelatedCoverage: Double
    /// A version with more words than this many times the source's adds much: partial, not full.
    public var maximumLengthRatio: Double
    /// A version with this share of its words in sentences that render nothing of the source adds much.
    public var maximumAddedShare: Double

    public init(fullCoverage: Double = 0.8, unrelatedCoverage: Double = 0.2,
                maximumLengthRatio: Double = 1.6, maximumAddedShare: Double = 0.3) {
        self.fullCoverage = fullCoverage
        self.unrelatedCoverage = unrelatedCoverage
        self.maximumLengthRatio = maximumLengthRatio
        self.maximumAddedShare = maximumAddedShare
    }

    public struct Estimate: Sendable, Hashable {
        public let coverage: Double
        public let relation: Relation
        /// For each source sentence, whether the version renders it.
        public let rendered: [Bool]
    }

    /// `alignment`, `chrF` and `sameLanguage`, when the caller has them already, save computing them again.
    public func estimate(source: Document, version: Document, alignment known: SentenceAlignment? = nil,
                         chrF knownChrF: Double? = nil, sameLanguage: Bool? = nil) -> Estimate {
        estimate(source: source, version: version, alignment: known, chrF: knownChrF, sameLanguage: sameLanguage,
                 rendering: nil)
    }

    /// The same, and `rendering`, when known, what `rendering(_:sameLanguage:)` gives of the alignment
    /// (the auditor passes its context's, which the omission rule has read already, where this
    /// estimator's threshold is the context's).
    func estimate(source: Document, version: Document, alignment known: SentenceAlignment?,
                  chrF knownChrF: Double?, sameLanguage: Bool?,
                  rendering knownRendering: (source: [Bool], version: [Bool])?) -> Estimate {
        let sourceWords = source.wordCount
        let versionWords = version.wordCount
        guard versionWords > 0, sourceWords > 0, !source.sentences.isEmpty else {
            return Estimate(coverage: 0, relation: .unrelated, rendered: source.sentences.map { _ in false })
        }
        let comparable = sameLanguage ?? Comparability.sameLanguage(source, version)
        // The known alignment read where it is (`known ?? …` made a copy of its six arrays to release).
        let (rendered, renders) = if let knownRendering {
            knownRendering
        } else if let known {
            rendering(known, sameLanguage: comparable)
        } else {
            rendering(SentenceAligner().align(source: source, version: version, sameLanguage: comparable,
                                              language: Comparability.listedLanguage(of: source, guess: nil)),
                      sameLanguage: comparable)
        }
        var added = 0
        for (v, sentence) in version.sentences.enumerated() where !renders[v] {
            added += version.tokens[sentence.tokens].reduce(0) { $0 + ($1.isWordLike ? 1 : 0) }
        }
        var renderedCount = 0
        for isRendered in rendered where isRendered { renderedCount += 1 }
        let coverage = (Double(renderedCount) / Double(rendered.count) * 1000).rounded() / 1000
        let addsMuch: Bool = Double(versionWords) > maximumLengthRatio * Double(sourceWords)
            || Double(added) > maximumAddedShare * Double(versionWords)
        var relation: Relation
        if coverage < unrelatedCoverage {
            relation = .unrelated
        } else if coverage < fullCoverage || addsMuch {
            relation = .partial
        } else {
            relation = .full
        }
        if comparable && source.sentences.count <= 3 {
            // Words tell a paraphrase of a sentence or two badly ("not massive enough" and "not really big enough" share one);
            // characters tell it better. In one language another text scores a chrF under 25, and a
            // rendering, however free, above it. (Over a whole article chrF stays high for any text on
            // the same subject, and sentence coverage is the better guide.)
            let chrF = knownChrF ?? CharacterFScore.chrF.score(hypothesis: version.text, reference: source.text)
            if relation == .unrelated && chrF >= relatedCharacterFScore { relation = .partial }
            if relation != .unrelated && chrF < unrelatedCharacterFScore && coverage < fullCoverage { relation = .unrelated }
        }
        return Estimate(coverage: coverage, relation: relation, rendered: rendered)
    }

    /// Whether each source sentence is rendered, and whether each version sentence renders something:
    /// whether a link of `alignment` holds it. A link by position counts when its sentences share
    /// `renderedSimilarity` of their words (across languages, always).
    public func rendering(_ alignment: SentenceAlignment, sameLanguage: Bool) -> (source: [Bool], version: [Bool]) {
        // (Each sentence's link judged where it is read: an array of the links' judgements cost more.)
        let links = alignment.links
        let threshold = renderedSimilarity
        func counts(_ link: Int?) -> Bool {
            guard let link else { return false }
            return !sameLanguage || !links[link].byPosition || links[link].similarity >= threshold
        }
        return (alignment.linkOfSource.map(counts), alignment.linkOfVersion.map(counts))
    }

    /// In one language, the least similarity for a link made by position to count as a rendering.
    public var renderedSimilarity = CoverageEstimator.defaultRenderedSimilarity

    /// `renderedSimilarity` unless configured, the threshold of `DetectionContext.rendering`.
    static let defaultRenderedSimilarity = 0.2

    /// In one language, a version with a chrF this high against the source is not another text…
    public var relatedCharacterFScore = 25.0
    /// … and one with a chrF this low that renders little of it is.
    public var unrelatedCharacterFScore = 20.0
}
