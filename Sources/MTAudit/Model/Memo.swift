import Synchronization

/// A small thread-safe cache of values by key.
///
/// Each value is kept with its type's identity: asking for it again compares two identities and
/// reads the value, where a value kept as `Any` was cast back with `as? T`, a search of the runtime's
/// conformance tables that cost more than many of the look-ups it saved (1.9% of a feed's instructions).
/// A value of up to three words (an array, a string, a small struct: nearly all) is kept in the entry
/// itself; a larger one in a box. (A box for every value was an allocation and a free each, six a
/// document.)
///
/// A fixed key is a `MemoKey`, whose value sits at the key's number: asking reads an array. A key
/// made as it is asked for (a name with a number in it) is a string, numbered here by its bytes.
final class Memo: Sendable {
    /// The values by `MemoKey` number, and by string key. In a `Mutex` held by a constant: no
    /// exclusivity checks, and a lighter lock than `NSLock`.
    private let state: Mutex<State>

    private struct State {
        /// By `MemoKey.number`: the value kept under that key, `Entry.empty` while none is.
        var slots: [Entry]
        /// The string keys, numbered as they come (`KeyNumbering`, made on the first: most memos
        /// have none), and each one's value at its number.
        var keys: KeyNumbering?
        var entries: [Entry]
    }

    /// A value, the type its bytes are kept as, and the bytes: the value itself when it fits in three
    /// words, else a `Box` of it. Four words, no references: a memo's slots are trivial to copy and
    /// free, and an empty one is zeros. The entry's own copies and destruction are of the bytes only:
    /// the value is copied out by `value(as:)` and destroyed by `destroy()`, both under the memo's
    /// lock. Unchecked only because the value is typed away: every value kept is `Sendable` (`value`
    /// and `existing` require it). Two threads that miss one key may both compute it, and the
    /// second's equal value replaces the first's.
    private struct Entry: @unchecked Sendable {
        /// The type of what `words` hold (the value's, or its box's); nil in an empty entry. It is the
        /// value's identity too: a value asked for as a `T` is read if it was kept as a `T` (or in a
        /// `Box<T>`).
        private var stored: (any Any.Type)?
        private var words: (UInt, UInt, UInt) = (0, 0, 0)

        static var empty: Entry { Entry() }

        private init() { stored = nil }

        init<T>(_ value: T) {
            if Self.fitsInline(T.self) {
                stored = T.self
                withUnsafeMutableBytes(of: &words) { _ = $0.baseAddress!.initializeMemory(as: T.self, to: value) }
            } else {
                stored = Box<T>.self
                withUnsafeMutableBytes(of: &words) { _ = $0.baseAddress!.initializeMemory(as: Box<T>.self, to: Box(value)) }
            }
        }

        @inline(__always)
        static func fitsInline<T>(_ type: T.Type) -> Bool {
            MemoryLayout<T>.size <= MemoryLayout<(UInt, UInt, UInt)>.size && MemoryLayout<T>.alignment <= MemoryLayout<UInt>.alignment
        }

        var isEmpty: Bool { stored == nil }

        /// A copy of the value, if it was kept as a `T`.
        func value<T>(as type: T.Type) -> T? {
            guard let stored else { return nil }
            if Self.fitsInline(T.self) {
                guard ObjectIdentifier(stored) == ObjectIdentifier(T.self) else { return nil }
                return withUnsafeBytes(of: words) { $0.baseAddress!.assumingMemoryBound(to: T.self).pointee }
            }
            guard ObjectIdentifier(stored) == ObjectIdentifier(Box<T>.self) else { return nil }
            return withUnsafeBytes(of: words) { $0.baseAddress!.assumingMemoryBound(to: Box<T>.self).pointee.value }
        }

        /// Destroys the value (or its box), if there is one: the entry is empty after.
        mutating func destroy() {
            if let stored { Self.destroy(stored, in: &words) }
            self = Entry()
        }

        /// Destroys the `Stored` in `words`. Most values kept are an object (or a box) or hold no
        /// references: those are released, or left, with no destruction looked up by type
        /// (`deinitialize` goes through `swift_arrayDestroy` and the type's value witness).
        private static func destroy<Stored>(_ type: Stored.Type, in words: inout (UInt, UInt, UInt)) {
            if _isPOD(Stored.self) { return }
            if MemoryLayout<Stored>.size == MemoryLayout<AnyObject>.size, Stored.self is AnyObject.Type {
                // (A class type's value is one strong reference: releasing it is destroying it.)
                Unmanaged<AnyObject>.fromOpaque(UnsafeRawPointer(bitPattern: words.0).unsafelyUnwrapped).release()
                return
            }
            withUnsafeMutableBytes(of: &words) { _ = $0.baseAddress!.assumingMemoryBound(to: Stored.self).deinitialize(count: 1) }
        }
    }

    private final class Box<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// A cache with room for the values of keys numbered below `capacity`, or of every key made so
    /// far if there are more (`MemoKey`s are numbered process-wide, in the order they are first
    /// made), before its array grows.
    init(capacity: Int = 0) {
        // Empty slots made at once: appending them a key at a time cost more than the look-ups, and
        // growing the array for a key numbered past them (once the rules have made their keys, the
        // commonest case) a copy of it for most documents. (By `reserveCapacity` and appends, which
        // are specialized; `Array(repeating:count:)` looks the storage's type up at run time, about
        // 500 instructions.)
        let count = max(capacity, MemoKey.count)
        var slots: [Entry] = []
        slots.reserveCapacity(count)
        for _ in 0..<count { slots.append(.empty) }
        state = Mutex(State(slots: slots, keys: nil, entries: []))
    }

    deinit {
        // (An entry's bytes are copied as bytes: destroying a copy destroys the value.)
        state.withLock { state in
            for var entry in state.slots where !entry.isEmpty { entry.destroy() }
            for var entry in state.entries { entry.destroy() }
        }
    }

    // MARK: Fixed keys

    func value<T: Sendable>(_ key: MemoKey, _ compute: () -> T) -> T { value(key, from: ()) { _ in compute() } }

    /// The value kept under `key` as a `T`, if one was made.
    func existing<T: Sendable>(_ key: MemoKey, as type: T.Type) -> T? {
        let number = key.number
        // (Copied out under the lock: a second value for the key destroys the first.)
        return state.withLock { state in number < state.slots.count ? state.slots[number].value(as: T.self) : nil }
    }

    /// The value `compute` makes of `input`, computed once under `key`. `input` is passed, not
    /// captured, so that asking again does not copy it.
    func value<T: Sendable, Input>(_ key: MemoKey, from input: Input, _ compute: (Input) -> T) -> T {
        if let value = existing(key, as: T.self) { return value }
        let value = compute(input)
        let entry = Entry(value)
        let number = key.number
        state.withLock { state in
            if number >= state.slots.count { state.slots.append(contentsOf: repeatElement(.empty, count: number + 1 - state.slots.count)) }
            state.slots[number].destroy()
            state.slots[number] = entry
        }
        return value
    }

    // MARK: Keys made as they are asked for

    func value<T: Sendable>(_ key: String, _ compute: () -> T) -> T { value(key, from: ()) { _ in compute() } }

    /// The value kept under `key` as a `T`, if one was made.
    func existing<T: Sendable>(_ key: String, as type: T.Type) -> T? {
        state.withLock { state in state.keys?.number(of: key).flatMap { state.entries[$0].value(as: T.self) } }
    }

    /// The value `compute` makes of `input`, computed once under `key`. `input` is passed, not
    /// captured, so that asking again does not copy it.
    func value<T: Sendable, Input>(_ key: String, from input: Input, _ compute: (Input) -> T) -> T {
        if let value = existing(key, as: T.self) { return value }
        let value = compute(input)
        let entry = Entry(value)
        state.withLock { state in
            if state.keys == nil { state.keys = KeyNumbering(capacity: 8) }
            let number = state.keys!.number(key)
            if number == state.entries.count {
                state.entries.append(entry)
            } else {
                state.entries[number].destroy()
                state.entries[number] = entry
            }
        }
        return value
    }
}
