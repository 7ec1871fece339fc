import Foundation
import MTAudit
import MTAuditReports
import Testing

@Suite("Reports in every format")
struct ReporterTests {
    @Test("Each format matches its golden file", arguments: ReportFormat.allCases)
    func golden(format: ReportFormat) throws {
        let bytes = try format.reporter.render(try Fixture.input())
        let name = format.fileName ?? "report.github.txt"
        #expect(try Fixture.matchesGolden(bytes, name), "\(name) differs; rerun with MTAUDIT_UPDATE_GOLDEN=1 if intended")
        #expect(try format.reporter.render(try Fixture.input()) == bytes, "rendering is deterministic")
    }

    @Test("Each format of a folder of stories matches its golden file", arguments: ReportFormat.allCases)
    func treeGolden(format: ReportFormat) throws {
        let tree = try TreeFixture.input()
        let bytes = try format.reporter.renderTree(tree)
        let name = "tree." + (format.fileName.map { String($0.dropFirst("report.".count)) } ?? "github.txt")
        #expect(try Fixture.matchesGolden(bytes, name), "\(name) differs; rerun with MTAUDIT_UPDATE_GOLDEN=1 if intended")
        #expect(try format.reporter.renderTree(tree) == bytes, "rendering is deterministic")
    }

    @Test("The tree summary: counts, the worst versions first, findings by rule, score buckets")
    func treeSummary() throws {
        let tree = try TreeFixture.input()
        let summary = tree.summary
        #expect(summary.stories == 2 && summary.versions == 4)
        #expect(summary.worst.first?.version == "stray", "an unrelated version is the worst")
        #expect(summary.worst.map(\.story).count == 4)
        #expect(summary.scoreDistribution.reduce(0) { $0 + $1.versions } == 4)
        #expect(summary.scoreDistribution.first?.label == "100")
        let rules = summary.findingsByRule.map(\.rule)
        #expect(rules.contains("repeated-words") && rules.contains("number-mismatch"))
        #expect(summary.findingsByRule.map(\.findings) == summary.findingsByRule.map(\.findings).sorted(by: >))
        #expect(summary.failingVersions >= 2 && summary.failingStories == 2)
        #expect(!tree.passed)
    }

    @Test("Tree reports: JSON carries the summary and every story; JUnit a suite per story; SARIF names the story")
    func treeStructure() throws {
        let tree = try TreeFixture.input()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try JSONReporter().renderTree(tree))) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(json["root"] as? String == "stories")
        let summary = try #require(json["summary"] as? [String: Any])
        for key in ["stories", "versions", "failingVersions", "failingStories", "worst", "findingsByRule", "scoreDistribution"] {
            #expect(summary[key] != nil, "summary has \(key)")
        }
        let stories = try #require(json["stories"] as? [[String: Any]])
        #expect(stories.map { $0["id"] as? String } == ["harbour", "orchard"])
        #expect((stories[0]["versions"] as? [[String: Any]])?.map { $0["path"] as? String } == ["stories/harbour/careful.txt", "stories/harbour/hasty.txt"])
        let junit = try XMLStructure(try JUnitReporter().renderTree(tree))
        #expect(junit.attributes("testsuite").map { $0["name"] } == ["harbour", "orchard", "summary"])
        #expect(junit.count("testcase") == 4)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(try SARIFReporter().renderTree(tree))) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        #expect((run["properties"] as? [String: Any])?["summary"] != nil)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty && results.allSatisfy { ($0["properties"] as? [String: Any])?["story"] is String })
        let html = String(decoding: try HTMLReporter().renderTree(tree), as: UTF8.self)
        #expect(html.contains("id=\"story-2-version-2\"") && html.contains("href=\"#story-2-version-2\""))
        let github = String(decoding: try GitHubAnnotationsReporter().renderTree(tree), as: UTF8.self)
        #expect(github.split(separator: "\n").last?.hasPrefix("::notice title=mtaudit summary of stories::2 stories, 4 versions") == true)
    }

    @Test("Tree reports list the stories that could not be audited in every format, beside the others")
    func treeErrors() throws {
        let audited = try TreeFixture.input()
        let errors = [StoryError(story: "lonely", path: "stories/lonely", message: "no versions (*.txt beside source.txt)"),
                      StoryError(story: "mangled", path: "stories/mangled/v.txt", message: "invalid UTF-8 at byte 3 <&>")]
        let tree = TreeReportInput(root: audited.root, stories: audited.stories, errors: errors, signatures: audited.signatures)
        #expect(tree.summary.unauditedStories == 2 && tree.summary.stories == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try JSONReporter().renderTree(tree))) as? [String: Any])
        let listed = try #require(json["errors"] as? [[String: String]])
        #expect(listed == [["story": "lonely", "path": "stories/lonely", "message": "no versions (*.txt beside source.txt)"],
                           ["story": "mangled", "path": "stories/mangled/v.txt", "message": "invalid UTF-8 at byte 3 <&>"]])
        #expect((json["stories"] as? [Any])?.count == 2, "the other stories are reported all the same")
        let junit = try XMLStructure(try JUnitReporter().renderTree(tree))
        #expect(junit.attributes("testsuite").map { $0["name"] } == ["harbour", "orchard", "lonely", "mangled", "summary"])
        #expect(junit.attributes("testsuites").first?["errors"] == "2")
        #expect(junit.attributes("testsuites").first?["tests"] == "6")
        #expect(junit.attributes("error").map { $0["message"] } == errors.map(\.message))
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(try SARIFReporter().renderTree(tree))) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.map { $0["level"] as? String } == ["error", "error"])
        let html = String(decoding: try HTMLReporter().renderTree(tree), as: UTF8.self)
        #expect(html.contains("Stories not audited (2)") && html.contains("invalid UTF-8 at byte 3 &lt;&amp;&gt;"))
        let markdown = String(decoding: try MarkdownReporter().renderTree(tree), as: UTF8.self)
        #expect(markdown.contains("### Stories not audited (2)") && markdown.contains("**lonely**: stories/lonely: no versions"))
        let github = String(decoding: try GitHubAnnotationsReporter().renderTree(tree), as: UTF8.self)
        #expect(github.contains("::error file=stories/mangled/v.txt,title=mtaudit%3A story mangled not audited::invalid UTF-8"))
        #expect(github.contains("2 stories could not be audited."))
        let clean = try SARIFReporter().renderTree(audited)
        #expect(!String(decoding: clean, as: UTF8.self).contains("invocations"), "no invocation object when all went well")
    }

    @Test("Feed answers match their golden file: one line each, errors with a null id when unknown")
    func feedLines() throws {
        let reporter = JSONReporter()
        var data = try reporter.feedLine(.audited(id: "ferry/1", result: try Fixture.input().result))
        data.append(try reporter.feedLine(.failed(line: 2, error: FeedError(code: .invalidJSON, message: "bad", id: nil))))
        data.append(try reporter.feedLine(.failed(line: 3, error: FeedError(code: .missingKey, message: "missing key \"versions\"", id: "s3"))))
        #expect(String(decoding: data, as: UTF8.self).split(separator: "\n").count == 3)
        #expect(try Fixture.matchesGolden(Array(data), "feed.jsonl"))
    }

    @Test("Feed lines are the bytes JSONEncoder writes for the same values (escapes, numbers, optional keys)")
    func feedLineMatchesEncoder() throws {
        struct Line: Encodable { let id: String; let versions: [VersionResult] }
        let awkward = "quote \" backslash \\ slash / tab \t nul \u{0} bell \u{7} unit \u{1F} del \u{7F} é 😀 \u{2028}"
        var baselined = Finding(rule: "rule/one", category: .mistranslation, severity: .major, message: awkward,
                                span: Excerpt(start: 0, end: 3, text: "a\nb"), suggestion: "x\"y")
        baselined.baseline = .known
        let bare = Finding(rule: "r", category: .grammar, severity: .minor, message: "m",
                           span: Excerpt(start: 40, end: 1_234_567_890, text: ""),
                           sourceSpan: Excerpt(start: 1, end: 2, text: "\u{8}\u{C}\r"), evidence: .consensus)
        let numbers = [0, -0.0, 1, 0.5, 97.81, 1e-7, 1e16, 1e15, 1.0 / 3, 123456789.125, 1.2345678901234567e19]
        let versions = numbers.indices.map { index in
            VersionResult(id: "v\(index)/\u{1}", path: index.isMultiple(of: 2) ? nil : "dir/v\(index).txt",
                          language: "und", score: numbers[index], verdict: index.isMultiple(of: 3) ? .pass : .fail,
                          relation: .partial, coverage: numbers[numbers.count - 1 - index],
                          metrics: ["chrF++": numbers[index], "chrF": 1, "BLEU": 2, "TER": 3, "b": 4, "B": 5],
                          findings: index == 0 ? [] : [baselined, bare], gateReasons: index == 1 ? [] : [awkward])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var expected = try encoder.encode(Line(id: awkward, versions: versions))
        expected.append(0x0A)
        let result = AuditResult(source: try Fixture.input().result.source, versions: versions)
        let written = try JSONReporter().feedLine(.audited(id: awkward, result: result))
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        let broken = VersionResult(id: "n", path: nil, language: "und", score: .nan, verdict: .fail, relation: .full,
                                   coverage: 1, metrics: [:], findings: [], gateReasons: [])
        #expect((try? JSONReporter().feedLine(.audited(id: "n", result: AuditResult(source: result.source, versions: [broken])))) == nil,
                "NaN is refused, as JSONEncoder refuses it")
    }

    @Test("Numbers of two decimals, written from their hundredths, are the bytes JSONEncoder writes")
    func hundredthsMatchEncoder() throws {
        struct Line: Encodable { let id: String; let versions: [VersionResult] }
        var numbers = (0..<30_000).map { Double($0) / 100 }
        numbers += [(100.0).nextDown, (0.07).nextUp, 0.1 + 0.2, 12_345.67, 999_999.99, 999_999.999, 1_000_000, 1e7 + 0.25, 0.001, 0.005]
        let versions = numbers.map { number in
            VersionResult(id: "v", path: nil, language: "und", score: number, verdict: .pass, relation: .full,
                          coverage: (number * 0.37).rounded() / 100, metrics: ["chrF": number.squareRoot(), "TER": (number * 3).rounded() / 100],
                          findings: [], gateReasons: [])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var expected = try encoder.encode(Line(id: "n", versions: versions))
        expected.append(0x0A)
        let result = AuditResult(source: try Fixture.input().result.source, versions: versions)
        let written = try JSONReporter().feedLine(.audited(id: "n", result: result))
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test("The JSON report carries every key of the contract, with code-point spans and ranks")
    func contractKeys() throws {
        let bytes = try JSONReporter().render(try Fixture.input())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        let versions = try #require(object["versions"] as? [[String: Any]])
        for key in ["id", "score", "verdict", "relation", "coverage", "metrics", "findings", "rank"] {
            #expect(versions.allSatisfy { $0[key] != nil }, "every version has \(key)")
        }
        #expect(versions.map { $0["rank"] as? Int } == [1, 2, 3])
        let flawed = try #require(versions.first { $0["id"] as? String == "flawed" })
        #expect(flawed["path"] as? String == "ferry/flawed.txt")
        let findings = try #require(flawed["findings"] as? [[String: Any]])
        for finding in findings {
            for key in ["rule", "category", "severity", "message", "span", "sourceSpan", "suggestion", "evidence"] {
                #expect(finding[key] != nil, "findings always have \(key), null when empty")
            }
        }
        let text = Array(Fixture.versions[1].text.unicodeScalars)
        for finding in findings {
            let span = try #require(finding["span"] as? [String: Any])
            let start = try #require(span["start"] as? Int), end = try #require(span["end"] as? Int)
            #expect(span["text"] as? String == String(String.UnicodeScalarView(text[start..<end])), "spans count 🛳 as one")
        }
    }

    @Test("JUnit: one test case per version, a failure for each failed verdict, well-formed XML")
    func junit() throws {
        let bytes = try JUnitReporter().render(try Fixture.input())
        let structure = try XMLStructure(bytes)
        #expect(structure.root == "testsuites")
        #expect(structure.count("testcase") == 3)
        #expect(structure.count("failure") == 2)
        #expect(structure.attributes("testsuites").first?["tests"] == "3")
        #expect(structure.attributes("testcase").map { $0["name"] } == ["faithful", "flawed", "weather"])
    }

    @Test("SARIF 2.1.0: a result per finding, code-point columns, rules described")
    func sarif() throws {
        let input = try Fixture.input()
        let bytes = try SARIFReporter().render(input)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == input.result.versions.reduce(0) { $0 + $1.findings.count })
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let ruleIDs = Set(rules.compactMap { $0["id"] as? String })
        for result in results {
            #expect(ruleIDs.contains(result["ruleId"] as? String ?? ""), "every result's rule is described")
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            let region = try #require((((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])?["region"] as? [String: Any])
            for key in ["startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength"] {
                #expect((region[key] as? Int).map { $0 >= 0 } == true, "region has \(key)")
            }
        }
    }

    @Test("GitHub annotations: one command per finding, with file, line and column, then the ranking")
    func github() throws {
        let input = try Fixture.input()
        let text = String(decoding: try GitHubAnnotationsReporter().render(input), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == input.result.versions.reduce(0) { $0 + $1.findings.count } + 1)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("::") && $0.contains("file=ferry/flawed.txt,line=") })
        #expect(lines.last == "::notice title=mtaudit ranking of ferry::Best: faithful (100). Worst: weather (100).")
    }

    @Test("Ranking: full translations before partial ones whatever their scores, unrelated texts last")
    func ranking() throws {
        let source = TextInput(id: "s", text: "The dam opened on Friday. Farmers welcomed it. The union asked for land. The cost was high.")
        let versions = [
            TextInput(id: "half", text: "The dam opened on Friday. Farmers welcomed it."),
            TextInput(id: "whole", text: "The dam opened on Friday. Farmers welcomed it. The union asked for the the land. The cost was high."),
            TextInput(id: "other", text: "Fog is expected along the coast tonight, forecasters said."),
        ]
        let input = ReportInput(result: try Auditor().audit(source: source, versions: versions), source: source, versions: versions)
        #expect(input.result.versions[0].relation == .partial && input.result.versions[1].relation == .full)
        #expect(input.result.versions[0].score > input.result.versions[1].score)
        #expect(input.ranking.map(\.id) == ["whole", "half", "other"])
    }
}
