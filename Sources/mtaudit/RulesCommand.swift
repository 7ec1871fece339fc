import ArgumentParser
import MTAudit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the detectors: rule id, MQM category, default severity and what each flags."
    )

    func run() {
        for description in DetectorRegistry.descriptions {
            print("\(description.id)  [\(description.category), \(description.severity)]")
            print("    \(description.summary)")
        }
    }
}
