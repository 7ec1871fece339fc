/// Which words of a document may start a form of each structured lexicon (countries, entities,
/// titles, …) in a language: the first keys of every kind's forms together, each with the kinds it
/// starts forms of. A document's words are looked up here once for all the kinds; each kind's
/// phrases then look up only the words marked for it.
struct FormStarts: Sendable {
    /// The kinds whose forms start with a key, one bit a kind (`bit(of:)`).
    private let kinds: [String: UInt16]
    /// The key a document's marks are kept under in its memo: the lexicons and the language.
    private let memoKey: String

    /// The starts of `language` in `lexicons`, made once for the lexicons.
    static func of(_ lexicons: Lexicons, language: String) -> FormStarts {
        lexicons.derived.formStarts.value(language) {
            var kinds: [String: UInt16] = [:]
            for kind in LexiconKind.allCases where kind.isStructured {
                for key in LexiconPhrases.cached(kind, lexicons: lexicons, language: language).firstKeys {
                    kinds[key, default: 0] |= bit(of: kind)
                }
            }
            return FormStarts(kinds: kinds, memoKey: "form-starts|\(lexicons.derived.id)|\(language)")
        }
    }

    /// The bit of `kind` in the marks.
    static func bit(of kind: LexiconKind) -> UInt16 {
        1 << UInt16(LexiconKind.allCases.firstIndex(of: kind)!)
    }

    /// For each token of `document`, the kinds whose forms may start there: those of every key
    /// `LexiconPhrases.lookUp` may try for the word. Made once per document.
    func marks(in document: Document) -> [UInt16] {
        document.memo.value(memoKey) {
            document.tokens.map { token in
                guard token.isWordLike else { return 0 }
                var marks: UInt16 = 0
                _ = LexiconPhrases.lookUp(token.key) { key -> Void? in
                    marks |= kinds[key] ?? 0
                    return nil  // every key the look-up may try
                }
                return marks
            }
        }
    }
}
