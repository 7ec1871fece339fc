/// The words of some documents, as detectors compare against them: words, adjacent pairs, proper
/// names. Keys are matching forms.
struct Vocabulary {
    /// Every word-like token.
    private(set) var words: Set<String> = []
    /// Adjacent letter pairs "a b" inside one sentence, with at most a comma, dash or full stop of an
    /// abbreviation between them, mapped to the text that joins them as written ("Mr. Brennan").
    private(set) var pairs: [String: String] = [:]
    /// Words written with a capital inside a sentence and never in lower case.
    private(set) var properNames: [String: String] = [:]
    private var lowercased: Set<String> = []

    init(_ documents: [Document]) {
        for document in documents { add(document) }
        for key in lowercased { properNames[key] = nil }
    }

    private mutating func add(_ document: Document) {
        let tokens = document.tokens
        for (index, token) in tokens.enumerated() where token.isWordLike {
            words.insert(token.key)
            guard token.kind == .letters, let first = token.text.unicodeScalars.first else { continue }
            let sentenceStart = document.sentences[token.sentence].tokens.lowerBound
            let opensSentence = !tokens[sentenceStart..<index].contains(where: \.isWordLike)
            if first.properties.isUppercase, !opensSentence {
                if properNames[token.key] == nil { properNames[token.key] = token.text }
            } else if first.properties.isLowercase {
                lowercased.insert(token.key)
            }
            // The next word in the same sentence, past at most one comma, dash or full stop.
            var next = index + 1
            if next < tokens.count, tokens[next].kind == .punctuation, [",", ".", "-", "–", "—"].contains(tokens[next].text) {
                next += 1
            }
            if next < tokens.count, tokens[next].kind == .letters, tokens[next].sentence == token.sentence {
                let joined = token.key + " " + tokens[next].key
                if pairs[joined] == nil {
                    pairs[joined] = document.text(of: token.span.union(tokens[next].span))
                }
            }
        }
    }
}
