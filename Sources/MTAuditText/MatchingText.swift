/// A text derived from another (its matching form, or a normalization of it), with a map back to the
/// original.
///
/// The matching form is what mtaudit compares: NFKC_Casefold, then curly and straight quotes folded to
/// `'` and `"`, every dash and minus to `-`, and each run of white space to one space. Offsets into it
/// are Unicode scalar offsets of the matching form; `originalSpan(of:)` turns them into `TextSpan`s of
/// the original text (also scalar offsets), covering every original scalar that produced them.
public struct MatchingText: Sendable, Equatable {
    public let text: String
    /// For each scalar of `text`, the scalar offset in the original where the change that produced it
    /// begins. Non-decreasing.
    public let origin: [Int32]
    /// The scalar count of the original text.
    public let originalCount: Int

    public init(text: String, origin: [Int32], originalCount: Int) {
        self.text = text
        self.origin = origin
        self.originalCount = originalCount
    }

    /// The span of the original text that produced `range` of the matching form.
    public func originalSpan(of range: Range<Int>) -> TextSpan {
        precondition(range.lowerBound >= 0 && range.upperBound <= origin.count, "range outside the matching text")
        if range.isEmpty {
            let at = range.lowerBound < origin.count ? Int(origin[range.lowerBound]) : originalCount
            return .point(at)
        }
        let start = Int(origin[range.lowerBound])
        let last = origin[range.upperBound - 1]
        var next = range.upperBound
        while next < origin.count, origin[next] == last { next += 1 }
        let end = next < origin.count ? Int(origin[next]) : originalCount
        return TextSpan(start: start, end: end)
    }
}
