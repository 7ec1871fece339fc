import Foundation
import Synchronization

/// What a detector looks at: the source, the version under audit, the other versions of the same
/// source (for consensus), the sentence alignment of version to source, and the lexicons. A class:
/// every detector and many closures read it, and a struct of this size would be copied for each.
public final class DetectionContext: Sendable {
    public let source: Document
    public let version: Document
    public let otherVersions: [Document]
    public let alignment: SentenceAlignment
    /// The version's sentences aligned to each of `otherVersions` (the other version as source).
    public let otherAlignments: [SentenceAlignment]
    public let lexicons: Lexicons
    /// Whether source and version are in one language, so that words can be compared directly.
    public let sameLanguage: Bool
    /// The languages the word lists guess for the source and the version (nil: no guess), made once
    /// here for every detector.
    public let sourceLanguageGuess: String?
    public let versionLanguageGuess: String?
    /// Work that several detectors share, done once per context.
    let memo = Memo(capacity: 24)

    /// The other versions' sentences aligned to the source's, when the caller has them.
    private let otherSourceAlignments: [SentenceAlignment]?

    /// `otherAlignments`, when the caller has collated the versions, saves aligning them again;
    /// `sourceAlignments` (every version's alignment to the source, this one's first, then the
    /// others' in the order of `otherVersions`) saves aligning each version to the source once per
    /// context.
    public init(source: Document, version: Document, otherVersions: [Document] = [],
                otherAlignments: [SentenceAlignment]? = nil, sourceAlignments: [SentenceAlignment]? = nil,
                lexicons: Lexicons = .builtIn) {
        self.source = source
        self.version = version
        self.otherVersions = otherVersions
        self.otherAlignments = otherAlignments ?? Collation(versions: [version] + otherVersions).alignmentsToOthers(of: 0)
        self.lexicons = lexicons
        sourceLanguageGuess = Comparability.guessedLanguage(of: source)
        versionLanguageGuess = Comparability.guessedLanguage(of: version)
        sameLanguage = Comparability.sameLanguage(source, version, sourceGuess: .some(sourceLanguageGuess),
                                                  versionGuess: .some(versionLanguageGuess))
        alignment = sourceAlignments?.first ?? SentenceAligner().align(source: source, version: version)
        otherSourceAlignments = sourceAlignments.map { Array($0.dropFirst()) }
    }

    /// What the source says in version sentence `index`'s place: the source's sentence, when the
    /// alignment pairs them closely enough to compare (`SentenceAlignment.evidenceSimilarity`).
    public func sourceReading(ofVersionSentence index: Int) -> Reading? {
        guard let sentence = alignment.sourceOf[index],
              !sameLanguage || alignment.similarity[index] >= SentenceAlignment.evidenceSimilarity else { return nil }
        return Reading(document: source, sentence: sentence, similarity: alignment.similarity[index], evidence: .source)
    }

    /// Where the source has nothing to compare with version sentence `index` (a passage a trimmed
    /// source lacks), the sentences of the other versions that render the same thing, closely enough
    /// to compare. Empty when the source has a reading.
    public func consensusReadings(ofVersionSentence index: Int) -> [Reading] {
        guard sourceReading(ofVersionSentence: index) == nil else { return [] }
        return zip(otherVersions, otherAlignments).enumerated().compactMap { k, pair in
            let (other, alignment) = pair
            guard let sentence = alignment.sourceOf[index],
                  alignment.similarity[index] >= SentenceAlignment.evidenceSimilarity else { return nil }
            return Reading(document: other, sentence: sentence, similarity: alignment.similarity[index], evidence: .consensus,
                           otherVersion: k)
        }
    }

    /// Which source token each word of version sentence `index` renders, within the source sentences
    /// its alignment link joins it to (merges and splits included); nil where the source has no
    /// reading of the sentence or the texts are in different languages.
    public func tokenAlignment(ofVersionSentence index: Int) -> TokenAlignment? {
        guard sameLanguage, sourceReading(ofVersionSentence: index) != nil,
              let linkIndex = alignment.linkOfVersion[index] else { return nil }
        let link = alignment.links[linkIndex]
        return memoized("token-alignment-\(index)") {
            TokenAligner().align(version: version, sentences: link.version, source: source, sentences: link.source)
        }
    }

    /// Which source sentences the version renders, which of its sentences render something, and the
    /// share of the source rendered, by the default `CoverageEstimator`.
    public var rendering: (source: [Bool], version: [Bool], coverage: Double) {
        memoized(Self.renderingKey) {
            let (source, version) = CoverageEstimator().rendering(alignment, sameLanguage: sameLanguage)
            var rendered = 0  // counted in place: `filter` made an array to count
            for isRendered in source where isRendered { rendered += 1 }
            let coverage = source.isEmpty ? 0 : Double(rendered) / Double(source.count)
            return (source, version, coverage)
        }
    }

    private static let renderingKey = MemoKey("rendering"), othersRenderingKey = MemoKey("others-rendering")

    /// Whether any of the other versions renders source sentence `index` (each aligned to the source
    /// on first need).
    public func otherVersionsRender(sourceSentence index: Int) -> Bool {
        let renderings = memoized(Self.othersRenderingKey) {
            otherVersions.indices.map { k in
                let other = otherVersions[k]
                let same = Comparability.sameLanguage(source, other, sourceGuess: .some(sourceLanguageGuess))
                let alignment = otherSourceAlignments?[k] ?? SentenceAligner().align(source: source, version: other)
                return CoverageEstimator().rendering(alignment, sameLanguage: same).source
            }
        }
        return renderings.contains { $0[index] }
    }

    /// The lexicon entries of `kind` for the version's language.
    public func entries(_ kind: LexiconKind) -> [String] { lexicons.entries(kind, language: version.language) }

    /// The value `compute` makes, computed once for this context under `key`.
    func memoized<T: Sendable>(_ key: MemoKey, _ compute: () -> T) -> T { memo.value(key, compute) }

    /// The value `compute` makes, computed once for this context under `key` (a key made as it is
    /// asked for; a fixed key is better a `MemoKey`).
    func memoized<T: Sendable>(_ key: String, _ compute: () -> T) -> T { memo.value(key, compute) }
}
