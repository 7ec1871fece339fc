@testable import MTAudit
import MTAuditText
import Testing

@Suite("Word-list frequencies read by row, and a version's language guess taken from its source")
struct Doc7FastPathTests {
    /// `zipf(ofRow:language:)`, read in place and stopping past the language asked, is the first
    /// listing of that language among the row's listings, for rows of every part of the table and
    /// every language (and none).
    @Test("A row's Zipf frequency in a language is its listing's, found in place")
    func zipfOfRowAsListed() {
        let frequencies = WordFrequencies.builtIn
        var generator = SplitMix(seed: 7)
        let rows = (0..<3000).map { _ in Int32(truncatingIfNeeded: generator.next() % UInt64(frequencies.rowCount)) } + [0, Int32(frequencies.rowCount - 1), -1, -2]
        for row in rows {
            for index in frequencies.languages.indices {
                let plain = row < 0 ? 0 : frequencies.listings(ofRow: Int(row)).first { $0.language == index }?.zipf ?? 0
                #expect(frequencies.zipf(ofRow: row, language: index) == plain, "row \(row), language \(index)")
            }
            #expect(frequencies.zipf(ofRow: row, language: nil) == 0)
        }
    }

    /// Words of several languages, for texts whose guesses differ.
    static let words = ["the", "council", "said", "der", "Rat", "hat", "le", "conseil", "a", "dit", "el", "consejo",
                        "Xqzt", "Halvorsen", "42", "über", "café", "und", "and", "is", "est", "ist"]

    /// A version whose token rows are its source's takes the source's guess in `sameLanguage`: the
    /// guess it keeps is the one a document of its own text makes alone; and a version of other rows
    /// makes its own.
    @Test("A version with its source's rows keeps the guess it would make alone")
    func sharedGuessAsMadeAlone() throws {
        let segmenter = try Segmenter()
        var generator = SplitMix(seed: 11)
        for round in 0..<200 {
            let count = 1 + Int(generator.next() % 10)
            let text = (0..<count).map { _ in Self.words[Int(generator.next() % UInt64(Self.words.count))] }.joined(separator: " ") + "."
            let other = round % 3 == 0 ? text : (0..<count).map { _ in Self.words[Int(generator.next() % UInt64(Self.words.count))] }.joined(separator: " ") + "."
            let source = Document(id: "s", text: text, segmenter: segmenter)
            let version = Document(id: "v", text: other, segmenter: segmenter)
            let alone = Document(id: "a", text: other, segmenter: segmenter)
            let aloneSource = Document(id: "b", text: text, segmenter: segmenter)
            let same = Comparability.sameLanguage(source, version)
            #expect(Comparability.guessedLanguage(of: version) == Comparability.guessedLanguage(of: alone), "\(text) / \(other)")
            #expect(same == Comparability.sameLanguage(aloneSource, alone), "\(text) / \(other)")
        }
    }

    /// The words two quotations share, counted after their common start and end in place, are those
    /// a dictionary of all their words counts, for word lists alike, alike at one end, and unlike.
    @Test("Shared words counted past a common start and end are those counted in full")
    func sharedCountAsCountedInFull() {
        func plain(_ a: [String], _ b: [String]) -> Int {
            var counts: [String: Int] = [:]
            for word in b { counts[word, default: 0] += 1 }
            var shared = 0
            for word in a where (counts[word] ?? 0) > 0 {
                counts[word]! -= 1
                shared += 1
            }
            return shared
        }
        var generator = SplitMix(seed: 13)
        let vocabulary = ["a", "b", "c", "the", "cat", "sat", "1"]
        for round in 0..<3000 {
            let a = (0..<Int(generator.next() % 8)).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }
            var b = a
            switch round % 4 {
            case 0: break
            case 1: if !b.isEmpty { b[Int(generator.next() % UInt64(b.count))] = vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }
            case 2: b.insert(vocabulary[Int(generator.next() % UInt64(vocabulary.count))], at: Int(generator.next() % UInt64(b.count + 1)))
            default: b = (0..<Int(generator.next() % 8)).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }
            }
            #expect(QuoteAlteredDetector.sharedCount(a, b) == plain(a, b), "\(a) / \(b)")
            #expect(QuoteAlteredDetector.sharedCount(b, a) == plain(b, a), "\(b) / \(a)")
        }
    }
}
