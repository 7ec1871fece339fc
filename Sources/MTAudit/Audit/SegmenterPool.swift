import MTAuditText
import Synchronization

/// Segmenters kept for reuse: opening ICU's break iterators costs more than segmenting a short
/// article. A segmenter is lent to one audit at a time and returned after it.
final class SegmenterPool: Sendable {
    static let shared = SegmenterPool()

    /// How many setups keep idle segmenters (up to 16 each).
    static let pooledSetups = 64

    /// Idle segmenters by setup number (see `Setup.number`, below `pooledSetups`): an array of
    /// arrays, each kept with its room, where a dictionary hashed the number and looked it up three
    /// times a loan (about 1,400 instructions an audit).
    private let idle = Mutex<[[LentSegmenter]]>(Array(repeating: [], count: SegmenterPool.pooledSetups))

    /// A segmenter may move between threads; it must not be used by two at once, which lending ensures.
    struct LentSegmenter: @unchecked Sendable {
        let segmenter: Segmenter
    }

    /// What a segmenter is made with, and the pool's key for it (found once, not at every loan).
    struct Setup: Sendable {
        let locale: String
        let abbreviations: Set<String>
        /// The same for equal setups: a small number for the locale and the abbreviations, so that a
        /// loan does not hash their text (some hundred abbreviations) each time.
        let number: Int

        init(locale: String, abbreviations: Set<String>) {
            self.locale = locale
            self.abbreviations = abbreviations
            let key = locale + "\u{1F}" + abbreviations.sorted().joined(separator: "\u{1F}")
            number = Self.numbers.withLock { numbers in
                if let known = numbers[key] { return known }
                // A feed may name endless locales: past `pooledSetups`, segmenters are not kept.
                guard numbers.count < SegmenterPool.pooledSetups else { return -1 }
                numbers[key] = numbers.count
                return numbers.count - 1
            }
        }

        private static let numbers = Mutex<[String: Int]>([:])
    }

    /// Runs `body` with a segmenter made as `setup` says, then keeps it for the next caller.
    func with<T>(_ setup: Setup, _ body: (Segmenter) throws(TextError) -> T) throws(TextError) -> T {
        let key = setup.number
        // (A segmenter made for one text and dropped: a small table of words met, not the pooled ones' 4,096 slots.)
        guard key >= 0 else {
            return try body(try Segmenter(locale: setup.locale, abbreviations: setup.abbreviations, wordStringSlots: 256))
        }
        let segmenter: Segmenter
        if let lent = idle.withLock({ pool in pool[key].popLast() }) {
            segmenter = lent.segmenter
        } else {
            segmenter = try Segmenter(locale: setup.locale, abbreviations: setup.abbreviations)
        }
        defer {
            idle.withLock { pool in
                if pool[key].count < 16 { pool[key].append(LentSegmenter(segmenter: segmenter)) }
            }
        }
        return try body(segmenter)
    }
}
