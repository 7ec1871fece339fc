import Foundation
@testable import MTAudit
import MTAuditText
import Testing

/// The shortcuts the detectors take over Unicode's property tables and over strings must answer as
/// the tables and the strings do.
@Suite("Detector support shortcuts")
struct DetectorSupportTests {
    @Test("ASCII case and letter shortcuts answer as the Unicode properties do, for every ASCII scalar and some others")
    func scalarProperties() {
        let others: [UInt32] = [0xAA, 0xBA, 0xC0, 0xDF, 0xE9, 0x130, 0x1C5, 0x2B0, 0x391, 0x3B1, 0x410, 0x5D0, 0x4E00, 0x2160, 0x24B6, 0x1D400]
        for value in Array(0..<0x80) + others {
            let scalar = Unicode.Scalar(value)!
            #expect(scalar.hasUppercaseProperty == scalar.properties.isUppercase, "\(value)")
            #expect(scalar.hasLowercaseProperty == scalar.properties.isLowercase, "\(value)")
            #expect(scalar.hasAlphabeticProperty == scalar.properties.isAlphabetic, "\(value)")
        }
    }

    @Test("Word pairs found by walking the tokens are the pairs the table holds, first occurrence first")
    func wordPairsWalkedAsTabled() throws {
        let segmenter = try Segmenter()
        let first = Document(id: "a", text: "Mr. Brennan met Lord Ashby, Mr. Brennan said. The harbour-master spoke; mr brennan left. Zoë Ng waved", segmenter: segmenter)
        let second = Document(id: "b", text: "Lord Ashby—Mr Brennan. Naïve Zoë ng.", segmenter: segmenter)
        // Every pair of neighbouring keys, across sentences too, and some that are none.
        var keys: [String] = []
        for document in [first, second] {
            let words = document.tokens.filter(\.isWordLike)
            for (a, b) in zip(words, words.dropFirst()) { keys += [a.key + " " + b.key, b.key + " " + a.key] }
        }
        keys += ["", " ", "mr", "mr brennanx", "ashby mr", "zoë ng", "zoe ng", "lord  ashby"]
        // The first look-ups walk the tokens; later ones, more than the walks allowed, read the table.
        let vocabulary = Vocabulary([first, second])
        let walked = keys.map { vocabulary.pairs[$0] }
        let tabled = keys.map { vocabulary.pairs[$0] }
        #expect(walked.count > 16 && walked == tabled)
        #expect(vocabulary.pairs["mr brennan"] == "Mr. Brennan")
        #expect(vocabulary.pairs["ashby mr"] == "Ashby, Mr")
    }

    @Test("A token's scalar count and ASCII test agree with its text")
    func tokenShape() throws {
        let text = "Café ﬁne naïve e\u{301}tude 東京で会議 😀👍🏽 Ω-ohm \r\n Straße's U.S. résumé"
        let document = Document(id: "t", text: text, segmenter: try Segmenter())
        #expect(!document.tokens.isEmpty)
        for token in document.tokens {
            #expect(token.scalarCount == token.text.unicodeScalars.count, "\(token.text)")
            #expect(token.isASCII == token.text.utf8.allSatisfy { $0 < 0x80 }, "\(token.text)")
        }
    }

    /// The Levenshtein distance by the full table, as the similarity measured it before.
    static func tableDistance(_ x: [UInt8], _ y: [UInt8]) -> Int {
        var row = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var diagonal = row[0]
            row[0] = i
            for j in 1...max(1, y.count) where !y.isEmpty {
                let above = row[j]
                row[j] = min(above + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1))
                diagonal = above
            }
        }
        return x.isEmpty ? y.count : row[y.count]
    }

    @Test("The bit-vector distance of ASCII words equals the full table's, and similarity the table's score")
    func bitVectorDistance() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let alphabet = Array("abcdeXY'.-".utf8).prefix(Int.random(in: 1...10, using: &generator))
            let m = Int.random(in: 1...70, using: &generator), n = Int.random(in: 1...70, using: &generator)
            let x = (0..<m).map { _ in alphabet.randomElement(using: &generator)! }
            let y = (0..<n).map { _ in alphabet.randomElement(using: &generator)! }
            let expected = Self.tableDistance(x, y)
            if m <= 64 {
                x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in
                    #expect(NameRuns.asciiDistance(x, y) == expected, "\(x) \(y)")
                } }
            }
            let a = String(decoding: x, as: UTF8.self), b = String(decoding: y, as: UTF8.self)
            let score = 1 - Double(expected) / Double(max(m, n))
            #expect(NameRuns.similarity(a, b) == score, "\(a) \(b)")
            #expect(NameRuns.similarity(b, a) == score, "\(b) \(a)")
        }
        #expect(NameRuns.similarity("", "abc") == 0)
        for word in ["", "abc", "Zürich", "東京", "e\u{301}", "😀👍🏽", "naïve's", String(repeating: "ß", count: 40)] {
            #expect(TokenAligner.scalarCount(word) == word.unicodeScalars.count, "\(word)")
        }
        #expect(NameRuns.similarity("Zürich", "zurich") == NameRuns.similarity(Array("Zürich".unicodeScalars.map(\.value)), Array("zurich".unicodeScalars.map(\.value))))
    }

    @Test("A key's base strips the marks of Latin letters as normalizing the key does")
    func latinBases() {
        var keys = (0x80..<0x180).map { String(Character(Unicode.Scalar(UInt32($0))!)) }
        keys += keys.map { "a\($0)b" }
        var generator = SplitMix(seed: 29)
        let pieces = ["a", "Z", "é", "e\u{301}", "ß", "ł", "ĳ", "ø", "\u{308}", "ж", "ő", "Å", "\u{17F}", "\u{180}", "ǎ", "-"]
        for _ in 0..<2000 {
            keys.append((0..<Int(generator.next() % 6 + 1)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        for key in keys where !key.contains(".") && !key.hasSuffix("'s") {
            #expect(Array(base(key).utf8) == Array(Normalizer.strippingMarks(key).utf8), "\(key)")
        }
    }

    @Test("A language's first subtag is the first piece between hyphens that is not empty, in lower case")
    func subtags() {
        for tag in ["en", "EN-gb", "zh-Hant-TW", "", "-", "--", "-fr", "--De-AT", "und", "x-", "sr-Latn-", "é-x"] {
            let expected = tag.split(separator: "-").first.map { $0.lowercased() } ?? "und"
            #expect(Comparability.subtag(tag) == expected, "\(tag)")
        }
    }

    @Test("Every key of the lexicons' form starts and number words has its bit set in its filter")
    func formStartFilter() {
        // The filter hashes bytes: equal keys, however made, have one slot.
        #expect(KeyFilter.slot("united") == KeyFilter.slot(String("xunited".dropFirst())))
        for language in ["en", "fr", "de", "zh", "ja", "und"] {
            let starts = FormStarts.of(.builtIn, language: language)
            #expect(starts.filteredOut().isEmpty, "\(language)")
            #expect(NumberWords.cached(.builtIn, language: language).filteredOut().isEmpty, "\(language)")
        }
        let filter = KeyFilter(["a", "bb", "ccc"])
        #expect(["a", "bb", "ccc"].allSatisfy(filter.mayContain))
        #expect(!KeyFilter([]).mayContain("a"))
    }

    /// Every fixed memo key takes a number for good, and a memo's array reaches the highest number
    /// asked of it: form starts made for endless language tags (past the lexicons' cache of 256)
    /// must not make a key each, and their mentions must be found all the same.
    @Test("Form starts for endless language tags make at most a bounded number of memo keys")
    func formStartKeysBounded() throws {
        let segmenter = try Segmenter()
        let document = Document(id: "d", text: "The United Kingdom and the United Nations met in Paris.", language: "en", segmenter: segmenter)
        let expected = FormStarts.of(.builtIn, language: "en").mentions(in: document)
        let before = MemoKey("probe").number
        for index in 0..<(2 * FormStarts.memoKeyLimit + 50) {
            let starts = FormStarts.of(.builtIn, language: "q\(index)")
            _ = starts.mentions(in: Document(id: "d", text: "A text.", language: "q\(index)", segmenter: segmenter))
        }
        // Other suites, running at once, make fixed keys of their own: a few dozen at most.
        #expect(MemoKey("probe").number - before <= FormStarts.memoKeyLimit + 64)
        // Made again past every cache, the starts of a language find the same mentions.
        let fresh = Document(id: "d", text: document.text, language: "en", segmenter: segmenter)
        #expect(FormStarts.of(.builtIn, language: "en").mentions(in: fresh).map(\.count) == expected.map(\.count))
    }

    @Test("Broken sentences skip Foundation's search only where it finds nothing")
    func byteSearchBeforeFoundation() throws {
        var generator = SplitMix(seed: 17)
        let segmenter = try Segmenter()
        let pieces = ["a", "b", "K", ";", "`", ".", " ", ". ", "No", "é", "e\u{301}", "e", "\u{212A}", "\u{37E}", "\u{1FEF}", "\u{300}", "\r\n", "\u{AD}"]
        let words = ["a", "b", "K", ";", "`", "No", "e", "ab"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let source = Document(id: "s", text: text, segmenter: segmenter)
            let before = words.randomElement(using: &generator)!, after = words.randomElement(using: &generator)!
            let may = BrokenSentenceDetector.mayContain(source, before: before, after: after,
                                                        sourceHasASCIITwins: BrokenSentenceDetector.hasASCIITwins(text))
            #expect(may || !text.contains(before + ". " + after), "\(text.debugDescription) \(before) \(after)")
        }
        let twin = Document(id: "s", text: "No. \u{212A} here", segmenter: segmenter)
        #expect(BrokenSentenceDetector.mayContain(twin, before: "No", after: "K", sourceHasASCIITwins: true))
        #expect("No. \u{212A} here".contains("No. K"))
    }

    @Test("Broken sentences' index of a source's stops finds what a search of the whole source finds")
    func stopIndexAgreesWithSearch() throws {
        var generator = SplitMix(seed: 19)
        let segmenter = try Segmenter()
        let pieces = ["a", "b", "No", "one", ".", ". ", " ", "é", "\u{212A}", "x. y", "..", "\n"]
        let words = ["a", "b", "No", "one", "ab", "o", "é", "K"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let source = Document(id: "s", text: text, segmenter: segmenter)
            for _ in 0..<4 {
                let before = words.randomElement(using: &generator)!, after = words.randomElement(using: &generator)!
                let needle = before + ". " + after
                let twins = BrokenSentenceDetector.hasASCIITwins(text)
                // The plain answer: a non-ASCII needle may always match; an ASCII one where its bytes
                // are in the text or a character of the text decomposes to ASCII.
                let bytes = Array(text.utf8), needleBytes = Array(needle.utf8)
                let found = bytes.withUnsafeBufferPointer { haystack in
                    needleBytes.withUnsafeBufferPointer { BrokenSentenceDetector.bytes(haystack, contain: $0) }
                }
                let plain = !needleBytes.allSatisfy { $0 < 0x80 } || found || twins
                #expect(BrokenSentenceDetector.mayContain(source, before: before, after: after, sourceHasASCIITwins: twins) == plain,
                        "\(text.debugDescription) \(before) \(after)")
            }
        }
        let source = Document(id: "s", text: "The No. one spot. Then no. 2", segmenter: segmenter)
        #expect(BrokenSentenceDetector.mayContain(source, before: "No", after: "one", sourceHasASCIITwins: false))
        #expect(BrokenSentenceDetector.mayContain(source, before: "o", after: "on", sourceHasASCIITwins: false))
        #expect(!BrokenSentenceDetector.mayContain(source, before: "No", after: "2", sourceHasASCIITwins: false))
        #expect(BrokenSentenceDetector.mayContain(source, before: "spot", after: "Then", sourceHasASCIITwins: false))
        #expect(!BrokenSentenceDetector.mayContain(source, before: "spot", after: "then", sourceHasASCIITwins: false))
        #expect(!BrokenSentenceDetector.mayContain(Document(id: "s", text: "The No. 1 spot", segmenter: segmenter),
                                                   before: "No", after: "one", sourceHasASCIITwins: false))
    }

    @Test("A lexicon form's pieces: ASCII forms by their bytes as others by their characters")
    func formPieces() {
        func slow(_ form: String) -> [String] {
            form.split(whereSeparator: { $0.isWhitespace || "-‐–—".contains($0) }).compactMap { piece in
                var text = String(piece)
                while text.hasSuffix(".") { text.removeLast() }
                return text.isEmpty ? nil : text
            }
        }
        var generator = SystemRandomNumberGenerator()
        let parts = ["U", "S", ".", "-", " ", "\t", "\r\n", "\n", "Lt", "Gen", "..", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "a"]
        for _ in 0..<5_000 {
            let form = (0..<Int.random(in: 0...8, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined()
            #expect(LexiconPhrases.pieces(form) == slow(form), "\(form.debugDescription)")
        }
        // Outside ASCII, with scalars that join their neighbours into one character (combining marks,
        // a prepended sign, a joiner, a spacing mark) and some that never do (cased letters).
        let wide = ["Ж", "ж", "é", "e\u{301}", "\u{301}", "\u{600}", "\u{200D}", "\u{E33}", "中", "\u{3000}", "\u{A0}",
                    "–", "—", "‐", ".", " ", "-", "\r\n", "a", "ǅ", "\u{FF9E}"]
        for _ in 0..<20_000 {
            let form = (0..<Int.random(in: 1...8, using: &generator)).map { _ in wide.randomElement(using: &generator)! }.joined()
            #expect(LexiconPhrases.pieces(form) == slow(form), "\(form.debugDescription)")
        }
        for form in ["Secretary-General", "Lt. Gen.", "U.S.", "Côte d’Ivoire", "Sino–", "a\u{A0}b", "x\u{2028}y",
                     "Соединённые Штаты", "Кот-д’Ивуар", "Ж.\u{301} ж"] {
            #expect(LexiconPhrases.pieces(form) == slow(form), "\(form)")
        }
    }

    @Test("The aligner's numbering gives each new key the next number and a known key its own")
    func numbering() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var numbering = TokenAligner.Numbering(capacity: Int.random(in: 0...4, using: &generator))
            var expected: [String: Int] = [:]
            var order: [String] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                let key = "k\(Int.random(in: 0..<12, using: &generator))"
                if expected[key] == nil { expected[key] = order.count; order.append(key) }
                #expect(numbering.number(key) == expected[key])
            }
            #expect(numbering.keys == order)
        }
    }

    @Test("Quote altered: the scalars its switch takes for opening marks are exactly the pairs' openers")
    func quoteOpeners() {
        let disagreeing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { scalar in
            QuoteAlteredDetector.opensQuote(scalar) != QuoteAlteredDetector.pairs.contains { $0.open == scalar }
        }
        #expect(disagreeing.isEmpty, "\(disagreeing.map { String($0.value, radix: 16) })")
    }
}
