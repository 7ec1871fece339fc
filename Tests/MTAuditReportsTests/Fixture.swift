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

/// A small folder of stories, written for the tree reports: the same texts that the CLI test writes
/// to `stories/` and audits with `audit --tree stories`, so both must give the golden `tree.*` files.
enum TreeFixture {
    /// (story, file name without .txt, text); "source" is each story's source.
    static let files: [(String, String, String)] = [
        ("harbour", "source", "The new harbour wall was finished on Tuesday. Mayor Elin Dahl opened it before 300 guests.\n\nThe wall cost 4 million crowns and should last a century."),
        ("harbour", "careful", "The new harbour wall was finished on Tuesday. Mayor Elin Dahl opened it before 300 guests.\n\nThe wall cost 4 million crowns and should last a century."),
        ("harbour", "hasty", "The new harbour wall was finished on Tuesday. Mayor Elin Dall opened it before 3000 guests.\n\nThe wall cost 4 million crowns and should last a century."),
        ("orchard", "doubled", "Frost damaged half of the the apple blossom in the valley. Farmers expect a smaller harvest in September."),
        ("orchard", "source", "Frost damaged half of the apple blossom in the valley. Farmers expect a smaller harvest in September."),
        ("orchard", "stray", "The town library will close early on Friday for repairs to its roof."),
    ]

    static func input() throws -> TreeReportInput {
        let auditor = Auditor()
        let stories = try ["harbour", "orchard"].map { story -> ReportInput in
            let mine = files.filter { $0.0 == story }
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
