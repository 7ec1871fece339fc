@testable import MTAudit
import LexiconTables
import MTAuditText
import Testing

@Suite("Merged tokens' case-turn screen, the alphabet's ASCII bits, trigram scores at once, the key set's filter")
struct Dist12FastPathTests {
    /// Words for generated texts: lower case, capitals, case turns at every place ("MrBrennan",
    /// "xY", "abCd"), accented and Greek letters with and without a turn, marks, digits, punctuation.
    static let pieces = ["the", "council", "MrBrennan", "DrFalk", "Halvorsensaid", "abCd", "abcD", "aBcd", "xY", "xyZw",
                         "iPhone", "McDonald", "ÉcoleNormale", "élèveÉcole", "naïveTé", "ΑθήναΠόλη", "αβγΔε", "straße",
                         "Tromsø", "ṃaṄa", "e\u{301}cOle", "ǅemal", "ǈjubljanaǋ", "1998", ",", ".", "—", "ab", "abc",
                         "harbourmaster", "HARBOUR", "x¨y", "ñÑñÑ", "AbcdE", "zzZZ", "aAaA"]

    static func text(_ generator: inout SplitMix, words: Int = 30) -> String {
        let count = 1 + Int(generator.next() % UInt64(words))
        var text = ""
        for _ in 0..<count {
            text += pieces[Int(generator.next() % UInt64(pieces.count))]
            text += generator.next() % 4 == 0 ? ". " : " "
        }
        return text
    }

    /// `someWordTurnsCase` says what a walk over every letter word's scalars says: whether one of
    /// four scalars or more turns from a lower-case letter to a capital before one of its scalars 2
    /// to count − 2 (the cuts `split` judges across languages).
    @Test("The case-turn screen is the plain walk over every word's scalars")
    func caseTurnAsPlainWalk() throws {
        let segmenter = try Segmenter()
        var generator = SplitMix(seed: 121)
        var turns = 0
        for round in 0..<2000 {
            let document = Document(id: "v", text: Self.text(&generator, words: 4), segmenter: segmenter)
            let plain = document.tokens.contains { token in
                guard token.kind == .letters, token.scalarCount >= 4 else { return false }
                let scalars = Array(token.text.unicodeScalars)
                return (2...(scalars.count - 2)).contains { scalars[$0 - 1].hasLowercaseProperty && scalars[$0].hasUppercaseProperty }
            }
            #expect(MergedTokensDetector.someWordTurnsCase(document) == plain, "round \(round): \(document.text)")
            if plain { turns += 1 }
        }
        #expect(turns > 200 && turns < 1900, "both answers met")
    }

    /// Across languages, a version with no word that turns case inside has no merged-token finding
    /// (the rule stops before its vocabulary), and one that has gives what the rule gives in full.
    @Test("Across languages, the merged-tokens rule finds nothing where no word turns case")
    func crossLanguageFindingsNeedCaseTurn() throws {
        let segmenter = try Segmenter()
        var generator = SplitMix(seed: 122)
        var (across, turnless) = (0, 0)
        for round in 0..<300 {
            let source = Document(id: "s", text: Self.text(&generator), language: "en", segmenter: segmenter)
            let version = Document(id: "v", text: Self.text(&generator, words: 6), language: "de", segmenter: segmenter)
            let context = DetectionContext(source: source, version: version)
            guard !context.sameLanguage else { continue }
            let findings = MergedTokensDetector().findings(in: context)
            across += 1
            if !MergedTokensDetector.someWordTurnsCase(version) {
                turnless += 1
                #expect(findings.isEmpty, "round \(round): \(version.text)")
            }
        }
        #expect(across > 100 && turnless > 20, "contexts across languages, some with no case turn")
    }

    /// `Letters.lacksLetter(of:)` is the plain test over the set (`hasAlphabeticProperty` and not in
    /// the alphabet) for every language's built-in alphabet, on ASCII and other words.
    @Test("The alphabet's ASCII bits answer as the set does")
    func lettersAsSet() {
        let words = ["the", "że", "wieże", "straße", "qwxyz", "Ωmega", "naïve", "ção", "a1b2", "", "ǆ", "kwijt", "jäger", "x¨y",
                     "ABC", "zzz", "œuvre", "æble", "ı", "ğ", "ş", "ř", "ů", "ß", "@[`{", "'s", "hello-world"]
        for language in WordFrequencies.builtIn.languages {
            let alphabet = WordFrequencies.builtInAlphabet(of: language)
            let letters = WordFrequencies.builtInLetters(of: language)
            for scalar in (0..<0x80).compactMap(Unicode.Scalar.init) {
                #expect(letters.contains(scalar) == alphabet.contains(scalar), "\(language) \(scalar)")
            }
            for word in words {
                let plain = word.unicodeScalars.contains { $0.hasAlphabeticProperty && !alphabet.contains($0) }
                #expect(letters.lacksLetter(of: word) == plain, "\(language) \(word)")
            }
        }
        // A made-up alphabet missing ASCII letters, so that both answers are met on ASCII words.
        let few = WordFrequencies.Letters(Set("abcé".unicodeScalars))
        var generator = SplitMix(seed: 123)
        let alphabet = Array("abcdeéz-'1 Ab".unicodeScalars)
        for _ in 0..<2000 {
            var word = ""
            for _ in 0..<Int(generator.next() % 6) { word.unicodeScalars.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let plain = word.unicodeScalars.contains { $0.hasAlphabeticProperty && !few.alphabet.contains($0) }
            #expect(few.lacksLetter(of: word) == plain, "\(word)")
        }
    }

    /// Every language's score read in one pass over the trigrams is `score(_:language:)`'s, bit for
    /// bit, and `bestAlternative` is the plain maximum over the languages' scores.
    @Test("Trigram scores of every language at once, of indices in room, are each language's score")
    func scoresAtOnceAsEach() {
        let model = TrigramLanguageModel.builtIn
        let languages = EmbeddedWordTables.wordList.languages
        var words = ["the", "wirtschaftsstandort", "uncharacteristically", "Renngemeinschaft", "texanischen", "żółć", "Dvořák",
                     "qxzv", "a", "", "Соединённые", "naïve", "xxxxxxxxxxxx", "întâmplare"]
        var generator = SplitMix(seed: 124)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzäöüßéèçñøłż".unicodeScalars)
        for _ in 0..<300 {
            var word = ""
            for _ in 0..<Int(generator.next() % 14) { word.unicodeScalars.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            words.append(word)
        }
        for word in words {
            let indices = model.trigramIndices(word)
            // The indices written into room are the array's, -1 for nil.
            let written = [Int](unsafeUninitializedCapacity: word.utf8.count + 1) { room, count in
                count = model.trigramIndices(word, into: room)
            }
            #expect(written == indices.map { $0 ?? -1 }, "\(word)")
            let scores = [Double](unsafeUninitializedCapacity: languages.count) { buffer, count in
                model.scores(indices, into: buffer)
                count = languages.count
            }
            for language in languages.indices {
                #expect(scores[language].bitPattern == model.score(indices, language: language).bitPattern, "\(word) \(languages[language])")
            }
            for own in languages {
                let plain = languages.filter { $0 != own }.map { ($0, model.score(word, in: $0)) }.max { ($0.1, $1.0) < ($1.1, $0.0) }
                let best = model.bestAlternative(to: own, for: word)
                #expect(best?.language == plain?.0, "\(word) against \(own)")
                #expect(best?.margin.bitPattern == plain.map { $0.1 - model.score(word, in: own) }?.bitPattern, "\(word) against \(own)")
            }
        }
    }

    /// The listings read by pointer give the Zipf frequencies and language guesses the table's
    /// `Listings` give: `zipf(ofRow:language:)` of rows across the table in every language, and
    /// `likelyLanguage(ofTokenRows:count:)` of random rows (with tokens that list nothing) as the
    /// plain guess over the words' listings.
    @Test("Listings read by pointer answer as the table's listings")
    func listingsByPointerAsTable() {
        let frequencies = WordFrequencies.builtIn
        let languages = frequencies.languages
        var generator = SplitMix(seed: 126)
        for _ in 0..<5000 {
            let row = Int32(truncatingIfNeeded: generator.next() % UInt64(frequencies.rowCount))
            for index in languages.indices {
                let plain = frequencies.listings(ofRow: Int(row)).first { $0.language == Int32(index) }?.zipf ?? 0
                #expect(frequencies.zipf(ofRow: row, language: index).bitPattern == plain.bitPattern, "row \(row) in \(languages[index])")
            }
        }
        for round in 0..<2000 {
            // Common words (the first rows) and any, and tokens with no listing.
            let rows = (0..<Int(generator.next() % 40)).map { _ -> Int32 in
                switch generator.next() % 4 {
                case 0: return -1
                case 1: return Int32(truncatingIfNeeded: generator.next() % 300)
                default: return Int32(truncatingIfNeeded: generator.next() % UInt64(frequencies.rowCount))
                }
            }
            let count = rows.count - Int(generator.next() % 3)
            let words = rows.filter { $0 >= 0 }.map { String(decoding: frequencies.wordBytes(atRow: Int($0)), as: UTF8.self) }
                + Array(repeating: "qqqqzzzxv", count: max(0, count - rows.filter { $0 >= 0 }.count))
            let plain = count > 0 && words.count == count ? frequencies.likelyLanguage(of: words) : nil
            if words.count == count {
                #expect(frequencies.likelyLanguage(ofTokenRows: rows, count: count) == plain, "round \(round): \(words)")
            }
        }
    }

    /// The split-word screen read through a token pointer turns away only joined keys that
    /// `containsJoined` does not find (the filters alone), and lets every found one through.
    @Test("The joined-key screen by token pointer turns away only what the look-up does not find")
    func joinedScreenAsLookUp() throws {
        let segmenter = try Segmenter()
        var generator = SplitMix(seed: 127)
        var (found, screened) = (0, 0)
        let words = ["eco", "nomy", "economy", "harbour", "master", "harbourmaster", "the", "in", "to", "into", "naï", "ve", "naïve",
                     "Tromsø", "x¨y", "a", "b", "ab", "water", "front", "waterfront", "1998", "long", "debate"]
        for round in 0..<1500 {
            func text() -> String {
                (0..<(1 + Int(generator.next() % 20))).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
            }
            let source = Document(id: "s", text: text(), segmenter: segmenter)
            let version = Document(id: "v", text: text(), segmenter: segmenter)
            let vocabulary = Vocabulary(source, others: [])
            let hashes = version.keyHashes
            version.tokens.withUnsafeBufferPointer { tokens in
                for k in tokens.indices.dropFirst() {
                    let joined = MergedTokensDetector.containsJoined(tokens[k - 1].key, hash: hashes[k - 1], tokens[k].key, in: vocabulary)
                    let may = MergedTokensDetector.mayContainJoined(hash: hashes[k - 1], tokens.baseAddress! + k, in: vocabulary)
                    #expect(!joined || may, "round \(round): \(tokens[k - 1].key) \(tokens[k].key)")
                    if joined { found += 1 }
                    if !may { screened += 1 }
                }
            }
        }
        #expect(found > 15 && screened > 500, "both met: \(found) found, \(screened) screened")
    }

    /// A key set with its filter answers as a set of strings, by string and by bytes.
    @Test("The key set's filter turns away only keys it does not hold")
    func keySetAsSet() {
        var generator = SplitMix(seed: 125)
        let alphabet = Array("abcdefgmrsé. ".unicodeScalars)
        func word() -> String {
            var word = ""
            for _ in 0..<(1 + Int(generator.next() % 7)) { word.unicodeScalars.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            return word
        }
        for round in 0..<200 {
            var set = KeySet(), plain = Set<String>()
            for _ in 0..<Int(generator.next() % 80) {
                let key = word()
                set.insert(key)
                plain.insert(key)
            }
            for _ in 0..<200 {
                var key = word()
                #expect(set.contains(key) == plain.contains(key), "round \(round): \(key)")
                let found = key.withUTF8 { set.contains(bytes: $0, hash: FNV1a.hash($0)) }
                #expect(found == plain.contains(key), "round \(round): \(key) by bytes")
            }
            for key in plain { #expect(set.contains(key)) }
        }
    }
}
