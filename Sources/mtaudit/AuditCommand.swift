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

            Without --output the JSON report goes to standard output; with it, the report is written to \
            DIR/<source name>.json, whole or not at all. The exit status is 0 when every version passes \
            the gate, 1 when one fails, 2 when a file cannot be read.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The canonical source text.", valueName: "file"))
    var source: String

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

    @Option(name: .long, help: ArgumentHelp("Report format (repeatable). Available: json.", valueName: "format"))
    var format: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write reports into this directory instead of standard output.",
                                            valueName: "dir"))
    var output: String?

    @OptionGroup var gate: GateOptions

    static let formats: Set<String> = ["json"]

    func validate() throws {
        if versions.isEmpty { throw ValidationError("give at least one VERSION file to audit") }
        for name in format where !Self.formats.contains(name) {
            throw ValidationError("unknown --format '\(name)'; available: \(Self.formats.sorted().joined(separator: ", "))")
        }
    }

    func run() throws {
        let result = try ToolFailure.reporting { () throws -> AuditResult in
            let decoder = TextDecoder(encoding: TextDecoder.Encoding(encoding))
            let sourceText = try TextFile.read(source, decoder: decoder)
            if sourceText.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                throw ToolFailure("\(source): the source is empty")
            }
            let inputs = try versionInputs(decoder: decoder)
            let auditor = Auditor(configuration: gate.configuration)
            let sourceInput = TextInput(id: TextFile.stem(source), text: sourceText, language: sourceLang, path: source)
            let result = try auditor.audit(source: sourceInput, versions: inputs)
            let report = try JSONReporter().report(result, scorer: auditor.configuration.scorer)
            if let output {
                let file = try TextFile.writeAtomically(report, directory: output, name: TextFile.stem(source) + ".json")
                Console.error("mtaudit: wrote \(file)")
            } else {
                FileHandle.standardOutput.write(report)
            }
            return result
        }
        for version in result.versions where version.verdict == .fail {
            Console.error("mtaudit: \(version.id) fails: \(version.gateReasons.joined(separator: "; "))")
        }
        if !result.passed { throw ExitCode(1) }
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
