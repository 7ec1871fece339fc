@testable import MTAudit
import MTAuditText
import Testing

/// The twelfth session's fast paths of the name and entity rules, each checked against the plain
/// way on many generated inputs.
@Suite("Names 12: the entity rules' fast paths answer as the plain ways do")
struct Names12FastPathTests {
    /// Countries in several forms (names, adjectives, capitals, prefixes), a region, other names and
    /// common words.
    static let words = ["the", "talks", "on", "trade", "resumed", "in", "March", "minister", "flew", "to", "Canada", "Norway",
                        "France", "French", "Germany", "German", "Franco", "-", "Italian", "Italy", "China", "Beijing", "Chinese",
                        "US", "American", "Indo-Pacific", "Asia-Pacific", "Sino", "Japan", "Japanese", "Brazil", "Peru",
                        "Argentina", "Oslo", "Varga", "said", "and", "of", "Kremlin", "Russia", "Tehran", "Iran", "Mr", "Dr.", "Lt."]

    /// A source of a few sentences and a version made of it with words swapped, dropped or added (or
    /// another text), with other versions now and then.
    static func texts(_ random: inout SplitMix) -> (source: String, version: String, others: [String]) {
        func sentence() -> [String] { (0..<Int.random(in: 2...10, using: &random)).map { _ in words.randomElement(using: &random)! } }
        let source = (0..<Int.random(in: 1...3, using: &random)).map { _ in sentence() }
        func variant() -> [[String]] {
            if Int.random(in: 0..<6, using: &random) == 0 { return (0..<source.count).map { _ in sentence() } }
            return source.map { words -> [String] in
                var words = words
                for _ in 0..<Int.random(in: 0...3, using: &random) where !words.isEmpty {
                    let at = Int.random(in: 0..<words.count, using: &random)
                    switch Int.random(in: 0...2, using: &random) {
                    case 0: words[at] = Self.words.randomElement(using: &random)!
                    case 1: words.remove(at: at)
                    default: words.insert(Self.words.randomElement(using: &random)!, at: at)
                    }
                }
                return words
            }
        }
        func text(_ sentences: [[String]]) -> String {
            sentences.filter { !$0.isEmpty }.map { $0.joined(separator: " ") + "." }.joined(separator: " ")
        }
        let others = Int.random(in: 0..<4, using: &random) == 0 ? (0..<Int.random(in: 1...2, using: &random)).map { _ in text(variant()) } : []
        return (text(source), text(variant()), others)
    }

    /// Misplaced-entity's findings as the rule made them before its countries were read in place:
    /// a set of each mention's countries made for every test, and each sentence's mentions filtered
    /// from the text's.
    static func plainMisplaced(in context: DetectionContext) -> [(TextSpan, TextSpan?, String?)] {
        let found = LexiconPhrases.mentions(.countries, in: context)
        guard !found.version.isEmpty else { return [] }
        func countries(_ mention: LexiconPhrases.Mention, _ phrases: LexiconPhrases) -> Set<String> {
            mention.ids.filter { phrases.classes[$0] != "region" }
        }
        var known: Set<String> = []
        for mention in found.source { known.formUnion(countries(mention, found.sourcePhrases)) }
        for mentions in found.others {
            for mention in mentions { known.formUnion(mention.ids) }
        }
        let named = NameSubstitutions.pairs(in: context).map(\.version.span)
        var findings: [(TextSpan, TextSpan?, String?)] = []
        for index in context.version.sentences.indices {
            let inVersion = found.version.filter { $0.sentence == index }
            guard !inVersion.isEmpty, let sourceIndex = MisplacedEntityDetector.sourceSentence(of: index, in: context) else { continue }
            let inSource = found.source.filter { $0.sentence == sourceIndex }
            var here: Set<String> = []
            for mention in inVersion { here.formUnion(countries(mention, found.versionPhrases)) }
            var missing: [LexiconPhrases.Mention] = []
            var missingIDs: Set<String> = []
            for mention in inSource {
                let ids = countries(mention, found.sourcePhrases)
                guard !ids.isEmpty, ids.isDisjoint(with: here), ids.isDisjoint(with: missingIDs) else { continue }
                missing.append(mention)
                missingIDs.formUnion(ids)
            }
            for mention in inVersion {
                let ids = countries(mention, found.versionPhrases)
                guard !ids.isEmpty, !missing.isEmpty, ids.isDisjoint(with: known),
                      !named.contains(where: { $0.overlaps(mention.span) }) else { continue }
                let replaced = missing.removeFirst()
                findings.append((mention.span, replaced.span, context.source.text(of: replaced.span)))
            }
        }
        return findings
    }

    @Test("Misplaced-entity reads each mention's countries in place and finds what the plain way finds")
    func misplacedAsPlain() throws {
        let segmenter = try Segmenter()
        var random = SplitMix(seed: 12_001)
        var flagged = 0
        for _ in 0..<2000 {
            let (sourceText, versionText, otherTexts) = Self.texts(&random)
            func context() -> DetectionContext {
                let others = otherTexts.enumerated().map { Document(id: "o\($0.offset)", text: $0.element, language: "en", segmenter: segmenter) }
                return DetectionContext(source: Document(id: "s", text: sourceText, language: "en", segmenter: segmenter),
                                        version: Document(id: "v", text: versionText, language: "en", segmenter: segmenter),
                                        otherVersions: others)
            }
            let fast = MisplacedEntityDetector().findings(in: context())
            let plain = Self.plainMisplaced(in: context())
            #expect(fast.map(\.span.span) == plain.map(\.0), "\(sourceText) | \(versionText) | \(otherTexts)")
            #expect(fast.map { $0.sourceSpan?.span } == plain.map(\.1), "\(sourceText) | \(versionText) | \(otherTexts)")
            #expect(fast.map(\.suggestion) == plain.map(\.2), "\(sourceText) | \(versionText) | \(otherTexts)")
            if !fast.isEmpty { flagged += 1 }
        }
        // The generated texts reach the findings, not only the quick exits.
        #expect(flagged > 50)
    }

    @Test("A key's apostrophe is told a machine word at a time as the byte-by-byte search tells it")
    func apostropheAsSearch() {
        var random = SplitMix(seed: 12_002)
        let alphabet: [UInt8] = Array("abcdefghijklmnopqrstuvwxyz'.-&".utf8) + [0x26, 0x28, 0xA7, 0xC3, 0x80, 0xFF, 0x00, 0x01]
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...40, using: &random)
            let bytes = (0..<count).map { _ in alphabet.randomElement(using: &random)! }
            bytes.withUnsafeBufferPointer { buffer in
                #expect(FormStarts.containsApostrophe(buffer) == buffer.contains(0x27), "\(bytes)")
            }
        }
    }

    /// Whether two lists of mentions are the same, mention by mention.
    static func same(_ a: [LexiconPhrases.Mention], _ b: [LexiconPhrases.Mention]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.tokens == y.tokens && x.span == y.span && x.sentence == y.sentence && x.ids == y.ids && x.field == y.field
        }
    }

    @Test("A version with its source's text and tokens is given the source's mentions, which are its own")
    func sameTextMentions() throws {
        let segmenter = try Segmenter()
        let german = try Segmenter(locale: "de")
        var random = SplitMix(seed: 12_003)
        var shared = 0
        for round in 0..<1500 {
            let (sourceText, versionText, _) = Self.texts(&random)
            // Half the versions write the source's text; some in another language, or cut by another
            // language's segmenter.
            let text = round % 2 == 0 ? sourceText : versionText
            let language = round % 7 == 3 ? "de" : "en"
            let cutter = round % 11 == 5 ? german : segmenter
            let source = Document(id: "s", text: sourceText, language: "en", segmenter: segmenter)
            let version = Document(id: "v", text: text, language: language, segmenter: cutter)
            let context = DetectionContext(source: source, version: version)
            let plainVersion = Document(id: "v", text: text, language: language, segmenter: cutter)
            let starts = FormStarts.of(context.lexicons, language: LexiconPhrases.language(of: plainVersion, guess: Comparability.guessedLanguage(of: plainVersion)))
            let plain = starts.mentions(in: plainVersion)
            for (slot, kind) in FormStarts.structuredKinds.enumerated() {
                #expect(Self.same(LexiconPhrases.mentions(kind, in: context).version, plain[slot]), "\(kind): \(sourceText) | \(text)")
            }
            if LexiconPhrases.writesSameTokens(version, as: source) {
                shared += 1
                #expect(text == sourceText)
            }
        }
        #expect(shared > 300)
    }

    @Test("A source's name finder, kept with its document, is the one made for the context")
    func sourceFinderKept() throws {
        let segmenter = try Segmenter()
        var random = SplitMix(seed: 12_004)
        for _ in 0..<300 {
            let (sourceText, versionText, _) = Self.texts(&random)
            let source = Document(id: "s", text: sourceText, language: ["en", "und", "fr"].randomElement(using: &random)!, segmenter: segmenter)
            // The source read with versions of several languages, in turn, as lines that repeat it.
            for _ in 0..<4 {
                let language = ["en", "de", "und", "fr"].randomElement(using: &random)!
                let context = DetectionContext(source: source, version: Document(id: "v", text: versionText, language: language, segmenter: segmenter))
                let plain = NameRuns(document: source, languageGuess: context.sourceLanguageGuess, honorifics: NameRuns.honorificKeys(in: context))
                let kept = NameRuns.source(in: context)
                #expect(kept.language == plain.language && kept.isUsable == plain.isUsable)
                for index in source.sentences.indices {
                    #expect(kept.runs(in: source, sentence: index).map(\.span) == plain.runs(in: source, sentence: index).map(\.span))
                    #expect(kept.capitalizedRuns(in: source, sentence: index, openerZipf: 3).map(\.span)
                        == plain.capitalizedRuns(in: source, sentence: index, openerZipf: 3).map(\.span))
                }
            }
        }
    }

    @Test("A word's base looked for by its hash first is found where the plain reading finds it")
    func hashedBaseAsPlain() throws {
        let segmenter = try Segmenter()
        var random = SplitMix(seed: 12_005)
        let words = Self.words + ["Kerry's", "kerry", "U.S.", "US", "Émile", "Emile", "émile", "naïve", "Tromsø", "Ber.gen", "bergen's"]
        var found = 0, hashed = 0
        for _ in 0..<1500 {
            func text() -> String {
                (0..<Int.random(in: 1...12, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ") + "."
            }
            let asked = Document(id: "a", text: text(), language: "en", segmenter: segmenter)
            let other = Document(id: "o", text: Int.random(in: 0..<10, using: &random) == 0 ? text() + " " + text() + " " + text() + " " + text() + " " + text() : text(),
                                 language: "en", segmenter: segmenter)
            let bases = Set(other.tokens.filter { $0.kind == .letters }.map { base($0.key) })
            for k in asked.tokens.indices where asked.tokens[k].kind == .letters {
                let key = asked.tokens[k].key, keyBase = base(key)
                let hash: UInt64? = keyBase == key ? asked.keyHashes[k] : nil
                if hash != nil { hashed += 1 }
                let written = NameRuns.writesLetterWord(base: keyBase, hash: hash, in: other)
                #expect(written == bases.contains(keyBase), "\(key) in \(other.text)")
                #expect(NameRuns.writesLetterWord(base: keyBase, in: other) == written)
                if written { found += 1 }
            }
        }
        #expect(found > 1000 && hashed > 1000)
    }

    @Test("Keys compared by their bits where both are small strings are equal exactly where their bytes are")
    func sameKeyAsBytes() {
        var random = SplitMix(seed: 12_006)
        let pieces = ["a", "b", "é", "ß", "ka", "kerry", "halvorsen", "x", "'s", ".", "ø", "ab", "🙂", "c"]
        var equal = 0
        for _ in 0..<20_000 {
            func key() -> String {
                (0..<Int.random(in: 0...9, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            }
            let a = key()
            // Half the pairs of the same pieces, made apart (two strings, one text).
            let b = Bool.random(using: &random) ? String(decoding: Array(a.utf8), as: UTF8.self) : key()
            #expect(NameRuns.sameKey(a, b) == (Array(a.utf8) == Array(b.utf8)), "\(a) \(b)")
            if Array(a.utf8) == Array(b.utf8) { equal += 1 }
        }
        #expect(equal > 5000)
    }

    @Test("A text's letter keys, in one array, answer as the plain sets of its bases do")
    func letterKeysAsPlain() throws {
        let segmenter = try Segmenter()
        var random = SplitMix(seed: 12_007)
        let words = Self.words + ["Kerry's", "kerry", "U.S.", "US", "Émile", "Emile", "émile", "naïve", "Tromsø", "Ber.gen", "bergen's", "1998"]
        for _ in 0..<600 {
            func text() -> String {
                (0..<Int.random(in: 1...30, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ") + "."
            }
            let document = Document(id: "d", text: text(), language: "en", segmenter: segmenter)
            let keys = NameRuns.LetterKeys(document)
            let bases = Set(document.tokens.filter { $0.kind == .letters }.map { base($0.key) })
            for word in words + ["zzz", "ber", "kerr"] {
                let key = base(Normalizer.matchingKey(word))
                #expect(keys.contains(key) == bases.contains(key), "\(key) in \(document.text)")
                #expect(keys.containsSharingStem(with: key) == bases.contains { sharesStem($0, key) }, "\(key) in \(document.text)")
                #expect(keys.contains(where: { $0 == key }) == bases.contains(key), "\(key) in \(document.text)")
            }
        }
    }

    @Test("Two keys' stems weighed by their bases, made once, are shared where sharesStem finds them shared")
    func basesShareStemAsKeys() {
        var random = SplitMix(seed: 12_008)
        let pieces = ["kerry", "kerr", "'s", ".", "é", "e", "halvorsen", "halv", " ", "russia", "russian", "ø", "a", "\r", "\r\n", "ß", "ss", "u.s", "us"]
        var shared = 0
        for _ in 0..<20_000 {
            func key() -> String {
                Normalizer.matchingKey((0..<Int.random(in: 1...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
            }
            let a = key(), b = key()
            let plain = sharesStem(a, b)
            #expect(basesShareStem(base(a), base(b)) == plain, "\(a.debugDescription) \(b.debugDescription)")
            if plain { shared += 1 }
        }
        #expect(shared > 2000)
    }

    @Test("A small key's apostrophe told from the string's own bits is the one its bytes hold")
    func smallKeyApostropheAsBytes() {
        var random = SplitMix(seed: 12_009)
        let pieces = ["a", "'", "s", "é", "l'", "o'", "ß", "🙂", "x", "27", "\u{27}", "’", "`", "kerry"]
        var small = 0, apostrophes = 0
        for _ in 0..<20_000 {
            let key = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            // Keys made as segmenters make them, and copies of their bytes.
            let made = Bool.random(using: &random) ? key : String(decoding: Array(key.utf8), as: UTF8.self)
            let told = FormStarts.smallKeyHasApostrophe(made)
            if let told {
                small += 1
                #expect(told == made.utf8.contains(0x27), "\(made.debugDescription)")
                if told { apostrophes += 1 }
            }
            // Every key of up to fifteen bytes is small.
            if made.utf8.count <= 15 { #expect(told != nil, "\(made.debugDescription)") }
        }
        #expect(small > 5000 && apostrophes > 1000)
    }

    @Test("A small key's first byte told from the string's own bits is its first byte")
    func smallKeyHeadAsBytes() {
        var random = SplitMix(seed: 12_010)
        let pieces = ["a", "'", "s", "é", "l'", "ß", "🙂", "x", "9", "kerry", "Ω", "z"]
        var small = 0
        for _ in 0..<20_000 {
            let key = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let made = Bool.random(using: &random) ? key : String(decoding: Array(key.utf8), as: UTF8.self)
            if let head = NameRuns.smallKeyHead(made) {
                small += 1
                #expect(head == made.utf8.first, "\(made.debugDescription)")
            } else {
                #expect(made.utf8.isEmpty || made.utf8.count > 15, "\(made.debugDescription)")
            }
        }
        #expect(small > 5000)
    }
}
