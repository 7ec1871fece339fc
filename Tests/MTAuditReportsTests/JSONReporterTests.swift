import Foundation
import MTAudit
import MTAuditReports
import Testing

@Suite("The JSON report and feed answers")
struct JSONReporterTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares `data` with the golden file `name`; with MTAUDIT_UPDATE_GOLDEN=1 in the environment,
    /// writes it instead.
    private func expectGolden(_ data: Data, _ name: String) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["MTAUDIT_UPDATE_GOLDEN"] == "1" {
            try data.write(to: url)
            return
        }
        let expected = try Data(contentsOf: url)
        #expect(String(decoding: data, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
                "\(name) differs; rerun with MTAUDIT_UPDATE_GOLDEN=1 if the change is intended")
    }

    private func audit() throws -> AuditResult {
        let source = TextInput(id: "ferry", text: "The ferry to Lundholm 🛳 resumed on 3 March. Captain Ines Moe said “the sea is calm”.",
                               language: "en", path: "ferry/source.txt")
        let versions = [
            TextInput(id: "faithful", text: "The ferry to Lundholm 🛳 resumed on 3 March. Captain Ines Moe said “the sea is calm”.",
                      language: "en", path: "ferry/faithful.txt"),
            TextInput(id: "doubled", text: "The ferry ferry to Lundholm 🛳 resumed on 3 March. Captain Ines Moe said “the sea is is calm”.",
                      language: "en", path: "ferry/doubled.txt"),
            TextInput(id: "weather", text: "Fog is expected along the coast tonight.", language: "en", path: nil),
        ]
        return try Auditor().audit(source: source, versions: versions)
    }

    @Test("The audit report matches its golden file")
    func report() throws {
        try expectGolden(try JSONReporter().report(try audit()), "report.json")
    }

    @Test("Feed answers match their golden file: one line each, errors with a null id when unknown")
    func feedLines() throws {
        let reporter = JSONReporter()
        var data = try reporter.feedLine(.audited(id: "ferry/1", result: try audit()))
        data.append(try reporter.feedLine(.failed(line: 2, error: FeedError(code: .invalidJSON, message: "bad", id: nil))))
        data.append(try reporter.feedLine(.failed(line: 3, error: FeedError(code: .missingKey,
                                                                             message: "missing key \"versions\"", id: "s3"))))
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 3)
        try expectGolden(data, "feed.jsonl")
    }

    @Test("The report carries every key of the contract, with code-point spans")
    func contractKeys() throws {
        let object = try JSONSerialization.jsonObject(with: try JSONReporter().report(try audit())) as? [String: Any]
        #expect(object?["schemaVersion"] as? Int == 1)
        let versions = try #require(object?["versions"] as? [[String: Any]])
        for key in ["id", "score", "verdict", "relation", "coverage", "metrics", "findings"] {
            #expect(versions.allSatisfy { $0[key] != nil }, "every version has \(key)")
        }
        let doubled = try #require(versions.first { $0["id"] as? String == "doubled" })
        #expect(doubled["path"] as? String == "ferry/doubled.txt")
        let findings = try #require(doubled["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        for finding in findings {
            for key in ["rule", "category", "severity", "message", "span", "sourceSpan", "suggestion", "evidence"] {
                #expect(finding[key] != nil, "findings always have \(key), null when empty")
            }
        }
        // "is" after the emoji: scalar offsets count 🛳 as one.
        let second = try #require(findings.last?["span"] as? [String: Any])
        #expect(second["text"] as? String == "is")
        let text = "The ferry ferry to Lundholm 🛳 resumed on 3 March. Captain Ines Moe said “the sea is is calm”."
        let start = try #require(second["start"] as? Int)
        #expect(String(String.UnicodeScalarView(Array(text.unicodeScalars)[start..<start + 2])) == "is")
    }
}
