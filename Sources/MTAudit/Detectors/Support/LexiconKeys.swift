import MTAuditText
import Synchronization

/// The matching forms of a lexicon's entries, as detectors test words against them ("mr", "dr",
/// "had had"), made once per process for each distinct list of entries instead of in every
/// detection context.
enum LexiconKeys {
    /// The set of `entries`' matching keys.
    ///
    /// The lists seen so far are few and kept in a list, not keyed by their joined text: comparing
    /// with a list of the same strings is mostly pointer comparisons.
    static func cached(_ entries: [String]) -> Set<String> {
        if let known = cache.withLock({ $0.first { $0.entries == entries } }) { return known.keys }
        let keys = Set(entries.map(Normalizer.matchingKey))
        cache.withLock { cache in
            if !cache.contains(where: { $0.entries == entries }) { cache.append(Known(entries: entries, keys: keys)) }
        }
        return keys
    }

    private struct Known: Sendable {
        let entries: [String]
        let keys: Set<String>
    }

    private static let cache = Mutex<[Known]>([])
}
