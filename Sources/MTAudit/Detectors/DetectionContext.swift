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
        memoized("rendering") {
            let (source, version) = CoverageEstimator().rendering(alignment, sameLanguage: sameLanguage)
            let coverage = source.isEmpty ? 0 : Double(source.filter { $0 }.count) / Double(source.count)
            return (source, version, coverage)
        }
    }

    /// Whether any of the other versions renders source sentence `index` (each aligned to the source
    /// on first need).
    public func otherVersionsRender(sourceSentence index: Int) -> Bool {
        let renderings = memoized("others-rendering") {
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
    func memoized<T: Sendable>(_ key: String, _ compute: () -> T) -> T { memo.value(key, compute) }
}

/// A small thread-safe cache of values by key.
///
/// Each value is kept in a box with its type's identity: asking for it again compares two identities
/// and reads the box, where a value kept as `Any` was cast back with `as? T`, a search of the runtime's
/// conformance tables that cost more than many of the look-ups it saved (1.9% of a feed's instructions).
final class Memo: Sendable {
    /// The keys, numbered as they come, and each key's value at its number. In a `Mutex` held by a
    /// constant: no exclusivity checks, and a lighter lock than `NSLock`. Keys are numbered by their
    /// bytes (`KeyNumbering`): a context asks its memo a few dozen times, and hashing each key with
    /// SipHash cost more than the rest of the look-up.
    private let state: Mutex<State>

    private struct State {
        var keys: KeyNumbering
        var entries: [Entry]
    }

    /// A value and the type it was kept as. Unchecked only because the box is typed away: every value
    /// kept is `Sendable` (`value` and `existing` require it). Two threads that miss one key may both
    /// compute it, and the second's equal value replaces the first's.
    private struct Entry: @unchecked Sendable {
        let type: ObjectIdentifier
        let box: AnyObject
    }

    private final class Box<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// A cache with room for `capacity` values before its table grows (a context keeps a score of
    /// them, a document fewer: growing a table rehashes every key).
    init(capacity: Int = 0) {
        var entries: [Entry] = []
        entries.reserveCapacity(capacity)
        state = Mutex(State(keys: KeyNumbering(capacity: capacity), entries: entries))
    }

    func value<T: Sendable>(_ key: String, _ compute: () -> T) -> T { value(key, from: ()) { _ in compute() } }

    /// The value kept under `key` as a `T`, if one was made.
    func existing<T: Sendable>(_ key: String, as type: T.Type) -> T? {
        guard let entry = state.withLock({ state in state.keys.number(of: key).map { state.entries[$0] } }),
              entry.type == ObjectIdentifier(T.self) else { return nil }
        return unsafeDowncast(entry.box, to: Box<T>.self).value
    }

    /// The value `compute` makes of `input`, computed once under `key`. `input` is passed, not
    /// captured, so that asking again does not copy it.
    func value<T: Sendable, Input>(_ key: String, from input: Input, _ compute: (Input) -> T) -> T {
        if let value = existing(key, as: T.self) { return value }
        let value = compute(input)
        let entry = Entry(type: ObjectIdentifier(T.self), box: Box(value))
        state.withLock { state in
            let number = state.keys.number(key)
            if number == state.entries.count { state.entries.append(entry) } else { state.entries[number] = entry }
        }
        return value
    }
}
