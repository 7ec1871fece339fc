import MTAuditText

/// Flags a sentence of a version that renders nothing of the source: a caption, a promotion, an
/// invented passage.
public struct AdditionDetector: Detector {
    /// A sentence that shares this share of its words with some source sentence repeats or sums up
    /// the source (a "key points" list), and adds nothing new.
    static let echoSimilarity = 0.3

    public static let description = DetectorDescription(
        id: "addition",
        name: "Addition",
        summary: "A sentence of the version with no counterpart in the source.",
        category: .addition,
        severity: .minor,
        rationale: """
            Text the source does not have is put in the source's mouth. A version sentence that the \
            alignment links to no source sentence, that shares little with any source sentence (a \
            summary repeats the source), and that no other version renders (a trimmed source lacks \
            passages the others keep), is an addition. Minor by default: most additions are captions, \
            credits and leftovers of a web page rather than claims; raise it for rewrite pipelines. \
            A version unrelated to the source is judged as a whole instead.
            """,
        triggeringExamples: [
            DetectorExample(source: "The ferry left Ostby at dawn. It docked at noon.",
                            version: "The ferry left Ostby at dawn. ⟦Subscribe now for more stories like this.⟧ It docked at noon."),
            DetectorExample(source: "Ticket prices rise in May. The operator blamed fuel costs.",
                            version: "Ticket prices rise in May. The operator blamed fuel costs.\n\n⟦Photo: Lena Marsh for the Courier⟧"),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The ferry left Ostby at dawn. It docked at noon.",
                            version: "The ferry left Ostby at dawn. Tickets cost nine crowns. It docked at noon.",
                            otherVersions: ["The ferry left Ostby at dawn. A ticket cost nine crowns. It docked at noon."]),
            DetectorExample(source: "The ferry left Ostby at dawn. It docked at noon after fog.",
                            version: "Key points: fog, noon. The ferry left Ostby at dawn. It docked at noon after fog."),
            DetectorExample(source: "The ferry left Ostby at dawn. It docked at noon.",
                            version: "The orchestra opens its season with a rare symphony. Tickets go on sale next week."),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        let rendering = context.rendering
        // Unrelated as a whole: every sentence would be an addition.
        guard rendering.coverage >= 0.2 else { return [] }
        let source = context.source, version = context.version
        // The source sentences' words, read for the first candidate (most versions render every
        // sentence): each sentence's distinct keys as sorted numbers, the aligner's (made once per
        // document), where a set of strings per sentence cost as much as the rest of the rule on a
        // long text. (Keys are in one normal form: equal keys have equal bytes, as the numbering
        // tells them.)
        lazy var sourceWords = DocumentWords.of(source)
        var additions: [(span: TextSpan, words: [Token])] = []
        for (index, sentence) in version.sentences.enumerated() where !rendering.version[index] {
            let words = version.tokens[sentence.tokens].filter(\.isWordLike)
            guard words.count >= 2, context.consensusReadings(ofVersionSentence: index).isEmpty else { continue }
            let set = Set(words.map(\.key))
            let numbers = set.compactMap { sourceWords.ids.number(of: $0).map(Int32.init) }.sorted()
            let echo = sourceWords.sentences.contains { 2 * Double(SortedIds.sharedCount($0, numbers)) / Double($0.count + set.count) >= Self.echoSimilarity }
            guard !echo else { continue }
            let tokens = version.tokens[sentence.tokens]
            additions.append((tokens.first!.span.union(tokens.last!.span), words))
        }
        // When most of the version is added, it is another text, and its relation says so.
        guard 2 * additions.reduce(0, { $0 + $1.words.count }) <= version.wordCount else { return [] }
        var findings: [Finding] = []
        for (span, words) in additions {
            let opening = words.prefix(6).map(\.text).joined(separator: " ")
            findings.append(finding(span, in: context, message: "“\(opening)\(words.count > 6 ? "…" : "")” has no counterpart in the source",
                                    evidence: .source))
        }
        return findings
    }
}
