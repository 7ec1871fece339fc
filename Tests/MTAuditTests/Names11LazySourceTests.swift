@testable import MTAudit
import MTAuditText
import Testing

/// A context's lexicon mentions of its source, found when a rule first reads them, against the
/// source document's mentions found at once (`FormStarts.mentions(in:)`), kind by kind.
@Suite("A source's lexicon mentions found when first read are the document's own")
struct Names11LazySourceTests {
    /// Lexicon words of several kinds (dates, countries, titles, entities) among common words and names.
    static let words = ["January", "Monday", "France", "French", "Germany's", "President", "Prime", "Minister", "United", "Nations",
                        "UN", "the", "met", "in", "on", "Varga", "said", "Secretary-General", "of", "state", "March", "may", "."]

    @Test("Each kind's source mentions, read first or after the version's, are the document's")
    func lazyAsFound() throws {
        let segmenter = try Segmenter()
        var random = SplitMix(seed: 11_004)
        var mentioned = 0
        for round in 0..<600 {
            func text() -> String {
                (0..<Int.random(in: 0...12, using: &random)).map { _ in Self.words.randomElement(using: &random)! }.joined(separator: " ") + "."
            }
            let context = DetectionContext(source: Document(id: "s", text: text(), language: "en", segmenter: segmenter),
                                           version: Document(id: "v", text: text(), language: "en", segmenter: segmenter))
            // Half the rounds read a version's mentions first (the rules' order), half the source's.
            if round % 2 == 0 { _ = LexiconPhrases.mentions(.dateTimeWords, in: context).version }
            let language = LexiconPhrases.language(of: context.source, guess: context.sourceLanguageGuess)
            let direct = context.source.tokens.contains(where: \.isWordLike)
                ? FormStarts.of(context.lexicons, language: language).mentions(in: context.source) : nil
            for kind in FormStarts.structuredKinds {
                let lazy = LexiconPhrases.mentions(kind, in: context).source
                let plain = direct?[FormStarts.slot(of: kind)] ?? []
                #expect(lazy.map(\.tokens) == plain.map(\.tokens), "\(kind): \(context.source.text)")
                #expect(lazy.map(\.ids) == plain.map(\.ids), "\(kind): \(context.source.text)")
                if !lazy.isEmpty { mentioned += 1 }
            }
        }
        #expect(mentioned > 200)
    }
}
