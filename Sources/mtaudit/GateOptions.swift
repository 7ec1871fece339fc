import ArgumentParser
import Foundation
import MTAudit

/// The options that decide what runs and when a version fails, shared by `audit` and `feed`. They
/// override `.mtaudit.yml`, which is found from the working directory up unless --config names one.
struct GateOptions: ParsableArguments {
    @Option(name: .long, help: "A version scoring below this (0-100) fails the gate (default 90).")
    var minScore: Double?

    @Option(name: .long, help: ArgumentHelp(
        "A version with a finding of this severity or worse fails the gate (default critical).",
        discussion: "One of: critical, major, minor, none."))
    var failOn: String?

    @Option(name: .long, parsing: .singleValue, help: "Turn off a detector by its rule id (repeatable; see `mtaudit rules`).")
    var disable: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp(
        "Give a rule another severity, as RULE=LEVEL (repeatable), e.g. mojibake=critical.", valueName: "rule=level"))
    var severity: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Add a lexicon file (repeatable).", valueName: "file"))
    var lexicon: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read this configuration file instead of looking for .mtaudit.yml.", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Ignore any .mtaudit.yml.")
    var noConfig = false

    func validate() throws {
        if let minScore, !(0...100).contains(minScore) {
            throw ValidationError("--min-score must be between 0 and 100, not \(minScore)")
        }
        if let failOn, failOn != "none" && Severity(rawValue: failOn) == nil {
            throw ValidationError("--fail-on must be critical, major, minor or none, not '\(failOn)'")
        }
        let known = Set(DetectorRegistry.descriptions.map(\.id))
        for id in disable where !known.contains(id) {
            throw ValidationError("--disable: no rule '\(id)'; known rules: \(known.sorted().joined(separator: ", "))")
        }
        for setting in severity {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, known.contains(parts[0]), Severity(rawValue: parts[1]) != nil else {
                throw ValidationError("--severity must be RULE=critical|major|minor with a known rule, not '\(setting)'")
            }
        }
        if config != nil && noConfig { throw ValidationError("--config and --no-config exclude each other") }
    }

    /// The configuration: defaults, then the configuration file, then these options.
    func configuration() throws -> AuditConfiguration {
        var configuration = AuditConfiguration()
        let file = noConfig ? nil : (config ?? ConfigurationFile.find(from: FileManager.default.currentDirectoryPath))
        if let file {
            configuration = try ConfigurationFile.load(file).applied(to: configuration)
        }
        if let minScore { configuration.gate.minimumScore = minScore }
        if let failOn { configuration.gate.failSeverity = Severity(rawValue: failOn) }
        for setting in severity {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            configuration.severityOverrides[parts[0]] = Severity(rawValue: parts[1])
        }
        for path in lexicon {
            guard let data = FileManager.default.contents(atPath: path) else { throw ToolFailure("\(path): no such lexicon file") }
            configuration.lexicons = try configuration.lexicons.adding(String(decoding: data, as: UTF8.self), name: path)
        }
        return configuration.disabling(Set(disable))
    }
}
