@testable import MTAudit
import MTAuditText
import Testing

@Suite("A document's word-list rows, looked up once")
struct DocumentWordRowsTests {
    static let texts: [(text: String, segmenter: String)] = [
        ("The council approved the budget. The council met again, and the the the budget grew.", "en"),
        ("Der Rat hat den Haushalt beschlossen. Der Rat tagt über die Straße, u\u{308}ber alles.", "de"),
        ("Le conseil a approuvé le budget du port. Le conseil, le conseil, le conseil.", "fr"),
        ("Xqzt vvrk plimb xqzt xqzt zzkq. Qqq.", "en"),
        ("他在公园里散步了很久。他在公园里。", "zh"),
        ("2024 — 3,5 % ! ? …", "en"),
        ("", "en"),
        ("Kerry's U.S. trip: café, CAFÉ, cafe\u{301}, naïve, Dr. Smith's 12 dogs and cats.", "en"),
    ]

    static func documents() throws -> [Document] { try ProbeDocuments.make(texts) }

    @Test("Each token's row gives the Zipf frequency its key gives, in every language and in none")
    func zipfByRow() throws {
        let frequencies = WordFrequencies.builtIn
        for document in try Self.documents() {
            let rows = DocumentWordRows.of(document)
            #expect(rows.rows.count == document.tokens.count)
            #expect(rows.letterCount == document.tokens.filter { $0.kind == .letters }.count)
            for (index, token) in document.tokens.enumerated() {
                #expect((rows.rows[index] == DocumentWordRows.notLetters) == (token.kind != .letters))
                for language in frequencies.languages + ["und", "xx"] {
                    #expect(rows.zipf(ofToken: index, key: token.key, in: language) == frequencies.zipf(token.key, in: language))
                    if token.kind == .letters {
                        #expect(frequencies.zipf(ofRow: rows.rows[index], language: frequencies.languageIndex(of: language))
                                == frequencies.zipf(token.key, in: language))
                    }
                }
            }
        }
    }

    @Test("The language guess by rows is the guess by keys, repeats counted")
    func likelyLanguageByRows() throws {
        let frequencies = WordFrequencies.builtIn
        for document in try Self.documents() {
            let keys = document.tokens.filter { $0.kind == .letters }.map(\.key)
            let rows = DocumentWordRows.of(document)
            #expect(frequencies.likelyLanguage(ofTokenRows: rows.rows, count: rows.letterCount) == frequencies.likelyLanguage(of: keys))
            #expect(Comparability.guessedLanguage(of: document) == frequencies.likelyLanguage(of: keys))
        }
        // Enough unlisted words leave no guess; the listed ones alone would make one.
        let guess = frequencies.likelyLanguage(of: ["the", "council", "xqzt", "vvrk", "plimb"])
        #expect(guess == nil)
        #expect(frequencies.likelyLanguage(of: ["the", "council", "the"]) == "en")
    }
}
