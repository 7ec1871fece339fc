import Foundation
import MTAudit

/// The text around a finding: up to `radius` scalars on each side, cut at line breaks.
struct FindingContext {
    let before: String
    let match: String
    let after: String

    init(text: String, span: Excerpt, radius: Int = 40) {
        let scalars = Array(text.unicodeScalars)
        let start = min(span.start, scalars.count), end = min(span.end, scalars.count)
        var from = max(0, start - radius)
        var to = min(scalars.count, end + radius)
        if let newline = scalars[from..<start].lastIndex(of: "\n") { from = newline + 1 }
        if let newline = scalars[end..<to].firstIndex(of: "\n") { to = newline }
        func slice(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        before = (from > 0 ? "…" : "") + slice(from..<start)
        match = slice(start..<end)
        after = slice(end..<to) + (to < scalars.count && scalars[to] != "\n" ? "…" : "")
    }
}

extension Severity {
    /// critical, major, minor: most severe first.
    static let descending: [Severity] = [.critical, .major, .minor]
}

extension Double {
    /// A score or share as reports print it: at most two decimals, no trailing zeros.
    var reportText: String {
        let rounded = (self * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
