import MTAuditText
import Synchronization

/// The matching forms of a lexicon's entries, as detectors test words against them ("mr", "dr",
/// "had had"), made once per process for each lexicon kind, language and set of lexicon files
/// instead of in every detection context.
enum LexiconKeys {
    /// The set of the matching keys of `lexicons`' entries of `kind` for `language`.
    ///
    /// The sets made so far are few and kept in a list. An audit's contexts share one `Lexicons`,
    /// whose files compare equal at once (the same array storage), so a look-up neither gathers the
    /// entries again nor hashes anything.
    static func cached(_ kind: LexiconKind, lexicons: Lexicons, language: String) -> Set<String> {
        func matches(_ known: Known) -> Bool {
            known.kind == kind && known.language == language && known.files == lexicons.files
        }
        if let known = cache.withLock({ $0.first(where: matches) }) { return known.keys }
        let keys = Set(lexicons.entries(kind, language: language).map(Normalizer.matchingKey))
        cache.withLock { cache in
            if !cache.contains(where: matches) {
                cache.append(Known(kind: kind, language: language, files: lexicons.files, keys: keys))
            }
        }
        return keys
    }

    private struct Known: Sendable {
        let kind: LexiconKind
        let language: String
        let files: [LexiconFile]
        let keys: Set<String>
    }

    private static let cache = Mutex<[Known]>([])
}
