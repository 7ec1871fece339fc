import MTAuditText

/// A heuristic that flags one kind of likely translation error.
///
/// A detector is a small value type. Its static `description` names it (id, MQM category, default
/// severity) and carries its own triggering and non-triggering examples, which the test suite runs for
/// every registered detector. `findings(in:)` must be a pure function of the context.
public protocol Detector: Sendable {
    static var description: DetectorDescription { get }
    func findings(in context: DetectionContext) -> [Finding]
}

extension Detector {
    /// A finding of this detector at `span` of the version, with its default category and severity.
    public func finding(_ span: TextSpan, in context: DetectionContext, message: String,
                        sourceSpan: TextSpan? = nil, suggestion: String? = nil,
                        evidence: Evidence? = nil, severity: Severity? = nil) -> Finding {
        let description = Self.description
        return Finding(rule: description.id, category: description.category,
                       severity: severity ?? description.severity, message: message,
                       span: context.version.excerpt(span),
                       sourceSpan: sourceSpan.map { context.source.excerpt($0) },
                       suggestion: suggestion, evidence: evidence)
    }
}
