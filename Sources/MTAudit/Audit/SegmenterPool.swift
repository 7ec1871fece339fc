import MTAuditText
import Synchronization

/// Segmenters kept for reuse: opening ICU's break iterators costs more than segmenting a short
/// article. A segmenter is lent to one audit at a time and returned after it.
final class SegmenterPool: Sendable {
    static let shared = SegmenterPool()

    private let idle = Mutex<[String: [LentSegmenter]]>([:])

    /// A segmenter may move between threads; it must not be used by two at once, which lending ensures.
    struct LentSegmenter: @unchecked Sendable {
        let segmenter: Segmenter
    }

    /// Runs `body` with a segmenter for `locale` and `abbreviations`, then keeps it for the next caller.
    func with<T>(locale: String, abbreviations: Set<String>,
                 _ body: (Segmenter) throws(TextError) -> T) throws(TextError) -> T {
        let key = locale + "\u{1F}" + abbreviations.sorted().joined(separator: "\u{1F}")
        let segmenter: Segmenter
        if let lent = idle.withLock({ pool in pool[key]?.popLast() }) {
            segmenter = lent.segmenter
        } else {
            segmenter = try Segmenter(locale: locale, abbreviations: abbreviations)
        }
        defer {
            idle.withLock { pool in
                if pool[key, default: []].count < 16 { pool[key, default: []].append(LentSegmenter(segmenter: segmenter)) }
            }
        }
        return try body(segmenter)
    }
}
