import Foundation

/// What a detector looks at: the source, the version under audit, the other versions of the same
/// source (for consensus), the sentence alignment of version to source, and the lexicons.
public struct DetectionContext: Sendable {
    public let source: Document
    public let version: Document
    public let otherVersions: [Document]
    public let alignment: SentenceAlignment
    public let lexicons: Lexicons
    /// Whether source and version are in one language, so that words can be compared directly.
    public let sameLanguage: Bool
    /// The languages the word lists guess for the source and the version (nil: no guess), made once
    /// here for every detector.
    public let sourceLanguageGuess: String?
    public let versionLanguageGuess: String?
    /// Work that several detectors share, done once per context.
    let memo = Memo()

    public init(source: Document, version: Document, otherVersions: [Document] = [],
                lexicons: Lexicons = .builtIn) {
        self.source = source
        self.version = version
        self.otherVersions = otherVersions
        self.lexicons = lexicons
        sourceLanguageGuess = Comparability.guessedLanguage(of: source)
        versionLanguageGuess = Comparability.guessedLanguage(of: version)
        sameLanguage = Comparability.sameLanguage(source, version, sourceGuess: .some(sourceLanguageGuess),
                                                  versionGuess: .some(versionLanguageGuess))
        alignment = SentenceAligner().align(source: source, version: version, sameLanguage: sameLanguage,
                                            language: Comparability.listedLanguage(of: source, guess: sourceLanguageGuess))
    }

    /// The lexicon entries of `kind` for the version's language.
    public func entries(_ kind: LexiconKind) -> [String] { lexicons.entries(kind, language: version.language) }

    /// The value `compute` makes, computed once for this context under `key`.
    func memoized<T>(_ key: String, _ compute: () -> T) -> T { memo.value(key, compute) }
}

/// A small thread-safe cache of values by key.
final class Memo: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Any] = [:]

    func value<T>(_ key: String, _ compute: () -> T) -> T {
        if let value = lock.withLock({ values[key] }) as? T { return value }
        let value = compute()
        lock.withLock { values[key] = value }
        return value
    }
}
