import MTAuditText

/// A word, number or punctuation mark of a document.
public struct Token: Sendable, Hashable {
    /// Where it stands, in Unicode scalar offsets of the document's text.
    public let span: TextSpan
    /// The same range in UTF-8 bytes.
    public let utf8: Range<Int>
    public let kind: WordKind
    /// The token as written.
    public let text: String
    /// Its matching form (NFKC_Casefold, quotes and dashes folded), for comparison.
    public let key: String
    /// The index of the sentence it belongs to in `Document.sentences`.
    public let sentence: Int

    public var isWordLike: Bool { kind.isWordLike }

    /// The number of Unicode scalars of `text`: its span's length, with no scalar counted.
    public var scalarCount: Int { span.length }

    /// Whether `text` is ASCII: as many bytes as scalars.
    public var isASCII: Bool { utf8.count == span.length }
}
