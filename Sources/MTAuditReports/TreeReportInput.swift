import MTAudit

/// What a reporter shows for a folder of stories (`mtaudit audit --tree DIR`): each story's audit, in
/// the order given, and a summary across them all.
public struct TreeReportInput: Sendable {
    /// The folder as the user named it.
    public let root: String
    /// One input a story; a story's id is its source's id (the sub-folder's name).
    public let stories: [ReportInput]
    /// The stories that could not be read or audited, in folder order.
    public let errors: [StoryError]
    /// How each number was made, by name (`AuditConfiguration.signatures`).
    public let signatures: [String: String]

    public init(root: String, stories: [ReportInput], errors: [StoryError] = [],
                signatures: [String: String] = AuditConfiguration().signatures) {
        self.root = root
        self.stories = stories
        self.errors = errors
        self.signatures = signatures
    }

    public var scoreSignature: String { signatures["score"] ?? MQMScorer().signature }

    /// The summary across every story.
    public var summary: TreeSummary { TreeSummary(stories, unaudited: errors.count) }

    /// True when every version of every story passed (stories in `errors` aside: they are no verdict).
    public var passed: Bool { stories.allSatisfy { $0.result.passed } }
}

/// A summary across stories: the counts, the worst versions, findings by rule, and how scores spread.
public struct TreeSummary: Sendable, Hashable, Encodable {
    /// A version by its story, for the list of the worst.
    public struct RankedVersion: Sendable, Hashable, Encodable {
        public let story: String
        public let version: String
        public let path: String?
        public let score: Double
        public let verdict: Verdict
        public let relation: Relation
        public let critical: Int
        public let major: Int
        public let minor: Int
    }

    /// How many findings a rule made, by severity.
    public struct RuleCount: Sendable, Hashable, Encodable {
        public let rule: String
        public let findings: Int
        public let critical: Int
        public let major: Int
        public let minor: Int
        /// In how many versions the rule found something.
        public let versions: Int
    }

    /// Versions whose score lies in `min..<max` (`max` 100 includes 100 itself when `min` is 100).
    public struct ScoreBucket: Sendable, Hashable, Encodable {
        public let label: String
        public let min: Double
        public let max: Double
        public let versions: Int
    }

    /// How many of the worst versions the summary lists.
    public static let worstCount = 10
    /// The lower bounds of the score buckets, highest first: 100 is its own bucket.
    static let bucketBounds: [Double] = [100, 90, 80, 70, 50, 0]

    /// The stories audited (those in `TreeReportInput.errors` not counted).
    public let stories: Int
    /// The stories that could not be read or audited (`TreeReportInput.errors`).
    public let unauditedStories: Int
    public let versions: Int
    public let failingVersions: Int
    public let failingStories: Int
    /// The versions worst first (unrelated first, then by score, then more critical and major findings,
    /// then story and id), at most `worstCount`.
    public let worst: [RankedVersion]
    /// Rules by the number of their findings, most first, then by id.
    public let findingsByRule: [RuleCount]
    /// Score buckets from the best (100) down.
    public let scoreDistribution: [ScoreBucket]

    init(_ stories: [ReportInput], unaudited: Int) {
        let all: [RankedVersion] = stories.flatMap { story in
            story.pairs.map { version, text in
                RankedVersion(story: story.result.source.id, version: version.id, path: text.path, score: version.score,
                              verdict: version.verdict, relation: version.relation, critical: version.count(.critical),
                              major: version.count(.major), minor: version.count(.minor))
            }
        }
        self.stories = stories.count
        unauditedStories = unaudited
        versions = all.count
        failingVersions = all.filter { $0.verdict == .fail }.count
        failingStories = stories.filter { !$0.result.passed }.count
        worst = Array(all.sorted { a, b in
            let keyA = (a.relation == .unrelated ? 0 : 1, a.score, -a.critical, -a.major, a.story, a.version)
            let keyB = (b.relation == .unrelated ? 0 : 1, b.score, -b.critical, -b.major, b.story, b.version)
            return keyA < keyB
        }.prefix(Self.worstCount))
        var counts: [String: (findings: Int, critical: Int, major: Int, minor: Int, versions: Int)] = [:]
        for story in stories {
            for version in story.result.versions {
                for rule in Set(version.findings.map(\.rule)) { counts[rule, default: (0, 0, 0, 0, 0)].versions += 1 }
                for finding in version.findings {
                    counts[finding.rule, default: (0, 0, 0, 0, 0)].findings += 1
                    switch finding.severity {
                    case .critical: counts[finding.rule]!.critical += 1
                    case .major: counts[finding.rule]!.major += 1
                    case .minor: counts[finding.rule]!.minor += 1
                    }
                }
            }
        }
        findingsByRule = counts.map { rule, count in
            RuleCount(rule: rule, findings: count.findings, critical: count.critical, major: count.major,
                      minor: count.minor, versions: count.versions)
        }.sorted { ($0.findings, $1.rule) > ($1.findings, $0.rule) }
        let bounds = Self.bucketBounds
        scoreDistribution = bounds.indices.map { index in
            let low = bounds[index]
            let high = index == 0 ? 100 : bounds[index - 1]
            let inside = all.filter { index == 0 ? $0.score >= low : $0.score >= low && $0.score < high }
            let label = index == 0 ? "100" : "\(Int(low))–<\(Int(high))"
            return ScoreBucket(label: label, min: low, max: high, versions: inside.count)
        }
    }
}
