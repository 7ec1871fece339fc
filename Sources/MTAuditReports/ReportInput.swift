import MTAudit
import MTAuditText

/// What a reporter shows: the audit's result, the texts it was made from, and how it scored.
public struct ReportInput: Sendable {
    public let result: AuditResult
    public let source: TextInput
    /// The versions, in the order of `result.versions`.
    public let versions: [TextInput]
    /// How each number was made, by name: "score" and each metric (`AuditConfiguration.signatures`).
    public let signatures: [String: String]

    public var scoreSignature: String { signatures["score"] ?? MQMScorer().signature }

    /// The metrics the versions carry, in a fixed order.
    public var metricNames: [String] {
        Array(Set(result.versions.flatMap(\.metrics.keys))).sorted { a, b in
            (Self.metricOrder.firstIndex(of: a) ?? 99, a) < (Self.metricOrder.firstIndex(of: b) ?? 99, b)
        }
    }

    static let metricOrder = ["chrF", "chrF++", "BLEU", "TER"]

    public init(result: AuditResult, source: TextInput, versions: [TextInput],
                signatures: [String: String] = AuditConfiguration().signatures) {
        precondition(versions.count == result.versions.count, "one text for each version result")
        self.result = result
        self.source = source
        self.versions = versions
        self.signatures = signatures
    }

    /// Each version's result with its text, in the order given.
    public var pairs: [(result: VersionResult, text: TextInput)] { Array(zip(result.versions, versions)) }

    /// The versions ranked best first: full translations, then partial ones (a version that renders
    /// half the source is not the best one, however clean that half), then versions of another text;
    /// within each, by score, then fewer critical and major findings, then id.
    public var ranking: [VersionResult] {
        func order(_ relation: Relation) -> Int { relation == .full ? 0 : relation == .partial ? 1 : 2 }
        return result.versions.sorted { a, b in
            let keyA = (order(a.relation), -a.score, a.count(.critical), a.count(.major), a.id)
            let keyB = (order(b.relation), -b.score, b.count(.critical), b.count(.major), b.id)
            return keyA < keyB
        }
    }

    /// The best and the worst version by `ranking`, when there are two or more to rank.
    public var bestAndWorst: (best: VersionResult, worst: VersionResult)? {
        let ranked = ranking
        guard ranked.count > 1, let best = ranked.first, let worst = ranked.last else { return nil }
        return (best, worst)
    }

    /// The rank (from 1) of the version with `id`.
    public func rank(of id: String) -> Int { (ranking.firstIndex { $0.id == id } ?? 0) + 1 }

    /// Where a finding stands in a file: the path, or the version's id when it has none.
    public func location(of version: TextInput) -> String { version.path ?? version.id }
}

extension VersionResult {
    /// The number of findings of `severity`.
    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}
