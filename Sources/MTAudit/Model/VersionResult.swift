/// The audit of one version: its score, verdict, relation to the source and findings.
public struct VersionResult: Sendable, Hashable, Codable {
    public let id: String
    /// The file it was read from (`audit` only); omitted in feed answers.
    public let path: String?
    public let language: String
    /// 0–100, higher is better: an MQM-style quality score, 100 when nothing was found.
    public let score: Double
    public let verdict: Verdict
    public let relation: Relation
    /// Share of the source's sentences the version renders, 0–1.
    public let coverage: Double
    /// Reference-based metrics against the source, by name ("chrF"), each documented with a signature.
    public let metrics: [String: Double]
    /// Findings in order of their place in the version.
    public let findings: [Finding]
    /// Why the gate failed the version; empty when it passed.
    public let gateReasons: [String]

    public init(id: String, path: String?, language: String, score: Double, verdict: Verdict, relation: Relation,
                coverage: Double, metrics: [String: Double], findings: [Finding], gateReasons: [String]) {
        self.id = id
        self.path = path
        self.language = language
        self.score = score
        self.verdict = verdict
        self.relation = relation
        self.coverage = coverage
        self.metrics = metrics
        self.findings = findings
        self.gateReasons = gateReasons
    }
}
