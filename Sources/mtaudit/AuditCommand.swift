import ArgumentParser
import Foundation
import MTAudit
import MTAuditReports
import MTAuditText

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit versions of a source text, given as files.",
        discussion: """
            Each VERSION is a file holding one version of the source (a translation, a round trip, a \
            rewrite); its id in the report is the file name without its extension. Texts are read as \
            UTF-8 unless --encoding says otherwise.

            Without --output one report goes to standard output (JSON unless --format says otherwise). \
            With --output DIR, each format is written to its own file there, whole or not at all: \
            report.md, report.html, report.json, report.junit.xml, report.sarif (all of them unless \
            --format picks some). GitHub annotations (--format github) always go to standard output. \
            The exit status is 0 when every version passes the gate, 1 when one fails, 2 when a file \
            cannot be read.

            With --tree DIR, a folder of stories is audited instead of --source and VERSION files. \
            Each sub-folder of DIR is one story, named by the folder; it holds the source in source.txt \
            and its versions as the other *.txt files beside it:
              DIR/ferry/source.txt   DIR/ferry/outlet-a.txt   DIR/ferry/outlet-b.txt
              DIR/storm/source.txt   DIR/storm/outlet-a.txt
            Names starting with "." are ignored, and so are files directly in DIR. A story folder without \
            source.txt or without versions is an error (exit 2), and no report is written. Every format \
            then opens with a summary across the stories (the worst versions, findings by rule, the \
            spread of scores) followed by each story's report; each file is still written whole or not \
            at all. Stories are audited on every core.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The canonical source text.", valueName: "file"))
    var source: String?

    @Option(name: .long, help: ArgumentHelp(
        "A folder of stories to audit instead: each sub-folder holds source.txt and its versions as other *.txt.",
        valueName: "dir"))
    var tree: String?

    @Argument(help: ArgumentHelp("The versions to audit.", valueName: "version"))
    var versions: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "How the files are encoded: utf-8, auto (ICU detection), or a charset name.",
        discussion: "For example windows-1252, ISO-8859-7, Shift_JIS, GB18030."))
    var encoding: String = "utf-8"

    @Option(name: .long, help: "The source's language (BCP 47), e.g. en. Default: und.")
    var sourceLang: String?

    @Option(name: .long, help: "The versions' language (BCP 47), e.g. de. Default: und.")
    var lang: String?

    @Option(name: .long, help: ArgumentHelp(
        "Report format (repeatable): markdown, html, json, junit, sarif, github.", valueName: "format"))
    var format: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write reports into this directory instead of standard output.",
                                            valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp(
        "An earlier JSON report: the gate then fails a version only on findings that are new.", valueName: "file"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("Also write the JSON report here, to serve as a later --baseline.", valueName: "file"))
    var writeBaseline: String?

    @OptionGroup var gate: GateOptions

    func validate() throws {
        if let tree {
            if source != nil || !versions.isEmpty {
                throw ValidationError("--tree \(tree) takes the stories from the folder: give no --source or VERSION files")
            }
            if baseline != nil || writeBaseline != nil {
                throw ValidationError("--baseline and --write-baseline work on one story, not with --tree")
            }
        } else {
            if source == nil { throw ValidationError("give --source FILE (or --tree DIR)") }
            if versions.isEmpty { throw ValidationError("give at least one VERSION file to audit") }
        }
        for name in format where ReportFormat(rawValue: name) == nil {
            let known = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown --format '\(name)'; available: \(known)")
        }
        if output == nil && Set(formats).subtracting([.github]).count > 1 {
            throw ValidationError("several formats need --output DIR to be written to")
        }
    }

    /// The formats asked for, in the order given, without repeats.
    var formats: [ReportFormat] {
        var seen: Set<ReportFormat> = []
        let asked = format.compactMap(ReportFormat.init(rawValue:)).filter { seen.insert($0).inserted }
        if !asked.isEmpty { return asked }
        return output == nil ? [.json] : ReportFormat.files
    }

    func run() throws {
        if let tree { return try runTree(tree) }
        guard let source else { return }
        let result = try ToolFailure.reporting { () throws -> AuditResult in
            let decoder = TextDecoder(encoding: TextDecoder.Encoding(encoding))
            let sourceText = try TextFile.read(source, decoder: decoder)
            if sourceText.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                throw ToolFailure("\(source): the source is empty")
            }
            let inputs = try versionInputs(decoder: decoder)
            var configuration = try gate.configuration()
            if let baseline {
                guard let data = FileManager.default.contents(atPath: baseline) else {
                    throw ToolFailure("\(baseline): the baseline report cannot be read")
                }
                configuration.baseline = try Baseline(report: Array(data), file: baseline)
            }
            let auditor = Auditor(configuration: configuration)
            let sourceInput = TextInput(id: TextFile.stem(source), text: sourceText, language: sourceLang, path: source)
            let result = try auditor.audit(source: sourceInput, versions: inputs)
            let input = ReportInput(result: result, source: sourceInput, versions: inputs,
                                    signatures: auditor.configuration.signatures)
            for format in formats {
                let bytes = try format.reporter.render(input)
                if let output, let name = format.fileName {
                    let file = try TextFile.writeAtomically(Data(bytes), directory: output, name: name)
                    Console.error("mtaudit: wrote \(file)")
                } else {
                    FileHandle.standardOutput.write(Data(bytes))
                }
            }
            if let writeBaseline {
                let url = URL(fileURLWithPath: writeBaseline)
                _ = try TextFile.writeAtomically(Data(try JSONReporter().render(input)),
                                                 directory: url.deletingLastPathComponent().path, name: url.lastPathComponent)
            }
            if output != nil && isatty(STDOUT_FILENO) == 1 { print(Console.summary(input)) }
            return result
        }
        for version in result.versions where version.verdict == .fail {
            Console.error("mtaudit: \(version.id) fails: \(version.gateReasons.joined(separator: "; "))")
        }
        if !result.passed { throw ExitCode(1) }
    }

    /// Audits every story of the folder (on every core), then writes every report whole. A story that
    /// cannot be read or audited is listed as such in every report and on standard error, the others
    /// are audited all the same, and the exit status is 2. Nothing is written when the folder itself
    /// is at fault or a report cannot be rendered.
    private func runTree(_ root: String) throws {
        let tree = try ToolFailure.reporting { () throws -> TreeReportInput in
            let decoder = TextDecoder(encoding: TextDecoder.Encoding(encoding))
            let (stories, unreadable) = try StoryTree.read(root, decoder: decoder, sourceLang: sourceLang, lang: lang)
            let auditor = Auditor(configuration: try gate.configuration())
            let audited = StoryResults(count: stories.count)
            var index = 0
            OrderedParallelMap.run(
                jobs: ProcessInfo.processInfo.activeProcessorCount,
                next: { () -> (Int, StoryTree.Story)? in
                    defer { index += 1 }
                    return index < stories.count ? (index, stories[index]) : nil
                },
                work: { position, story in
                    (position, Result { () throws(TextError) -> AuditResult in
                        try auditor.audit(source: story.source, versions: story.versions)
                    })
                },
                emit: { position, result in
                    audited.set(position, result)
                    return true
                })
            var inputs: [ReportInput] = [], errors = unreadable
            for (story, result) in zip(stories, audited.results) {
                guard let result else { throw ToolFailure("\(story.source.id): not audited") }
                switch result {
                case .success(let result):
                    inputs.append(ReportInput(result: result, source: story.source, versions: story.versions,
                                              signatures: auditor.configuration.signatures))
                case .failure(let error):
                    errors.append(StoryError(story: story.source.id, path: story.source.path ?? story.source.id,
                                             message: "\(error)"))
                }
            }
            // In folder order, as the stories are.
            errors.sort { Array($0.story.utf8).lexicographicallyPrecedes(Array($1.story.utf8)) }
            let tree = TreeReportInput(root: root, stories: inputs, errors: errors, signatures: auditor.configuration.signatures)
            var rendered: [(ReportFormat, [UInt8])] = []
            for format in formats { rendered.append((format, try format.reporter.renderTree(tree))) }
            for (format, bytes) in rendered {
                if let output, let name = format.fileName {
                    let file = try TextFile.writeAtomically(Data(bytes), directory: output, name: name)
                    Console.error("mtaudit: wrote \(file)")
                } else {
                    FileHandle.standardOutput.write(Data(bytes))
                }
            }
            if output != nil && isatty(STDOUT_FILENO) == 1 { print(Console.summary(tree)) }
            return tree
        }
        for story in tree.stories {
            for version in story.result.versions where version.verdict == .fail {
                Console.error("mtaudit: \(story.result.source.id)/\(version.id) fails: \(version.gateReasons.joined(separator: "; "))")
            }
        }
        for error in tree.errors { Console.error("mtaudit: error: story \(error.story) not audited: \(error.line)") }
        if !tree.errors.isEmpty { throw ExitCode(2) }
        if !tree.passed { throw ExitCode(1) }
    }

    /// One input a version file; ids are file stems, made unique with the path when two stems clash.
    private func versionInputs(decoder: TextDecoder) throws -> [TextInput] {
        var stems: [String: Int] = [:]
        for path in versions { stems[TextFile.stem(path), default: 0] += 1 }
        return try versions.map { path in
            let stem = TextFile.stem(path)
            let id = stems[stem, default: 0] > 1 ? path : stem
            return TextInput(id: id, text: try TextFile.read(path, decoder: decoder), language: lang, path: path)
        }
    }
}

/// Each story's audit, by position, filled in by the one thread that emits them.
private final class StoryResults: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Result<AuditResult, TextError>?]

    init(count: Int) { stored = Array(repeating: nil, count: count) }

    func set(_ position: Int, _ result: Result<AuditResult, TextError>) { lock.withLock { stored[position] = result } }
    var results: [Result<AuditResult, TextError>?] { lock.withLock { stored } }
}
