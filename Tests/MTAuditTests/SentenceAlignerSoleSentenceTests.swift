@testable import MTAudit
import MTAuditText
import Testing

/// The aligner joins a source and a version of one sentence each from `SentenceWords.soleSentences`,
/// without the full word tables. Its likenesses must be the tables' to the last bit, whatever the words.
@Suite("Aligning one sentence against one")
struct SentenceAlignerSoleSentenceTests {
    @Test("The sole sentences' shared words, Dice and plain Dice equal the full tables', with a word list and without")
    func sameAsFullTables() throws {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        // Common and rare words, names, numbers, accents and words no list holds.
        let vocabulary = ["the", "council", "approved", "harbour", "budget", "after", "a", "long", "debate", "Inchkeith",
                          "ferry", "1998", "Tromsø", "naïve", "said", "would", "zorblat", "Qwixen", "in", "of", "storms"]
        var generator = SplitMix(seed: 0x501E)
        for round in 0..<400 {
            func sentence() -> String {
                generator.words(0...14, of: 0...UInt32(vocabulary.count - 1)).map { vocabulary[Int($0)] }.joined(separator: " ") + "."
            }
            let source = Document(id: "s\(round)", text: sentence(), language: "en", segmenter: segmenter)
            let version = Document(id: "v\(round)", text: sentence(), language: "en", segmenter: segmenter)
            guard source.sentences.count == 1, version.sentences.count == 1 else { continue }
            // Half the rounds with the words' rows looked up (as the audit's language guess does),
            // half without: the Zipf frequencies come from the rows or from the keys.
            if round % 2 == 0 { _ = (DocumentWordRows.of(source), DocumentWordRows.of(version)) }
            for language in ["en", nil] as [String?] {
                let sole = SentenceWords.soleSentences(source: source, version: version, language: language)
                let full = SentenceWords(source: source, version: version, language: language, weighted: true)
                #expect(sole.shared == full.shared(version: 0..<1, source: 0..<1), "\(version.text) against \(source.text)")
                #expect(sole.dice == full.dice(version: 0..<1, source: 0..<1), "\(version.text) against \(source.text)")
                #expect(sole.plainDice == full.plainDice(version: 0..<1, source: 0..<1), "\(version.text) against \(source.text)")
            }
        }
    }

    @Test("The alignment of one sentence to one by its sole link equals the general initializer's")
    func soleLinkAlignment() {
        for (similarity, plain, byPosition) in [(0.0, 0.0, true), (0.25, 0.4, true), (0.8, 0.75, false), (1.0, 1.0, false)] {
            let link = SentenceAlignment.Link(source: 0..<1, version: 0..<1, similarity: similarity, byPosition: byPosition)
            let general = SentenceAlignment(links: [link], sourceCount: 1, versionCount: 1) { _, _ in plain }
            #expect(SentenceAlignment(soleLink: link, similarity: plain) == general)
        }
    }
}
