/// What a finding rests on.
public enum Evidence: String, Sendable, Hashable, Codable {
    /// The source says otherwise.
    case source
    /// The other versions agree against this one.
    case consensus
    /// The version contradicts or garbles itself; no comparison needed.
    case `self`
    /// A lexicon entry (a known confusion, a banned term).
    case lexicon
}
