import Foundation
import MTAudit

/// SARIF 2.1.0: one run, one rule per detector that found something, one result per finding with its
/// region in code points (`columnKind: unicodeCodePoints`), the source's reading and the fix.
public struct SARIFReporter: Reporter {
    public init() {}

    public func render(_ input: ReportInput) throws -> [UInt8] {
        try log([input], properties: RunProperties(summary: nil, ranking: input.ranking.enumerated().map { index, version in
            RankEntry(version: version.id, rank: index + 1, score: version.score, verdict: version.verdict.rawValue,
                      relation: version.relation.rawValue)
        }))
    }

    /// One run over every story: each result names its story in its properties, and the run's
    /// properties carry the summary. Stories that could not be audited are the invocation's error
    /// notifications, each at its file or folder.
    public func renderTree(_ tree: TreeReportInput) throws -> [UInt8] {
        let invocations = tree.errors.isEmpty ? nil : [Invocation(
            executionSuccessful: false,
            toolExecutionNotifications: tree.errors.map { error in
                Notification(level: "error", message: Message(text: "story \(error.story) not audited: \(error.message)"),
                             locations: [NotificationLocation(physicalLocation: NotificationPhysicalLocation(
                                 artifactLocation: ArtifactLocation(uri: error.path, index: nil)))])
            })]
        return try log(tree.stories, properties: RunProperties(summary: tree.summary, ranking: nil), story: true,
                       invocations: invocations)
    }

    private func log(_ inputs: [ReportInput], properties: RunProperties, story: Bool = false,
                     invocations: [Invocation]? = nil) throws -> [UInt8] {
        let used = Set(inputs.flatMap { $0.result.versions.flatMap { $0.findings.map(\.rule) } })
        let rules = DetectorRegistry.descriptions.filter { used.contains($0.id) }.map { description in
            Rule(id: description.id, name: description.name, shortDescription: Message(text: description.summary),
                 fullDescription: Message(text: description.rationale),
                 defaultConfiguration: Configuration(level: Self.level(description.severity)),
                 properties: RuleProperties(category: description.category.rawValue, severity: description.severity.rawValue))
        }
        var artifacts: [Artifact] = []
        var results: [Result] = []
        for input in inputs {
            append(input, story: story ? input.result.source.id : nil, to: &artifacts, &results)
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: MTAuditVersion.current, rules: rules)),
                                 invocations: invocations, artifacts: artifacts, results: results, properties: properties)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(log)
        data.append(0x0A)
        return Array(data)
    }

    private func append(_ input: ReportInput, story: String?, to artifacts: inout [Artifact], _ results: inout [Result]) {
        for (version, text) in input.pairs {
            let uri = input.location(of: text)
            let artifactIndex = artifacts.count
            artifacts.append(Artifact(location: ArtifactLocation(uri: uri, index: nil)))
            let index = TextPosition.Index(text.text)
            for finding in version.findings {
                let start = index.position(of: finding.span.start), end = index.position(of: finding.span.end)
                let region = Region(startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column,
                                    charOffset: finding.span.start, charLength: finding.span.end - finding.span.start,
                                    snippet: Message(text: finding.span.text))
                let location = Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: uri, index: artifactIndex), region: region))
                let fix = finding.suggestion.map { suggestion in
                    Fix(description: Message(text: suggestion.isEmpty ? "Delete it." : "Write “\(suggestion)”."),
                        artifactChanges: [ArtifactChange(artifactLocation: ArtifactLocation(uri: uri, index: artifactIndex),
                                                         replacements: [Replacement(deletedRegion: region,
                                                                                    insertedContent: Message(text: suggestion))])])
                }
                results.append(Result(ruleId: finding.rule, level: Self.level(finding.severity),
                                      message: Message(text: finding.message), locations: [location],
                                      fixes: fix.map { [$0] },
                                      properties: ResultProperties(story: story, version: version.id, category: finding.category.rawValue,
                                                                   severity: finding.severity.rawValue,
                                                                   evidence: finding.evidence?.rawValue,
                                                                   sourceText: finding.sourceSpan?.text)))
            }
        }
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical: return "error"
        case .major: return "warning"
        case .minor: return "note"
        }
    }

    // MARK: The SARIF 2.1.0 objects used

    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        let tool: Tool
        let columnKind = "unicodeCodePoints"
        /// Only when something could not be audited (a tree's stories), to say so.
        let invocations: [Invocation]?
        let artifacts: [Artifact]
        let results: [Result]
        let properties: RunProperties
    }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        let level: String
        let message: Message
        let locations: [NotificationLocation]
    }

    struct NotificationLocation: Encodable { let physicalLocation: NotificationPhysicalLocation }

    /// A notification's place: a whole file or folder, without a region.
    struct NotificationPhysicalLocation: Encodable { let artifactLocation: ArtifactLocation }

    /// The summary across stories (a tree), or the ranking of one source's versions, best first.
    struct RunProperties: Encodable {
        let summary: TreeSummary?
        let ranking: [RankEntry]?
    }

    struct RankEntry: Encodable {
        let version: String
        let rank: Int
        let score: Double
        let verdict: String
        let relation: String
    }

    struct Tool: Encodable { let driver: Driver }

    struct Driver: Encodable {
        let name = "mtaudit"
        let version: String
        let informationUri = "https://github.com/mtaudit/mtaudit"
        let rules: [Rule]
    }

    struct Rule: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let defaultConfiguration: Configuration
        let properties: RuleProperties
    }

    struct RuleProperties: Encodable {
        let category: String
        let severity: String
    }

    struct Configuration: Encodable { let level: String }

    struct Message: Encodable { let text: String }

    struct Artifact: Encodable { let location: ArtifactLocation }

    struct ArtifactLocation: Encodable {
        let uri: String
        let index: Int?
    }

    struct Result: Encodable {
        let ruleId: String
        let level: String
        let message: Message
        let locations: [Location]
        let fixes: [Fix]?
        let properties: ResultProperties
    }

    struct ResultProperties: Encodable {
        let story: String?
        let version: String
        let category: String
        let severity: String
        let evidence: String?
        let sourceText: String?
    }

    struct Location: Encodable { let physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
        let charOffset: Int
        let charLength: Int
        let snippet: Message
    }

    struct Fix: Encodable {
        let description: Message
        let artifactChanges: [ArtifactChange]
    }

    struct ArtifactChange: Encodable {
        let artifactLocation: ArtifactLocation
        let replacements: [Replacement]
    }

    struct Replacement: Encodable {
        let deletedRegion: Region
        let insertedContent: Message
    }
}
