/// Looks for bytes in UTF-8 text eight at a time (one 64-bit word): the checks that read a whole text
/// before anything is cut (is it ASCII, does it hold a line feed, a terminator, a mark where a rule
/// starts). Byte by byte, these checks cost 6 to 8 instructions a byte, as much as cutting the text.
public enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether one of the eight bytes of `word` is `byte`. (`x - ones` borrows from a byte only below
    /// a zero byte, so the test is exact for whether there is one, if not for where.)
    @inline(__always)
    private static func word(_ word: UInt64, has byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }

    /// Whether one of the eight bytes of `word` is below `bound` (at most 0x80): exact too, by the same
    /// borrow.
    @inline(__always)
    private static func word(_ word: UInt64, hasBelow bound: UInt8) -> Bool {
        (word &- ones &* UInt64(bound)) & ~word & highs != 0
    }

    /// The index of the first byte that is a control character (below 0x20), `a` or `b`, or nil: where
    /// a JSON string's first escape goes.
    public static func firstControl(orAnyOf a: UInt8, _ b: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            let eight = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if word(eight, hasBelow: 0x20) || word(eight, has: a) || word(eight, has: b) { break }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == a || byte == b { return index }
            index += 1
        }
        return nil
    }

    /// Whether every byte is ASCII (below 0x80).
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        var tail: UInt8 = 0
        while index < bytes.count {
            tail |= bytes[index]
            index += 1
        }
        return high & highs == 0 && tail < 0x80
    }

    /// Whether `bytes` hold `byte`.
    public static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        scan(bytes, byte, byte, byte, orNonASCII: false)
    }

    /// Whether `bytes` hold one of `a`, `b` and `c` (ASCII bytes; name one twice to look for two).
    public static func containsAny(of a: UInt8, _ b: UInt8, _ c: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        scan(bytes, a, b, c, orNonASCII: false)
    }

    /// Whether `bytes` hold a byte that is not ASCII, or one of `a`, `b` and `c` (ASCII bytes; name
    /// one twice to look for two).
    public static func containsNonASCII(orAnyOf a: UInt8, _ b: UInt8, _ c: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        scan(bytes, a, b, c, orNonASCII: true)
    }

    /// The index of the first of `a`, `b` and `c` (ASCII bytes; name one twice to look for two) at
    /// `start` or after, or `bytes.count` if none is: for a cut that looks for a few marks in a long
    /// text (sentence terminators, line feeds).
    public static func firstIndex(ofAnyOf a: UInt8, _ b: UInt8, _ c: UInt8, in bytes: UnsafeBufferPointer<UInt8>,
                                  from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= bytes.count {
            let eight = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if word(eight, has: a) || word(eight, has: b) || word(eight, has: c) { break }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == a || byte == b || byte == c { return index }
            index += 1
        }
        return bytes.count
    }

    /// The one scan behind the three: whether a byte is `a`, `b` or `c`, or, `orNonASCII`, 0x80 or above.
    @inline(__always)
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ a: UInt8, _ b: UInt8, _ c: UInt8, orNonASCII: Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let high = orNonASCII ? highs : 0
        var index = 0
        while index + 8 <= bytes.count {
            let eight = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if eight & high != 0 || word(eight, has: a) || word(eight, has: b) || word(eight, has: c) { return true }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if (orNonASCII && byte >= 0x80) || byte == a || byte == b || byte == c { return true }
            index += 1
        }
        return false
    }
}
