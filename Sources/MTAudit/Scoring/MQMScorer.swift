/// An MQM-style quality score: 100 minus the findings' penalty points per word, in percent.
///
/// Penalties are 1 (minor), 5 (major) and 25 (critical) points; the sum is divided by the number of
/// words of the version, counted as at least `minimumWords` (50 by default, so that one slip does not
/// sink a short text), and the result is clamped to 0–100: `100 × (1 − penalty / words)`.
public struct MQMScorer: Sendable {
    public var minimumWords: Int
    /// Penalty points per severity; MQM's usual 1, 5 and 25 unless configured.
    public var weights: [Severity: Double]

    public static let defaultWeights: [Severity: Double] = [.minor: Severity.minor.penalty, .major: Severity.major.penalty,
                                                            .critical: Severity.critical.penalty]

    public init(minimumWords: Int = 50, weights: [Severity: Double] = MQMScorer.defaultWeights) {
        self.minimumWords = minimumWords
        self.weights = weights
    }

    /// `mqm|w:1,5,25|per-word|min:50`: how a score was made, so it can be reproduced.
    public var signature: String {
        let written = [Severity.minor, .major, .critical].map { severity -> String in
            let weight = weights[severity] ?? severity.penalty
            return weight == weight.rounded() ? String(Int(weight)) : String(weight)
        }
        return "mqm|w:\(written.joined(separator: ","))|per-word|min:\(minimumWords)"
    }

    public func penalty(_ findings: [Finding]) -> Double {
        findings.reduce(0) { $0 + (weights[$1.severity] ?? $1.severity.penalty) }
    }

    public func score(_ findings: [Finding], words: Int) -> Double {
        let raw = 100 * (1 - penalty(findings) / Double(max(words, minimumWords, 1)))
        return (min(100, max(0, raw)) * 100).rounded() / 100
    }
}
