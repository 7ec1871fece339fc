import MTAuditText

/// A sentence of a document: its span and the tokens inside it.
public struct Sentence: Sendable, Hashable {
    /// Unicode scalar offsets into the document's text.
    public let span: TextSpan
    public let utf8: Range<Int>
    /// The index of its paragraph in `Document.paragraphs`.
    public let paragraph: Int
    /// Its tokens, as indices into `Document.tokens`.
    public let tokens: Range<Int>
}
