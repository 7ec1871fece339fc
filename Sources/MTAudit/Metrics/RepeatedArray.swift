extension Array {
    /// `Array(repeating: value, count: count)`, made by a path the compiler specializes for the
    /// element: `Array(repeating:count:)` and `Array(unsafeUninitializedCapacity:)` allocate through
    /// the standard library's unspecialized `_allocateBufferUninitialized`, which looks the storage's
    /// generic type up at run time on every call (about 600 instructions, more than numbering the
    /// characters of a sentence), while `reserveCapacity` and appending a repeated value are
    /// specialized. For the metrics' per-pair buffers.
    @inline(__always)
    init(specializedRepeating value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
