/// Who a detector is and how it behaves, in the manner of SwiftLint's rule descriptions.
public struct DetectorDescription: Sendable {
    /// Kebab-case rule id, as findings and configuration name it: `repeated-words`.
    public let id: String
    /// A human name: "Repeated words".
    public let name: String
    /// One line: what it flags.
    public let summary: String
    public let category: MQMCategory
    public let severity: Severity
    /// Why it matters, and how it avoids false alarms.
    public let rationale: String
    /// Examples that must produce findings exactly where they are marked.
    public let triggeringExamples: [DetectorExample]
    /// Examples that must produce no finding.
    public let nonTriggeringExamples: [DetectorExample]
    /// Whether the examples keep their meaning behind a prefix paragraph of emoji and CJK words, as
    /// the example tests run them. False only where words in front change the case, as for an
    /// empty version, which would no longer be empty.
    public let examplesTakeAPrefix: Bool

    public init(id: String, name: String, summary: String, category: MQMCategory, severity: Severity,
                rationale: String, triggeringExamples: [DetectorExample],
                nonTriggeringExamples: [DetectorExample], examplesTakeAPrefix: Bool = true) {
        self.id = id
        self.name = name
        self.summary = summary
        self.category = category
        self.severity = severity
        self.rationale = rationale
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
        self.examplesTakeAPrefix = examplesTakeAPrefix
    }
}
