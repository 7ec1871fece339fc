@testable import MTAudit
import MTAuditText
import Testing

/// A feed audits millions of documents in one process: whatever a detector keeps in a document's or
/// a context's memo must not hold that document or context, or neither is ever freed (a vocabulary
/// that kept its documents leaked about 5 KB a story).
@Suite("Nothing outlives its audit")
struct RetentionTests {
    @Test("Documents and contexts are freed once every detector has read them, on every example")
    func freed() throws {
        let segmenter = try Segmenter()
        let examples = DetectorRegistry.descriptions.flatMap { $0.triggeringExamples + $0.nonTriggeringExamples }
        for example in examples {
            weak var context: DetectionContext?
            weak var sourceMemo: Memo?
            weak var versionMemo: Memo?
            do {
                let source = Document(id: "source", text: example.source, segmenter: segmenter)
                let version = Document(id: "version", text: example.version, segmenter: segmenter)
                let others = example.otherVersions.map { Document(id: "other", text: $0, segmenter: segmenter) }
                let strong = DetectionContext(source: source, version: version, otherVersions: others)
                for detector in DetectorRegistry.all { _ = detector.findings(in: strong) }
                (context, sourceMemo, versionMemo) = (strong, source.memo, version.memo)
            }
            #expect(context == nil, "the context of \(example) outlives it")
            #expect(sourceMemo == nil && versionMemo == nil, "a document of \(example) outlives it")
        }
    }
}
