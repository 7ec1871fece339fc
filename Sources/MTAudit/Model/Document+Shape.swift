import MTAuditText

extension Document {
    /// The sentence's final punctuation mark, looking past closing quotes and brackets: its scalar
    /// and offset. Nil when the sentence ends in a word.
    public func terminalMark(ofSentence index: Int) -> (mark: Unicode.Scalar, offset: Int)? {
        guard let last = lastContent(ofSentence: index), tokens[last].kind == .punctuation else { return nil }
        // An ASCII mark's scalar is its last byte.
        let text = tokens[last].text
        let mark = tokens[last].isASCII ? text.utf8.last.map { Unicode.Scalar($0) } : text.unicodeScalars.last
        guard let mark else { return nil }
        return (mark, tokens[last].span.end - 1)
    }

    /// The offset just after the sentence's last word or mark that is not a closing quote or bracket,
    /// which is where a missing final full stop belongs.
    public func endOfContent(ofSentence index: Int) -> Int {
        guard let last = lastContent(ofSentence: index) else { return sentences[index].span.end }
        return tokens[last].span.end
    }

    /// The index of the sentence's last token that is not a closing quote or bracket, found by index:
    /// a copy of each token read (as `last(where:)` makes) retained and released its two strings,
    /// at every sentence of every rule that asks.
    private func lastContent(ofSentence index: Int) -> Int? {
        let range = sentences[index].tokens
        var k = range.upperBound
        while k > range.lowerBound {
            k -= 1
            if !Self.isClosing(at: k, of: tokens) { return k }
        }
        return nil
    }

    /// `isClosingMark(token.text)` of the token at `index`, told from an ASCII token's length and
    /// byte without its scalar's properties (most tokens are ASCII: reading the general category cost
    /// 300 instructions a token).
    private static func isClosing(at index: Int, of tokens: [Token]) -> Bool {
        guard tokens[index].isASCII else { return isClosingMark(tokens[index].text) }
        guard tokens[index].utf8.count == 1, let byte = tokens[index].text.utf8.first else { return false }
        // The ASCII closing marks: ) ] } (Close_Punctuation), and " '. (ASCII has no Final_Punctuation.)
        switch byte {
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        default: return false
        }
    }

    /// Quotes and brackets that close: ” ’ " ' » ) ] } 」 』 ） and the like.
    public static func isClosingMark(_ text: String) -> Bool {
        guard let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1 else { return false }
        switch scalar.properties.generalCategory {
        case .closePunctuation, .finalPunctuation: return true
        default: return scalar == "\"" || scalar == "'" || scalar == "\u{2019}" || scalar == "\u{201D}"
        }
    }

    /// Whether `scalar` ends a sentence as a statement: . 。 ! ！ … ।
    public static func isStatementMark(_ scalar: Unicode.Scalar) -> Bool {
        [".", "!", "\u{3002}", "\u{FF01}", "\u{2026}", "\u{0964}", "\u{FF0E}"].contains(scalar)
    }

    /// Whether `scalar` ends a sentence as a question: ? ？ ؟ and the Greek question mark.
    public static func isQuestionMark(_ scalar: Unicode.Scalar) -> Bool {
        ["?", "\u{FF1F}", "\u{061F}", "\u{037E}"].contains(scalar)
    }
}
