/// The hash of a key's UTF-8 bytes in a link's table of keys (`DistortionDetector.LinkKeys`), and the
/// screen that tells a plain key (ASCII with no full stop and no carriage return) from the same reads.
///
/// A key of up to 16 bytes (nearly every word) is read as two machine words, which cover its bytes
/// (overlapping for fewer than 16), and mixed by a few multiplications: FNV-1a, a multiplication and
/// a dependent step per byte, cost twice as much on the links' words. Longer keys are hashed with
/// FNV-1a. The hash depends on the bytes alone, not on how the string holds them; the link's numbers
/// do not depend on the hash at all (they are given in order of first appearance, keys told apart by
/// their bytes): only the places of keys in the table do. The screen must say what the byte loop of
/// `isPlainByte` says of every byte (the tests check both against it).
enum DistortionKeyHash {
    /// The hash of `bytes`, and whether every byte is plain (`isPlainByte`).
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, plain: Bool) {
        let count = bytes.count
        guard count <= 16, let base = bytes.baseAddress.map(UnsafeRawPointer.init) else { return longScan(bytes) }
        // Two words that hold every byte: the first 8 and the last 8, the first 4 and the last 4, or
        // (for fewer than 4) the first, middle and last bytes in the first word; unused bytes are 0.
        let a: UInt64, b: UInt64
        if count >= 8 {
            a = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
            b = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        } else if count >= 4 {
            a = UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
            b = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
        } else if count > 0 {
            a = UInt64(bytes[0]) | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1]) << 16
            b = 0
        } else {
            (a, b) = (0, 0)
        }
        // A byte of 0x80 or more sets a high bit; a full stop or a carriage return makes a zero byte
        // of the words xored with it (the unused bytes, 0, never do: neither is 0).
        let plain = (a | b) & highBits == 0
            && !hasZeroByte(a ^ (lowBits &* UInt64(UInt8(ascii: ".")))) && !hasZeroByte(b ^ (lowBits &* UInt64(UInt8(ascii: "."))))
            && !hasZeroByte(a ^ (lowBits &* 0x0D)) && !hasZeroByte(b ^ (lowBits &* 0x0D))
        return (mix(a, b, count), plain)
    }

    /// The hash of `bytes`, as `scan` gives it.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { scan(bytes).hash }

    /// The hash of `key`'s UTF-8 bytes, as `scan` gives it.
    static func hash(_ key: String) -> UInt64 {
        key.utf8.withContiguousStorageIfAvailable { hash($0) } ?? Array(key.utf8).withUnsafeBufferPointer { hash($0) }
    }

    /// Whether a byte is plain: ASCII, neither a full stop nor a carriage return.
    static func isPlainByte(_ byte: UInt8) -> Bool { byte < 0x80 && byte != UInt8(ascii: ".") && byte != 0x0D }

    private static let lowBits: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether one of the eight bytes of `word` is 0.
    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> Bool { (word &- lowBits) & ~word & highBits != 0 }

    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64, _ count: Int) -> UInt64 {
        var hash = (a ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        hash ^= (b &+ UInt64(count)) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 31
        hash &*= 0xD6E8_FEB8_6659_FD93
        return hash ^ hash >> 32
    }

    /// A key of more than 16 bytes (or none): FNV-1a, and the screen, a byte at a time.
    private static func longScan(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, plain: Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325, plain = true
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            if !isPlainByte(byte) { plain = false }
        }
        return (hash, plain)
    }
}
