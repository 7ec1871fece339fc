import Foundation
@testable import MTAudit
import Testing

/// BLEU's matches taken from chrF++'s where both texts' 13a tokens are their chrF++ words: the test of
/// that (`Tokenizer13a.tokensAreCharacterFScoreWords`, by each word's cuts read off its own bytes,
/// `wordCut`) against the tokens themselves and against the rules run over the whole line, and the
/// scores against those of reading both texts, on many generated texts heavy with marks.
@Suite("Metrics 12: BLEU's matches shared with chrF++'s words")
struct Metrics12SharedWordMatchesTests {
    /// Words and marks in every arrangement the rules treat apart: marks at a word's ends and inside
    /// it, digits beside full stops, commas and dashes, marks side by side, apostrophes.
    private static let pieces = ["The", "cat", "sat", "U.S.", "1,000", "3-4", "well-known", "(hi)", "\"quote\"", "end.", "a,", ".5",
                                 "-x", "x-", "5-", "...", "a.,b", "'s", "students'", "1.5", "é", "中文", "and/or", "x.y", "2.",
                                 ",", ".", "-", "(", ")", "!", "?", "'", "5", "0", "a", "Ω", "--", "1-", "-1", ".a", ",b"]
    private static let gaps = [" ", " ", " ", "", "", "  ", "\t"]

    private static func text(_ generator: inout SplitMix, extra: [String] = []) -> String {
        let pieces = Self.pieces + extra
        var text = ""
        for _ in 0..<Int.random(in: 0...24, using: &generator) {
            text += pieces.randomElement(using: &generator)! + gaps.randomElement(using: &generator)!
        }
        return text
    }

    @Test("A word's cuts read off its bytes are the rules' over the whole line; unknown only beside two full stops or commas")
    func wordCutsAreTheChains() {
        var generator = SplitMix(seed: 1201)
        for round in 0..<4000 {
            let text = Self.text(&generator)
            let metricText = MetricText(text), utf8 = metricText.utf8
            let chain = Set(utf8.withUnsafeBufferPointer { Tokenizer13a.chainCuts($0) })
            utf8.withUnsafeBufferPointer { line in
                let separated = Self.separated
                separated.withUnsafeBufferPointer { separated in
                    for word in metricText.spaceWords {
                        let bytes = Array(line[word])
                        var stopsSideBySide = false
                        for index in bytes.indices.dropFirst()
                        where [UInt8(ascii: "."), UInt8(ascii: ",")].contains(bytes[index])
                            && [UInt8(ascii: "."), UInt8(ascii: ",")].contains(bytes[index - 1]) {
                            stopsSideBySide = true
                        }
                        for cut in (word.lowerBound + 1)..<max(word.lowerBound + 1, word.upperBound) {
                            let direct = Tokenizer13a.wordCut(line, word, at: cut, separated: separated)
                            if let direct {
                                #expect(direct == chain.contains(cut), "round \(round): \(text) at \(cut)")
                            } else {
                                #expect(stopsSideBySide, "round \(round): \(text) at \(cut)")
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("Tokens cut word by word (by wordCut, or the chain over a word with two stops side by side) are the passes'")
    func tokensWordByWord() {
        var generator = SplitMix(seed: 1206)
        for round in 0..<6000 {
            let text = Self.text(&generator, extra: round % 3 == 0 ? ["\n", "&amp;", "<skipped>", "-\n", "1.,2", ".,.", "5..", "a,,b"] : [])
            #expect(Tokenizer13a.tokens(text) == Self.regexTokens(text), "round \(round): \(text.debugDescription)")
        }
    }

    /// sacreBLEU's 13a as it is written: the replacements, then its four regular expressions over
    /// the padded line one after another (ICU's, which substitute left to right without overlaps as
    /// Python's `re.sub` does), split at white space.
    private static func regexTokens(_ text: String) -> [String] {
        var line = text.replacingOccurrences(of: "<skipped>", with: "").replacingOccurrences(of: "-\n", with: "")
            .replacingOccurrences(of: "\n", with: " ")
        if line.contains("&") {
            line = line.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        }
        line = " " + line + " "
        for (pattern, template) in rules {
            let regex = try! NSRegularExpression(pattern: pattern)
            line = regex.stringByReplacingMatches(in: line, range: NSRange(line.startIndex..., in: line), withTemplate: template)
        }
        let utf8 = Array(line.utf8)
        return PythonText.split(utf8).map { String(decoding: utf8[$0], as: UTF8.self) }
    }

    private static let rules = [(#"([\{-\~\[-\` -\&\(-\+\:-\@\/])"#, " $1 "), (#"([^0-9])([\.,])"#, "$1 $2 "),
                                (#"([\.,])([^0-9])"#, " $1 $2"), (#"([0-9])(-)"#, "$1 $2 ")]

    /// Rule 1's marks (as `Tokenizer13a.separated`).
    private static let separated: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "{|}~[\\]^_` !\"#$%&()*+:;<=>?@/".utf8 { table[Int(byte)] = true }
        return table
    }()

    @Test("The texts said to have 13a tokens that are chrF++'s words have them; no others but beside two stops or a replacement")
    func tokensAreWords() {
        var generator = SplitMix(seed: 1202)
        var agreeing = 0
        for round in 0..<4000 {
            let text = Self.text(&generator, extra: round % 4 == 0 ? ["\n", "&amp;", "<skipped>", "-\n", "a-\nb", "\n\n"] : [])
            let said = Tokenizer13a.tokensAreCharacterFScoreWords(MetricText(text))
            let tokens = Tokenizer13a.words(MetricText(text)), words = CharacterFScore.words(MetricText(text))
            let same = tokens.strings == words.strings && tokens.ranges == words.ranges
            if said {
                agreeing += 1
                #expect(same, "round \(round): \(text)")
            }
            let plain = !text.contains("..") && !text.contains(".,") && !text.contains(",.") && !text.contains(",,")
                && !text.contains("-\n") && !text.contains("&") && !text.contains("<")
            if plain && same { #expect(said, "round \(round): \(text)") }
        }
        #expect(agreeing > 200)
    }

    @Test("BLEU from chrF++'s kept matches is BLEU reading both texts; chrF's scores are unchanged")
    func scores() {
        var generator = SplitMix(seed: 1203)
        let bleu = SentenceBLEU()
        let variants: [[CharacterFScore]] = [[.chrF, .chrFPlusPlus], [.chrFPlusPlus], [CharacterFScore(charOrder: 3, wordOrder: 4, beta: 1)],
                                             [CharacterFScore(charOrder: 6, wordOrder: 1, beta: 2)]]
        var kept = 0
        for round in 0..<3000 {
            let words = ["the", "cat", "sat", "on", "mat", "a", "dog", "1,000", "U.S.", "end.", "(hi)", "x-", "5-", "'s", "é", "Ω"]
            let source = (0..<Int.random(in: 0...14, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            var versionWords = source.split(separator: " ").map(String.init)
            for _ in 0..<Int.random(in: 0...4, using: &generator) where !versionWords.isEmpty {
                versionWords[Int.random(in: 0..<versionWords.count, using: &generator)] = words.randomElement(using: &generator)!
            }
            let version = Bool.random(using: &generator) ? versionWords.joined(separator: " ") : Self.text(&generator)
            let metrics = variants[round % variants.count]
            let hypothesis = MetricText(version), reference = MetricText(source)
            var fast = [Double](repeating: -1, count: metrics.count), plain = fast
            CharacterFScore.forEachScore(metrics, hypothesis: hypothesis, reference: reference) { fast[$0] = $1 }
            if hypothesis.characterFScoreWordMatches(against: reference) != nil { kept += 1 }
            #expect(hypothesis.characterFScoreWordMatches(against: MetricText(source)) == nil)
            #expect(bleu.score(hypothesis: hypothesis, reference: reference)
                        == bleu.scoreReadingBoth(hypothesis: MetricText(version), reference: MetricText(source)), "round \(round): \(version) | \(source)")
            // Each variant alone, on texts of its own (the word matches' lower orders are the same
            // counted to order 4 or not: `longerOrders`).
            for (index, metric) in metrics.enumerated() { plain[index] = metric.score(hypothesis: version, reference: source) }
            #expect(fast == plain, "round \(round): \(version) | \(source)")
        }
        #expect(kept > 100)
    }

    @Test("The marks found eight bytes at a time are Python's punctuation, byte by byte")
    func punctuationBits() {
        let punctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".utf8)
        var generator = SplitMix(seed: 1205)
        for round in 0..<20000 {
            var bytes = (0..<8).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes[round % 8] = UInt8(truncatingIfNeeded: round / 8)
            var chunk: UInt64 = 0
            for (index, byte) in bytes.enumerated() { chunk |= UInt64(byte) << UInt64(8 * index) }
            let bits = Tokenizer13a.punctuationBits(chunk)
            for (index, byte) in bytes.enumerated() {
                #expect((bits >> UInt64(8 * index + 7)) & 1 == (punctuation.contains(byte) ? 1 : 0), "byte \(byte)")
            }
            #expect(bits & ~0x8080_8080_8080_8080 == 0)
        }
    }

    @Test("Word matches counted to order 4 hold those counted to a lower order")
    func longerOrders() {
        var generator = SplitMix(seed: 1204)
        for _ in 0..<3000 {
            let alphabet = Int.random(in: 1...6, using: &generator)
            let hyp = generator.words(0...20, of: 0...UInt32(alphabet - 1)), ref = generator.words(0...20, of: 0...UInt32(alphabet - 1))
            let four = SharedNGramGroups.matchLanes(hyp, ref, alphabetSize: alphabet, maximumOrder: 4)
            for order in 1...3 {
                let lower = SharedNGramGroups.matchLanes(hyp, ref, alphabetSize: alphabet, maximumOrder: order)
                for lane in 0..<order { #expect(lower[lane] == four[lane]) }
            }
        }
    }
}
