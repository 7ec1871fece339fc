@testable import MTAudit
import MTAuditText
import Testing

/// A source's name runs kept with its document (for every context that reads the source) are the runs
/// a context of a fresh document makes, whatever the version's language and the lexicons.
@Suite("A source's name runs kept with its document")
struct SourceNameRunsTests {
    @Test("Runs read from the source document's keeping equal those made afresh, by version language, lexicons and threshold")
    func keptRunsAreFreshRuns() throws {
        // Words that are honorifics in one language and not another, and one only the added lexicon
        // lists, before names; sentence openers common and rare.
        let sourceText = "Yesterday Herr Brandt met Mayor Osei and Don Ruiz in Kessa City. Frau Lind spoke. "
            + "Commissioner Vale and Dr Amsel left Ostby Harbour on Monday. Nobody asked Sir Tolk."
        let added = try Lexicons.builtIn.adding("""
            kind: honorifics
            languages:
              en: [Commissioner, Kessa]
              de: [Don]
            """, name: "added.yml")
        let segmenter = try Segmenter()
        let shared = Document(id: "s", text: sourceText, language: "en", segmenter: segmenter)
        let versions = [("en", "Herr Brandt met Mayor Osei."), ("de", "Herr Brandt traf Bürgermeister Osei."),
                        ("es", "Don Ruiz habló."), ("fr", "M Lind a parlé.")]
        var compared = 0
        var differing = Set<[String]>()
        for _ in 0..<2 {
            for lexicons in [Lexicons.builtIn, added] {
                for (language, text) in versions {
                    let version = Document(id: "v", text: text, language: language, segmenter: segmenter)
                    let kept = DetectionContext(source: shared, version: version, lexicons: lexicons)
                    let fresh = DetectionContext(source: Document(id: "s", text: sourceText, language: "en", segmenter: segmenter),
                                                 version: version, lexicons: lexicons)
                    for threshold in [NameRuns.usualOpenerZipf, EntityOmittedDetector.commonWordZipf] {
                        let keptRuns = NameRuns.sentenceRuns(ofSource: true, in: kept, openerZipf: threshold)
                        let freshRuns = NameRuns.sentenceRuns(ofSource: true, in: fresh, openerZipf: threshold)
                        let keys = keptRuns.map { $0.map(\.key) }
                        #expect(keys == freshRuns.map { $0.map(\.key) }, "\(language) \(threshold)")
                        #expect(keptRuns.map { $0.map(\.span) } == freshRuns.map { $0.map(\.span) })
                        differing.insert(keys.flatMap { $0 })
                        compared += 1
                    }
                }
            }
        }
        #expect(compared == 32)
        // The languages and lexicons give different runs: a keeping that ignored them would fail above.
        #expect(differing.count > 1)
    }
}
