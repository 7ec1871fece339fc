import Foundation
import MTAudit
import MTAuditReports
import Testing

/// Texts from a feed may be hostile: no format may let them run code, inject markup or break lines.
@Suite("Hostile texts through every format")
struct HostileInputTests {
    static let payload = """
        Intro <script>document.title='pwned'</script> and "><img src=x onerror="document.title='pwned'"> \
        see [link](javascript:alert(1)) <a href="javascript:alert(1)">x</a> bell\u{07} esc\u{1B}[31m red.
        """

    static func input() throws -> ReportInput {
        let source = TextInput(id: "<b>source</b>", text: "The council met. " + payload, path: "a\"b<c>.txt")
        let version = TextInput(id: "\"><script>alert(1)</script>", text: "The council council met. " + payload + " script script",
                                path: "evil\n::error file=x::injected.txt")
        let result = try Auditor().audit(source: source, versions: [version])
        return ReportInput(result: result, source: source, versions: [version])
    }

    @Test("HTML has no markup from the texts and forbids scripts")
    func html() throws {
        let html = String(decoding: try HTMLReporter().render(try Self.input()), as: UTF8.self).lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<a href=\"javascript"))
        #expect(!html.contains("<b>source"))
        #expect(html.contains("content-security-policy"))
        #expect(html.contains("default-src 'none'"))
        #expect(!html.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test("Markdown has no live HTML or links from the texts")
    func markdown() throws {
        let markdown = String(decoding: try MarkdownReporter().render(try Self.input()), as: UTF8.self)
        #expect(!markdown.lowercased().contains("<script"))
        #expect(!markdown.lowercased().contains("<img"))
        #expect(!markdown.contains("](javascript"))
        #expect(!markdown.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test("JSON and SARIF stay valid JSON with every character escaped")
    func json() throws {
        for reporter in [JSONReporter() as any Reporter, SARIFReporter()] {
            let bytes = try reporter.render(try Self.input())
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(bytes)) }
            #expect(!bytes.contains(0x1B) && !bytes.contains(0x07))
        }
    }

    @Test("JUnit stays well-formed XML")
    func junit() throws {
        let bytes = try JUnitReporter().render(try Self.input())
        let structure = try XMLStructure(bytes)
        #expect(structure.count("testcase") == 1)
        #expect(structure.attributes("testcase").first?["name"] == "\"><script>alert(1)</script>")
    }

    @Test("GitHub annotations stay one command a line")
    func github() throws {
        let text = String(decoding: try GitHubAnnotationsReporter().render(try Self.input()), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("::") })
        #expect(!text.contains("::error file=x::injected"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}
