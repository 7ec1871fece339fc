import MTAuditText

/// Flags a passage of the source that a version otherwise rendering the whole source leaves out.
public struct OmissionDetector: Detector {
    /// A version must render at least this share of the source's sentences to be taken as meant to
    /// render all of it; below it, it is a condensation, and what it leaves out is its choice.
    static let minimumCoverage = 0.8

    public static let description = DetectorDescription(
        id: "omission",
        name: "Omission",
        summary: "A passage of the source that the version leaves out.",
        category: .omission,
        severity: .major,
        rationale: """
            A dropped sentence or paragraph leaves the reader without part of the story, and nothing \
            shows the gap. A version that renders at least 80% of the source's sentences is meant as \
            a full rendering; each run of source sentences it does not render is one finding, a point \
            where the passage would stand. Major, as a dropped passage misinforms by silence; minor \
            when no other version renders the passage either (a passage the source alone adds, such \
            as a local ending). A condensation (lower coverage) is not a list of omissions: its \
            relation, partial, says so once.
            """,
        triggeringExamples: [
            DetectorExample(
                source: "The ferry left Ostby at dawn. It carried forty passengers and two trucks. Fog slowed it near the lighthouse. The captain radioed the harbour twice. It docked at noon.",
                version: "The ferry left Ostby at dawn. It carried forty passengers and two trucks.⟦⟧ The captain radioed the harbour twice. It docked at noon."),
            DetectorExample(
                source: "Ticket prices rise in May. The operator blamed fuel costs.\n\nUnions called the rise unfair and threatened a strike.\n\nA review is due in the autumn. The minister has promised a reply. Critics doubt it will come.",
                version: "Ticket prices rise in May. The operator blamed fuel costs.⟦⟧\n\nA review is due in the autumn. The minister has promised a reply. Critics doubt it will come."),
        ],
        nonTriggeringExamples: [
            DetectorExample(
                source: "The ferry left Ostby at dawn. It carried forty passengers and two trucks. Fog slowed it near the lighthouse. The captain radioed the harbour twice. It docked at noon.",
                version: "The ferry left Ostby at dawn with forty passengers and two trucks. Fog slowed it near the lighthouse. The captain radioed the harbour twice. It docked at noon."),
            DetectorExample(
                source: "The ferry left Ostby at dawn. It carried forty passengers and two trucks. Fog slowed it near the lighthouse. The captain radioed the harbour twice. It docked at noon.",
                version: "The ferry left Ostby at dawn. It docked at noon."),
            DetectorExample(
                source: "The ferry left Ostby at dawn. It docked at noon.",
                version: "Auf dem Markt gab es heute frische Äpfel und Birnen aus der Region, dazu Brot."),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        let rendering = context.rendering
        guard rendering.coverage >= Self.minimumCoverage, rendering.coverage < 1 else { return [] }
        let source = context.source
        var findings: [Finding] = []
        var s = 0
        while s < source.sentences.count {
            guard !rendering.source[s], source.tokens[source.sentences[s].tokens].contains(where: \.isWordLike) else { s += 1; continue }
            var end = s + 1
            while end < source.sentences.count, !rendering.source[end] { end += 1 }
            let passage = source.sentences[s].span.union(source.sentences[end - 1].span)
            let place = self.place(before: s, after: end, in: context)
            let alone = !context.otherVersions.isEmpty && !(s..<end).contains { context.otherVersionsRender(sourceSentence: $0) }
            let opening = source.tokens[source.sentences[s].tokens].filter(\.isWordLike).prefix(6).map(\.text).joined(separator: " ")
            let count = end - s
            let message = "the version leaves out \(count == 1 ? "the source's sentence" : "\(count) sentences of the source") beginning “\(opening)…”"
                + (alone ? "; no other version renders it either" : "")
            findings.append(finding(place, in: context, message: message, sourceSpan: trimmed(passage, in: source),
                                    evidence: alone ? .source : (context.otherVersions.isEmpty ? .source : .consensus),
                                    severity: alone ? .minor : nil))
            s = end
        }
        return findings
    }

    /// Where the passage before source sentence `end` would stand in the version: after the version's
    /// rendering of the sentence before it, or else before the rendering of the sentence after it.
    private func place(before start: Int, after end: Int, in context: DetectionContext) -> TextSpan {
        let version = context.version
        func lastToken(of v: Int) -> Int? { version.tokens[version.sentences[v].tokens].last?.span.end }
        if start > 0, let v = context.alignment.versionOf[start - 1], let offset = lastToken(of: v) { return .point(offset) }
        if end < context.source.sentences.count, let v = context.alignment.versionOf[end],
           let first = version.tokens[version.sentences[v].tokens].first { return .point(first.span.start) }
        return .point(0)
    }

    private func trimmed(_ span: TextSpan, in document: Document) -> TextSpan {
        let tokens = Array(document.tokens(in: span))
        guard let first = tokens.first, let last = tokens.last else { return span }
        return first.span.union(last.span)
    }
}
