import Synchronization
import Testing
@testable import MTAudit

@Suite("Memo slots in raw memory, told filled by a mask")
struct Seg8MemoSlotsTests {
    /// Counts its live instances, to tell that every value kept is destroyed once.
    final class Counted: Sendable {
        static let live = Mutex(0)
        let id: Int
        init(_ id: Int) { self.id = id; Self.live.withLock { $0 += 1 } }
        deinit { Self.live.withLock { $0 -= 1 } }
    }

    /// Keys past the 64 the mask covers, made before and after the memos that use them.
    static let keys = (0..<80).map { MemoKey("seg8-memo-\($0)") }

    @Test("Random keeps and reads of fixed keys, in memos made before and after keys, are a dictionary's")
    func asADictionary() {
        var generator = SplitMix(seed: 64)
        do {
            for round in 0..<200 {
                let memo = round % 2 == 0 ? Memo() : Memo(capacity: Int(generator.next() % 100))
                var plain: [Int: (kind: Int, id: Int)] = [:]
                for step in 0..<60 {
                    let index = Int(generator.next() % UInt64(Self.keys.count)), key = Self.keys[index]
                    switch generator.next() % 4 {
                    case 0:
                        // Kept as an array of counted values (or read back, if one is).
                        let made = memo.value(key) { [Counted(step)] }
                        if let known = plain[index], known.kind == 0 {
                            #expect(made.first?.id == known.id)
                        } else {
                            #expect(made.first?.id == step)
                            plain[index] = (0, step)
                        }
                    case 1:
                        // Kept as a string: another type replaces the value.
                        let made = memo.value(key) { "v\(step)" }
                        if let known = plain[index], known.kind == 1 {
                            #expect(made == "v\(known.id)")
                        } else {
                            #expect(made == "v\(step)")
                            plain[index] = (1, step)
                        }
                    default:
                        let array = memo.existing(key, as: [Counted].self)?.first?.id
                        let string = memo.existing(key, as: String.self)
                        let known = plain[index]
                        #expect(array == (known?.kind == 0 ? known?.id : nil))
                        #expect(string == (known?.kind == 1 ? "v\(known!.id)" : nil))
                    }
                }
                let arrays = plain.values.filter { $0.kind == 0 }.count
                withExtendedLifetime(memo) {
                    #expect(Counted.live.withLock { $0 } == arrays, "one value kept per key")
                }
            }
        }
        #expect(Counted.live.withLock { $0 } == 0, "every value destroyed with its memo")
    }
}
