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
