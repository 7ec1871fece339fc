import Synchronization

/// A fixed name under which a `Memo` keeps a value, numbered once per process when it is made: a
/// memo keeps the value at that number, and asking for it reads an array rather than hashing the
/// name (an audit asks its memos a few hundred times a pair).
///
/// Make each key once, as a `static let` where its value is asked for: every key made takes a new
/// number, and a memo's array reaches the highest number asked of it.
struct MemoKey: Sendable {
    /// The key's name, for reading.
    let name: String
    let number: Int

    private static let made = Atomic<Int>(0)

    /// How many keys have been made so far in this process: once the rules have all run, every key.
    static var count: Int { made.load(ordering: .relaxed) }

    init(_ name: String) {
        self.name = name
        number = Self.made.add(1, ordering: .relaxed).oldValue
    }
}
