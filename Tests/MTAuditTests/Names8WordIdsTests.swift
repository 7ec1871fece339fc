@testable import MTAudit
import MTAuditText
import Testing

@Suite("Name rules' sets of a text's words, made on the ids of its words")
struct Names8WordIdsTests {
    /// Words of every kind the bases treat apart: plain ASCII, possessives, abbreviations with full
    /// stops, accented Latin, other scripts, capitalized and not, numbers and punctuation.
    static let words = ["the", "The", "council", "Kerry", "Kerry's", "kerry", "U.S.", "US", "us", "Zoë", "Zoe", "zoë",
                        "Köln", "Koln", "São", "Paulo's", "ČSSD", "Ёлка", "ёлка", "東京", "O'Neill", "d'Artagnan",
                        "42", "3M", "a.m.", "Dr.", "Mr", "Halvorsen", "Halverson", "NASA", "naïve", "café's", "e.g.",
                        ",", "-", "said", "met", "in", "and"]

    /// A text of `count` words drawn from `words`, in sentences of a few words.
    static func text(_ count: Int, using generator: inout SplitMix) -> String {
        var text = ""
        for k in 0..<count {
            text += words[Int(generator.next() % UInt64(words.count))]
            text += k % 7 == 6 ? ". " : " "
        }
        return text + "."
    }

    /// `letterKeys`, marked on the words' numbers, holds exactly the bases of the letter words'
    /// keys, as a set of every letter token's base does, for short texts and long ones (many
    /// repeats); and `contains(where:)` answers as a search of that set does.
    @Test("A text's letter keys are the bases of its letter tokens' keys")
    func letterKeysAsEveryBase() throws {
        let segmenter = try Segmenter()
        var generator = SplitMix(seed: 8)
        for round in 0..<300 {
            let count = round % 3 == 0 ? 150 + Int(generator.next() % 200) : 1 + Int(generator.next() % 40)
            let text = Self.text(count, using: &generator)
            let document = Document(id: "d", text: text, segmenter: segmenter)
            let plain = Set(document.tokens.filter { $0.kind == .letters }.map { base($0.key) })
            let keys = NameRuns.letterKeys(of: document)
            var asked = Set(document.tokens.flatMap { [$0.key, base($0.key)] })
            asked.formUnion(Self.words + Self.words.map { base(Normalizer.matchingKey($0)) } + ["", "obamas", "kerrys", "s", "'s", "zo"])
            for key in asked {
                #expect(keys.contains(key) == plain.contains(key), "\(key) in \(text)")
            }
            for letter in ["k", "z", "u", "c", "h", "e", "ё", "q"] {
                #expect(keys.contains(where: { $0.hasPrefix(letter) }) == plain.contains(where: { $0.hasPrefix(letter) }), "\(letter) in \(text)")
            }
            for key in plain.prefix(5) {
                #expect(keys.contains(where: { sharesStem($0, key) }), "\(key) in \(text)")
            }
        }
    }

    /// `containsSharingStem`, which passes over keys by their first bytes, answers as a search of
    /// every base with `sharesStem` does, for keys of every kind (plain, possessive, accented,
    /// dotted, other scripts, empty).
    @Test("A text's letter keys share a stem with a key exactly where a search of them finds one")
    func sharingStemAsSearched() throws {
        let segmenter = try Segmenter()
        var generator = SplitMix(seed: 808)
        for round in 0..<200 {
            let count = round % 2 == 0 ? 120 + Int(generator.next() % 100) : 1 + Int(generator.next() % 30)
            let text = Self.text(count, using: &generator)
            let keys = NameRuns.letterKeys(of: Document(id: "d", text: text, segmenter: segmenter))
            let asked = Self.words.map { Normalizer.matchingKey($0) }
                + ["", "kerr", "kerryville", "halvo", "halvorsenn", "zoëa", "u.s.a", "'s", "koel", "sao", "cssd", "ёл", "東", "4", "42nd", "obama"]
            for key in asked {
                #expect(keys.containsSharingStem(with: key) == keys.contains(where: { sharesStem($0, key) }), "\(key) in \(text)")
            }
        }
    }

    /// `capitalizedInside`, read by index, is the set of bases of letter words written with a
    /// capital that are not their sentence's first word-like token.
    @Test("The words capitalized inside a sentence are those a filter of the tokens finds")
    func capitalizedInsideAsFiltered() throws {
        let segmenter = try Segmenter()
        var generator = SplitMix(seed: 88)
        for _ in 0..<300 {
            let text = Self.text(1 + Int(generator.next() % 60), using: &generator)
            let document = Document(id: "d", text: text, segmenter: segmenter)
            var plain: Set<String> = []
            for sentence in document.sentences {
                let words = document.tokens[sentence.tokens].filter(\.isWordLike)
                for token in words.dropFirst() where token.kind == .letters && token.text.startsWithCapital {
                    plain.insert(base(token.key))
                }
            }
            #expect(NameRuns.capitalizedInside(document) == plain, "\(text)")
        }
    }
}
