import MTAuditText

/// A span of a text together with the text it covers: `{"start", "end", "text"}` in the machine
/// interface. Offsets are **Unicode scalar (code point) offsets**, end exclusive, into the text as the
/// user gave it (after decoding, before normalization). A point has `start == end` and empty `text`.
public struct Excerpt: Sendable, Hashable, Codable, CustomStringConvertible {
    public let start: Int
    public let end: Int
    public let text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }

    public var span: TextSpan { TextSpan(start: start, end: end) }

    public var description: String { "\(start)..<\(end) \"\(text)\"" }
}
