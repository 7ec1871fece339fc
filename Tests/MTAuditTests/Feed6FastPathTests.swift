import Foundation
@testable import MTAudit
import MTAuditText
import Testing

/// The fast paths of feed6 against the plain code they replace, on varied inputs.
@Suite("Feed6 fast paths answer as the plain code did")
struct Feed6FastPathTests {
    @Test("hasSpace(before:in:) answers as the source's contains(\" ,\") / contains(\" .\")")
    func spaceBeforeMarkScreen() {
        // Spaces, the marks, marks that combine (a full stop with an acute accent is another
        // character), letters beyond ASCII and other white space.
        let alphabet: [String] = [" ", " ", ".", ",", "a", "é", "e\u{301}", "\u{301}", "\u{00A0}", "\n", "x", "…", "\u{200D}"]
        var random = SplitMix(seed: 6)
        for _ in 0..<3000 {
            let count = Int.random(in: 0...12, using: &random)
            let source = (0..<count).map { _ in alphabet.randomElement(using: &random)! }.joined()
            for mark: Unicode.Scalar in [",", "."] {
                #expect(PunctuationArtifactDetector.hasSpace(before: mark, in: source) == source.contains(" \(mark)"),
                        "\(Array(source.unicodeScalars)) \(mark)")
            }
        }
    }

    @Test("QuoteAlteredDetector.mayOpenQuote, eight bytes at a time, answers as a look at every scalar")
    func openingQuoteScreen() {
        // Long runs of ASCII (skipped a word at a time) around marks that open a quote, marks that
        // close one, and scalars that share their last bytes (U+201D, U+300D, U+00BB, U+0161, U+4E9C).
        let alphabet: [String] = ["abcdefgh", "The cat ", "x", " ", "\"", "“", "”", "„", "«", "»", "「", "」", "š", "亜",
                                  "‘", "’", "é", "12345678901"]
        var random = SplitMix(seed: 666)
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
            #expect(QuoteAlteredDetector.mayOpenQuote(text) == text.unicodeScalars.contains(where: QuoteAlteredDetector.opensQuote),
                    "\(text)")
        }
    }

    @Test("removing(_:from:) and movingToFront(_:of:) give what a copy and remove(at:) gave")
    func otherVersions() {
        for count in 1...5 {
            let items = Array(100..<(100 + count))
            for index in items.indices {
                var others = items
                others.remove(at: index)
                #expect(Auditor.removing(index, from: items) == others)
                #expect(Auditor.movingToFront(index, of: items) == [items[index]] + others)
            }
        }
    }

    @Test("The coverage estimate reading a context's rendering equals the estimate that works it out")
    func coverageFromContextRendering() throws {
        // Sentences in one language and another, so that links by position, by words and none occur.
        let sentences = ["The ferry left Ostby at dawn.", "It docked at noon in the harbour.", "The mayor spoke on Monday.",
                         "Prices rose by 4% in May.", "Nobody was hurt.", "Le bac a quitté Ostby à l'aube.",
                         "Der Bürgermeister sprach am Montag.", "The council met and voted against the plan."]
        var random = SplitMix(seed: 6_006)
        let segmenter = try Segmenter()
        func text() -> String {
            (0..<Int.random(in: 1...6, using: &random)).map { _ in sentences.randomElement(using: &random)! }.joined(separator: " ")
        }
        for _ in 0..<300 {
            let context = DetectionContext(source: Document(id: "s", text: text(), segmenter: segmenter),
                                           version: Document(id: "v", text: text(), segmenter: segmenter))
            let estimator = CoverageEstimator()
            let plain = estimator.estimate(source: context.source, version: context.version, alignment: context.alignment,
                                           sameLanguage: context.sameLanguage)
            let known = context.rendering
            let reused = estimator.estimate(source: context.source, version: context.version, alignment: context.alignment,
                                            chrF: nil, sameLanguage: context.sameLanguage,
                                            rendering: (known.source, known.version))
            #expect(reused == plain, "\(context.source.text) | \(context.version.text)")
        }
    }

    @Test("An auditor with another rendering threshold estimates coverage by that threshold, not the context's")
    func configuredRenderingThreshold() throws {
        // Versions that reword their sources' sentences more or less, so that links of middling
        // similarity occur: rendered at one threshold and not at another.
        let sentences = ["The ferry left Ostby at dawn on Monday.", "The ferry left the port of Ostby early on Monday.",
                         "It docked at noon in the old harbour.", "It reached the harbour at noon.",
                         "The mayor spoke to the council on Monday.", "On Monday the mayor addressed the council.",
                         "Prices rose by four percent in May.", "Nobody was hurt in the storm."]
        var random = SplitMix(seed: 6_016)
        let segmenter = try Segmenter()
        func text() -> String {
            (0..<Int.random(in: 1...5, using: &random)).map { _ in sentences.randomElement(using: &random)! }.joined(separator: " ")
        }
        var differing = 0
        for threshold in [0.05, 0.45, 0.7] {
            var configuration = AuditConfiguration()
            configuration.coverage.renderedSimilarity = threshold
            let auditor = Auditor(configuration: configuration)
            for _ in 0..<60 {
                let (sourceText, versionText) = (text(), text())
                let audited = try auditor.audit(source: TextInput(id: "s", text: sourceText, language: "en"),
                                                versions: [TextInput(id: "v", text: versionText, language: "en")])
                let result = try #require(audited.versions.first)
                let context = DetectionContext(source: Document(id: "s", text: sourceText, language: "en", segmenter: segmenter),
                                               version: Document(id: "v", text: versionText, language: "en", segmenter: segmenter))
                let chrF = result.metrics[CharacterFScore.chrF.name]
                let expected = configuration.coverage.estimate(source: context.source, version: context.version,
                                                               alignment: context.alignment, chrF: chrF,
                                                               sameLanguage: context.sameLanguage)
                #expect(result.coverage == expected.coverage && result.relation == expected.relation,
                        "threshold \(threshold): \(sourceText) | \(versionText)")
                let byDefault = CoverageEstimator().estimate(source: context.source, version: context.version,
                                                            alignment: context.alignment, chrF: chrF,
                                                            sameLanguage: context.sameLanguage)
                if byDefault.coverage != expected.coverage { differing += 1 }
            }
        }
        // The cases tell the thresholds apart: reading the default's rendering would fail some.
        #expect(differing > 0)
    }
}
