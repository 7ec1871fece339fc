/// A version's sentences aligned with its source's, for a metric that scores texts of several
/// sentences as the corpus of their aligned pairs (TER): each link's version sentences against its
/// source sentences, in the version's order, and what no link joins, the version's left-over
/// sentences against the source's. The documents and the alignment themselves, not copies: a metric
/// that reads each pair's words off the whole texts' prepared forms makes no string (`segments`
/// makes them for the others).
public struct AlignedSentences {
    /// The version, whose text is the hypothesis.
    public let hypothesis: Document
    /// The source, whose text is the reference.
    public let reference: Document
    public let alignment: SentenceAlignment

    public init(hypothesis: Document, reference: Document, alignment: SentenceAlignment) {
        self.hypothesis = hypothesis
        self.reference = reference
        self.alignment = alignment
    }

    /// The sentences of each pair (the links, in the version's order): the version's, then the source's.
    var links: [SentenceAlignment.Link] { alignment.links }

    /// The version's sentences that no link joins, in order.
    var leftHypothesis: [Int] { hypothesis.sentences.indices.filter { alignment.linkOfVersion[$0] == nil } }

    /// The source's sentences that no link joins, in order.
    var leftReference: [Int] { reference.sentences.indices.filter { alignment.linkOfSource[$0] == nil } }

    /// The pairs as strings, each side's sentences joined by a space, and what no pair joins (nil
    /// when every sentence of both is in a pair).
    public var segments: (pairs: [(hypothesis: String, reference: String)], unpaired: (hypothesis: String, reference: String)?) {
        func text(_ document: Document, _ sentences: some Sequence<Int>) -> String {
            sentences.map(document.text(ofSentence:)).joined(separator: " ")
        }
        let pairs = links.map { (hypothesis: text(hypothesis, $0.version), reference: text(reference, $0.source)) }
        let leftHypothesis = leftHypothesis, leftReference = leftReference
        let unpaired = leftHypothesis.isEmpty && leftReference.isEmpty ? nil
            : (text(hypothesis, leftHypothesis), text(reference, leftReference))
        return (pairs, unpaired)
    }
}
