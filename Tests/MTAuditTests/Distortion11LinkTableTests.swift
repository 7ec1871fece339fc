@testable import MTAudit
import MTAuditText
import Testing

@Suite("Distortion11: a link's table of keys in lent memory numbers as the arrays of LinkKeys do")
struct Distortion11LinkTableTests {
    static let marks = [DistortionDetector.Mark.version, DistortionDetector.Mark.source, DistortionDetector.Mark.others]

    /// A key held in a large string (as a document's long text holds a word it was cut from), so
    /// that keys of the same bytes come with other bits.
    static func large(_ key: String) -> String {
        String(unsafeUninitializedCapacity: key.utf8.count + 40) { output in
            _ = output.initialize(fromContentsOf: key.utf8)
            return key.utf8.count
        }
    }

    /// `DistortionLinkTable` numbers a link's token keys (and bases) in memory the caller lends, its
    /// keys unretained: it must give the numbers, keys, marks and `has` answers that `LinkKeys`
    /// gives for the same words, whatever the keys (plain or not, held in small or large strings,
    /// repeated) and whatever the order `has` is asked in.
    @Test("The table numbers, marks and answers as LinkKeys")
    func tableAgreesWithLinkKeys() {
        var random = SplitMix(seed: 11_101)
        var stemsShared = 0, madeBases = 0
        for round in 0..<3_000 {
            let words = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                let key = Dist5FastPathTests.key(&random)
                return (Bool.random(using: &random) ? key : Self.large(key), Self.marks.randomElement(using: &random)!,
                        Int.random(in: 0..<8, using: &random) == 0)
            }
            let capacity = words.count + Int.random(in: 0...3, using: &random)
            var plain = DistortionDetector.LinkKeys(capacity: 2)
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: DistortionLinkTable.wordCount(capacity: capacity)) { room in
                var table = DistortionLinkTable(room: room, capacity: capacity)
                for (key, mark, asBase) in words {
                    // Most words as token keys; some as keys numbered as they are (`number(_:_:)`).
                    if asBase {
                        let base = base(key)
                        #expect(table.number(base, mark) == plain.number(base, mark), "round \(round): \(key)")
                    } else {
                        #expect(table.number(baseOf: key, mark) == plain.number(baseOf: key, mark), "round \(round): \(key)")
                    }
                    if !KeyNumbering.equal(base(key), key) { madeBases += 1 }
                }
                #expect(table.count == plain.keys.count, "round \(round)")
                let keys = table.keys()
                #expect(keys.count == plain.keys.count)
                for number in 0..<min(table.count, plain.keys.count) {
                    #expect(KeyNumbering.equal(keys[number], plain.key(number)), "round \(round)")
                    #expect(KeyNumbering.equal(table.key(number), plain.key(number)), "round \(round)")
                    #expect(table.marks(number) == plain.marks[number], "round \(round)")
                }
                // Asked in a random order, as the rule asks of the words astray.
                let asked = (0..<table.count).flatMap { number in Self.marks.map { (number, $0) } }.shuffled(using: &random)
                for (number, mark) in asked where number < plain.keys.count {
                    let answer = plain.has(mark, number)
                    #expect(table.has(mark, number) == answer, "round \(round): \(plain.key(number))")
                    if answer && plain.marks[number] & mark == 0 { stemsShared += 1 }
                }
                for number in 0..<min(table.count, plain.keys.count) {
                    #expect(table.marks(number) == plain.marks[number], "round \(round): marks learnt alike")
                }
            }
        }
        #expect(stemsShared > 1_000)
        #expect(madeBases > 1_000)
    }

    /// `isKey` tells whether a token's key is the numbered key as `==` does, by the strings' bits
    /// first.
    @Test("Whether a token's key is the numbered key is ==")
    func isKeyIsEquality() {
        var random = SplitMix(seed: 11_102)
        for _ in 0..<2_000 {
            let keys = (0..<Int.random(in: 1...12, using: &random)).map { _ in Dist5FastPathTests.key(&random) }
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: DistortionLinkTable.wordCount(capacity: keys.count)) { room in
                var table = DistortionLinkTable(room: room, capacity: keys.count)
                for key in keys {
                    let number = table.number(baseOf: key, DistortionDetector.Mark.version)
                    #expect(table.isKey(number, key) == (table.key(number) == key), "\(key)")
                    #expect(table.isKey(number, Self.large(key)) == (table.key(number) == key), "\(key)")
                }
            }
        }
    }

    /// Words whose keys are plain and not: accents, full stops, possessives (straight and curly),
    /// other scripts, numbers, long words.
    static let vocabulary = ["the", "council", "approved", "approve", "harbour", "U.S.", "3.5", "Tromsø", "naïve", "café",
                             "cafe", "Straße", "Russia's", "Russia’s", "Москва", "東京", "internationalisation",
                             "international", "zorblat", "e\u{0301}lan", "élan", "1998", "co-operate", "O'Neill"]

    /// A document's words read once (`DistortionTokenKeys`) number as each token's key does
    /// (`number(baseOf:_:)`), their bases kept by the document's keys, and tell whether a token's
    /// key is its base as `==` of the numbered key does.
    @Test("A document's words read once number as the tokens' keys")
    func documentKeysNumberAsTokenKeys() throws {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        var random = SplitMix(seed: 11_103)
        var madeBases = 0
        for round in 0..<300 {
            let text = random.text(sentences: 1...3, words: 1...14, of: Self.vocabulary, opener: "The")
            let document = Document(id: "d\(round)", text: text, language: "en", segmenter: segmenter)
            let keys = DistortionTokenKeys.of(document)
            #expect(DistortionTokenKeys.of(document) === keys, "kept by the document")
            let words = document.tokens.indices.filter { document.tokens[$0].isWordLike }
            let capacity = 2 * words.count
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * DistortionLinkTable.wordCount(capacity: capacity)) { room in
                let half = DistortionLinkTable.wordCount(capacity: capacity)
                var read = DistortionLinkTable(room: UnsafeMutableBufferPointer(rebasing: room[..<half]), capacity: capacity)
                var scanned = DistortionLinkTable(room: UnsafeMutableBufferPointer(rebasing: room[half...]), capacity: capacity)
                for index in words {
                    let mark = Self.marks.randomElement(using: &random)!, key = document.tokens[index].key
                    let number = read.number(token: index, key: key, in: keys, mark)
                    #expect(number == scanned.number(baseOf: key, mark), "round \(round): \(key)")
                    #expect(keys.baseIsKey(index) == scanned.isKey(number, key), "round \(round): \(key)")
                    if keys.entry(index).base != nil { madeBases += 1 }
                }
                #expect(read.count == scanned.count)
                for number in 0..<read.count {
                    #expect(KeyNumbering.equal(read.key(number), scanned.key(number)))
                    #expect(read.marks(number) == scanned.marks(number))
                    for mark in Self.marks { #expect(read.has(mark, number) == scanned.has(mark, number), "round \(round)") }
                }
            }
        }
        #expect(madeBases > 200)
    }

    /// A source's words numbered from its keys read once, then a version's words found by their
    /// keys' very strings among the source's (`number(words:of:_:sharingKeysWith:numberOfToken:into:)`),
    /// must number and mark as `LinkKeys` numbering each word's key in the same order does; and a
    /// key found by its string must be that token's key, byte for byte.
    @Test("A version's words found among the source's keys number as their own keys")
    func sharedKeysNumberAsOwnKeys() throws {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        var random = SplitMix(seed: 11_104)
        var found = 0, read = 0
        for round in 0..<300 {
            let source = Document(id: "s\(round)", text: random.text(sentences: 1...1, words: 1...16, of: Self.vocabulary, opener: "The"),
                                  language: "en", segmenter: segmenter)
            // Half the version's words the source's own strings (as a version segmented from the same
            // feed line shares none, but words of the same text do), half another text's.
            let other = random.text(sentences: 1...1, words: 1...16, of: Self.vocabulary, opener: "The")
            let version = Document(id: "v\(round)", text: other, language: "en", segmenter: segmenter)
            let keys = DistortionTokenKeys.of(source)
            let sourceWords = source.tokens.indices.filter { source.tokens[$0].isWordLike }
            let versionWords = version.tokens.indices.filter { version.tokens[$0].isWordLike }
            // The version's words drawn from both documents' tokens: the source's strings are found.
            let drawn: [(document: Document, index: Int)] = versionWords.map { index in
                Bool.random(using: &random) ? (version, index) : (source, sourceWords.randomElement(using: &random)!)
            }
            let capacity = sourceWords.count + drawn.count
            var plain = DistortionDetector.LinkKeys(capacity: 2)
            let expectedSource = sourceWords.map { plain.number(baseOf: source.tokens[$0].key, DistortionDetector.Mark.source) }
            let expectedVersion = drawn.map { plain.number(baseOf: $0.document.tokens[$0.index].key, DistortionDetector.Mark.version) }
            for (document, index) in drawn {
                if let token = keys.token(keyedAs: document.tokens[index].key) {
                    #expect(Array(source.tokens[token].key.utf8) == Array(document.tokens[index].key.utf8))
                    found += 1
                } else {
                    read += 1
                }
            }
            // The drawn words laid out as one document's tokens, for the table's loop.
            let tokens = drawn.map { $0.document.tokens[$0.index] }
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: DistortionLinkTable.wordCount(capacity: capacity)) { room in
                var table = DistortionLinkTable(room: room, capacity: capacity)
                var sourceNumbers = [Int](repeating: 0, count: sourceWords.count), versionNumbers = [Int](repeating: 0, count: drawn.count)
                var numberOfToken = [Int](repeating: -1, count: source.tokens.count)
                sourceWords.withUnsafeBufferPointer { words in
                    sourceNumbers.withUnsafeMutableBufferPointer { numbers in
                        numberOfToken.withUnsafeMutableBufferPointer { numberOfToken in
                            table.number(words: words, of: source.tokens, in: keys, DistortionDetector.Mark.source, into: numbers, numberOfToken: numberOfToken)
                        }
                    }
                }
                Array(tokens.indices).withUnsafeBufferPointer { words in
                    versionNumbers.withUnsafeMutableBufferPointer { numbers in
                        numberOfToken.withUnsafeMutableBufferPointer { numberOfToken in
                            table.number(words: words, of: tokens, DistortionDetector.Mark.version, sharingKeysWith: keys,
                                         numberOfToken: numberOfToken, into: numbers)
                        }
                    }
                }
                #expect(sourceNumbers == expectedSource, "round \(round)")
                #expect(versionNumbers == expectedVersion, "round \(round)")
                #expect(table.count == plain.keys.count)
                for number in 0..<min(table.count, plain.keys.count) {
                    #expect(table.marks(number) == plain.marks[number], "round \(round)")
                    for mark in Self.marks { #expect(table.has(mark, number) == plain.has(mark, number), "round \(round)") }
                }
            }
        }
        #expect(found > 1_000)
        #expect(read > 500)
    }
}
