@testable import MTAudit
import MTAuditText
import Testing

/// `SentenceWords.soleLikeness` tells a version that writes the source's words as they are by a walk
/// over the tokens, with no words numbered: its answer must be `soleSentences`' to the last bit,
/// for texts that pass its screen and for texts that fail it.
@Suite("Align7: the likeness of one sentence to one, with the fast path for the same words")
struct Align7SoleLikenessTests {
    @Test("soleLikeness equals soleSentences: the same text, the same words otherwise written, other words")
    func sameAsSoleSentences() throws {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        let vocabulary = ["the", "council", "approved", "harbour", "budget", "after", "a", "long", "debate", "Inchkeith",
                          "ferry", "1998", "Tromsø", "naïve", "said", "would", "zorblat", "Qwixen", "in", "of", "storms",
                          "a-very-long-compound-word-indeed", "U.S.", "council's", "—", "“quoted”"]
        var generator = SplitMix(seed: 0xA117)
        var fastPathTaken = 0
        for round in 0..<600 {
            let words = generator.words(0...12, of: 0...UInt32(vocabulary.count - 1)).map { vocabulary[Int($0)] }
            let sourceText = words.joined(separator: " ") + "."
            // The same text; the same words in another case or with other punctuation (the same keys,
            // a screen that may fail); one word changed, dropped or moved; another sentence.
            let versionText: String
            switch round % 6 {
            case 0, 1: versionText = sourceText
            case 2: versionText = words.joined(separator: " ").uppercased() + "!"
            case 3:
                var changed = words
                if !changed.isEmpty { changed[Int(generator.next() % UInt64(changed.count))] = vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }
                versionText = changed.joined(separator: " ") + "."
            case 4: versionText = words.reversed().joined(separator: " ") + "."
            default:
                versionText = generator.words(0...12, of: 0...UInt32(vocabulary.count - 1)).map { vocabulary[Int($0)] }.joined(separator: " ") + "."
            }
            let source = Document(id: "s\(round)", text: sourceText, language: "en", segmenter: segmenter)
            let version = Document(id: "v\(round)", text: versionText, language: "en", segmenter: segmenter)
            guard source.sentences.count == 1, version.sentences.count == 1 else { continue }
            if SentenceWords.sameWordCount(source.sentences[0].tokens, of: source, version.sentences[0].tokens, of: version) != nil {
                fastPathTaken += 1
            }
            for language in ["en", nil] as [String?] {
                let fast = SentenceWords.soleLikeness(source: source, version: version, language: language)
                let plain = SentenceWords.soleSentences(source: source, version: version, language: language)
                #expect(fast.sharesWord == (plain.shared > 0), "\(versionText) against \(sourceText)")
                #expect(fast.dice.bitPattern == plain.dice.bitPattern, "\(versionText) against \(sourceText)")
                #expect(fast.plainDice.bitPattern == plain.plainDice.bitPattern, "\(versionText) against \(sourceText)")
            }
        }
        #expect(fastPathTaken > 100)
    }

    @Test("sameWordCount: the words of two token ranges, the same keys in the same order, or nil")
    func sameWordCount() throws {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        func document(_ text: String) -> Document { Document(id: text, text: text, language: "en", segmenter: segmenter) }
        let cases: [(String, String, Int?)] = [
            ("The cat sat on the mat.", "The cat sat on the mat.", 6),
            ("The cat sat on the mat.", "the CAT sat, on the mat!", 6),
            ("The cat sat on the mat.", "The cat sat on a mat.", nil),
            ("The cat sat on the mat.", "The cat sat on the mat today.", nil),
            ("The cat sat on the mat.", "The cat sat on the", nil),
            ("...", "!", 0),
        ]
        for (a, b, expected) in cases {
            let x = document(a), y = document(b)
            let all = { (d: Document) in 0..<d.tokens.count }
            #expect(SentenceWords.sameWordCount(all(x), of: x, all(y), of: y) == expected, "\(a) against \(b)")
        }
    }
}
