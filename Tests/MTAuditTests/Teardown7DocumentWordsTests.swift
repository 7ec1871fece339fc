@testable import MTAudit
import MTAuditText
import Synchronization
import Testing

/// `DocumentWords` finds each word's first token as it looks up Zipf frequencies (no array of first
/// tokens kept per document), and keeps the first language's frequencies in place; `Memo` destroys
/// its values by kind (an object released, a value with no references left, others by type).
@Suite("Teardown7: document words' Zipf frequencies and the memo's values")
struct Teardown7DocumentWordsTests {
    static let texts: [(text: String, segmenter: String)] = [
        ("The council approved the budget. The council met again, and the the the budget grew.", "en"),
        ("Der Rat hat den Haushalt beschlossen. Der Rat tagt über die Straße, u\u{308}ber alles.", "de"),
        ("Le conseil a approuvé le budget du port. Le conseil, le conseil, le conseil.", "fr"),
        ("Xqzt vvrk plimb xqzt xqzt zzkq. Qqq. 12 12 3,5 % 2024.", "en"),
        ("他在公园里散步了很久。他在公园里。", "zh"),
        ("2024 — 3,5 % ! ? …", "en"),
        ("", "en"),
        ("   Leading space. Kerry's U.S. trip: café, CAFÉ, cafe\u{301}, naïve, Dr. Smith's 12 dogs.\n\nNew paragraph here.", "en"),
    ]

    @Test("Each word's Zipf frequency, by list, is its key's, in every language asked for")
    func zipfByWord() throws {
        let frequencies = WordFrequencies.builtIn
        for document in try ProbeDocuments.make(Self.texts) {
            let words = DocumentWords.of(document)
            // Several languages in turn, each asked twice: the first kept in place, the rest in a list.
            for language in frequencies.languages + ["und", "xx"] + frequencies.languages {
                let values = words.zipf(in: language, of: document)
                #expect(values.count == words.keys.count)
                for (id, key) in words.keys.enumerated() {
                    let plain = frequencies.zipf(key, in: language)
                    #expect(values[id] == plain)
                }
            }
        }
    }

    @Test("Word ids are numbered in token order: each id's first token holds its key")
    func idsInTokenOrder() throws {
        for document in try ProbeDocuments.make(Self.texts) {
            let words = DocumentWords.of(document)
            var next: Int32 = 0
            for (index, id) in words.tokenIds.enumerated() where id >= 0 {
                #expect(id <= next)
                if id == next {
                    #expect(words.keys[Int(id)] == document.tokens[index].key)
                    next += 1
                }
            }
            #expect(Int(next) == words.keys.count)
        }
    }

    private final class Counted: Sendable {
        let onDeinit: @Sendable () -> Void
        init(_ onDeinit: @escaping @Sendable () -> Void) { self.onDeinit = onDeinit }
        deinit { onDeinit() }
    }

    private struct Large: Sendable {
        let object: Counted
        let a: Int, b: Int, c: Int
    }

    @Test("A memo frees every value it kept, whatever its kind, and reads each back as kept")
    func memoFreesItsValues() {
        let freed = Freed()
        do {
            let memo = Memo(capacity: 4)
            let keys = (0..<6).map { MemoKey("teardown7-\($0)") }
            _ = memo.value(keys[0]) { Counted { freed.add() } }                      // an object
            _ = memo.value(keys[1]) { [Counted { freed.add() }] }                    // an array of objects
            _ = memo.value(keys[2]) { (Counted { freed.add() }, 7) }                 // a tuple with an object
            _ = memo.value(keys[3]) { Large(object: Counted { freed.add() }, a: 1, b: 2, c: 3) }  // boxed
            _ = memo.value(keys[4]) { 42 }                                           // no references
            _ = memo.value("teardown7-string-key") { Counted { freed.add() } }
            // Asked again, the kept value is read: nothing is made.
            _ = memo.value("teardown7-string-key", from: ()) { _ in Counted { freed.add() } }
            #expect(memo.existing(keys[4], as: Int.self) == 42)
            #expect(memo.existing(keys[4], as: Double.self) == nil)
            #expect(memo.existing(keys[3], as: Large.self)?.c == 3)
            #expect(memo.existing(keys[2], as: (Counted, Int).self)?.1 == 7)
            #expect(memo.existing(keys[5], as: Int.self) == nil)
            #expect(freed.count == 0)
        }
        #expect(freed.count == 5)
    }

    private final class Freed: @unchecked Sendable {
        private let lock = NSLockLike()
        private var value = 0
        var count: Int { lock.locked { value } }
        func add() { lock.locked { value += 1 } }
    }
}

/// A lock for the test's counter.
private final class NSLockLike: @unchecked Sendable {
    private let mutex = Synchronization.Mutex<Void>(())
    func locked<T>(_ body: () -> T) -> T { mutex.withLock { _ in body() } }
}
