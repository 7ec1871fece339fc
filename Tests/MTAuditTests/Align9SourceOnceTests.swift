@testable import MTAudit
import MTAuditText
import Testing

/// `SentenceAligner.align(source:versions:)` aligns a line's versions to their one source together,
/// with the source's language guessed once and its weighed sets made once: each alignment must be
/// the one `align(source:version:)` makes on its own.
@Suite("Align9: a line's versions aligned to their source together")
struct Align9SourceOnceTests {
    @Test("align(source:versions:) equals align(source:version:) for each version")
    func togetherEqualsAlone() throws {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        var generator = SplitMix(seed: 0xA119_50CE)
        func text() -> String { generator.text(sentences: 1...6, words: 0...9) }
        let aligner = SentenceAligner()
        let languages = ["en", "en", "en", "de", "xx"]
        for round in 0..<120 {
            let source = Document(id: "s\(round)", text: text(), language: languages[round % languages.count], segmenter: segmenter)
            let versions = (0..<Int.random(in: 1...4, using: &generator)).map { k in
                Document(id: "v\(round).\(k)", text: text(), language: languages[(round + k) % languages.count], segmenter: segmenter)
            }
            let together = aligner.align(source: source, versions: versions)
            let alone = versions.map { aligner.align(source: source, version: $0) }
            #expect(together == alone, "\(source.text)")
        }
    }
}
