@testable import MTAudit
import MTAuditText
import Testing

/// The fast paths of the rules that read a version's words and scripts, each against the plain path
/// it must agree with, on varied texts.
@Suite("Word and script fast paths agree with their plain paths")
struct WordsSpeedTests {
    static let texts: [(text: String, segmenter: String)] = [
        ("The council approved the budget. The council met again, and the the the budget grew.", "en"),
        ("Der Rat hat den Haushalt beschlossen. Der Rat tagt über die Straße, u\u{308}ber alles.", "de"),
        ("The former 前任 CEP resigned. Elections follow in 北京 and Москва.", "en"),
        ("会议在北京举行。アップルは東京でiPhoneを販売した。서울에서 회의가 열렸다.", "zh"),
        ("Η «Αθήνα» και η Θεσσαλονίκη. Привет, мир! Ελλάδα и Россия.", "en"),
        ("2024 — 3,5 % ! ? … 😀👍🏽 ™", "en"),
        ("", "en"),
        ("Kerry's U.S. trip: café, CAFÉ, cafe\u{301}, naïve, Dr. Smith's 12 dogs. avril Haines and Graf Zeppelin spoke.", "en"),
        ("Lord Ashby—Mr Brennan. Naïve Zoë ng. iPhone sales ROSE; e. e. cummings wrote.", "en"),
        ("ΑΒΓ abc АБВ 東京 abc ΑΒΓ", "en"),
    ]

    static func documents() throws -> [Document] { try ProbeDocuments.make(texts) }

    /// The scripts of tokens as they were found before the one-pass codes: each word's script looked
    /// up, its family named and counted in a dictionary of families.
    static func plainScripts(_ tokens: [Token]) -> (families: [String?], dominant: String?) {
        var counts: [String: Int] = [:]
        var families: [String?] = []
        for token in tokens {
            guard token.isWordLike else { families.append(nil); continue }
            let script = Script.dominant(in: token.text)
            guard !script.isShared, script != .unknown else { families.append(nil); continue }
            let family = UntranslatedDetector.family(script)
            families.append(family)
            counts[family, default: 0] += token.scalarCount
        }
        let dominant = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        return (families, dominant)
    }

    @Test("A document's script codes name each word's family, and the dominant one, as the plain count does")
    func scripts() throws {
        for document in try Self.documents() {
            let plain = Self.plainScripts(document.tokens)
            // Without the text (each ASCII word's letters read from its own string) as with it.
            let alone = UntranslatedDetector.scripts(ofTokens: document.tokens)
            let scripts = UntranslatedDetector.scripts(ofTokens: document.tokens, in: document.text)
            #expect(alone.codes == scripts.codes && alone.names == scripts.names && alone.dominant == scripts.dominant)
            #expect(scripts.dominant == plain.dominant, "\(document.text)")
            #expect(scripts.dominantCode < 0 ? scripts.dominant == nil : scripts.names[Int(scripts.dominantCode)] == scripts.dominant)
            #expect(Set(scripts.names).count == scripts.names.count)
            for index in document.tokens.indices {
                #expect(scripts.family(at: index) == plain.families[index], "\(document.tokens[index].text)")
                #expect(scripts.isLatin(index) == (plain.families[index] == "Latn"))
            }
        }
    }

    @Test("A word is part of a multi-word name when its start is among the starts of capitalized pairs")
    func multiWordNames() throws {
        for document in try Self.documents() {
            let tokens = document.tokens
            func capitalized(_ k: Int) -> Bool {
                tokens[k].kind == .letters && tokens[k].text.unicodeScalars.first?.hasUppercaseProperty == true
            }
            var starts: Set<Int> = []
            for k in tokens.indices.dropFirst() where capitalized(k) && capitalized(k - 1) && tokens[k].sentence == tokens[k - 1].sentence {
                starts.insert(tokens[k].span.start)
                starts.insert(tokens[k - 1].span.start)
            }
            for index in tokens.indices {
                #expect(UntranslatedDetector.isInMultiWordName(index, tokens) == starts.contains(tokens[index].span.start))
            }
        }
    }

    @Test("A text's other keys and possessives are found by a walk of its tokens as a set of them found them")
    func writtenKeys() throws {
        let extra = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        let documents = try Self.documents() + [
            Document(id: "p", text: "CEP's plan™ and the U.S.'s goal; Zoë's, NATO's 'scare' quotes' end's.", segmenter: extra),
        ]
        for document in documents {
            var others: Set<String> = []
            for token in document.tokens {
                if !token.isWordLike { others.insert(token.key) }
                if token.key.hasSuffix("'s") { others.insert(String(token.key.dropLast(2))) }
            }
            let written = UntranslatedDetector.writtenKeys(document)
            let keys = documents.flatMap { $0.tokens.map(\.key) } + ["cep", "nato", "zoë", "end", "tm", "u.s.", "'", "s", ""]
            for key in keys {
                #expect(written.othersContain(key) == others.contains(key), "\(key)")
            }
        }
    }

    @Test("A long text's other keys, kept as a set once walking would cost more, are those its walks find")
    func writtenKeysOfLongText() throws {
        let text = String(repeating: "CEP's plan™ and NATO's goal — “scare” quotes, end's. ", count: 300)
        let document = Document(id: "long", text: text, segmenter: try Segmenter())
        #expect(document.tokens.count * 2 > UntranslatedDetector.WrittenKeys.walkBudget, "a set after the first walks")
        var others: Set<String> = []
        for token in document.tokens {
            if !token.isWordLike { others.insert(token.key) }
            if token.key.hasSuffix("'s") { others.insert(String(token.key.dropLast(2))) }
        }
        let written = UntranslatedDetector.writtenKeys(document)
        for key in ["cep", "nato", "end", "tm", "plan", "—", "“", ",", "goal's", "xyz", "cep", "nato", "end", "tm", ""] {
            #expect(written.othersContain(key) == others.contains(key), "\(key)")
        }
    }

    @Test("Two keys joined on the stack are found as their joined string is")
    func joinedKeys() throws {
        let documents = try Self.documents()
        let vocabulary = Vocabulary(documents[0], others: documents.dropFirst())
        var words = documents.flatMap { $0.tokens.map(\.key) }
        words += ["eco", "nomy", "coun", "cil", "bud", "get", "", "straße", "stra", "ße", "前", "任"]
        for a in words {
            for b in words.prefix(40) + ["cil", "get", "ße", "任", "met"] {
                #expect(MergedTokensDetector.containsJoined(a, b, in: vocabulary) == vocabulary.contains(a + b), "\(a)+\(b)")
            }
        }
    }

    @Test("The vocabulary of a first document and others finds what the one of them all in an array finds")
    func vocabularyParts() throws {
        let documents = try Self.documents()
        let split = Vocabulary(documents[0], others: documents.dropFirst())
        let alone = Vocabulary(documents[7], others: [])
        let keys = documents.flatMap { $0.tokens.map(\.key) } + ["avril", "haines", "kerry", "zoë", "smith", "xyz"]
        for key in keys {
            let inAny = documents.contains { document in document.tokens.contains { $0.isWordLike && $0.key == key } }
            #expect(split.contains(key) == inAny)
            #expect(alone.contains(key) == documents[7].tokens.contains { $0.isWordLike && $0.key == key })
            #expect(split.properName(key) == Self.properName(key, in: documents), "\(key)")
        }
    }

    /// A proper name as the vocabulary is meant to tell it, read off the tokens: some document writes
    /// the key with a capital inside a sentence (not as its first word) and none in lower case; its
    /// spelling is the first such, in the order of the documents and of their tokens.
    static func properName(_ key: String, in documents: [Document]) -> String? {
        var capitalized: String?
        for document in documents {
            var sentenceWithWord = -1
            for token in document.tokens where token.isWordLike {
                let opens = sentenceWithWord != token.sentence
                sentenceWithWord = token.sentence
                guard token.key == key, token.kind == .letters else { continue }
                if token.text.startsWithCapital && !opens {
                    if capitalized == nil { capitalized = token.text }
                } else if token.text.startsWithLowercase {
                    return nil
                }
            }
        }
        return capitalized
    }

    @Test("A version whose words the source writes in place has every word in the source's vocabulary")
    func sourceWritesEveryWord() throws {
        let documents = try Self.documents()
        let again = try Self.documents()
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        let changed = Document(id: "c", text: "The council approved the budget. The council met again, and the the the budget grows.", segmenter: segmenter)
        for (version, source) in zip(documents, again) {
            #expect(Vocabulary.sourceWritesEveryWord(of: version, inPlace: source))
            let vocabulary = Vocabulary(source, others: [])
            for token in version.tokens where token.kind == .letters { #expect(vocabulary.contains(token.key)) }
        }
        #expect(!Vocabulary.sourceWritesEveryWord(of: changed, inPlace: documents[0]))
        #expect(!Vocabulary.sourceWritesEveryWord(of: documents[1], inPlace: documents[0]))
    }

    @Test("The proper names listed once are the keys whose proper name is found word by word")
    func properNames() throws {
        let documents = try Self.documents()
        let keys = Set(documents.flatMap { $0.tokens.map(\.key) }).sorted()
        for vocabulary in [Vocabulary(documents[0], others: documents.dropFirst()), Vocabulary(documents[7], others: []),
                           Vocabulary(documents[8], others: [documents[7], documents[2]])] {
            var listed: Set<String> = []
            vocabulary.forEachProperName { listed.insert($0) }
            #expect(listed == Set(keys.filter { vocabulary.properName($0) != nil }))
        }
    }

    @Test("A first scalar's case mapping, and a word in lower case, told from ASCII bytes as from properties")
    func caseFromBytes() {
        for value in 0..<0x80 {
            let scalar = Unicode.Scalar(UInt8(value))
            #expect(CasingDetector.firstChangesCase(String(scalar) + "x") == scalar.properties.changesWhenCaseMapped)
        }
        for word in ["abc", "Abc", "aBc", "abC", "a", "A", "1a", "a1", "'s", "é", "Éa", "éA", "straße", "ǅa", "x-ray", "ŉ", ""] {
            let plain = word.unicodeScalars.allSatisfy { !$0.properties.isUppercase }
                && word.unicodeScalars.first?.properties.isLowercase == true
            #expect(CasingDetector.isLowerCase(word, isASCII: word.utf8.allSatisfy { $0 < 0x80 }) == plain, "\(word)")
            #expect(CasingDetector.firstChangesCase(word) == (word.unicodeScalars.first?.properties.changesWhenCaseMapped ?? false))
        }
    }

    @Test("A text the mojibake screen passes is its own NFC text and holds no repair")
    func mojibakeScreen() {
        let pieces = ["a", " ", "é", "e\u{301}", "Ã©", "â€™", "’", "“", "—", "–", "…", "\u{2000}", "\u{2001}", "\u{2010}", "\u{205F}",
                      "\u{2060}", "\u{2070}", "ß", "ʼ", "\u{2FF}", "\u{300}", "Ð¼", "β€”", "√©", "�", "ř", "Ä", "東", "😀", "€", "Â", "©"]
        var texts: [String] = pieces
        for a in pieces { for b in pieces { texts += [a + b, a + "x" + b, "The caf" + a + "x" + b + "."] } }
        var passed = 0
        for text in texts {
            var text = text
            let clean = text.withUTF8 { MojibakeDetector.surelyClean($0) }
            let plain = text.unicodeScalars.allSatisfy { $0.value < 0x80 }
                || (Normalizer.isNormalized(text, form: .nfc) && MojibakeRepair.repairs(in: text).isEmpty)
            if clean {
                passed += 1
                #expect(plain, "\(text)")
            }
        }
        #expect(passed > 100)
        #expect("The café — “x” ’s".utf8.withContiguousStorageIfAvailable(MojibakeDetector.surelyClean) == true)
        #expect("Jiří".utf8.withContiguousStorageIfAvailable(MojibakeDetector.surelyClean) == false)
    }

    @Test("A text may open a quotation exactly when one of its scalars opens one")
    func quoteOpeners() {
        let pieces = ["a", "\"", "«", "»", "“", "”", "„", "「", "」", "’", "é", "€", "€”", "Â«", "\u{2018}", "東", "😀", " ", "\u{201A}", "\u{300D}"]
        var texts: [String] = pieces
        for a in pieces { for b in pieces { texts.append(a + b) } }
        for text in texts {
            #expect(QuoteAlteredDetector.mayOpenQuote(text) == text.unicodeScalars.contains(where: QuoteAlteredDetector.opensQuote), "\(text)")
        }
    }
}
