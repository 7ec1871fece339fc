/// One likely error in one version: which rule found it, where, and on what grounds.
public struct Finding: Sendable, Hashable, Codable {
    /// The id of the detector that found it (`repeated-words`).
    public let rule: String
    public let category: MQMCategory
    public var severity: Severity
    /// One sentence a reviewer can act on, naming the words at fault.
    public let message: String
    /// Where in the version.
    public let span: Excerpt
    /// The corresponding place in the source, when there is one.
    public let sourceSpan: Excerpt?
    /// The text that should stand at `span`, when known.
    public let suggestion: String?
    public let evidence: Evidence?
    /// Against a baseline report: whether the finding is new or was already known. Nil without one.
    public var baseline: BaselineStatus?

    public init(rule: String, category: MQMCategory, severity: Severity, message: String, span: Excerpt,
                sourceSpan: Excerpt? = nil, suggestion: String? = nil, evidence: Evidence? = nil) {
        self.rule = rule
        self.category = category
        self.severity = severity
        self.message = message
        self.span = span
        self.sourceSpan = sourceSpan
        self.suggestion = suggestion
        self.evidence = evidence
    }

    private enum CodingKeys: String, CodingKey {
        case rule, category, severity, message, span, sourceSpan, suggestion, evidence, baseline
    }

    /// Absent optionals are written as `null`: the machine interface always has every key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(category, forKey: .category)
        try container.encode(severity, forKey: .severity)
        try container.encode(message, forKey: .message)
        try container.encode(span, forKey: .span)
        try container.encode(sourceSpan, forKey: .sourceSpan)
        try container.encode(suggestion, forKey: .suggestion)
        try container.encode(evidence, forKey: .evidence)
        try container.encodeIfPresent(baseline, forKey: .baseline)
    }
}

/// Whether a finding was in the baseline report.
public enum BaselineStatus: String, Sendable, Hashable, Codable {
    case new, known
}
