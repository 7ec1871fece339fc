import Foundation
import LexiconTables
import Testing

@Suite("Word-list tables")
struct LexiconTablesTests {
    @Test("Septets round-trip, and a spread value is the bytes written")
    func septets() {
        var random = SystemRandomNumberGenerator()
        for width in 1...9 {
            let values = (0..<200).map { _ in width == 9 ? random.next() >> 1 : random.next() & ((1 << (7 * width)) - 1) }
            let bytes = Septets.encode(values, width: width)
            #expect(bytes.count == width * values.count && bytes.allSatisfy { $0 < 0x80 })
            #expect(Septets.decode(Blob(bytes), width: width) == values)
            if width == 4 {
                bytes.withUnsafeBytes { raw in
                    for index in values.indices { #expect(UInt64(Septets.read4(raw.baseAddress! + 4 * index)) == values[index]) }
                }
            }
            if width == 8 {
                bytes.withUnsafeBytes { raw in
                    for index in values.indices {
                        #expect(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self)) == Septets.spread56(values[index]))
                    }
                }
            }
        }
    }

    @Test("A blob of a string literal is its bytes, in place")
    func staticBlob() {
        let blob = Blob("a\0b\u{7F}é")
        #expect(Array(blob.buffer) == [0x61, 0, 0x62, 0x7F, 0xC3, 0xA9])
        #expect(blob == Blob([0x61, 0, 0x62, 0x7F, 0xC3, 0xA9]))
        #expect(blob != Blob([0x61]))
        let scalars: [StaticString] = ["é", "a", ""]   // literals Swift may hold as a scalar
        #expect(scalars.map { Array(Blob($0).buffer) } == [[0xC3, 0xA9], [0x61], []])
    }

    @Test("The byte string table numbers distinct strings in order, and finds each, and no other")
    func byteStringTable() {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("abcdéß語".utf8)
        var strings: [[UInt8]] = [[], Array("a".utf8), Array("abcdefgh".utf8), Array("abcdefghi".utf8), Array("abcdefghj".utf8),
                                  Array(repeating: 0x61, count: 200), Array(repeating: 0x61, count: 201)]
        for _ in 0..<3000 { strings.append((0..<Int.random(in: 1...14, using: &random)).map { _ in alphabet.randomElement(using: &random)! }) }
        strings += strings.prefix(500)   // listed twice
        var bytes: [UInt8] = [], bounds: [Int32] = [0]
        for string in strings { bytes += string; bounds.append(Int32(bytes.count)) }
        let (table, rows) = ByteStringTable.deduplicating(bytes, bounds: bounds)
        var expected: [[UInt8]: Int] = [:], order: [[UInt8]] = []
        for string in strings where expected[string] == nil { expected[string] = order.count; order.append(string) }
        #expect(table.count == order.count)
        #expect(rows.map(Int.init) == strings.map { expected[$0]! })
        for (row, string) in order.enumerated() {
            #expect(Array(table.bytes(ofRow: row)) == string)
            #expect(string.withUnsafeBufferPointer { table.row(of: $0) } == row)
        }
        for _ in 0..<3000 {
            let probe = (0..<Int.random(in: 0...14, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            #expect(probe.withUnsafeBufferPointer { table.row(of: $0) } == expected[probe])
        }
        #expect(table.row(of: "abcdefgh") == 2 && table.row(of: "abcdefghk") == nil && table.row(of: "abcdefg") == nil)
        #expect(ByteStringTable(bytes: table.bytes, bounds: table.bounds, slots: table.slots) == table)
    }

    static let lists = [
        "de": "# comment\nder\t7.5\ndie\t7.45\nstraße\t4.01\nthe\t5.5\nder\t3.0\n",
        "en": "the\t7.73\nand\t7.4\nstraße\t3.01\nnaïve\t3.5\n\nno tab line\n",
    ]

    @Test("The word-list table parses, groups a word's listings by language, keeps a language's first listing")
    func wordListTable() {
        let table = WordListTable(texts: Self.lists)
        #expect(table.languages == ["de", "en"])
        func listings(_ word: String) -> [WordListTable.Listing] {
            guard let row = table.words.row(of: word) else { return [] }
            return Array(table.listings(ofRow: row))
        }
        #expect(listings("der") == [.init(language: 0, zipf: 7.5)])
        #expect(listings("the") == [.init(language: 0, zipf: 5.5), .init(language: 1, zipf: 7.73)])
        #expect(listings("straße") == [.init(language: 0, zipf: 4.01), .init(language: 1, zipf: 3.01)])
        #expect(listings("naïve") == [.init(language: 1, zipf: 3.5)] && listings("no tab line").isEmpty && listings("tab").isEmpty)
        #expect(table.rowCount == 6 && table.noListings.isEmpty)
        #expect(WordListTable(languages: table.languages, parts: table.parts) == table)
        #expect(table.parts.allSatisfy { String(validating: $0.buffer, as: UTF8.self) != nil }, "a string literal can hold every part")
    }

    @Test("Trigram counts count each word's trigrams in each language that lists it")
    func trigramCounts() {
        let table = WordListTable(texts: Self.lists)
        let counts = TrigramCounts(table)
        func count(_ trigram: String, _ language: Int) -> Float {
            var packed: UInt64?
            // "^de" is the first trigram of "de…": its first scalar is 0x02.
            var scalars = trigram.unicodeScalars.map { UInt64($0 == "^" ? 0x5E : $0.value) }
            if trigram.hasPrefix("^") { scalars.insert(0x02, at: 0); scalars.removeLast() }
            packed = scalars[0] << 42 | scalars[1] << 21 | scalars[2]
            return counts.index(of: packed!).map { counts.count(trigram: $0, language: language) } ?? 0
        }
        var all: [UInt64] = []
        TrigramCounts.forEachTrigram("the") { all.append($0) }
        #expect(all.count == 4)
        var fromBytes: [UInt64] = []
        var word = "straße"
        word.withUTF8 { TrigramCounts.forEachTrigram(utf8: $0) { fromBytes.append($0) } }
        var fromString: [UInt64] = []
        TrigramCounts.forEachTrigram(word) { fromString.append($0) }
        #expect(fromBytes == fromString && fromBytes.count == 7)
        #expect(counts.index(of: all[1]).map { counts.count(trigram: $0, language: 0) } == 1)   // "the" in de
        #expect(counts.index(of: all[1]).map { counts.count(trigram: $0, language: 1) } == 1)   // "the" in en
        #expect(count("aße", 0) == 1 && count("aße", 1) == 1 && count("zzz", 0) == 0)
        // de: der 4 + die 4 + straße 7 + the 4; en: the 4 + and 4 + straße 7 + naïve 6.
        #expect(counts.totalValues == [19, 21])
        #expect(TrigramCounts(languageCount: 2, parts: counts.parts) == counts)
    }
}
