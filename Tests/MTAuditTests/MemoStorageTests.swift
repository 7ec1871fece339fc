import Synchronization
import Testing
@testable import MTAudit

@Suite("Memo values kept in their entries or in boxes")
struct MemoStorageTests {
    /// Counts its live instances, to tell that every value kept is destroyed once.
    final class Tracked: Sendable {
        static let live = Mutex(0)
        let id: Int
        init(_ id: Int) { self.id = id; Self.live.withLock { $0 += 1 } }
        deinit { Self.live.withLock { $0 -= 1 } }
    }

    struct Large: Sendable { let a: Tracked; let b: Int; let c: Int; let d: String }

    @Test("Small and large values, fixed and string keys, read back and replaced, are each destroyed once")
    func keepsAndDestroys() {
        let small = MemoKey("memo-test-small"), large = MemoKey("memo-test-large"), tuple = MemoKey("memo-test-tuple")
        do {
            let memo = Memo(capacity: 2)
            #expect(memo.value(small) { [Tracked(1), Tracked(2)] }.map(\.id) == [1, 2])
            #expect(memo.value(small) { [Tracked(3)] }.map(\.id) == [1, 2], "made once")
            #expect(memo.value(large) { Large(a: Tracked(4), b: 5, c: 6, d: String(repeating: "long ", count: 9)) }.b == 5)
            #expect(memo.existing(large, as: Large.self)?.a.id == 4)
            #expect(memo.existing(large, as: [Tracked].self) == nil, "another type")
            #expect(memo.value(tuple) { (Tracked(7), 8) }.1 == 8)
            #expect(memo.value("named 1") { Tracked(9) }.id == 9)
            #expect(memo.value("named 2") { Large(a: Tracked(10), b: 0, c: 0, d: "") }.a.id == 10)
            #expect(memo.existing("named 1", as: Tracked.self)?.id == 9)
            #expect(memo.existing("named 3", as: Tracked.self) == nil)
            // A key asked for as another type keeps the new value, and the one it replaces is destroyed.
            #expect(memo.value(small) { "now a string" } == "now a string")
            #expect(memo.existing(small, as: [Tracked].self) == nil)
            #expect(memo.value("named 1") { [Tracked(11)] }.map(\.id) == [11])
            #expect(memo.existing("named 1", as: Tracked.self) == nil)
            #expect(Tracked.live.withLock { $0 } == 4)
            // A memo has room for every key made before it; one made later grows its slots.
            let other = Memo()
            let later = MemoKey("memo-test-later")
            _ = other.value("k", from: 1) { Tracked($0) }
            _ = other.value(small, from: 2) { [Tracked($0)] }
            _ = other.value(later, from: 3) { [Tracked($0)] }
            #expect(other.existing(later, as: [Tracked].self)?.first?.id == 3)
            #expect(Tracked.live.withLock { $0 } == 7)
        }
        #expect(Tracked.live.withLock { $0 } == 0)
    }
}
