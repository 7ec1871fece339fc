import Synchronization

/// The source documents an auditor has segmented lately, kept to be audited again with other
/// versions: a feed that carries one pair a line (several systems' translations of one sentence, a
/// story audited again when a version comes in) names the same source line after line.
///
/// A document is a function of its id, text and language (the segmenter follows the language), and
/// what its memo keeps is derived from the document alone under the auditor's configuration: the
/// audit of a version reads the same values whether the document was made now or for an earlier line,
/// and the output does not change. Documents are thread-safe; the feed's workers share this.
///
/// A short source (a sentence or a paragraph, up to `firstLineBytes`) is kept from its first line: a
/// feed that names a source again mostly does so on the lines that follow (its other versions), and a
/// source made again lost everything its memo had gathered (on a feed of sentence pairs, nearly every
/// source came a second time and was made twice). A longer one is kept when it comes a second time: a
/// feed of stories that each come once keeps only their hashes (a document with its memo takes some
/// fifty times its text's size; keeping every article from its first line held 11–15 MB more on a
/// feed of 1× articles), up to `maximumSeen` hashes, forgotten all at once when there are that many.
/// Bounded, first in first out: at most `maximumCount` documents and `maximumBytes` of their texts,
/// none longer than `maximumTextBytes` (a long article seldom comes twice).
final class RecentSources: Sendable {
    let maximumCount: Int
    let maximumBytes: Int
    let maximumTextBytes: Int
    let firstLineBytes: Int
    let maximumSeen: Int

    init(maximumCount: Int = 512, maximumBytes: Int = 128 << 10, maximumTextBytes: Int = 4 << 10,
         firstLineBytes: Int = 1 << 10, maximumSeen: Int = 8192) {
        self.maximumCount = maximumCount
        self.maximumBytes = maximumBytes
        self.maximumTextBytes = maximumTextBytes
        self.firstLineBytes = firstLineBytes
        self.maximumSeen = maximumSeen
    }

    private struct Key: Hashable {
        let id: String
        let text: String
        let language: String
        /// The hash of the three, computed once: the table asks for it at every look-up, insertion
        /// and resize, and the text is long.
        let hash: Int

        init(id: String, text: String, language: String) {
            (self.id, self.text, self.language) = (id, text, language)
            var hash: UInt64 = 0
            Self.mix(id, into: &hash)
            Self.mix(text, into: &hash)
            Self.mix(language, into: &hash)
            self.hash = Int(truncatingIfNeeded: hash)
        }

        /// Mixes the UTF-8 bytes of `string` (and their count) into `hash`, eight at a time. Keys are
        /// told apart by their bytes (`==`), so a hash of the bytes suits them; the standard `Hasher`
        /// (SipHash, through String's hashing) cost about 2,000 instructions a source, this a tenth.
        /// (Not a defence against chosen collisions, which would only keep a document more or less.)
        private static func mix(_ string: String, into hash: inout UInt64) {
            var string = string
            string.withUTF8 { bytes in
                var index = 0
                while index + 8 <= bytes.count {
                    step(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self), into: &hash)
                    index += 8
                }
                // The last zero to seven bytes, and the count (its low byte) above them.
                var tail = UInt64(truncatingIfNeeded: bytes.count) << 56
                var shift: UInt64 = 0
                while index < bytes.count {
                    tail |= UInt64(bytes[index]) << shift
                    shift += 8
                    index += 1
                }
                step(tail, into: &hash)
            }
        }

        @inline(__always)
        private static func step(_ word: UInt64, into hash: inout UInt64) {
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }

        /// The same bytes, not merely the same characters (as `String ==` tells): a text in NFD and
        /// the same text in NFC are two sources, whose offsets differ.
        static func == (a: Key, b: Key) -> Bool {
            a.hash == b.hash && KeyNumbering.equal(a.id, b.id) && KeyNumbering.equal(a.text, b.text)
                && KeyNumbering.equal(a.language, b.language)
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    private struct State {
        var documents: [Key: Document] = [:]
        /// The keys in the order they were kept, oldest at `oldest` (those before it are evicted).
        var order: [Key] = []
        var oldest = 0
        var bytes = 0
        /// The hashes of the longer sources seen lately, kept or not.
        var seen: Set<Int> = []
        /// How many documents were found kept (for the tests).
        var hits = 0
    }

    private let state = Mutex(State())

    /// How many documents were found kept, and how many are kept now.
    var counts: (hits: Int, kept: Int) { state.withLock { ($0.hits, $0.documents.count) } }

    /// The document of `input`: one kept, or `make`'s, kept if it is short enough.
    func document(_ input: TextInput, make: () -> Document) -> Document {
        let bytes = input.text.utf8.count
        guard bytes <= maximumTextBytes, bytes <= maximumBytes, maximumCount > 0 else { return make() }
        let key = Key(id: input.id, text: input.text, language: input.language)
        let (firstLine, maximumSeen) = (bytes <= firstLineBytes, maximumSeen)
        let (known, keep) = state.withLock { state -> (Document?, Bool) in
            if let known = state.documents[key] {
                state.hits += 1
                return (known, true)
            }
            if firstLine { return (nil, true) }
            if state.seen.count >= maximumSeen { state.seen.removeAll(keepingCapacity: true) }
            return (nil, !state.seen.insert(key.hash).inserted)
        }
        if let known { return known }
        let made = make()
        guard keep else { return made }
        let (maximumCount, maximumBytes) = (maximumCount, maximumBytes)
        state.withLock { state in
            // (Another thread may have kept the same source meanwhile: its document is as good.)
            guard state.documents[key] == nil else { return }
            while state.oldest < state.order.count,
                  state.documents.count >= maximumCount || state.bytes + bytes > maximumBytes {
                let evicted = state.order[state.oldest]
                state.oldest += 1
                state.bytes -= evicted.text.utf8.count
                state.documents[evicted] = nil
            }
            // The evicted keys (and their texts) are let go a few dozen at a time.
            if state.oldest >= 32 || state.oldest == state.order.count {
                state.order.removeFirst(state.oldest)
                state.oldest = 0
            }
            state.documents[key] = made
            state.order.append(key)
            state.bytes += bytes
        }
        return made
    }
}
