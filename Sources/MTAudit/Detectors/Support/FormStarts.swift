/// Which words of a document may start a form of each structured lexicon (countries, entities,
/// titles, …) in a language: the first keys of every kind's forms together, each with the kinds it
/// starts forms of. A document's words are looked up here once for all the kinds; each kind's
/// phrases then look up only the words marked for it.
struct FormStarts: Sendable {
    /// The kinds whose forms start with a key, one bit a kind (`bit(of:)`).
    private let kinds: [String: UInt16]
    /// The phrases of each structured kind in this language, at the kind's place in
    /// `LexiconKind.allCases` (nil for the flat kinds).
    private let phrases: [LexiconPhrases?]
    /// The key a document's mentions are kept under in its memo: the lexicons and the language.
    private let memoKey: String
    /// The keys of `kinds`: most words start no form, and reading a bit costs far less than hashing
    /// the word for the table.
    private let filter: KeyFilter

    private init(kinds: [String: UInt16], phrases: [LexiconPhrases?], memoKey: String) {
        self.kinds = kinds
        self.phrases = phrases
        self.memoKey = memoKey
        filter = KeyFilter(kinds.keys)
    }

    /// The keys of the table the filter would wrongly turn away (none: a test checks).
    func filteredOut() -> [String] { kinds.keys.filter { !filter.mayContain($0) } }

    /// The starts of `language` in `lexicons`, made once for the lexicons.
    static func of(_ lexicons: Lexicons, language: String) -> FormStarts {
        lexicons.derived.formStarts.value(language) {
            var kinds: [String: UInt16] = [:]
            var phrases: [LexiconPhrases?] = Array(repeating: nil, count: LexiconKind.allCases.count)
            for (place, kind) in LexiconKind.allCases.enumerated() where kind.isStructured {
                let kindPhrases = LexiconPhrases.cached(kind, lexicons: lexicons, language: language)
                phrases[place] = kindPhrases
                for key in kindPhrases.firstKeys {
                    kinds[key, default: 0] |= bit(of: kind)
                }
            }
            return FormStarts(kinds: kinds, phrases: phrases, memoKey: "form-starts|\(lexicons.derived.id)|\(language)")
        }
    }

    /// The bit of `kind` in the marks.
    static func bit(of kind: LexiconKind) -> UInt16 {
        1 << UInt16(place(of: kind))
    }

    /// The place of `kind` in `LexiconKind.allCases`, which indexes the bits and the phrase tables.
    static func place(of kind: LexiconKind) -> Int {
        LexiconKind.allCases.firstIndex(of: kind)!
    }

    /// The phrases of a structured `kind` in this language.
    func phrases(of kind: LexiconKind) -> LexiconPhrases {
        phrases[Self.place(of: kind)]!
    }

    /// The mentions of every structured kind in `document`, at each kind's place (empty for the flat
    /// kinds). Made once per document: every context reading the document asks for several kinds,
    /// and one pass over the marked words serves them all.
    func mentions(in document: Document) -> [[LexiconPhrases.Mention]] {
        document.memo.value(memoKey, from: document) { document in
            let marks = marks(in: document)
            return phrases.indices.map { place in
                phrases[place]?.mentions(in: document, marks: marks, bit: 1 << UInt16(place)) ?? []
            }
        }
    }

    /// For each token of `document`, the kinds whose forms may start there: those of every key
    /// `LexiconPhrases.lookUp` may try for the word.
    private func marks(in document: Document) -> [UInt16] {
        // By index: a copy of each token (its text and key retained) would cost as much as its look-up.
        let tokens = document.tokens
        // The tables as local constants: the look-up's closure then reads them in place, where
        // reading them through `self` copied (retained and released) the table for every word.
        let kinds = kinds, filter = filter
        var marks = [UInt16](repeating: 0, count: tokens.count)
        let apostrophe = UInt8(ascii: "'")
        for k in tokens.indices where tokens[k].isWordLike {
            let key = tokens[k].key
            // Without an apostrophe the look-up tries the word's own key alone (most words): that one
            // is weighed here, with no closure to call.
            guard key.utf8.withContiguousStorageIfAvailable({ $0.contains(apostrophe) }) ?? key.utf8.contains(apostrophe) else {
                marks[k] = filter.mayContain(key) ? kinds[key] ?? 0 : 0
                continue
            }
            var mark: UInt16 = 0
            _ = LexiconPhrases.lookUp(key) { key -> Void? in
                if filter.mayContain(key) { mark |= kinds[key] ?? 0 }
                return nil  // every key the look-up may try
            }
            marks[k] = mark
        }
        return marks
    }
}
