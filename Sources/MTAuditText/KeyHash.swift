/// The 64-bit FNV-1a hash of a key's UTF-8 bytes, the one hash of the word tables of the audit
/// (`FNV1a` in MTAudit is this): here so that the segmenter can hash each word's matching key once,
/// when it first meets the word, and hand the hash on with the key.
public enum KeyHash {
    /// The hash of no bytes.
    @inlinable
    public static var offsetBasis: UInt64 { 0xcbf2_9ce4_8422_2325 }

    /// The hash of the bytes hashed to `hash` and then `byte`: FNV-1a folds a byte at a time, so a
    /// key's hash goes on through the bytes joined after it.
    @inlinable
    public static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

    /// The hash of the bytes hashed to `hash` and then `bytes`.
    @inlinable
    public static func fnv1a(continuing hash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = hash
        for byte in bytes { hash = step(hash, byte) }
        return hash
    }

    /// FNV-1a over `bytes`, a byte at a time (keys are short).
    @inlinable
    public static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { fnv1a(continuing: offsetBasis, bytes) }

    /// `fnv1a` of `key`'s UTF-8 bytes.
    @inlinable
    public static func fnv1a(of key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { fnv1a($0) }
    }
}
