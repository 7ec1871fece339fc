/// The keys of one link of `DistortionDetector` numbered, and what is known of each, in memory the
/// caller lends for the link (a temporary allocation, on the stack for a few sentences' words):
/// what `DistortionDetector.LinkKeys` keeps in three arrays, which cost an allocation, a free and a
/// retain of every key per pair, and a uniqueness check at every write.
///
/// The numbers, marks and `has` answers are `LinkKeys`'s (the tests check both on many links): keys
/// are numbered in order of first appearance, told apart by their bytes, a token's key as its
/// `base`. The keys are held as the bits of their strings, not retained: a token's key is kept by
/// its document's tokens for the whole link, and a base made of a key (`madeKeys`) by this table.
/// A new table has room for `capacity` distinct keys (at least the words numbered in it): the table
/// of slots (twice that, a power of two) never grows.
struct DistortionLinkTable {
    typealias Mark = DistortionDetector.Mark

    /// By key number: the `Mark` bits and facts (`LinkKeys.marks`).
    private let marks: UnsafeMutablePointer<UInt64>
    /// By key number: the two words of the key's string (at 2n and 2n + 1), unretained.
    private let keyWords: UnsafeMutablePointer<UInt64>
    /// As `LinkKeys`'s slots: the upper half of the key's hash, then its number plus one (0 empty).
    private let slots: UnsafeMutablePointer<UInt64>
    private let slotMask: Int
    private let capacity: Int
    /// The number of keys numbered.
    private(set) var count = 0
    /// The bases made of keys that are not their own (`base(_:)`): held here for the link, since the
    /// table holds its keys unretained. (Empty for most links: no array allocated.)
    private var madeKeys: [String] = []

    /// The words of memory a table with room for `capacity` keys reads and writes.
    static func wordCount(capacity: Int) -> Int { 3 * capacity + KeyNumbering.slotCount(for: capacity) }

    /// A table with room for `capacity` keys in `room` (at least `wordCount(capacity:)` words): the
    /// slots cleared, nothing else read before it is written.
    init(room: UnsafeMutableBufferPointer<UInt64>, capacity: Int) {
        let slotCount = KeyNumbering.slotCount(for: capacity)
        precondition(room.count >= 3 * capacity + slotCount, "room for the table")
        let base = room.baseAddress!
        (marks, keyWords, slots) = (base, base + capacity, base + 3 * capacity)
        (slotMask, self.capacity) = (slotCount - 1, capacity)
        slots.update(repeating: 0, count: slotCount)
    }

    /// The facts and marks of key `number`.
    @inline(__always)
    func marks(_ number: Int) -> UInt64 { marks[number] }

    /// Key `number`, as a string of its own.
    func key(_ number: Int) -> String {
        UnsafeRawPointer(keyWords + 2 * number).load(as: String.self)
    }

    /// The keys, each at its number (what `TokenAligner.align(_:_:keys:)` reads).
    func keys() -> [String] {
        // (Room made, then appended to: `init(unsafeUninitializedCapacity:)` allocated through an
        // unspecialized path that looked the array's storage type up at every call, ~500
        // instructions a link.)
        var keys: [String] = []
        keys.reserveCapacity(count)
        for number in 0..<count { keys.append(key(number)) }
        return keys
    }

    /// Whether key `number` is `key` (`==`, as the rule asks whether a token's key is its base):
    /// the same string's bits are, with no comparison.
    func isKey(_ number: Int, _ key: String) -> Bool {
        let bits = unsafeBitCast(key, to: (UInt64, UInt64).self)
        if keyWords[2 * number] == bits.0 && keyWords[2 * number + 1] == bits.1 { return true }
        return self.key(number) == key
    }

    /// `LinkKeys.number(baseOf:_:)`: the number of a token's key's `base`, written by the texts of
    /// `mark`. A plain key (one pass over its bytes hashes it and tells) is numbered as it is, its
    /// length and head learnt from the same bytes; another's base is made and numbered.
    @inline(__always)
    mutating func number(baseOf key: String, _ mark: UInt64) -> Int {
        if let (hash, facts) = Mark.plainFacts(of: key) { return number(key, hash: hash, facts: facts, mark) }
        return numberMade(base(key), mark)
    }

    /// `number(baseOf: key, mark)` for token `index` of a document whose words `keys` has read
    /// (`key` the token's key): the hash and facts read from there, and a made base kept there.
    @inline(__always)
    mutating func number(token index: Int, key: String, in keys: DistortionTokenKeys, _ mark: UInt64) -> Int {
        let (hash, facts, base) = keys.entry(index)
        guard let base else { return number(key, hash: hash, facts: facts, mark) }
        // (The base is held by `keys` for the link, as a document's tokens hold their keys.)
        return number(base, hash: hash, facts: 0, mark)
    }

    /// Numbers the words of a text of `mark` (`words`, indices into `tokens`): each one's number
    /// (`number(baseOf:_:)`) written at its place in `numbers`. (A loop of its own, outside the
    /// rule's long closure, where each word's numbering is inlined whole.)
    /// (The tokens read in place, with no copy of a key retained and released; the caller's call
    /// not in a closure of its own, which made every access of its table a checked one.)
    mutating func number(words: UnsafeBufferPointer<Int>, of tokens: [Token], _ mark: UInt64,
                         into numbers: UnsafeMutableBufferPointer<Int>) {
        tokens.withUnsafeBufferPointer { tokens in
            for place in words.indices { numbers[place] = number(baseOf: tokens[words[place]].key, mark) }
        }
    }

    /// `number(words:of:_:into:)` for a document whose words `keys` has read
    /// (`number(token:key:in:_:)`), each token's number also written at its index in `numberOfToken`.
    mutating func number(words: UnsafeBufferPointer<Int>, of tokens: [Token], in keys: DistortionTokenKeys, _ mark: UInt64,
                         into numbers: UnsafeMutableBufferPointer<Int>, numberOfToken: UnsafeMutableBufferPointer<Int>) {
        tokens.withUnsafeBufferPointer { tokens in
            for place in words.indices {
                let index = words[place]
                numbers[place] = number(token: index, key: tokens[index].key, in: keys, mark)
                numberOfToken[index] = numbers[place]
            }
        }
    }

    /// `number(words:of:_:into:)` for a text whose keys may be the very strings of another's words,
    /// numbered already (`keys`, the other document's words, and `numberOfToken`, their numbers by
    /// token, -1 for none): such a word is that token's number (the same bits are the same bytes),
    /// marked `mark` too, as numbering it would find and mark it, with no pass over its bytes.
    mutating func number(words: UnsafeBufferPointer<Int>, of tokens: [Token], _ mark: UInt64,
                         sharingKeysWith keys: DistortionTokenKeys, numberOfToken: UnsafeMutableBufferPointer<Int>,
                         into numbers: UnsafeMutableBufferPointer<Int>) {
        tokens.withUnsafeBufferPointer { tokens in
            for place in words.indices {
                let key = tokens[words[place]].key
                if let token = keys.token(keyedAs: key), case let number = numberOfToken[token], number >= 0 {
                    marks[number] |= mark
                    numbers[place] = number
                } else {
                    numbers[place] = self.number(baseOf: key, mark)
                }
            }
        }
    }

    /// `LinkKeys.number(_:_:)`: the number of `key` (a base key), written by the texts of `mark`.
    mutating func number(_ key: String, _ mark: UInt64) -> Int {
        numberMade(key, mark)
    }

    /// The number of a key that no document holds (a base made of a token's key, or a caller's
    /// string): kept by the table if it is new.
    private mutating func numberMade(_ key: String, _ mark: UInt64) -> Int {
        let hash = DistortionKeyHash.hash(key)
        if let found = find(key, hash: hash) {
            marks[found] |= mark
            return found
        }
        madeKeys.append(key)
        return number(key, hash: hash, facts: 0, mark)
    }

    /// The number of `key`, if it has one.
    @inline(__always)
    private func find(_ key: String, hash: UInt64) -> Int? {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & slotMask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let number = Int(entry & 0xFFFF_FFFF) - 1
                if equal(number, key) { return number }
            }
            slot = (slot + 1) & slotMask
        }
    }

    /// Whether key `number` is the same bytes as `key` (`KeyNumbering.equal`): by the strings' bits
    /// first, then byte for byte.
    @inline(__always)
    private func equal(_ number: Int, _ key: String) -> Bool {
        let bits = unsafeBitCast(key, to: (UInt64, UInt64).self)
        if keyWords[2 * number] == bits.0 && keyWords[2 * number + 1] == bits.1 { return true }
        return KeyNumbering.equal(self.key(number), key)
    }

    /// The number of `key`, whose hash is `hash`; a new key's marks are `facts` and `mark`, and
    /// its string's bits are kept (the caller keeps the string).
    @inline(__always)
    private mutating func number(_ key: String, hash: UInt64, facts: UInt64, _ mark: UInt64) -> Int {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & slotMask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let number = Int(entry & 0xFFFF_FFFF) - 1
                if equal(number, key) {
                    marks[number] |= mark
                    return number
                }
            }
            slot = (slot + 1) & slotMask
        }
        let number = count
        precondition(number < capacity, "room for the link's keys")
        let bits = unsafeBitCast(key, to: (UInt64, UInt64).self)
        keyWords[2 * number] = bits.0
        keyWords[2 * number + 1] = bits.1
        marks[number] = facts | mark
        slots[slot] = tag | UInt64(number + 1)
        count = number + 1
        return number
    }

    /// `LinkKeys.learn`: reads whether key `number` is long enough to share a stem and, for a plain
    /// key, its head, once.
    private func learn(_ number: Int) {
        guard marks[number] & Mark.lengthKnown == 0 else { return }
        marks[number] |= Mark.lengthFacts(of: key(number))
    }

    /// `LinkKeys.has`: whether the texts of `mark` write key `number`, as such or as another form
    /// (some key numbered with `mark` shares its stem). The same walk: keys whose heads or first
    /// bytes differ from a plain key's are passed over with no stem compared.
    func has(_ mark: UInt64, _ number: Int) -> Bool {
        guard marks[number] & mark == 0 else { return true }
        learn(number)
        guard marks[number] & Mark.isLong != 0 else { return false }
        let facts = marks[number]
        let plain = facts & Mark.hasHead != 0, head = facts >> 32
        let first = UInt8(truncatingIfNeeded: head)
        for other in 0..<count where marks[other] & mark != 0 {
            if marks[other] & Mark.lengthKnown == 0 {
                if plain, Mark.beginsOtherwise(key(other), than: first) { continue }
                learn(other)
            }
            let otherFacts = marks[other]
            guard otherFacts & Mark.isLong != 0 else { continue }
            if plain && otherFacts & Mark.hasHead != 0 {
                if Mark.plainKeysShareStem(facts, otherFacts) { return true }
                continue
            }
            if sharesStem(key(other), key(number)) { return true }
        }
        return false
    }
}
