import Foundation
import Testing

@Suite("The mtaudit command", .serialized)
struct CLITests {
    private func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func lines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test("A line that is not JSON is answered with one error line, exit 2")
    func notJSON() throws {
        let outcome = try CLIRunner.run(["feed"], stdin: "not json\n")
        #expect(outcome.status == 2)
        let answers = lines(outcome.stdout)
        #expect(answers.count == 1)
        #expect(answers.first?["line"] as? Int == 1)
        #expect(answers.first?["id"] is NSNull)
        #expect((answers.first?["error"] as? [String: Any])?["code"] as? String == "invalid-json")
        #expect(outcome.stderr.contains("<stdin>:1"))
    }

    @Test("A feed answers every line in order; bad lines do not stop the rest")
    func feedGoesOn() throws {
        let feed = Data("""
            {"id": "a", "source": "The bridge opened today.", "versions": [{"id": "x", "text": "The bridge opened today."}]}
            {"id": "b", "source": "The bridge opened today."}

            """.utf8) + Data([0x7B, 0xFF, 0x7D, 0x0A]) + Data("""
            {"id": "c", "source": "Snow fell in the hills.", "versions": [{"id": "y", "text": "Snow fell in the the hills."}]}

            """.utf8)
        let outcome = try CLIRunner.run(["feed", "-"], stdin: feed)
        #expect(outcome.status == 2)
        let answers = lines(outcome.stdout)
        #expect(answers.count == 4)
        #expect(answers.map { $0["id"] as? String } == ["a", "b", nil, "c"])
        #expect(answers[1]["line"] as? Int == 2)
        #expect(((answers[2]["error"] as? [String: Any])?["code"] as? String) == "invalid-utf8")
        let c = try #require((answers[3]["versions"] as? [[String: Any]])?.first)
        #expect((c["findings"] as? [Any])?.count == 1)
    }

    @Test("Exit status 0 when every version passes, 1 when one fails the gate")
    func gateStatus() throws {
        let pass = #"{"id": "a", "source": "The bridge opened today.", "versions": [{"id": "x", "text": "The bridge opened today."}]}"#
        #expect(try CLIRunner.run(["feed"], stdin: pass + "\n").status == 0)
        let unrelated = #"{"id": "a", "source": "The bridge opened today.", "versions": [{"id": "x", "text": "Fog at sea."}]}"#
        #expect(try CLIRunner.run(["feed"], stdin: unrelated + "\n").status == 1)
        let doubled = #"{"id": "a", "source": "The bridge opened.", "versions": [{"id": "x", "text": "The the bridge opened."}]}"#
        #expect(try CLIRunner.run(["feed"], stdin: doubled + "\n").status == 0)
        #expect(try CLIRunner.run(["feed", "--fail-on", "minor"], stdin: doubled + "\n").status == 1)
    }

    @Test("--jobs 1 and --jobs 2 give byte-identical answers in input order")
    func jobsAreDeterministic() throws {
        var feedLines: [String] = []
        for k in 0..<60 {
            switch k % 4 {
            case 0: feedLines.append(#"{"id": "s\#(k)", "source": "The bridge opened on day \#(k).", "versions": [{"id": "a", "text": "The bridge opened on day \#(k)."}]}"#)
            case 1: feedLines.append(#"{"id": "s\#(k)", "source": "Snow fell in the hills.", "versions": [{"id": "a", "text": "Snow fell in the the hills."}, {"id": "b", "text": "Fog."}]}"#)
            case 2: feedLines.append("not json \(k)")
            default: feedLines.append(#"{"id": "s\#(k)", "source": "Prices rose.", "versions": [{"id": "a", "text": "Prices rose \#(String(repeating: "again ", count: k))."}]}"#)
            }
        }
        let feed = feedLines.joined(separator: "\n") + "\n"
        let one = try CLIRunner.run(["feed", "--jobs", "1"], stdin: feed)
        let two = try CLIRunner.run(["feed", "--jobs", "2"], stdin: feed)
        let four = try CLIRunner.run(["feed", "--jobs", "4"], stdin: feed)
        #expect(one.stdout == two.stdout && two.stdout == four.stdout)
        #expect(one.status == 2 && two.status == 2)
        let ids = lines(one.stdout).map { $0["id"] as? String }
        #expect(ids.count == 60)
        #expect(ids[0] == "s0" && ids[1] == "s1" && ids[2] == nil && ids[3] == "s3")
    }

    @Test("A reader that goes away ends the feed quietly, not with a signal")
    func closedOutput() throws {
        let line = #"{"id": "s", "source": "The bridge opened today.", "versions": [{"id": "a", "text": "The bridge opened today."}]}"#
        let feed = Array(repeating: line, count: 3000).joined(separator: "\n") + "\n"
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try write(feed, "feed.jsonl", in: directory)
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["feed", "--jobs", "2", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try output.fileHandleForReading.close()  // nobody reads the answers
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "ended by a signal")
        #expect([0, 1, 2].contains(process.terminationStatus))
    }

    @Test("A feed file is read from its path; a missing one is a clear error, exit 2")
    func feedFile() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try write(#"{"id": "a", "source": "Rain.", "versions": []}"# + "\n", "feed.jsonl", in: directory)
        let outcome = try CLIRunner.run(["feed", path])
        #expect(outcome.status == 0)
        #expect(lines(outcome.stdout).first?["id"] as? String == "a")
        let missing = try CLIRunner.run(["feed", directory.appendingPathComponent("nope.jsonl").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.jsonl"))
    }

    @Test("Hostile lines each get an error line and the feed goes on; a 50 MB line is skipped, not read")
    func hostileFeed() throws {
        let ok = #"{"id": "ok", "source": "The bridge opened today.", "versions": [{"id": "a", "text": "The bridge opened today."}]}"#
        var feed = Data((ok + "\n").utf8)
        feed += Data(#"{"id": "huge", "source": ""#.utf8) + Data(repeating: UInt8(ascii: "x"), count: 50_000_000) + Data("\"}\n".utf8)
        feed += Data((String(repeating: "[", count: 100_000) + "\n").utf8)
        feed += Data((#"{"id": "d", "id": "e", "source": "x", "versions": []}"# + "\n").utf8)
        feed += Data(#"{"id": "n"#.utf8) + Data([0]) + Data(#"", "source": "x", "versions": []}"#.utf8) + Data("\n".utf8)
        feed += Data([0x7B, 0xC3, 0x28, 0x7D, 0x0A])  // invalid UTF-8
        feed += Data(" \t \r\n".utf8)  // blank: skipped without an answer
        feed += Data("\u{0C}\n".utf8)  // a form feed is not JSON white space
        feed += Data(("{\"id\": " + String(repeating: "9", count: 20_000) + "}\n").utf8)
        feed += Data((#"{"id": "\ud800", "source": "x", "versions": []}"# + "\n").utf8)
        feed += Data((ok + "\r\n" + ok).utf8)  // CRLF, and a last line without a line break
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("hostile.jsonl")
        try feed.write(to: path)
        let started = Date()
        let outcome = try CLIRunner.run(["feed", "--jobs", "2", path.path])
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(outcome.status == 2)
        let answers = lines(outcome.stdout)
        let codes = answers.map { ($0["error"] as? [String: Any])?["code"] as? String ?? "ok" }
        #expect(codes == ["ok", "line-too-long", "nesting-too-deep", "duplicate-key", "invalid-json", "invalid-utf8",
                          "invalid-json", "invalid-json", "invalid-json", "ok", "ok"])
        #expect(answers.compactMap { $0["line"] as? Int } == [2, 3, 4, 5, 6, 8, 9, 10])
        #expect(outcome.stdout.utf8.count < 10_000, "an error line quotes the input")
    }

    @Test("--max-line-bytes sets the limit; a line exactly at it is read")
    func maxLineBytes() throws {
        let ok = #"{"id": "ok", "source": "Rain fell.", "versions": [{"id": "a", "text": "Rain fell."}]}"#
        let limit = ok.utf8.count
        let long = #"{"id": "long", "source": "Rain fell.", "versions": [{"id": "a", "text": "Rain fell, and fell."}]}"#
        let outcome = try CLIRunner.run(["feed", "--max-line-bytes", "\(limit)"], stdin: ok + "\n" + long + "\n" + ok + "\r\n")
        #expect(outcome.status == 2)
        let codes = lines(outcome.stdout).map { ($0["error"] as? [String: Any])?["code"] as? String ?? "ok" }
        #expect(codes == ["ok", "line-too-long", "ok"])
        #expect(outcome.stderr.contains("<stdin>:2: line-too-long"))
        #expect(try CLIRunner.run(["feed", "--max-line-bytes", "0"], stdin: "").status == 64)
        #expect(try CLIRunner.run(["feed", "--max-line-bytes", "\(Int.max)"], stdin: ok + "\n").status == 0, "the largest limit does not overflow")
    }

    @Test("Progress: nothing on a standard error that is not a terminal, unless --progress forces it")
    func progress() throws {
        let feed = #"{"id": "a", "source": "Rain fell.", "versions": [{"id": "x", "text": "Rain fell."}]}"# + "\nnot json\n"
        let quiet = try CLIRunner.run(["feed"], stdin: feed)
        #expect(quiet.status == 2)
        #expect(quiet.stderr.hasPrefix("mtaudit: <stdin>:2: invalid-json:"))
        #expect(quiet.stderr.split(separator: "\n").count == 1)
        #expect(!quiet.stderr.contains("stories") && !quiet.stderr.contains("\u{1B}"))
        let forced = try CLIRunner.run(["feed", "--progress"], stdin: feed)
        #expect(forced.stdout == quiet.stdout)
        #expect(forced.stderr.contains("2 stories"))
        #expect(forced.stderr.contains("1 unreadable  0 failing"))
        #expect(forced.stderr.hasSuffix("\n"))
        let off = try CLIRunner.run(["feed", "--no-progress"], stdin: feed)
        #expect(off.stderr == quiet.stderr)
    }

    /// The stories of `Tests/MTAuditReportsTests/Stories` (the library's `TreeFixture`), copied to
    /// `stories/`, with a stray file and a hidden folder that the tree mode must ignore.
    private func writeStories(in directory: URL) throws {
        let stories = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("MTAuditReportsTests/Stories")
        try FileManager.default.copyItem(at: stories, to: directory.appendingPathComponent("stories"))
        _ = try write("not a story", "README", in: directory.appendingPathComponent("stories"))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("stories/.hidden"), withIntermediateDirectories: true)
    }

    @Test("audit --tree writes every format with the summary, the same bytes as the library's golden files")
    func tree() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeStories(in: directory)
        let outcome = try CLIRunner.run(["audit", "--no-config", "--tree", "stories", "--output", "out"], stdin: Data(), in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("orchard/stray fails"))
        let golden = CLIRunner.packageRoot.appendingPathComponent("Tests/MTAuditReportsTests/Golden")
        for (file, goldenName) in [("report.md", "tree.md"), ("report.html", "tree.html"), ("report.json", "tree.json"),
                                   ("report.junit.xml", "tree.junit.xml"), ("report.sarif", "tree.sarif")] {
            let written = try Data(contentsOf: directory.appendingPathComponent("out/\(file)"))
            #expect(written == (try Data(contentsOf: golden.appendingPathComponent(goldenName))), "\(file) is not \(goldenName)")
        }
        let github = try CLIRunner.run(["audit", "--no-config", "--tree", "stories", "--format", "github"], stdin: Data(), in: directory)
        #expect(github.status == 1)
        #expect(Data(github.stdout.utf8) == (try Data(contentsOf: golden.appendingPathComponent("tree.github.txt"))))
        let lenient = try CLIRunner.run(["audit", "--no-config", "--tree", "stories", "--fail-on", "none", "--min-score", "0",
                                         "--disable", "name-corruption"], stdin: Data(), in: directory)
        #expect(lenient.status == 1, "an unrelated version still fails")
    }

    @Test("audit --tree: a story that cannot be read is listed in the reports and on stderr, the rest audited, exit 2; misuse is exit 64")
    func treeErrors() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeStories(in: directory)
        let lonely = directory.appendingPathComponent("stories/lonely")
        try FileManager.default.createDirectory(at: lonely, withIntermediateDirectories: true)
        _ = try write("A source with no versions.", "source.txt", in: lonely)
        let noVersions = try CLIRunner.run(["audit", "--no-config", "--tree", "stories", "--output", "out"], stdin: Data(), in: directory)
        #expect(noVersions.status == 2)
        #expect(noVersions.stderr.contains("story lonely not audited: stories/lonely: no versions"))
        #expect(noVersions.stderr.contains("orchard/stray fails"), "the other stories are audited and gated")
        let json = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: directory.appendingPathComponent("out/report.json"))) as? [String: Any])
        #expect((json["stories"] as? [[String: Any]])?.map { $0["id"] as? String } == ["harbour", "orchard"])
        #expect((json["errors"] as? [[String: String]])?.map { $0["path"] } == ["stories/lonely"])
        let markdown = try String(contentsOf: directory.appendingPathComponent("out/report.md"), encoding: .utf8)
        #expect(markdown.contains("Stories not audited (1)"))
        try FileManager.default.removeItem(at: lonely.appendingPathComponent("source.txt"))
        _ = try write("A version.", "v.txt", in: lonely)
        let mangled = directory.appendingPathComponent("stories/mangled")
        try FileManager.default.createDirectory(at: mangled, withIntermediateDirectories: true)
        _ = try write("A source.", "source.txt", in: mangled)
        try Data([0x41, 0xFF, 0x42]).write(to: mangled.appendingPathComponent("v.txt"))
        let noSource = try CLIRunner.run(["audit", "--no-config", "--tree", "stories", "--format", "json"], stdin: Data(), in: directory)
        #expect(noSource.status == 2)
        #expect(noSource.stderr.contains("stories/lonely: no source.txt"))
        #expect(noSource.stderr.contains("stories/mangled/v.txt: invalid UTF-8 at byte 1"))
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(noSource.stdout.utf8)) as? [String: Any])
        #expect((printed["errors"] as? [[String: String]])?.map { $0["story"] } == ["lonely", "mangled"])
        let empty = directory.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let noStories = try CLIRunner.run(["audit", "--tree", "empty", "--output", "out2"], stdin: Data(), in: directory)
        #expect(noStories.status == 2 && noStories.stderr.contains("empty: no story folders"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out2").path), "no report at all")
        #expect(try CLIRunner.run(["audit", "--tree", "nowhere"], stdin: Data(), in: directory).status == 2)
        #expect(try CLIRunner.run(["audit", "--tree", "stories", "--source", "x.txt"], stdin: Data(), in: directory).status == 64)
        #expect(try CLIRunner.run(["audit", "--tree", "stories", "v.txt"], stdin: Data(), in: directory).status == 64)
        #expect(try CLIRunner.run(["audit", "--tree", "stories", "--baseline", "b.json"], stdin: Data(), in: directory).status == 64)
        #expect(try CLIRunner.run(["audit", "a.txt"], stdin: Data(), in: directory).status == 64)
    }

    @Test("audit prints the JSON report and gates on it")
    func audit() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try write("The mill reopened in May. Forty people work there.\n", "mill.txt", in: directory)
        let good = try write("The mill reopened in May. Forty people work there.\n", "good.txt", in: directory)
        let other = try write("Storms are forecast for the weekend.\n", "other.txt", in: directory)
        let outcome = try CLIRunner.run(["audit", "--source", source, good, other])
        #expect(outcome.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(report["schemaVersion"] as? Int == 1)
        let versions = try #require(report["versions"] as? [[String: Any]])
        #expect(versions.map { $0["id"] as? String } == ["good", "other"])
        #expect(versions.map { $0["verdict"] as? String } == ["pass", "fail"])
        #expect(versions.first?["path"] as? String == good)
        #expect(outcome.stderr.contains("other fails"))
        #expect(try CLIRunner.run(["audit", "--source", source, good]).status == 0)
    }

    @Test("audit --output writes every format by default, each whole; github goes to stdout")
    func auditEveryFormat() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try write("The mill reopened in May.\n", "mill.txt", in: directory)
        let version = try write("The mill reopened in in May.\n", "v.txt", in: directory)
        let reports = directory.appendingPathComponent("out")
        let outcome = try CLIRunner.run(["audit", "--source", source, version, "--output", reports.path])
        #expect(outcome.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted()
        #expect(files == ["report.html", "report.json", "report.junit.xml", "report.md", "report.sarif"])
        let github = try CLIRunner.run(["audit", "--source", source, version, "--format", "github"])
        #expect(github.stdout.hasPrefix("::notice file="))
        let two = try CLIRunner.run(["audit", "--source", source, version, "--format", "json", "--format", "html"])
        #expect(two.status == 64, "several formats need --output")
    }

    @Test("audit --output writes the report file whole")
    func auditOutput() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try write("The mill reopened in May.\n", "mill.txt", in: directory)
        let version = try write("The mill reopened in in May.\n", "v.txt", in: directory)
        let reports = directory.appendingPathComponent("out/reports")
        let outcome = try CLIRunner.run(["audit", "--source", source, version, "--format", "json", "--output", reports.path])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.isEmpty)
        let data = try Data(contentsOf: reports.appendingPathComponent("report.json"))
        #expect((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["versions"] != nil)
    }

    @Test("Bad input files: a clear message naming the file, exit 2", arguments: [
        ("missing", "no such file"),
        ("invalid", "invalid UTF-8 at byte 3"),
        ("empty", "the source is empty"),
    ])
    func badFiles(kind: String, message: String) throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let version = try write("Text.\n", "v.txt", in: directory)
        var source = directory.appendingPathComponent("source.txt").path
        switch kind {
        case "invalid": try Data([0x41, 0x42, 0x43, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: source))
        case "empty": source = try write("  \n", "source.txt", in: directory)
        default: break
        }
        let outcome = try CLIRunner.run(["audit", "--source", source, version])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("source.txt"))
    }

    @Test("--encoding reads legacy charsets")
    func encoding() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("s.txt")
        try Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x70, 0x65, 0x6E, 0x2E]).write(to: source)  // "Café open."
        let version = try write("Café open.\n", "v.txt", in: directory)
        #expect(try CLIRunner.run(["audit", "--source", source.path, version]).status == 2)
        let outcome = try CLIRunner.run(["audit", "--source", source.path, version, "--encoding", "windows-1252"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    @Test("Usage errors exit 64 and say what is wrong", arguments: [
        ["audit", "--source", "x.txt"],
        ["audit", "--source", "x.txt", "v.txt", "--format", "pdf"],
        ["feed", "--fail-on", "fatal"],
        ["feed", "--disable", "no-such-rule"],
        ["feed", "--severity", "casing=loud"],
        ["feed", "--jobs", "0"],
        ["frobnicate"],
    ])
    func usage(arguments: [String]) throws {
        let outcome = try CLIRunner.run(arguments)
        #expect(outcome.status == 64, "\(arguments): \(outcome.stderr)")
        #expect(outcome.stderr.contains("Error:") || outcome.stderr.contains("error"))
    }

    @Test("Policy: .mtaudit.yml from the working directory, overridden by options; exit codes follow")
    func policy() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try write("The mill reopened in May after the long winter.\n", "mill.txt", in: directory)
        let version = try write("The mill reopened in in May after the long winter.\n", "v.txt", in: directory)
        #expect(try CLIRunner.run(["audit", "--source", source, version], in: directory).status == 0)
        _ = try write("gate:\n  fail-on: minor\n", ".mtaudit.yml", in: directory)
        #expect(try CLIRunner.run(["audit", "--source", source, version], in: directory).status == 1, "the file's policy applies")
        #expect(try CLIRunner.run(["audit", "--source", source, version, "--fail-on", "critical"], in: directory).status == 0,
                "options override the file")
        #expect(try CLIRunner.run(["audit", "--source", source, version, "--no-config"], in: directory).status == 0)
        #expect(try CLIRunner.run(["audit", "--source", source, version, "--no-config", "--severity", "repeated-words=critical"],
                                  in: directory).status == 1)
        #expect(try CLIRunner.run(["audit", "--source", source, version, "--no-config", "--min-score", "99.5"],
                                  in: directory).status == 1)
        _ = try write("gate:\n  fail-on: sometimes\n", ".mtaudit.yml", in: directory)
        let broken = try CLIRunner.run(["audit", "--source", source, version], in: directory)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(".mtaudit.yml:2:"), "\(broken.stderr)")
    }

    static let policies: [([String], Int32)] = [
        ([], 1),
        (["--fail-on", "none"], 1),
        (["--fail-on", "none", "--min-score", "0"], 0),
        (["--disable", "number-mismatch"], 0),
        (["--severity", "number-mismatch=minor"], 0),
        (["--severity", "number-mismatch=minor", "--fail-on", "minor"], 1),
        (["--severity", "number-mismatch=major", "--fail-on", "major", "--min-score", "0"], 1),
        (["--severity", "number-mismatch=major", "--fail-on", "critical", "--min-score", "0"], 0),
        (["--severity", "number-mismatch=minor", "--min-score", "99.5"], 1),
    ]

    @Test("Exit codes of audit and feed follow the contract under each policy", arguments: policies)
    func policyMatrix(options: [String], status: Int32) throws {
        let sourceText = "The new ferry to the island will carry 40 cars and run every hour from June."
        let versionText = "The new ferry to the island will carry 14 cars and run every hour from June."
        let line = #"{"id": "ferry", "source": "\#(sourceText)", "versions": [{"id": "v", "text": "\#(versionText)"}]}"#
        let feed = try CLIRunner.run(["feed", "--no-config"] + options, stdin: line + "\n")
        #expect(feed.status == status, "feed \(options): \(feed.stderr)")
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try write(sourceText + "\n", "source.txt", in: directory)
        let version = try write(versionText + "\n", "v.txt", in: directory)
        let audit = try CLIRunner.run(["audit", "--no-config", "--source", source, version] + options, in: directory)
        #expect(audit.status == status, "audit \(options): \(audit.stderr)")
    }

    @Test("A baseline lets known findings pass and fails on new ones")
    func baseline() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try write("The mill reopened in May after the long winter.\n", "mill.txt", in: directory)
        let version = try write("The mill reopened in in May after the long winter.\n", "v.txt", in: directory)
        let baseline = directory.appendingPathComponent("baseline.json").path
        let first = try CLIRunner.run(["audit", "--source", source, version, "--fail-on", "minor", "--write-baseline", baseline])
        #expect(first.status == 1)
        #expect(FileManager.default.fileExists(atPath: baseline))
        let known = try CLIRunner.run(["audit", "--source", source, version, "--fail-on", "minor", "--baseline", baseline])
        #expect(known.status == 0, "the doubled word is known")
        #expect(known.stdout.contains("\"baseline\" : \"known\""))
        _ = try write("The mill reopened in in May after the the long winter.\n", "v.txt", in: directory)
        let worse = try CLIRunner.run(["audit", "--source", source, version, "--fail-on", "minor", "--baseline", baseline])
        #expect(worse.status == 1, "a new doubled word fails")
        #expect(worse.stderr.contains("new finding"))
        let missing = try CLIRunner.run(["audit", "--source", source, version, "--baseline", directory.appendingPathComponent("none.json").path])
        #expect(missing.status == 2)
    }

    @Test("--version and --help")
    func versionAndHelp() throws {
        let version = try CLIRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try CLIRunner.run(["--help"])
        #expect(help.status == 0)
        for word in ["audit", "feed", "rules", "64"] { #expect(help.stdout.contains(word)) }
        let feedHelp = try CLIRunner.run(["feed", "--help"])
        #expect(feedHelp.stdout.contains("--max-text-bytes"))
    }

    @Test("rules lists every detector with its category and severity")
    func rules() throws {
        let outcome = try CLIRunner.run(["rules"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("repeated-words  [fluency/grammar, minor]"))
    }
}
