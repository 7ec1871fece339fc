/// How much a finding matters, as in MQM: a critical error misinforms or makes the text unusable, a
/// major one changes meaning or confuses, a minor one is a blemish that does not mislead.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case minor, major, critical

    /// MQM penalty points for one finding of this severity.
    public var penalty: Double {
        switch self {
        case .minor: return 1
        case .major: return 5
        case .critical: return 25
        }
    }

    private var rank: Int {
        switch self {
        case .minor: return 0
        case .major: return 1
        case .critical: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    public var description: String { rawValue }
}
