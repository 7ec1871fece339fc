/// How far a feed has got, in a line for a person at a terminal:
/// `120 stories  8.1/s  0.42 MB/s  37%  ETA 2m05s  3 unreadable  7 failing`.
///
/// A value: the CLI counts answers into it as they are written and asks for `line` when it redraws.
public struct FeedProgress: Sendable, Hashable {
    /// Lines answered (audited or not).
    public private(set) var stories = 0
    /// Lines answered with an error.
    public private(set) var unreadable = 0
    /// Stories with at least one version that failed the gate.
    public private(set) var failing = 0
    /// Input bytes answered so far, line breaks included.
    public private(set) var bytes = 0

    public init() {}

    /// Counts one answered line of `byteCount` input bytes.
    public mutating func record(_ answer: FeedAnswer, byteCount: Int) {
        stories += 1
        bytes += byteCount
        switch answer {
        case .audited(_, let result): if !result.passed { failing += 1 }
        case .failed: unreadable += 1
        }
    }

    /// The status line after `elapsed` seconds; `totalBytes` is the input's size when it is known.
    public func line(elapsed: Double, totalBytes: Int?) -> String {
        var parts = ["\(stories) \(stories == 1 ? "story" : "stories")"]
        if elapsed > 0 {
            parts.append("\(Self.decimal(Double(stories) / elapsed))/s")
            parts.append("\(Self.decimal(Double(bytes) / 1_000_000 / elapsed, places: 2)) MB/s")
        }
        if let totalBytes, totalBytes > 0 {
            let share = min(1, Double(bytes) / Double(totalBytes))
            parts.append("\(Int(share * 100))%")
            if bytes > 0, elapsed > 0, share < 1 {
                parts.append("ETA \(Self.duration(elapsed / share - elapsed))")
            }
        }
        parts.append("\(unreadable) unreadable")
        parts.append("\(failing) failing")
        return parts.joined(separator: "  ")
    }

    /// `seconds` as `45s`, `2m05s` or `1h02m`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" + pad(total % 60) + "s" }
        return "\(total / 3600)h" + pad(total / 60 % 60) + "m"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `value` with `places` decimals, without Foundation's locale.
    static func decimal(_ value: Double, places: Int = 1) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let whole = scaled / scale
        let fraction = String(scaled % scale)
        return places == 0 ? "\(whole)" : "\(whole)." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
