/// The audit of one source and its versions.
public struct AuditResult: Sendable, Hashable, Codable {
    public let source: SourceSummary
    public let versions: [VersionResult]

    public init(source: SourceSummary, versions: [VersionResult]) {
        self.source = source
        self.versions = versions
    }

    /// True when every version passed the gate.
    public var passed: Bool { versions.allSatisfy { $0.verdict == .pass } }
}
