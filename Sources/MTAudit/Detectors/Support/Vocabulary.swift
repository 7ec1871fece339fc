import Synchronization

/// The words of some documents, as detectors compare against them: words, adjacent pairs, proper
/// names. Keys are matching forms.
struct Vocabulary {
    /// Every word-like token.
    private(set) var words: Set<String> = []
    /// Adjacent letter pairs "a b" inside one sentence, with at most a comma, dash or full stop of an
    /// abbreviation between them, mapped to the text that joins them as written ("Mr. Brennan").
    let pairs: Pairs
    /// Words written with a capital inside a sentence and never in lower case.
    private(set) var properNames: [String: String] = [:]
    private var lowercased: Set<String> = []

    /// The vocabulary of `documents`. That of a single document (the source, for most detectors) is
    /// made once and kept in the document's memo, however many detectors and contexts ask for it.
    init(_ documents: [Document]) {
        if documents.count == 1 {
            let document = documents[0]
            self = document.memo.value("vocabulary") { Vocabulary(building: documents) }
        } else {
            self.init(building: documents)
        }
    }

    private init(building documents: [Document]) {
        pairs = Pairs(documents)
        words.reserveCapacity(documents.reduce(0) { $0 + $1.tokens.count })
        for document in documents { add(document) }
        for key in lowercased { properNames[key] = nil }
    }

    private mutating func add(_ document: Document) {
        let tokens = document.tokens
        // The sentence of the last word-like token seen: a word opens its sentence unless an earlier
        // word-like token of the same sentence came before it.
        var sentenceWithWord = -1
        for token in tokens where token.isWordLike {
            words.insert(token.key)
            let opensSentence = sentenceWithWord != token.sentence
            sentenceWithWord = token.sentence
            guard token.kind == .letters, let first = token.text.unicodeScalars.first else { continue }
            if Self.isUppercase(first), !opensSentence {
                if properNames[token.key] == nil { properNames[token.key] = token.text }
            } else if Self.isLowercase(first) {
                lowercased.insert(token.key)
            }
        }
    }

    /// Case of a word's first letter, answered for ASCII without a property look-up (A–Z and a–z are
    /// ASCII's only cased letters).
    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
    }

    private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (0x61...0x7A).contains(scalar.value) : scalar.properties.isLowercase
    }

    /// The word pairs of some documents, made on the first look-up: detectors ask for them only about
    /// a rare candidate (a merged or split word, a name in lower case), and most contexts never do.
    ///
    /// It keeps the documents' texts and tokens, not the documents: a vocabulary is kept in its
    /// document's memo, and a document held there would never be freed.
    final class Pairs: Sendable {
        private let texts: [(text: String, tokens: [Token])]
        private let table = Mutex<[String: String]?>(nil)

        init(_ documents: [Document]) { texts = documents.map { ($0.text, $0.tokens) } }

        /// The pair `key` ("a b") as written where it first occurs, or nil.
        subscript(key: String) -> String? {
            table.withLock { table in
                if table == nil { table = Self.make(texts) }
                return table![key]
            }
        }

        private static func make(_ texts: [(text: String, tokens: [Token])]) -> [String: String] {
            var pairs: [String: String] = [:]
            for (text, tokens) in texts {
                for (index, token) in tokens.enumerated() where token.kind == .letters {
                    // The next word in the same sentence, past at most one comma, dash or full stop.
                    var next = index + 1
                    if next < tokens.count, tokens[next].kind == .punctuation, [",", ".", "-", "–", "—"].contains(tokens[next].text) {
                        next += 1
                    }
                    if next < tokens.count, tokens[next].kind == .letters, tokens[next].sentence == token.sentence {
                        let joined = token.key + " " + tokens[next].key
                        if pairs[joined] == nil {
                            // Tokens know their bytes: the text from this word to the next one.
                            let utf8 = text.utf8
                            pairs[joined] = String(utf8[utf8.index(utf8.startIndex, offsetBy: token.utf8.lowerBound)
                                ..< utf8.index(utf8.startIndex, offsetBy: tokens[next].utf8.upperBound)])!
                        }
                    }
                }
            }
            return pairs
        }
    }
}
