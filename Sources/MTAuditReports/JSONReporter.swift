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
        var data = try Self.encoder().encode(report)
        data.append(0x0A)
        return Array(data)
    }

    /// The report of a folder of stories: `{"schemaVersion": 1, "root", "summary": {…}, "stories":
    /// [{"id", "source": {…}, "versions": […]}], "errors": [{"story", "path", "message"}]}`, each
    /// story's versions as `render` writes them, and the stories that could not be audited in `errors`.
    public func renderTree(_ tree: TreeReportInput) throws -> [UInt8] {
        let stories = tree.stories.map { input in
            Story(id: input.result.source.id, source: input.result.source,
                  versions: input.result.versions.map { RankedVersion(version: $0, rank: input.rank(of: $0.id)) })
        }
        let report = TreeReport(schemaVersion: Self.schemaVersion, tool: Tool(), signatures: tree.signatures,
                                root: tree.root, summary: tree.summary, stories: stories, errors: tree.errors)
        var data = try Self.encoder().encode(report)
        data.append(0x0A)
        return Array(data)
    }

    /// One line of a feed's answer, ending in a line break: compact JSON with sorted keys, written by
    /// `JSONLineWriter` (the same bytes `JSONEncoder` would give, at a fraction of the cost).
    public func feedLine(_ answer: FeedAnswer) throws -> Data { Data(try feedLineBytes(answer)) }

    /// `feedLine(_:)` as bytes, for a caller that writes them out as they are (no `Data` made of
    /// them and copied back).
    public func feedLineBytes(_ answer: FeedAnswer) throws -> [UInt8] {
        var writer = JSONLineWriter()
        try Self.write(answer, to: &writer)
        return writer.bytes
    }

    /// The lines of several answers, one after another in one array, and where each line ends: for a
    /// feed that answers lines in batches, one buffer a batch rather than one a line. A line that
    /// cannot be written (a number JSON cannot hold) is left empty, as `try? feedLineBytes` leaves it.
    public func feedLinesBytes(_ answers: [FeedAnswer]) -> (bytes: [UInt8], ends: [Int]) {
        var writer = JSONLineWriter(capacity: 1024 * answers.count)
        var ends: [Int] = []
        ends.reserveCapacity(answers.count)
        for answer in answers {
            let start = writer.count
            do {
                try Self.write(answer, to: &writer)
            } catch {
                writer.truncate(to: start)
            }
            ends.append(writer.count)
        }
        return (writer.bytes, ends)
    }

    private static func write(_ answer: FeedAnswer, to writer: inout JSONLineWriter) throws {
        switch answer {
        case .audited(let id, let result):
            try writer.writeAudited(id: id, versions: result.versions)
        case .failed(let line, let error):
            writer.writeFailed(line: line, error: error)
        }
    }

    /// The reports' encoder: pretty-printed, keys sorted, slashes as they are. (Feed lines, compact,
    /// are written by `JSONLineWriter`.)
    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
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
        let errors: [StoryError]
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
}
