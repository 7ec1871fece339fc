import MTAuditText

/// Flags a version with no words at all: empty, white space, or punctuation only.
public struct EmptyVersionDetector: Detector {
    public static let description = DetectorDescription(
        id: "empty-version",
        name: "Empty version",
        summary: "A version with no words: empty, or only punctuation.",
        category: .omission,
        severity: .critical,
        rationale: "A version without words renders none of the source; publishing it publishes nothing.",
        triggeringExamples: [
            DetectorExample(source: "The council approved the plan.", version: "⟦.⟧"),
            DetectorExample(source: "The council approved the plan.", version: "⟦⟧"),
            DetectorExample(source: "The council approved the plan.", version: "  ⟦— …⟧ "),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The council approved the plan.", version: "Approved."),
            DetectorExample(source: "...", version: "..."),
        ],
        examplesTakeAPrefix: false
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        let version = context.version
        guard version.wordCount == 0, context.source.wordCount > 0 else { return [] }
        // Past the leading and trailing white space, or a point at the start of an empty text.
        let marks = version.tokens
        let span = marks.first.map { $0.span.union(marks.last!.span) } ?? .point(0)
        let message = span.isEmpty ? "the version is empty" : "the version has no words, only “\(version.text(of: span))”"
        return [finding(span, in: context, message: message, evidence: .self)]
    }
}
