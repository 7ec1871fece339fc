/// An MQM-style quality score: 100 minus the findings' penalty points per word, in percent.
///
/// Penalties are 1 (minor), 5 (major) and 25 (critical) points; the sum is divided by the number of
/// words of the version, counted as at least `minimumWords` (50 by default, so that one slip does not
/// sink a short text), and the result is clamped to 0–100: `100 × (1 − penalty / words)`.
public struct MQMScorer: Sendable {
    public var minimumWords: Int

    public init(minimumWords: Int = 50) { self.minimumWords = minimumWords }

    /// `mqm|w:1,5,25|per-word|min:50`: how a score was made, so it can be reproduced.
    public var signature: String {
        "mqm|w:\(Self.weights)|per-word|min:\(minimumWords)"
    }

    private static let weights = [Severity.minor, .major, .critical].map { String(Int($0.penalty)) }
        .joined(separator: ",")

    public func penalty(_ findings: [Finding]) -> Double { findings.reduce(0) { $0 + $1.severity.penalty } }

    public func score(_ findings: [Finding], words: Int) -> Double {
        let raw = 100 * (1 - penalty(findings) / Double(max(words, minimumWords, 1)))
        return (min(100, max(0, raw)) * 100).rounded() / 100
    }
}
