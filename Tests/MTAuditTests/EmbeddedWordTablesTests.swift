import Foundation
import LexiconTables
@testable import MTAudit
import Testing

@Suite("The word-list tables built at build time")
struct EmbeddedWordTablesTests {
    /// The texts of `Lexicons/words/<lang>.txt`, by language.
    static func texts() throws -> [String: String] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Lexicons/words").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }
        return try Dictionary(uniqueKeysWithValues: names.map { name in
            (String(name.prefix { $0 != "." }), try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
        })
    }

    @Test("The compiled-in tables are the tables of Lexicons/words/ built at run time, byte for byte")
    func embeddedEqualsBuilt() throws {
        let built = WordListTable(texts: try Self.texts())
        #expect(built.languages.count >= 12)
        #expect(built == EmbeddedWordTables.wordList)
        #expect(TrigramCounts(built) == EmbeddedWordTables.trigramCounts)
        #expect(EmbeddedWordTables.alphabets.count == built.languages.count)
        for (index, language) in built.languages.enumerated() {
            #expect(WordFrequencies.builtInAlphabet(of: language) == Set(built.alphabet(ofLanguage: Int32(index))), "\(language)")
        }
    }

    @Test("Frequencies and trigram models of lists given in code answer as the built-in ones do")
    func builtFromLists() throws {
        var lists: [String: [String: Float]] = [:]
        for (language, text) in try Self.texts() where ["en", "de"].contains(language) {
            var words: [String: Float] = [:]
            WordListTable.parse(text) { word, zipf in
                let word = String(decoding: word, as: UTF8.self)
                if words[word] == nil { words[word] = zipf }
            }
            lists[language] = words
        }
        let frequencies = WordFrequencies(lists: lists)
        let builtIn = WordFrequencies.builtIn
        for word in ["the", "nicht", "über", "u\u{308}ber", "strasse", "xqzt", ""] {
            for language in ["en", "de"] { #expect(frequencies.zipf(word, in: language) == builtIn.zipf(word, in: language)) }
        }
        #expect(Set(frequencies.words(in: "de")) == Set(builtIn.words(in: "de")))
        #expect(frequencies.likelyLanguage(of: ["der", "rat", "hat", "den", "plan"]) == "de")
        let model = TrigramLanguageModel(frequencies)
        #expect(model.bestAlternative(to: "en", for: "wirtschaftsstandort")?.language == "de")
    }
}
