import Foundation
import MTAudit
import MTAuditReports

/// A small audit written for the reporter tests: a faithful version, a flawed one, another story.
enum Fixture {
    static let source = TextInput(
        id: "ferry", text: "The ferry to Lundholm 🛳 resumed on 3 March. Captain Ines Moe said “the sea is calm”.\n\nTickets cost 12 crowns.",
        language: "en", path: "ferry/source.txt")

    static let versions = [
        TextInput(id: "faithful", text: "The ferry to Lundholm 🛳 resumed on 3 March. Captain Ines Moe said “the sea is calm”.\n\nTickets cost 12 crowns.",
                  language: "en", path: "ferry/faithful.txt"),
        TextInput(id: "flawed", text: "The ferry ferry to Lundholm 🛳 resumed on 3 March. . Captain Ines Moe said “the sea is calmâ€\u{9D}.\n\nTickets cost 12 crowns",
                  language: "en", path: "ferry/flawed.txt"),
        TextInput(id: "weather", text: "Fog is expected along the coast tonight.", language: "en", path: nil),
    ]

    static func input() throws -> ReportInput {
        let result = try Auditor().audit(source: source, versions: versions)
        return ReportInput(result: result, source: source, versions: versions)
    }

    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares `bytes` with the golden file `name`; with MTAUDIT_UPDATE_GOLDEN=1, writes it instead.
    static func matchesGolden(_ bytes: [UInt8], _ name: String) throws -> Bool {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["MTAUDIT_UPDATE_GOLDEN"] == "1" {
            try Data(bytes).write(to: url)
            return true
        }
        return try Data(contentsOf: url) == Data(bytes)
    }
}

/// A small folder of stories for the tree reports, kept as files in `Stories/`: the CLI test copies
/// the folder to `stories/` and audits it with `audit --tree stories`, so both must give the golden
/// `tree.*` files.
enum TreeFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Stories")

    /// (story, file name without .txt, text); "source" is each story's source.
    static var files: [(String, String, String)] {
        get throws {
            try ["harbour", "orchard"].flatMap { story in
                let directory = folder.appendingPathComponent(story)
                return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().map { name in
                    (story, String(name.dropLast(".txt".count)),
                     try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
                }
            }
        }
    }

    static func input() throws -> TreeReportInput {
        let auditor = Auditor()
        let all = try files
        let stories = try ["harbour", "orchard"].map { story -> ReportInput in
            let mine = all.filter { $0.0 == story }
            let sourceText = mine.first { $0.1 == "source" }!.2
            let source = TextInput(id: story, text: sourceText, language: nil, path: "stories/\(story)/source.txt")
            let versions = mine.filter { $0.1 != "source" }.map {
                TextInput(id: $0.1, text: $0.2, language: nil, path: "stories/\(story)/\($0.1).txt")
            }
            let result = try auditor.audit(source: source, versions: versions)
            return ReportInput(result: result, source: source, versions: versions, signatures: auditor.configuration.signatures)
        }
        return TreeReportInput(root: "stories", stories: stories, signatures: auditor.configuration.signatures)
    }
}
