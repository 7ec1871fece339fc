@testable import MTAudit
import MTAuditText
import Testing

@Suite("A document's key hashes, kept by the segmenter with each word's strings")
struct Doc11KeyHashTests {
    /// The hash of a key computed from its bytes: what every table hashed keys with before the
    /// documents kept their hashes.
    static func plainHash(_ key: String) -> UInt64 { FNV1a.hash(Array(key.utf8)) }

    @Test("The segmenter's hash of a key is the tables' FNV-1a hash of its bytes")
    func sameHashFunction() {
        var generator = SplitMix(seed: 11)
        for length in 0..<40 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                #expect(bytes.withUnsafeBufferPointer { KeyHash.fnv1a($0) } == FNV1a.hash(bytes))
            }
        }
        for word in Doc5TokenRowsTests.words { #expect(KeyHash.fnv1a(of: word) == Self.plainHash(word)) }
    }

    /// Every token's hash is its key's, for words met for the first time, met again (kept with their
    /// strings), met after other words took their slots, too long to keep, and with no table at all.
    @Test("Every token's key hash is its key's FNV-1a hash, met once or again")
    func hashesAsComputed() throws {
        var generator = SplitMix(seed: 111)
        for (locale, slots) in [("en", Segmenter.WordStrings.defaultSlotCount), ("de", 1), ("zh", 0), ("en", 16)] {
            let segmenter = try Segmenter(locale: locale, wordStringSlots: slots)
            for round in 0..<40 {
                let count = 1 + Int(generator.next() % 14)
                var text = (0..<count).map { _ in Doc5TokenRowsTests.words[Int(generator.next() % UInt64(Doc5TokenRowsTests.words.count))] }
                    .joined(separator: round % 3 == 0 ? ", " : " ")
                if round % 9 == 0 { text += " " + (0..<3000).map { "w\($0 + 3000 * round)" }.joined(separator: " ") }
                text += "."
                let document = Document(id: "d", text: text, segmenter: segmenter)
                #expect(document.keyHashes.count == document.tokens.count)
                for (index, token) in document.tokens.enumerated() {
                    #expect(document.keyHashes[index] == Self.plainHash(token.key), "\(locale) \(slots): \(token.text)")
                }
            }
        }
    }

    /// The words' ids come in increasing order, each once, with its key's hash; and a look-up by the
    /// hash finds what a look-up by the key alone finds.
    @Test("Each word's id once, in order, with its key's hash; look-ups by hash as by key")
    func wordsWithHashes() throws {
        var generator = SplitMix(seed: 1111)
        let segmenter = try Segmenter(locale: "en")
        for _ in 0..<60 {
            let a = Document(id: "a", text: generator.text(sentences: 1...4, words: 1...12), segmenter: segmenter)
            let b = Document(id: "b", text: generator.text(sentences: 1...4, words: 1...12), segmenter: segmenter)
            let wordsA = DocumentWords.of(a), wordsB = DocumentWords.of(b)
            var seen: [Int] = []
            wordsB.forEachKeyHash { id, hash in
                seen.append(id)
                #expect(hash == Self.plainHash(wordsB.keys[id]))
                #expect(wordsA.ids.number(of: wordsB.keys[id], hash: hash) == wordsA.ids.number(of: wordsB.keys[id]))
            }
            #expect(seen == Array(wordsB.keys.indices))
        }
    }

    @Test("A vocabulary asked by a key's hash answers as asked by the key; so do two keys joined")
    func vocabularyByHash() throws {
        var generator = SplitMix(seed: 11_111)
        let segmenter = try Segmenter(locale: "en")
        for _ in 0..<30 {
            let documents = (0..<3).map { _ in Document(id: "v", text: generator.text(sentences: 1...3, words: 1...10), segmenter: segmenter) }
            let vocabulary = Vocabulary(documents[0], others: documents.dropFirst())
            let probe = Document(id: "p", text: generator.text(sentences: 1...3, words: 1...10) + " Zqx unheard-of words.", segmenter: segmenter)
            for (index, token) in probe.tokens.enumerated() {
                #expect(vocabulary.contains(token.key, hash: probe.keyHashes[index]) == vocabulary.contains(token.key), "\(token.key)")
                for other in probe.tokens.prefix(8) {
                    #expect(MergedTokensDetector.containsJoined(token.key, hash: probe.keyHashes[index], other.key, in: vocabulary)
                            == vocabulary.contains(token.key + other.key), "\(token.key)+\(other.key)")
                }
            }
        }
    }

    /// `Comparability.sameLanguage`'s last test, for texts no word list claims, as it was written
    /// with sets of the texts' keys.
    static func plainSameLanguage(_ source: Document, _ version: Document) -> Bool {
        let scripts = (Script.dominant(in: source.text), Script.dominant(in: version.text))
        if scripts.0 != .common, scripts.1 != .common,
           Comparability.writingSystem(scripts.0) != Comparability.writingSystem(scripts.1) { return false }
        let sourceKeys = Set(source.tokens.lazy.filter(\.isWordLike).map(\.key))
        let versionKeys = Set(version.tokens.lazy.filter(\.isWordLike).map(\.key))
        guard !sourceKeys.isEmpty, !versionKeys.isEmpty else { return false }
        let shared = sourceKeys.intersection(versionKeys).count
        if shared == 0 { return true }
        return Double(shared) >= 0.1 * Double(min(sourceKeys.count, versionKeys.count))
    }

    @Test("Texts no word list claims are compared by their shared words as sets of keys compare them")
    func sharedWordsOfUnclaimedTexts() throws {
        var generator = SplitMix(seed: 111_111)
        let segmenter = try Segmenter(locale: "und")
        let made = ["zqxv", "brrk", "vlatt", "Qorm", "QORM", "mekk", "çuvv", "ďrr", "жзык", "кхв", "ﬃrk", "12", "7,5", "ǅab", "plöx"]
        var compared = 0
        for _ in 0..<300 {
            func text() -> String {
                (0..<Int(1 + generator.next() % 9)).map { _ in made[Int(generator.next() % UInt64(made.count))] }.joined(separator: " ") + "."
            }
            let source = Document(id: "s", text: text(), segmenter: segmenter)
            let version = Document(id: "v", text: generator.next() % 5 == 0 ? "…" : text(), segmenter: segmenter)
            guard Comparability.guessedLanguage(of: source) == nil || Comparability.guessedLanguage(of: version) == nil else { continue }
            compared += 1
            #expect(Comparability.sameLanguage(source, version) == Self.plainSameLanguage(source, version),
                    "\(source.text) / \(version.text)")
        }
        #expect(compared > 200)
    }

    @Test("A number word told by its key's hash is the word told by its key")
    func numberWordsByHash() throws {
        let words = NumberWords.cached(Lexicons.builtIn, language: "en")
        let segmenter = try Segmenter(locale: "en")
        let document = Document(id: "n", text: "Two thousand and five people, 40 million, a dozen eggs and three more came.",
                                segmenter: segmenter)
        var found = 0
        func value(_ meaning: NumberWords.Meaning?) -> String {
            switch meaning {
            case .value(let number)?: return "value \(number)"
            case .multiplier(let factor)?: return "multiplier \(factor)"
            case nil: return "none"
            }
        }
        for (index, token) in document.tokens.enumerated() {
            let byHash = words.meaning(of: token.key, hash: document.keyHashes[index]), byKey = words[token.key]
            #expect(value(byHash) == value(byKey), "\(token.text)")
            if byKey != nil { found += 1 }
        }
        #expect(found >= 3)
    }
}
