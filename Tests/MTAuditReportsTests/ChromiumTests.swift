import Foundation
import MTAudit
import MTAuditReports
import Testing

/// The HTML report in a real browser: headless Chromium (Debian's `chromium`) loads it, and the
/// rendered DOM must show the findings and no trace of the texts' scripts. `.ci/run` installs
/// Chromium and sets MTAUDIT_REQUIRE_CHROMIUM=1, so there the test cannot be skipped.
@Suite("The HTML report in Chromium", .serialized)
struct ChromiumTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let required = ProcessInfo.processInfo.environment["MTAUDIT_REQUIRE_CHROMIUM"] == "1"

    /// Where screenshots go, to be looked at: .build/mtaudit-screenshots/ in the package.
    static let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/mtaudit-screenshots")

    @Test("Chromium is here when CI requires it")
    func present() {
        #expect(Self.chromium != nil || !Self.required, "install chromium (apt-get install -y chromium)")
    }

    @Test("The rendered report shows highlighted findings and ran none of the texts' scripts",
          .enabled(if: chromium != nil))
    func hostileReport() throws {
        let html = try HTMLReporter().render(try HostileInputTests.input())
        let dom = try Self.render(html, name: "hostile")
        #expect(dom.contains("<mark class=\"f sev-"), "findings are highlighted")
        #expect(dom.contains("repeated-words"))
        // The payload would set the title to "pwned"; as text it may be shown, but never run.
        let title = dom.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first
        #expect(title?.hasPrefix("mtaudit report:") == true, "no script from the texts ran: \(title ?? "no title")")
        #expect(!dom.lowercased().contains("<script"), "no script element exists")
        #expect(!dom.lowercased().contains("<img"), "no image element was injected")
    }

    @Test("A screenshot of the seeds' report (004 as source, the other four as versions)",
          .enabled(if: chromium != nil && FileManager.default.fileExists(atPath: seeds.path)))
    func seedsReport() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        let sourceName = try #require(files.first { $0.hasPrefix("004") })
        func input(_ name: String) throws -> TextInput {
            let text = try String(contentsOf: Self.seeds.appendingPathComponent(name), encoding: .utf8)
            return TextInput(id: String(name.prefix(3)), text: text, language: "en", path: "seeds/" + name)
        }
        let source = try input(sourceName)
        let versions = try files.filter { $0 != sourceName }.map(input)
        let result = try Auditor().audit(source: source, versions: versions)
        let html = try HTMLReporter().render(ReportInput(result: result, source: source, versions: versions))
        let dom = try Self.render(html, name: "seeds", screenshot: true)
        #expect(dom.contains("Scoreboard"))
        #expect(dom.contains("mojibake"))
        #expect(FileManager.default.fileExists(atPath: Self.screenshots.appendingPathComponent("seeds.png").path))
    }

    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds")

    /// Loads `html` in headless Chromium and returns the DOM after load; optionally screenshots it.
    static func render(_ html: [UInt8], name: String, screenshot: Bool = false) throws -> String {
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        let page = screenshots.appendingPathComponent(name + ".html")
        try Data(html).write(to: page)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("mtaudit-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        var arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                         "--user-data-dir=\(profile.path)", "--window-size=1280,2400"]
        if screenshot { arguments.append("--screenshot=\(screenshots.appendingPathComponent(name + ".png").path)") }
        arguments += ["--dump-dom", page.absoluteString]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
