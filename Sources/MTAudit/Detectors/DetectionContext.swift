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

    public init(source: Document, version: Document, otherVersions: [Document] = [],
                lexicons: Lexicons = .builtIn) {
        self.source = source
        self.version = version
        self.otherVersions = otherVersions
        self.lexicons = lexicons
        alignment = SentenceAligner().align(source: source, version: version)
        sameLanguage = Comparability.sameLanguage(source, version)
    }

    /// The lexicon entries of `kind` for the version's language.
    public func entries(_ kind: LexiconKind) -> [String] { lexicons.entries(kind, language: version.language) }
}
