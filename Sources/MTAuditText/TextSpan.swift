/// A range of a text in **Unicode scalar (code point) offsets**, end exclusive.
///
/// Offsets count `Unicode.Scalar`s from the start of the text exactly as the user gave it (after
/// decoding, before any normalization): "é" written as U+0065 U+0301 is two, "😀" is one, "漢" is one.
/// This is the unit of every span in mtaudit's machine interface. A point (`start == end`) marks a
/// place between two scalars, such as where an omitted passage would stand.
public struct TextSpan: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "TextSpan start \(start) is after its end \(end)")
        self.start = start
        self.end = end
    }

    public init(_ range: Range<Int>) { self.init(start: range.lowerBound, end: range.upperBound) }

    public static func point(_ offset: Int) -> TextSpan { TextSpan(start: offset, end: offset) }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }
    public var range: Range<Int> { start..<end }

    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    /// The smallest span covering both.
    public func union(_ other: TextSpan) -> TextSpan {
        TextSpan(start: min(start, other.start), end: max(end, other.end))
    }

    public func shifted(by offset: Int) -> TextSpan { TextSpan(start: start + offset, end: end + offset) }

    public static func < (a: TextSpan, b: TextSpan) -> Bool { (a.start, a.end) < (b.start, b.end) }

    public var description: String { "\(start)..<\(end)" }
}
