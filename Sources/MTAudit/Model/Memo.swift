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
        /// By `MemoKey.number` below `slotCount`: the value kept under that key, where `filled` has
        /// the number's bit. Raw memory, neither initialized nor cleared (an entry is plain bytes):
        /// a memo's slots cost one allocation and no pass over them, made or freed (an array of
        /// optional entries was written whole when made and read whole when freed).
        var slots: UnsafeMutablePointer<Entry>
        var slotCount: Int
        /// Bit n: slot n holds a value (numbers below 64; past them, `laterSlots`).
        var filled: UInt64 = 0
        /// The values of keys numbered 64 and more, by number (none so far: room for more keys).
        var laterSlots: [(number: Int, entry: Entry)] = []
        /// The string keys, numbered as they come (`KeyNumbering`, made on the first: most memos
        /// have none), and each one's value at its number.
        var keys: KeyNumbering?
        var entries: [Entry] = []

        /// The entry kept under key `number`, if any.
        @inline(__always)
        func entry(_ number: Int) -> Entry? {
            if number < 64 { return filled & (1 << UInt64(number)) != 0 ? slots[number] : nil }
            return laterSlots.first { $0.number == number }?.entry
        }

        /// Keeps `entry` under key `number`, destroying the value it replaces.
        mutating func keep(_ entry: Entry, at number: Int) {
            guard number < 64 else {
                if let index = laterSlots.firstIndex(where: { $0.number == number }) {
                    laterSlots[index].entry.destroy()
                    laterSlots[index].entry = entry
                } else {
                    laterSlots.append((number, entry))
                }
                return
            }
            if number >= slotCount {
                // A key numbered after the memo was made: room up to it, the entries moved as bytes.
                let grown = UnsafeMutablePointer<Entry>.allocate(capacity: number + 1)
                grown.moveInitialize(from: slots, count: slotCount)
                slots.deallocate()
                (slots, slotCount) = (grown, number + 1)
            }
            let bit: UInt64 = 1 << UInt64(number)
            if filled & bit != 0 { slots[number].destroy() } else { filled |= bit }
            (slots + number).initialize(to: entry)
        }

        /// Destroys every value kept and frees the slots.
        mutating func destroyAll() {
            var left = filled
            while left != 0 {
                slots[left.trailingZeroBitCount].destroy()
                left &= left - 1
            }
            slots.deallocate()
            for index in laterSlots.indices { laterSlots[index].entry.destroy() }
            for index in entries.indices { entries[index].destroy() }
        }
    }

    /// A value, the type it was kept as, and its bytes: the value itself when it fits in three
    /// words, else a `Box` of it. The entry's own copies and destruction are of the bytes only: the
    /// value is copied out by `value(as:)` and destroyed by `destroy()`, both under the memo's lock.
    /// Unchecked only because the value is typed away: every value kept is `Sendable` (`value` and
    /// `existing` require it). Two threads that miss one key may both compute it, and the second's
    /// equal value replaces the first's.
    private struct Entry: @unchecked Sendable {
        let type: ObjectIdentifier
        /// The type of what `words` hold (the value's, or its box's), for destroying it.
        let stored: any Any.Type
        var words: (UInt, UInt, UInt) = (0, 0, 0)

        init<T>(_ value: T) {
            type = ObjectIdentifier(T.self)
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

        /// A copy of the value, if it was kept as a `T`.
        func value<T>(as type: T.Type) -> T? {
            guard self.type == ObjectIdentifier(T.self) else { return nil }
            return withUnsafeBytes(of: words) { bytes in
                if Self.fitsInline(T.self) { return bytes.baseAddress!.assumingMemoryBound(to: T.self).pointee }
                return bytes.baseAddress!.assumingMemoryBound(to: Box<T>.self).pointee.value
            }
        }

        /// Destroys the value (or its box): the entry must not be read again.
        mutating func destroy() {
            Self.destroy(stored, in: &words)
        }

        private static func destroy<Stored>(_ type: Stored.Type, in words: inout (UInt, UInt, UInt)) {
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
        // Room for every key made so far, uninitialized (see `State.slots`).
        let count = min(max(capacity, MemoKey.count), 64)
        state = Mutex(State(slots: .allocate(capacity: max(count, 1)), slotCount: count))
    }

    deinit {
        // (An entry's bytes are copied as bytes: destroying a copy destroys the value.)
        state.withLock { $0.destroyAll() }
    }

    // MARK: Fixed keys

    func value<T: Sendable>(_ key: MemoKey, _ compute: () -> T) -> T { value(key, from: ()) { _ in compute() } }

    /// The value kept under `key` as a `T`, if one was made.
    func existing<T: Sendable>(_ key: MemoKey, as type: T.Type) -> T? {
        let number = key.number
        // (Copied out under the lock: a second value for the key destroys the first.)
        return state.withLock { state in state.entry(number)?.value(as: T.self) }
    }

    /// The value `compute` makes of `input`, computed once under `key`. `input` is passed, not
    /// captured, so that asking again does not copy it.
    func value<T: Sendable, Input>(_ key: MemoKey, from input: Input, _ compute: (Input) -> T) -> T {
        if let value = existing(key, as: T.self) { return value }
        let value = compute(input)
        let entry = Entry(value)
        let number = key.number
        state.withLock { state in state.keep(entry, at: number) }
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
                var replaced = state.entries[number]
                replaced.destroy()
                state.entries[number] = entry
            }
        }
        return value
    }
}
