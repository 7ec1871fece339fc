import Foundation
import MTAudit
import Testing

@Suite("The .mtaudit.yml configuration file")
struct ConfigurationFileTests {
    @Test("A full file sets the gate, weights, rules and lexicons")
    func full() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mtaudit-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("lex"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("kind: honorifics\nlanguages:\n  en: [Warden]\n".utf8).write(to: directory.appendingPathComponent("lex/ours.yml"))
        let path = directory.appendingPathComponent(".mtaudit.yml").path
        let file = try ConfigurationFile.parse("""
            gate:
              min-score: 85
              fail-on: major
              fail-unrelated: false
            weights: {minor: 0.5, major: 4, critical: 30}
            rules:
              casing: off
              mojibake: critical
            lexicons: [lex/ours.yml]
            """, path: path)
        let configuration = try file.applied(to: AuditConfiguration())
        #expect(configuration.gate.minimumScore == 85)
        #expect(configuration.gate.failSeverity == .major)
        #expect(configuration.gate.failUnrelated == false)
        #expect(configuration.scorer.signature == "mqm|w:0.5,4,30|per-word|min:50")
        #expect(!configuration.detectors.contains { type(of: $0).description.id == "casing" })
        #expect(configuration.severityOverrides["mojibake"] == .critical)
        #expect(configuration.lexicons.entries(.honorifics, language: "en").contains("Warden"))
    }

    @Test("fail-on: none turns the severity rule off")
    func none() throws {
        let file = try ConfigurationFile.parse("gate:\n  fail-on: none\n", path: "c.yml")
        #expect(try file.applied(to: AuditConfiguration()).gate.failSeverity == nil)
    }

    @Test("Mistakes are errors naming the file and the line", arguments: [
        ("gate:\n  min-score: 150\n", 2, "min-score"),
        ("gate:\n  fail-on: sometimes\n", 2, "fail-on"),
        ("rules:\n  no-such-rule: off\n", 2, "unknown rule"),
        ("rules:\n  casing: loud\n", 2, "must be off"),
        ("weights:\n  dire: 3\n", 2, "unknown severity"),
        ("colour: blue\n", 1, "unknown key"),
        ("gate:\n  min-score: 80\n  speed: fast\n", 3, "unknown gate key"),
    ])
    func mistakes(text: String, line: Int, fragment: String) {
        do {
            _ = try ConfigurationFile.parse(text, path: "project/.mtaudit.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "project/.mtaudit.yml")
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test("The file is found in the working directory or above it")
    func find() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mtaudit-find-\(UUID().uuidString)")
        let deep = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(ConfigurationFile.find(from: deep.path).map { !$0.hasPrefix(root.path) } ?? true)
        try Data("gate: {min-score: 70}\n".utf8).write(to: root.appendingPathComponent("a/.mtaudit.yml"))
        #expect(ConfigurationFile.find(from: deep.path) == root.appendingPathComponent("a/.mtaudit.yml").standardizedFileURL.path)
    }
}
