import Synchronization

/// A small thread-safe cache of values by key.
///
/// Each value is kept in a box with its type's identity: asking for it again compares two identities
/// and reads the box, where a value kept as `Any` was cast back with `as? T`, a search of the runtime's
/// conformance tables that cost more than many of the look-ups it saved (1.9% of a feed's instructions).
///
/// A fixed key is a `MemoKey`, whose value sits at the key's number: asking reads an array. A key
/// made as it is asked for (a name with a number in it) is a string, numbered here by its bytes.
final class Memo: Sendable {
    /// The values by `MemoKey` number, and by string key. In a `Mutex` held by a constant: no
    /// exclusivity checks, and a lighter lock than `NSLock`.
    private let state: Mutex<State>

    private struct State {
        /// By `MemoKey.number`: the value kept under that key, nil while none is.
        var slots: [Entry?]
        /// The string keys, numbered as they come (`KeyNumbering`, made on the first: most memos
        /// have none), and each one's value at its number.
        var keys: KeyNumbering?
        var entries: [Entry]
    }

    /// A value and the type it was kept as. Unchecked only because the box is typed away: every value
    /// kept is `Sendable` (`value` and `existing` require it). Two threads that miss one key may both
    /// compute it, and the second's equal value replaces the first's.
    private struct Entry: @unchecked Sendable {
        let type: ObjectIdentifier
        let box: AnyObject

        func value<T>(as type: T.Type) -> T? {
            guard self.type == ObjectIdentifier(T.self) else { return nil }
            return unsafeDowncast(box, to: Box<T>.self).value
        }
    }

    private final class Box<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// A cache with room for the values of keys numbered below `capacity` (`MemoKey`s are numbered
    /// process-wide, in the order they are first made) before its array grows.
    init(capacity: Int = 0) {
        var slots: [Entry?] = []
        slots.reserveCapacity(capacity)
        state = Mutex(State(slots: slots, keys: nil, entries: []))
    }

    // MARK: Fixed keys

    func value<T: Sendable>(_ key: MemoKey, _ compute: () -> T) -> T { value(key, from: ()) { _ in compute() } }

    /// The value kept under `key` as a `T`, if one was made.
    func existing<T: Sendable>(_ key: MemoKey, as type: T.Type) -> T? {
        let number = key.number
        return state.withLock { state in number < state.slots.count ? state.slots[number] : nil }?.value(as: T.self)
    }

    /// The value `compute` makes of `input`, computed once under `key`. `input` is passed, not
    /// captured, so that asking again does not copy it.
    func value<T: Sendable, Input>(_ key: MemoKey, from input: Input, _ compute: (Input) -> T) -> T {
        if let value = existing(key, as: T.self) { return value }
        let value = compute(input)
        let entry = Entry(type: ObjectIdentifier(T.self), box: Box(value))
        let number = key.number
        state.withLock { state in
            if number >= state.slots.count { state.slots.append(contentsOf: repeatElement(nil, count: number + 1 - state.slots.count)) }
            state.slots[number] = entry
        }
        return value
    }

    // MARK: Keys made as they are asked for

    func value<T: Sendable>(_ key: String, _ compute: () -> T) -> T { value(key, from: ()) { _ in compute() } }

    /// The value kept under `key` as a `T`, if one was made.
    func existing<T: Sendable>(_ key: String, as type: T.Type) -> T? {
        state.withLock { state in state.keys?.number(of: key).map { state.entries[$0] } }?.value(as: T.self)
    }

    /// The value `compute` makes of `input`, computed once under `key`. `input` is passed, not
    /// captured, so that asking again does not copy it.
    func value<T: Sendable, Input>(_ key: String, from input: Input, _ compute: (Input) -> T) -> T {
        if let value = existing(key, as: T.self) { return value }
        let value = compute(input)
        let entry = Entry(type: ObjectIdentifier(T.self), box: Box(value))
        state.withLock { state in
            if state.keys == nil { state.keys = KeyNumbering(capacity: 8) }
            let number = state.keys!.number(key)
            if number == state.entries.count { state.entries.append(entry) } else { state.entries[number] = entry }
        }
        return value
    }
}
