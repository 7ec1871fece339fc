@testable import MTAudit
import Testing

/// The metrics read a text prepared once (`MetricText`): its words at white space are shared by the
/// tokenizers, the source's forms by every version, and 13a's rules run as one chain that reports
/// where spaces fall. Each must give what the plain computations give, on texts made to hit the
/// cases (marks, digits, entities, line breaks, capitals, white space and letters beyond ASCII).
@Suite("Prepared metric texts")
struct MetricTextTests {
    static let pieces = ["The", "the", "CAT", "cat", "3", "5", "12", ".", ",", "-", "--", "(", ")", "\"", "'", "'s", "&amp;",
                         "&quot;", "&lt;", "&gt;", "&", "<skipped>", "<", "\n", "-\n", "3.5", "4-5", "a.b", "x,y", "1,000",
                         "/", "$", "%", "!", "?", ":", "é", "É", "Straße", "naïve", "e\u{301}", "\u{301}", "\u{A0}", "\u{3000}",
                         "\u{2019}", "\u{2014}", "\u{201C}", "Σ", "ΟΔΟΣ", "İ", "東京", "\u{1F600}", "ﬁ"]
    static let separators = ["", " ", " ", " ", "  ", "\t", "\u{2003}"]

    static func text(_ generator: inout SplitMix) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...14, using: &generator) {
            text += separators.randomElement(using: &generator)! + pieces.randomElement(using: &generator)!
        }
        return text
    }

    /// A text of long words with a mark now and then: the chain of 13a's rules runs on windows apart.
    static func sparseText(_ generator: inout SplitMix) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...30, using: &generator) {
            text += Int.random(in: 0..<5, using: &generator) == 0 ? pieces.randomElement(using: &generator)!
                : ["internationally", "Grundstücksverkehr", "2026", "abcdefgh", "Straße", "x", "résumé"].randomElement(using: &generator)!
            text += separators.randomElement(using: &generator)!
        }
        return text
    }

    @Test("TER's shift search, skipping candidates whose gain cannot make them the best, counts the edits the plain search does")
    func editRateShiftPruning() {
        var generator = SplitMix(seed: 8)
        for round in 0..<3000 {
            // Few distinct words, so that many runs match and many shifts are candidates; some
            // references beyond 64 words or far longer than the hypothesis, for the beam's matrix.
            let vocabulary = UInt32.random(in: 1...6, using: &generator)
            let longest = round % 10 == 0 ? 90 : 30
            let ref = (0..<Int.random(in: 0...longest, using: &generator)).map { _ in UInt32.random(in: 0..<vocabulary, using: &generator) }
            var hyp = ref.shuffled(using: &generator)
            hyp = Array(hyp.prefix(Int.random(in: 0...hyp.count, using: &generator)))
            hyp += (0..<Int.random(in: 0...8, using: &generator)).map { _ in UInt32.random(in: 0..<vocabulary + 2, using: &generator) }
            let pruned = TranslationEditRate.editsAndLength(hyp, ref)
            let plain = TranslationEditRate.editsAndLength(hyp, ref, prunes: false)
            #expect(pruned == plain, "\(hyp) \(ref)")
        }
    }

    @Test("13a's chain of rules, in windows around the marks, cuts the tokens its passes make")
    func tokenizer13a() {
        var generator = SplitMix(seed: 13)
        for round in 0..<8000 {
            let text = round % 2 == 0 ? Self.text(&generator) : Self.sparseText(&generator)
            #expect(Tokenizer13a.tokens(text) == Tokenizer13aByPasses.tokens(text), "\(text.debugDescription)")
            // The windows cut where the chain over the whole line does (less rule 1's marks).
            let line = Array(text.utf8)
            let windows = Set(line.withUnsafeBufferPointer(Tokenizer13a.ruleCuts))
            for cut in line.withUnsafeBufferPointer(Tokenizer13a.chainCuts) where cut > 0 && cut < line.count {
                let marks = "{|}~[\\]^_` !\"#$%&()*+:;<=>?@/".utf8
                #expect(windows.contains(cut) || marks.contains(line[cut - 1]) || marks.contains(line[cut]), "\(text.debugDescription) \(cut)")
            }
        }
    }

    @Test("Words at white space as Python splits: runs of scalars that are not white space")
    func split() {
        var generator = SplitMix(seed: 23)
        for _ in 0..<3000 {
            var text = Self.text(&generator)
            // Every ASCII control and separator now and then.
            if Bool.random(using: &generator) { text.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0...0x7F, using: &generator))) }
            var expected: [String] = [], word = ""
            for scalar in text.unicodeScalars {
                if PythonText.isSpace(scalar) {
                    if !word.isEmpty { expected.append(word) }
                    word = ""
                } else {
                    word.unicodeScalars.append(scalar)
                }
            }
            if !word.isEmpty { expected.append(word) }
            let words = PythonText.words(Array(text.utf8))
            #expect(words.count == expected.count && zip(words, expected).allSatisfy { Array($0.utf8) == Array($1.utf8) },
                    "\(text.debugDescription)")
        }
        for value in UInt8(0)...0x7F {
            #expect(PythonText.words(Array("a\(Character(Unicode.Scalar(value)))b".utf8)).count == (PythonText.isSpace(Unicode.Scalar(value)) ? 2 : 1))
        }
    }

    @Test("A scalar that does not change when lowercased is its own lowercase mapping, as TER's words assume: every scalar")
    func lowercaseMappings() {
        var unchanged = 0
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), !scalar.properties.changesWhenLowercased else { continue }
            unchanged += 1
            #expect(scalar.properties.lowercaseMapping == String(scalar), "U+\(String(value, radix: 16))")
        }
        #expect(unchanged > 1_000_000)
    }

    @Test("TER's and chrF++'s words from the shared words at white space")
    func words() {
        var generator = SplitMix(seed: 7)
        let punctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".utf8)
        for _ in 0..<3000 {
            let text = Self.text(&generator)
            #expect(TranslationEditRate.words(MetricText(text)).strings == PythonText.words(Array(text.lowercased().utf8)),
                    "\(text.debugDescription)")
            let expected = PythonText.words(Array(text.utf8)).flatMap { word -> [String] in
                let utf8 = Array(word.utf8)
                if utf8.count == 1 { return [word] }
                if punctuation.contains(utf8.last!) { return [String(decoding: utf8.dropLast(), as: UTF8.self), String(decoding: [utf8.last!], as: UTF8.self)] }
                if punctuation.contains(utf8.first!) { return [String(decoding: [utf8.first!], as: UTF8.self), String(decoding: utf8.dropFirst(), as: UTF8.self)] }
                return [word]
            }
            #expect(CharacterFScore.words(MetricText(text)).strings == expected, "\(text.debugDescription)")
        }
    }

    @Test("chrF's characters: the scalars other than white space, each distinct one numbered alike")
    func characters() {
        var generator = SplitMix(seed: 3)
        for _ in 0..<2000 {
            let reference = Self.text(&generator), hypothesis = Self.text(&generator)
            let prepared = MetricText(reference)
            var numbering = prepared.numberedCharacters.numbering
            // A hypothesis numbered on from the reference's numbering, which is left as it was (as
            // chrF numbers it), and as the numbering taking it in numbers it.
            let continued = numbering.idsContinued(MetricText(hypothesis))
            let ids = prepared.numberedCharacters.ids + numbering.ids(MetricText(hypothesis))
            #expect(continued.ids == Array(ids.dropFirst(prepared.numberedCharacters.ids.count)) && continued.count == numbering.count)
            let scalars = (reference.unicodeScalars + hypothesis.unicodeScalars).filter { !PythonText.isSpace($0) }
            #expect(ids.count == scalars.count)
            var idOf: [Unicode.Scalar: UInt32] = [:], scalarOf: [UInt32: Unicode.Scalar] = [:]
            for (id, scalar) in zip(ids, scalars) {
                #expect(idOf[scalar, default: id] == id && scalarOf[id, default: scalar] == scalar)
                idOf[scalar] = id
                scalarOf[id] = scalar
            }
            #expect(numbering.count == idOf.count && ids.allSatisfy { Int($0) < numbering.count })
        }
    }

    @Test("A reference's words numbered once, and each hypothesis's going on from them, tell words apart as numbering both at once does")
    func wordVocabulary() {
        var generator = SplitMix(seed: 21)
        for round in 0..<2000 {
            let reference = round % 2 == 0 ? Self.text(&generator) : Self.sparseText(&generator)
            let hypothesis = round % 3 == 0 ? Self.sparseText(&generator) : Self.text(&generator)
            let pairs = [(Tokenizer13a.words(MetricText(reference)), Tokenizer13a.words(MetricText(hypothesis))),
                         (TranslationEditRate.words(reference), TranslationEditRate.words(hypothesis)),
                         (CharacterFScore.words(reference), CharacterFScore.words(hypothesis))]
            for (ofReference, ofHypothesis) in pairs {
                let vocabulary = WordVocabulary(ofReference)
                let continued = vocabulary.ids(continuing: ofHypothesis)
                let both = WordNumbering.ids(ofHypothesis, ofReference)
                #expect(continued.count == both.count && continued.hypothesis.count == both.a.count && continued.reference.count == both.b.count)
                // The same words equal: each number of one numbering stands for one number of the other.
                var numberOf: [UInt32: UInt32] = [:], back: [UInt32: UInt32] = [:]
                for (new, old) in zip(continued.hypothesis + continued.reference, both.a + both.b) {
                    #expect(numberOf[new, default: old] == old && back[old, default: new] == new,
                            "\(hypothesis.debugDescription) \(reference.debugDescription)")
                    numberOf[new] = old
                    back[old] = new
                }
                #expect((continued.hypothesis + continued.reference).allSatisfy { Int($0) < continued.count })
                // Where the words compare by bytes, the reference's come first.
                #expect(!(ofReference.comparesByBytes && ofHypothesis.comparesByBytes)
                        || continued.reference.allSatisfy { Int($0) < vocabulary.count })
            }
        }
    }

    @Test("A reference whose forms a memo keeps scores every hypothesis as a fresh one does, whether its text made them or an earlier one")
    func sharedReference() {
        var generator = SplitMix(seed: 17)
        let chrFs = [CharacterFScore.chrF, CharacterFScore.chrFPlusPlus]
        for _ in 0..<300 {
            let reference = Self.text(&generator)
            let memo = Memo()
            for _ in 0..<3 {
                // A text of its own for each hypothesis, as each line of a feed makes, reading the one memo.
                let shared = MetricText(reference, sharedIn: memo)
                let hypothesis = Self.text(&generator)
                let fresh = MetricText(reference)
                #expect(CharacterFScore.scores(chrFs, hypothesis: MetricText(hypothesis), reference: shared)
                        == CharacterFScore.scores(chrFs, hypothesis: MetricText(hypothesis), reference: fresh))
                #expect(SentenceBLEU().score(hypothesis: MetricText(hypothesis), reference: shared)
                        == SentenceBLEU().score(hypothesis: MetricText(hypothesis), reference: fresh))
                #expect(TranslationEditRate().score(hypothesis: MetricText(hypothesis), reference: shared)
                        == TranslationEditRate().score(segments: [(hypothesis, reference)]),
                        "\(hypothesis.debugDescription) \(reference.debugDescription)")
            }
        }
    }

    @Test("A reference prepared once scores every hypothesis as a fresh one does, whichever metric reads it first")
    func preparedReference() {
        var generator = SplitMix(seed: 11)
        let chrFs = [CharacterFScore.chrF, CharacterFScore.chrFPlusPlus]
        for _ in 0..<400 {
            let reference = Self.text(&generator)
            let prepared = MetricText(reference)
            for _ in 0..<4 {
                let hypothesis = Self.text(&generator)
                let version = MetricText(hypothesis)
                var scores: [String: Double] = [:]
                let order = [0, 1, 2].shuffled(using: &generator)
                for metric in order {
                    switch metric {
                    case 0:
                        let both = CharacterFScore.scores(chrFs, hypothesis: version, reference: prepared)
                        (scores["chrF"], scores["chrF++"]) = (both[0], both[1])
                    case 1: scores["BLEU"] = SentenceBLEU().score(hypothesis: version, reference: prepared)
                    default: scores["TER"] = TranslationEditRate().score(hypothesis: version, reference: prepared)
                    }
                }
                let fresh = CharacterFScore.scores(chrFs, hypothesis: MetricText(hypothesis), reference: MetricText(reference))
                #expect(scores["chrF"] == fresh[0] && scores["chrF++"] == fresh[1], "\(hypothesis.debugDescription) \(reference.debugDescription)")
                #expect(scores["chrF"] == CharacterFScore.chrF.score(hypothesis: hypothesis, reference: reference))
                #expect(scores["BLEU"] == SentenceBLEU().score(hypothesis: hypothesis, reference: reference))
                #expect(scores["TER"] == TranslationEditRate().score(segments: [(hypothesis, reference)]),
                        "\(hypothesis.debugDescription) \(reference.debugDescription)")
            }
        }
    }
}

/// sacreBLEU's 13a as it was written before the chain: one pass per rule into a buffer, then the
/// buffer split at white space.
private enum Tokenizer13aByPasses {
    /// Marks split off on both sides: { | } ~ [ \ ] ^ _ ` space ! " # $ % & ( ) * + : ; < = > ? @ /
    private static let separated: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "{|}~[\\]^_` !\"#$%&()*+:;<=>?@/".utf8 { table[Int(byte)] = true }
        return table
    }()

    private static let space = UInt8(ascii: " "), fullStop = UInt8(ascii: "."), comma = UInt8(ascii: ","),
                       dash = UInt8(ascii: "-")

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isFullStopOrComma(_ byte: UInt8) -> Bool { byte == fullStop || byte == comma }

    /// The tokens, from the line tokenized pass after pass.
    static func tokens(_ text: String) -> [String] {
        var line = Array(text.utf8)
        // sacreBLEU's replacements, one after another (Python's `str.replace`: literal, left to right).
        line = replacing(line, "<skipped>", with: "")
        line = replacing(line, "-\n", with: "")
        line = replacing(line, "\n", with: " ")
        if line.contains(UInt8(ascii: "&")) {
            line = replacing(line, "&quot;", with: "\"")
            line = replacing(line, "&amp;", with: "&")
            line = replacing(line, "&lt;", with: "<")
            line = replacing(line, "&gt;", with: ">")
        }
        // 1. Separate the marks above, in the line padded with a space at both ends.
        var out: [UInt8] = []
        out.reserveCapacity(line.count * 2 + 2)
        out.append(space)
        for byte in line {
            if separated[Int(byte)] {
                out.append(space); out.append(byte); out.append(space)
            } else {
                out.append(byte)
            }
        }
        out.append(space)
        var scratch: [UInt8] = []
        // 2. A full stop or comma after a non-digit: `([^0-9])([\.,])` → `\1 \2 `.
        rewrite(&out, &scratch) { a, b in !isDigit(a) && isFullStopOrComma(b) ? .spaceBetweenAndAfter : nil }
        // 3. A full stop or comma before a non-digit: `([\.,])([^0-9])` → ` \1 \2`.
        rewrite(&out, &scratch) { a, b in isFullStopOrComma(a) && !isDigit(b) ? .spaceBeforeAndBetween : nil }
        // 4. A dash after a digit: `([0-9])(-)` → `\1 \2 `.
        rewrite(&out, &scratch) { a, b in isDigit(a) && b == dash ? .spaceBetweenAndAfter : nil }
        return PythonText.words(out)
    }

    /// `bytes` with every occurrence of `target` replaced, left to right and without overlaps.
    private static func replacing(_ bytes: [UInt8], _ target: String, with replacement: String) -> [UInt8] {
        guard let first = target.utf8.first, bytes.contains(first) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == first && bytes[index...].starts(with: target.utf8) {
                out.append(contentsOf: replacement.utf8)
                index += target.utf8.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// Where a rule puts spaces around the two characters it matched.
    private enum Spacing { case spaceBetweenAndAfter, spaceBeforeAndBetween }

    /// One regular-expression pass over pairs of bytes, left to right and without overlaps, as
    /// Python's `re.sub` makes it; `scratch` is the buffer the result is written to, swapped in.
    private static func rewrite(_ bytes: inout [UInt8], _ scratch: inout [UInt8], _ rule: (UInt8, UInt8) -> Spacing?) {
        scratch.removeAll(keepingCapacity: true)
        scratch.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            if index + 1 < bytes.count, let spacing = rule(bytes[index], bytes[index + 1]) {
                let (a, b) = (bytes[index], bytes[index + 1])
                switch spacing {
                case .spaceBetweenAndAfter: scratch.append(a); scratch.append(space); scratch.append(b); scratch.append(space)
                case .spaceBeforeAndBetween: scratch.append(space); scratch.append(a); scratch.append(space); scratch.append(b)
                }
                index += 2
            } else {
                scratch.append(bytes[index])
                index += 1
            }
        }
        swap(&bytes, &scratch)
    }
}
