import ArgumentParser
import MTAudit

@main
struct MTAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mtaudit",
        abstract: "Audit machine-translated versions of a text for errors that misinform or embarrass.",
        discussion: """
            mtaudit compares each version with the source (and with the other versions), flags likely \
            errors (corrupted names, changed numbers, dropped passages, doubled words, mojibake, …), scores \
            every version and answers with an exit code a pipeline can gate on:

              0  every version passed the gate
              1  some version failed the gate
              2  some input could not be audited (unreadable file, bad feed line), or the tool failed
             64  usage error

            Examples:
              mtaudit audit --source story.txt versions/*.txt
              mtaudit audit --source story.txt de.txt fr.txt --output Reports
              mtaudit feed articles.jsonl > answers.jsonl
              mtaudit rules
            """,
        version: MTAuditVersion.current,
        subcommands: [AuditCommand.self, FeedCommand.self, RulesCommand.self]
    )
}
