import Dispatch
import MTAuditText
import Synchronization
import Testing
@testable import MTAudit

@Suite("Sources kept across feed lines")
struct RecentSourcesTests {
    private let segmenter: Segmenter

    init() throws { segmenter = try Segmenter() }

    private func input(_ text: String, language: String = "en") -> TextInput {
        TextInput(id: "source", text: text, language: language)
    }

    /// The document of `text` through `recent`, and whether it was made for this call.
    private func document(_ text: String, in recent: RecentSources, language: String = "en") -> (Document, made: Bool) {
        var made = false
        let document = recent.document(input(text, language: language)) {
            made = true
            return Document(id: "source", text: text, language: language, segmenter: segmenter)
        }
        return (document, made)
    }

    @Test("A source is kept from its first line and found from its second; another language is another source")
    func keptFromTheFirstLine() {
        let recent = RecentSources()
        let first = document("The ferry left at dawn.", in: recent)
        let second = document("The ferry left at dawn.", in: recent)
        let third = document("The ferry left at dawn.", in: recent)
        #expect(first.made && !second.made && !third.made)
        #expect(second.0 === first.0 && third.0 === first.0)
        #expect(document("The ferry left at dawn.", in: recent, language: "en-GB").made)
        #expect(recent.counts.hits == 2 && recent.counts.kept == 2)
    }

    @Test("A source longer than a paragraph is kept from its second line and found from its third")
    func longerKeptFromTheSecondLine() {
        let recent = RecentSources(firstLineBytes: 16)
        let text = "The ferry left at dawn and came back at dusk."
        let first = document(text, in: recent)
        let second = document(text, in: recent)
        let third = document(text, in: recent)
        #expect(first.made && second.made && !third.made)
        #expect(third.0 === second.0)
        #expect(recent.counts.hits == 1 && recent.counts.kept == 1)
        // Short ones are still kept from their first line.
        #expect(document("Short.", in: recent).made && !document("Short.", in: recent).made)

        // The hashes seen are forgotten all at once past their bound: a long source then counts as new.
        let forgetful = RecentSources(firstLineBytes: 0, maximumSeen: 2)
        for text in ["First long text.", "Second long text.", "Third long text."] { _ = document(text, in: forgetful) }
        #expect(document("First long text.", in: forgetful).made && forgetful.counts.kept == 0)
    }

    @Test("Past the count or the bytes allowed, the oldest documents go first; a long text is never kept")
    func bounded() {
        let byCount = RecentSources(maximumCount: 2)
        for text in ["One.", "Two.", "Three."] { _ = document(text, in: byCount); _ = document(text, in: byCount) }
        #expect(byCount.counts.kept == 2)
        #expect(document("One.", in: byCount).made, "the oldest was let go")
        #expect(!document("Three.", in: byCount).made)

        let byBytes = RecentSources(maximumBytes: 12)
        for text in ["Eight b.", "Seven b."] { _ = document(text, in: byBytes); _ = document(text, in: byBytes) }
        #expect(byBytes.counts.kept == 1)
        #expect(!document("Seven b.", in: byBytes).made)

        let short = RecentSources(maximumTextBytes: 8)
        for _ in 0..<3 { #expect(document("Longer than eight.", in: short).made) }
        #expect(short.counts.kept == 0)

        // Evictions by the hundred: the kept keys stay within the bounds while the list of keys is
        // trimmed as it goes.
        let churn = RecentSources(maximumCount: 3)
        for k in 0..<300 { _ = document("Line \(k).", in: churn); _ = document("Line \(k).", in: churn) }
        #expect(churn.counts.kept == 3)
        #expect(!document("Line 299.", in: churn).made && document("Line 0.", in: churn).made)
    }

    @Test("One auditor on several threads audits every line as a fresh auditor does, sources kept or not")
    func threads() throws {
        let sources = ["Ms. Ruiz said 14 trucks left Lyon on 3 March.", "Prices rose 2.5% in May, the bank said.",
                       "The mayor, Omar Haddad, opened the bridge."]
        let versions = ["Ms. Ruiz said 41 trucks left Lyon on 3 March.", "Prices rose 25% in May.",
                        "The mayor, Omar Hadad, opened the bridge bridge."]
        let lines = (0..<60).map { k in (source: sources[k % 3], version: versions[(k / 3) % 3]) }
        let shared = Auditor()
        let results = Mutex([AuditResult?](repeating: nil, count: lines.count))
        DispatchQueue.concurrentPerform(iterations: lines.count) { k in
            let result = try? shared.audit(source: TextInput(id: "source", text: lines[k].source, language: "en"),
                                           versions: [TextInput(id: "v", text: lines[k].version, language: "en")])
            results.withLock { $0[k] = result }
        }
        let parallel = results.withLock { $0 }
        var findings = 0
        for (k, line) in lines.enumerated() {
            let fresh = try Auditor().audit(source: TextInput(id: "source", text: line.source, language: "en"),
                                            versions: [TextInput(id: "v", text: line.version, language: "en")])
            #expect(parallel[k] == fresh, "line \(k)")
            findings += fresh.versions[0].findings.count
        }
        // A third of the lines pair a source with its own version, which changes a number, a name or
        // repeats a word; the others pair it with another source's (an unrelated text).
        #expect(findings >= lines.count / 3, "the versions of their own sources should find what they change")
    }
}
