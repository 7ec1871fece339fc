import MTAudit
import MTAuditText
import Testing

@Suite("Auditing versions of a source")
struct AuditorTests {
    let source = TextInput(id: "source", text: """
        The harbour council approved the tidal plan on Monday. It will cost 40 million crowns.

        Mayor Ana Soto said the vote was close. Work starts in spring.
        """)

    @Test("A faithful version passes with a perfect score and full coverage")
    func faithful() throws {
        let version = TextInput(id: "clean", text: source.text)
        let result = try Auditor().audit(source: source, versions: [version])
        let audited = try #require(result.versions.first)
        #expect(audited.findings.isEmpty)
        #expect(audited.score == 100)
        #expect(audited.verdict == .pass)
        #expect(audited.relation == .full)
        #expect(audited.coverage == 1)
        #expect(result.source.sentences == 4)
        #expect(result.source.paragraphs == 2)
    }

    @Test("A doubled word is found, lowers the score, and its spans point into the version")
    func doubled() throws {
        let text = "The harbour council approved the the tidal plan on Monday. It will cost 40 million crowns. "
            + "Mayor Ana Soto said the vote was close. Work starts in spring."
        let result = try Auditor().audit(source: source, versions: [TextInput(id: "v", text: text)])
        let audited = try #require(result.versions.first)
        let finding = try #require(audited.findings.first)
        #expect(finding.rule == "repeated-words")
        #expect(finding.span.text == "the")
        #expect(finding.span.start == 33)
        #expect(audited.score < 100)
        #expect(audited.verdict == .pass, "one minor blemish in a long text passes the default gate")
    }

    @Test("A version that renders half the source is partial; another story is unrelated and fails")
    func relations() throws {
        let half = TextInput(id: "half", text: "The harbour council approved the tidal plan on Monday. It will cost 40 million crowns.")
        let other = TextInput(id: "other", text: "Heavy snow closed three mountain passes overnight, police said.")
        let empty = TextInput(id: "empty", text: " . ")
        let result = try Auditor().audit(source: source, versions: [half, other, empty])
        #expect(result.versions.map(\.relation) == [.partial, .unrelated, .unrelated])
        #expect(result.versions[0].coverage == 0.5)
        #expect(result.versions[1].verdict == .fail)
        #expect(result.versions[1].gateReasons.contains { $0.contains("unrelated") })
        #expect(result.versions[2].coverage == 0)
        #expect(!result.passed)
    }

    @Test("Severity overrides and the gate decide the verdict")
    func gate() throws {
        let text = "The harbour council council approved the tidal plan on Monday."
        var configuration = AuditConfiguration(severityOverrides: ["repeated-words": .critical])
        var result = try Auditor(configuration: configuration).audit(source: source, versions: [TextInput(id: "v", text: text)])
        #expect(result.versions[0].findings.first?.severity == .critical)
        #expect(result.versions[0].verdict == .fail)

        configuration = AuditConfiguration().disabling(["repeated-words"])
        configuration.gate = GatePolicy(minimumScore: 0, failSeverity: nil, failUnrelated: false)
        result = try Auditor(configuration: configuration).audit(source: source, versions: [TextInput(id: "v", text: text)])
        #expect(result.versions[0].findings.isEmpty)
        #expect(result.versions[0].verdict == .pass)
    }

    @Test("The MQM score is 100 minus penalty points per word")
    func mqmScore() {
        let scorer = MQMScorer()
        let excerpt = Excerpt(start: 0, end: 1, text: "x")
        func finding(_ severity: Severity) -> Finding {
            Finding(rule: "r", category: .grammar, severity: severity, message: "m", span: excerpt)
        }
        #expect(scorer.score([], words: 50) == 100)
        #expect(scorer.score([finding(.minor)], words: 50) == 98)
        #expect(scorer.score([finding(.major)], words: 50) == 90)
        #expect(scorer.score([finding(.critical)], words: 50) == 50)
        #expect(scorer.score([finding(.critical), finding(.critical)], words: 50) == 0)
        #expect(scorer.score([finding(.major)], words: 2) == 90, "short texts count as minimumWords")
        #expect(scorer.signature == "mqm|w:1,5,25|per-word|min:50")
    }

    @Test("A rewritten passage is a major distortion; a reworded one costs little; a changed number is not counted twice")
    func distortion() throws {
        let rewritten = "The harbour council approved the tidal plan on Monday. It will cost 40 million crowns. "
            + "Mayor Ana Soto said the vote was close because smugglers stole lanterns, copper cables and diesel pumps. Work starts in spring."
        let reworded = "On Monday the harbour council approved the tidal plan. It is going to cost 40 million crowns. "
            + "Mayor Ana Soto said that the vote had been close. Work will start in spring."
        let renumbered = "The harbour council approved the tidal plan on Monday. It will cost 14 million crowns. "
            + "Mayor Ana Soto said the vote was close. Work starts in spring."
        let result = try Auditor().audit(source: source, versions: [
            TextInput(id: "rewritten", text: rewritten), TextInput(id: "reworded", text: reworded),
            TextInput(id: "renumbered", text: renumbered),
        ])
        let distortions = result.versions.map { version in version.findings.filter { $0.rule == "distortion" } }
        #expect(distortions[0].map(\.severity) == [.major])
        #expect(distortions[0].first?.span.text == "because smugglers stole lanterns, copper cables and diesel pumps")
        #expect(distortions[1].isEmpty, "\(distortions[1].map(\.message))")
        #expect(result.versions[1].score == 100)
        #expect(distortions[2].isEmpty, "the number rule explains the change")
        #expect(result.versions[2].findings.map(\.rule) == ["number-mismatch"])
    }
}
