/// Whether a version passed the active gate policy.
public enum Verdict: String, Sendable, Hashable, Codable {
    case pass, fail
}
