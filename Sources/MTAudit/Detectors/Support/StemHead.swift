/// The first byte of a key that `sharesStem` compares byte by byte: a plain ASCII key (no byte of
/// 0x80 or more, no full stop, no carriage return, no final "'s"), which is its own `base`.
///
/// Two such keys whose first bytes differ share no stem (`sharesStem` reads their common prefix
/// from the first byte), so a detector comparing one word with many can skip those pairs with no
/// call and no scan of either key. Nil when the key is not plain (or empty): then only
/// `sharesStem` can tell.
func stemHead(_ key: String) -> UInt8? {
    let utf8 = key.utf8
    guard let first = utf8.first else { return nil }
    let plain = utf8.withContiguousStorageIfAvailable { isPlainStem($0) }
    return plain == true ? first : nil
}
