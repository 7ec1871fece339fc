import Foundation
import MTAudit

/// The machine interface: the JSON report of an audit and the JSON Lines answers of a feed, as
/// `CONTRACT.md` defines them. Keys are sorted and output is byte-for-byte reproducible.
public struct JSONReporter: Reporter {
    public static let schemaVersion = 1

    public init() {}

    /// The report of an `audit` run: `{"schemaVersion": 1, "source": {…}, "versions": […]}`, pretty-printed.
    /// Each version also carries its `rank` (1 = best).
    public func render(_ input: ReportInput) throws -> [UInt8] {
        let versions = input.result.versions.map { RankedVersion(version: $0, rank: input.rank(of: $0.id)) }
        let report = Report(schemaVersion: Self.schemaVersion, tool: Tool(), signatures: input.signatures,
                            source: input.result.source, versions: versions)
        var data = try Self.encoder(pretty: true).encode(report)
        data.append(0x0A)
        return Array(data)
    }

    /// The report of a folder of stories: `{"schemaVersion": 1, "root", "summary": {…}, "stories":
    /// [{"id", "source": {…}, "versions": […]}]}`, each story's versions as `render` writes them.
    public func renderTree(_ tree: TreeReportInput) throws -> [UInt8] {
        let stories = tree.stories.map { input in
            Story(id: input.result.source.id, source: input.result.source,
                  versions: input.result.versions.map { RankedVersion(version: $0, rank: input.rank(of: $0.id)) })
        }
        let report = TreeReport(schemaVersion: Self.schemaVersion, tool: Tool(), signatures: tree.signatures,
                                root: tree.root, summary: tree.summary, stories: stories)
        var data = try Self.encoder(pretty: true).encode(report)
        data.append(0x0A)
        return Array(data)
    }

    /// One line of a feed's answer, ending in a line break.
    public func feedLine(_ answer: FeedAnswer) throws -> Data {
        let encoder = Self.encoder(pretty: false)
        var data: Data
        switch answer {
        case .audited(let id, let result):
            data = try encoder.encode(AuditedLine(id: id, versions: result.versions))
        case .failed(let line, let error):
            data = try encoder.encode(FailedLine(id: error.id, line: line,
                                                 error: .init(code: error.code.rawValue, message: error.message)))
        }
        data.append(0x0A)
        return data
    }

    private static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private struct Tool: Encodable {
        let name = "mtaudit"
        let version = MTAuditVersion.current
    }

    private struct Report: Encodable {
        let schemaVersion: Int
        let tool: Tool
        let signatures: [String: String]
        let source: SourceSummary
        let versions: [RankedVersion]
    }

    private struct TreeReport: Encodable {
        let schemaVersion: Int
        let tool: Tool
        let signatures: [String: String]
        let root: String
        let summary: TreeSummary
        let stories: [Story]
    }

    private struct Story: Encodable {
        let id: String
        let source: SourceSummary
        let versions: [RankedVersion]
    }

    /// A version's result and its rank, in one JSON object.
    private struct RankedVersion: Encodable {
        let version: VersionResult
        let rank: Int

        private enum CodingKeys: String, CodingKey { case rank }

        func encode(to encoder: any Encoder) throws {
            try version.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rank, forKey: .rank)
        }
    }

    private struct AuditedLine: Encodable {
        let id: String
        let versions: [VersionResult]
    }

    private struct FailedLine: Encodable {
        struct Failure: Encodable {
            let code: String
            let message: String
        }

        let id: String?
        let line: Int
        let error: Failure

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)  // null when unknown: the key is always there
            try container.encode(line, forKey: .line)
            try container.encode(error, forKey: .error)
        }

        private enum CodingKeys: String, CodingKey { case id, line, error }
    }
}
