/// One piece of a text found by the `Segmenter`: its span (Unicode scalar offsets) and the same range
/// in UTF-8 bytes, for slicing the text without counting again.
public struct Segment: Sendable, Hashable {
    public let span: TextSpan
    public let utf8: Range<Int>

    public init(span: TextSpan, utf8: Range<Int>) {
        self.span = span
        self.utf8 = utf8
    }

    /// The segment's text, sliced from the text it was found in.
    public func text(in source: String) -> Substring {
        let view = source.utf8
        let from = view.index(view.startIndex, offsetBy: utf8.lowerBound)
        let to = view.index(from, offsetBy: utf8.count)
        return source[from..<to]
    }
}

/// What kind of word segment ICU's word rules found.
public enum WordKind: String, Sendable, Hashable {
    /// Letters (any alphabetic script).
    case letters
    /// A number, with its inner separators ("1,000.5").
    case number
    /// Japanese kana.
    case kana
    /// Han ideographs (Chinese, Japanese kanji), split by ICU's dictionary.
    case ideographic
    /// Punctuation: . , ; “ ” — …
    case punctuation
    /// Anything else that is not white space: symbols, emoji.
    case symbol

    /// True for the kinds that carry meaning: letters, numbers, kana, ideographs.
    public var isWordLike: Bool {
        switch self {
        case .letters, .number, .kana, .ideographic: return true
        case .punctuation, .symbol: return false
        }
    }
}

/// A word-break segment that is not white space.
public struct WordSegment: Sendable, Hashable {
    public let segment: Segment
    public let kind: WordKind

    public var span: TextSpan { segment.span }
    public var utf8: Range<Int> { segment.utf8 }
}

/// A text cut into paragraphs, sentences (each inside one paragraph) and words.
public struct Segmentation: Sendable {
    public let paragraphs: [Segment]
    public let sentences: [Segment]
    public let words: [WordSegment]
    public let offsets: ScalarOffsets
}
