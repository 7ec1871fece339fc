import ArgumentParser
import MTAudit

/// The options that decide what runs and when a version fails, shared by `audit` and `feed`.
struct GateOptions: ParsableArguments {
    @Option(name: .long, help: "A version scoring below this (0-100) fails the gate.")
    var minScore: Double = GatePolicy().minimumScore

    @Option(name: .long, help: ArgumentHelp(
        "A version with a finding of this severity or worse fails the gate.",
        discussion: "One of: critical, major, minor, none."))
    var failOn: String = "critical"

    @Option(name: .long, parsing: .singleValue, help: "Turn off a detector by its rule id (repeatable; see `mtaudit rules`).")
    var disable: [String] = []

    func validate() throws {
        guard (0...100).contains(minScore) else {
            throw ValidationError("--min-score must be between 0 and 100, not \(minScore)")
        }
        guard failOn == "none" || Severity(rawValue: failOn) != nil else {
            throw ValidationError("--fail-on must be critical, major, minor or none, not '\(failOn)'")
        }
        let known = Set(DetectorRegistry.descriptions.map(\.id))
        for id in disable where !known.contains(id) {
            throw ValidationError("--disable: no rule '\(id)'; known rules: \(known.sorted().joined(separator: ", "))")
        }
    }

    var configuration: AuditConfiguration {
        let gate = GatePolicy(minimumScore: minScore, failSeverity: Severity(rawValue: failOn))
        return AuditConfiguration(gate: gate).disabling(Set(disable))
    }
}
