import Synchronization

/// Look-up structures built from a set of lexicon files (phrase tables, sets of keys), kept as long
/// as the `Lexicons` value's files are: every document asks for them, and building them costs far
/// more than a look-up. Thread-safe; typed slots, so that a look-up is one dictionary probe.
final class DerivedLookups: Sendable {
    /// Unique in the process: names these lexicons in documents' memos, in a short key.
    let id = DerivedLookups.serial.add(1, ordering: .relaxed).newValue
    private static let serial = Atomic<Int>(0)

    /// The entries of the flat kinds, by kind and language (`Lexicons.entries`): detectors ask for them
    /// in every context.
    let entries = Cache<KindAndLanguage, [String]>()
    /// The phrase tables of the structured kinds (`LexiconPhrases.cached`).
    let phrases = Cache<LexiconPhrases.CacheKey, LexiconPhrases>()
    /// The words that may start a form of any structured kind, by language (`FormStarts`).
    let formStarts = Cache<String, FormStarts>()
    /// The matching keys of flat lists ("mr", "dr" of the honorifics), by kind and language.
    let matchingKeys = Cache<KindAndLanguage, Set<String>>()
    /// The honorifics' matching keys by language, as a `KeySet` (`NameRuns.honorificKeys`): the name
    /// rules ask it about every capitalized word.
    let honorificKeys = Cache<String, KeySet>()
    /// The number words' values, by language (`NumberWords.cached`).
    let numberWords = Cache<String, NumberWords>()

    struct KindAndLanguage: Hashable, Sendable {
        let kind: LexiconKind
        let language: String
    }

    /// Values by key, each built once (two threads may both build one; either result is the same).
    ///
    /// Keys carry a language tag, which a feed may write in endless variations ("en-x-1", "en-x-2",
    /// …): past `limit` values, new ones are made but not kept, so that memory stays flat however
    /// long the feed. Real feeds name a few languages.
    ///
    /// The last value found is kept beside the table with its key: a feed asks again and again for
    /// one language, and comparing that key costs less than hashing it (SipHash, for a key of a
    /// few bytes) to probe the table.
    final class Cache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
        private struct Table {
            var values: [Key: Value] = [:]
            var last: (key: Key, value: Value)?
        }
        private let table = Mutex(Table())
        static var limit: Int { 256 }

        func value(_ key: Key, _ make: () -> Value) -> Value {
            if let known = table.withLock({ table -> Value? in
                if let last = table.last, last.key == key { return last.value }
                guard let value = table.values[key] else { return nil }
                table.last = (key, value)
                return value
            }) {
                return known
            }
            let made = make()
            table.withLock { table in
                if table.values.count < Self.limit { table.values[key] = made }
            }
            return made
        }
    }
}
