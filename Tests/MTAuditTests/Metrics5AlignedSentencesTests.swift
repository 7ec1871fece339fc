@testable import MTAudit
import MTAuditText
import Testing

/// TER of texts of several sentences read off the whole texts' words (`score(sentences:)`) is the
/// corpus TER of the aligned pairs' strings (`AlignedSentences.segments`, `score(segments:)`).
@Suite("TER of aligned sentences")
struct Metrics5AlignedSentencesTests {
    /// Sentences of common words, capitals, marks and non-ASCII letters (some whose lower case is
    /// longer, or shorter, than the capital; a combining accent, which makes words compare as strings).
    private static let sentences = [
        "The cat sat on the mat.", "A dog barked at the Cat!", "Zoë met Ørjan in Tromsø on Monday.",
        "İstanbul is big.", "The Kelvin sign K and the Ohm sign Ω are rare.", "Cafe\u{301} au lait, café noir.",
        "He said \"yes\" (twice).", "Numbers: 1,200 and 3.5 percent.", "Is it over?", "It is over.",
        "the the the cat cat.", "Naïve résumé — done.", "Short.", "Prices rose 5% in May; they fell in June.",
    ]

    private static func text(_ generator: inout SplitMix) -> String {
        let count = Int.random(in: 1...5, using: &generator)
        var text = ""
        for index in 0..<count {
            var sentence = sentences[Int.random(in: 0..<sentences.count, using: &generator)]
            if Bool.random(using: &generator) { sentence = sentence.uppercased() }
            if index > 0 {
                // Mostly a space between sentences; sometimes a paragraph, or none at all.
                switch Int.random(in: 0..<6, using: &generator) {
                case 0: text += "\n\n"
                case 1: break
                default: text += " "
                }
            }
            text += sentence
        }
        return text
    }

    @Test("The same TER as the pairs' strings score, over random texts of several sentences")
    func sameAsStrings() throws {
        var generator = SplitMix(seed: 23)
        let segmenter = try Segmenter()
        let ter = TranslationEditRate()
        for round in 0..<400 {
            let source = Self.text(&generator)
            // The version: the source's sentences reordered, edited or replaced, or another text.
            let version = round % 3 == 0 ? Self.text(&generator)
                : source.split(separator: " ").shuffled(using: &generator).prefix(Int.random(in: 1...40, using: &generator))
                    .joined(separator: " ")
            let context = DetectionContext(source: Document(id: "s", text: source, segmenter: segmenter),
                                           version: Document(id: "v", text: version, segmenter: segmenter))
            let sentences = Auditor.alignedSentences(context)
            let (pairs, unpaired) = sentences.segments
            let expected = ter.score(segments: pairs, unpaired: unpaired)
            #expect(ter.score(hypothesis: MetricText(version), reference: MetricText(source), sentences: sentences) == expected,
                    "\(version.debugDescription) | \(source.debugDescription)")
            // A source shared by lines (its words numbered in its document's memo) scores the same.
            let memo = Memo()
            #expect(ter.score(hypothesis: MetricText(version), reference: MetricText(source, sharedIn: memo), sentences: sentences)
                    == expected)
        }
    }

    @Test("A sentence break with no white space, or a capital that lowers to a longer letter, falls back to the strings")
    func fallbacks() throws {
        let segmenter = try Segmenter()
        for (source, version) in [("It rained.It poured. Then it stopped.", "It poured.It rained. Then it stopped!"),
                                  ("İzmir is warm. Ankara is cold.", "Ankara is cold. İZMİR is warm.")] {
            let context = DetectionContext(source: Document(id: "s", text: source, segmenter: segmenter),
                                           version: Document(id: "v", text: version, segmenter: segmenter))
            let sentences = Auditor.alignedSentences(context)
            let (pairs, unpaired) = sentences.segments
            #expect(TranslationEditRate().score(hypothesis: MetricText(version), reference: MetricText(source), sentences: sentences)
                    == TranslationEditRate().score(segments: pairs, unpaired: unpaired))
        }
    }

    @Test("Each sentence's words: those inside its bytes; nil where a word runs over its bounds")
    func sentenceWords() {
        func sentence(_ bytes: Range<Int>) -> Sentence { Sentence(span: TextSpan(start: 0, end: 0), utf8: bytes, paragraph: 0, tokens: 0..<0) }
        let words = [0..<3, 4..<7, 8..<12, 13..<15]
        #expect(TranslationEditRate.sentenceWords([sentence(0..<7), sentence(8..<15)], words) == [0..<2, 2..<4])
        #expect(TranslationEditRate.sentenceWords([sentence(0..<8), sentence(8..<12), sentence(12..<12)], words) == [0..<2, 2..<3, 3..<3])
        #expect(TranslationEditRate.sentenceWords([sentence(0..<5), sentence(5..<15)], words) == nil)
        #expect(TranslationEditRate.sentenceWords([sentence(8..<15), sentence(0..<7)], words) == nil)
    }
}
