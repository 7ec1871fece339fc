extension Array {
    /// `Array(repeating: value, count: count)`, with its buffer made by code specialized for `Element`.
    ///
    /// The standard library's `init(repeating:count:)` makes its buffer in a function it keeps out of
    /// line (`_allocateBufferUninitialized`), which on Linux, unspecialized, looks up the metadata of
    /// the storage class for `Element` on every call: about 650 instructions an array, against 200
    /// through `reserveCapacity`, whose path is inlined and specialized here. An audit makes
    /// hundreds of such small arrays a text.
    @inlinable
    init(filledWith value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
