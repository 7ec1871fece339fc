/// The 64-bit FNV-1a hash of a key's UTF-8 bytes, as the word tables of the audit compute it
/// (`FNV1a` in MTAudit, which a test holds to this): here so that the segmenter can hash each word's
/// matching key once, when it first meets the word, and hand the hash on with the key.
public enum KeyHash {
    /// FNV-1a over `bytes`, a byte at a time (keys are short).
    @inlinable
    public static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// `fnv1a` of `key`'s UTF-8 bytes.
    @inlinable
    public static func fnv1a(of key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { fnv1a($0) }
    }
}
