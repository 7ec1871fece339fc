/// When a version fails: the rule a pipeline gates publication on.
public struct GatePolicy: Sendable, Hashable {
    /// A version scoring below this fails.
    public var minimumScore: Double
    /// A version with a finding at or above this severity fails; nil to ignore severities.
    public var failSeverity: Severity?
    /// Whether a version unrelated to the source fails.
    public var failUnrelated: Bool

    public init(minimumScore: Double = 90, failSeverity: Severity? = .critical, failUnrelated: Bool = true) {
        self.minimumScore = minimumScore
        self.failSeverity = failSeverity
        self.failUnrelated = failUnrelated
    }

    /// The reasons the version fails; empty when it passes.
    public func reasons(score: Double, relation: Relation, findings: [Finding]) -> [String] {
        var reasons: [String] = []
        if score < minimumScore {
            reasons.append("score \(Self.format(score)) is below the minimum \(Self.format(minimumScore))")
        }
        if let failSeverity {
            let count = findings.filter { $0.severity >= failSeverity }.count
            if count > 0 {
                let plural = count == 1 ? "finding" : "findings"
                reasons.append("\(count) \(plural) of severity \(failSeverity) or worse")
            }
        }
        if failUnrelated && relation == .unrelated { reasons.append("the version is unrelated to the source") }
        return reasons
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
