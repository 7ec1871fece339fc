/// What an audit runs and how it judges.
public struct AuditConfiguration: Sendable {
    public var detectors: [any Detector]
    /// Severity per rule id, replacing a detector's default.
    public var severityOverrides: [String: Severity]
    public var gate: GatePolicy
    public var scorer: MQMScorer
    public var coverage: CoverageEstimator
    public var lexicons: Lexicons
    /// Reference metrics scored on each version against the source.
    public var metrics: [any SentenceMetric]
    /// An earlier report: when set, the gate judges only the findings that are new.
    public var baseline: Baseline?

    public init(detectors: [any Detector] = DetectorRegistry.all, severityOverrides: [String: Severity] = [:],
                gate: GatePolicy = GatePolicy(), scorer: MQMScorer = MQMScorer(),
                coverage: CoverageEstimator = CoverageEstimator(), lexicons: Lexicons = .builtIn,
                metrics: [any SentenceMetric] = [CharacterFScore.chrF, CharacterFScore.chrFPlusPlus, SentenceBLEU(), TranslationEditRate()]) {
        self.detectors = detectors
        self.severityOverrides = severityOverrides
        self.gate = gate
        self.scorer = scorer
        self.coverage = coverage
        self.lexicons = lexicons
        self.metrics = metrics
    }

    /// How each score in a report was made: the MQM score and every metric, by name.
    public var signatures: [String: String] {
        var signatures = ["score": scorer.signature]
        for metric in metrics { signatures[metric.name] = metric.signature }
        return signatures
    }

    /// The configuration without the detectors whose ids are in `ids`.
    public func disabling(_ ids: Set<String>) -> AuditConfiguration {
        var copy = self
        copy.detectors = detectors.filter { !ids.contains(type(of: $0).description.id) }
        return copy
    }
}
