import MTAuditText

/// A word, number or punctuation mark of a document.
public struct Token: Sendable, Hashable {
    /// The token as written.
    public let text: String
    /// Its matching form (NFKC_Casefold, quotes and dashes folded), for comparison.
    public let key: String
    // The offsets and the sentence index in 32 bits each (a document's text is at most
    // `Document.maximumTextBytes` long): a token takes 56 bytes, not 80, and the tokens of a long
    // text, read again and again by every rule, fit the caches better (the 100× article 2–3% faster).
    private let start: Int32, end: Int32, utf8Start: Int32, utf8End: Int32, sentenceIndex: Int32
    public let kind: WordKind

    init(span: TextSpan, utf8: Range<Int>, kind: WordKind, text: String, key: String, sentence: Int) {
        self.text = text
        self.key = key
        start = Int32(span.start)
        end = Int32(span.end)
        utf8Start = Int32(utf8.lowerBound)
        utf8End = Int32(utf8.upperBound)
        sentenceIndex = Int32(sentence)
        self.kind = kind
    }

    /// Where it stands, in Unicode scalar offsets of the document's text.
    public var span: TextSpan { TextSpan(start: Int(start), end: Int(end)) }
    /// The same range in UTF-8 bytes.
    public var utf8: Range<Int> { Int(utf8Start)..<Int(utf8End) }
    /// The index of the sentence it belongs to in `Document.sentences`.
    public var sentence: Int { Int(sentenceIndex) }

    public var isWordLike: Bool { kind.isWordLike }

    /// The number of Unicode scalars of `text`: its span's length, with no scalar counted.
    public var scalarCount: Int { Int(end - start) }

    /// Whether `text` is ASCII: as many bytes as scalars.
    public var isASCII: Bool { utf8End - utf8Start == end - start }
}
