/// Numbers the characters (scalars) of texts for chrF, white space removed: each distinct scalar one
/// small number (0, 1, 2, … in order of first appearance), so that n-grams of characters are sorted
/// by counting (`SharedNGrams`) over a few dozen numbers instead of 21-bit scalars.
struct CharacterNumbering {
    /// ASCII scalars' numbers plus one (0: not seen yet); others in a dictionary.
    private var ascii = [UInt32](filledWith: 0, count: 128)
    private var others = [UInt32: UInt32]()  // `init()`: the empty singleton, inline; a `[:]` literal is a call
    private(set) var count = 0

    /// No ASCII scalar seen: what `ids` reads as the numbering it goes on from.
    private static let unseen = [UInt32](repeating: 0, count: 128)

    /// The text's scalars, white space removed (those of its words at white space), as numbers.
    mutating func ids(_ text: MetricText) -> [UInt32] {
        // The tables taken out of `self` while they are written (and put back after), unshared.
        var count = self.count, ascii: [UInt32] = [], others = [UInt32: UInt32]()
        swap(&ascii, &self.ascii)
        swap(&others, &self.others)
        defer {
            swap(&ascii, &self.ascii)
            swap(&others, &self.others)
            self.count = count
        }
        return ascii.withUnsafeMutableBufferPointer { ascii in
            Self.unseen.withUnsafeBufferPointer { unseen in
                Self.number(text, seen: unseen, seenOthers: [UInt32: UInt32](), new: ascii, newOthers: &others, count: &count)
            }
        }
    }

    /// `ids` of a text numbered on from this numbering, which is left as it is: a hypothesis's
    /// characters go on from its reference's numbering, which every version of the source shares,
    /// and copying its table for each (512 bytes and an allocation) cost more than numbering a
    /// sentence. The scalars it has not seen are numbered in a table of the call's own. The
    /// numbers, and how many distinct scalars the numbering and the text have.
    func idsContinued(_ text: MetricText) -> (ids: [UInt32], count: Int) {
        withIDsContinued(text) { ids, count in (Array(ids), count) }
    }

    /// `idsContinued` handed to `body` in a buffer valid only while it runs: the numbers written into
    /// the call's temporary memory (on the stack when small) with the table of new ASCII scalars,
    /// no array made, for chrF, which reads them once.
    func withIDsContinued<Result>(_ text: MetricText, _ body: (_ ids: UnsafeBufferPointer<UInt32>, _ count: Int) -> Result) -> Result {
        var count = self.count, others = [UInt32: UInt32]()
        let scalars = Self.scalarCount(text)
        // Two allocations, not one: a temporary allocation is on the stack only up to 1,024 bytes
        // (past that the runtime cannot tell on this platform that the stack has room), which the
        // table and the numbers of a sentence of more than 128 characters passed in one, and each
        // went to the heap (~400 instructions).
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 128) { new in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: scalars) { ids in
                new.initialize(repeating: 0)
                ascii.withUnsafeBufferPointer { seen in
                    Self.number(text, seen: seen, seenOthers: self.others, new: new, newOthers: &others, count: &count, into: ids)
                }
                return body(UnsafeBufferPointer(ids), count)
            }
        }
    }

    /// How many scalars the text's words at white space have (bytes that start a scalar).
    private static func scalarCount(_ text: MetricText) -> Int {
        let bytes = text.utf8, spaceWords = text.spaceWords
        var scalars = 0
        if text.isASCII {
            for range in spaceWords { scalars &+= range.count }
        } else {
            for range in spaceWords {
                for index in range where bytes[index] & 0xC0 != 0x80 { scalars &+= 1 }
            }
        }
        return scalars
    }

    /// The text's scalars numbered: by `seen` and `seenOthers` (ASCII numbers plus one, 0 for none;
    /// the others' numbers) where they have the scalar, else by `new` and `newOthers`, where a scalar
    /// seen in neither is numbered `count` (which goes up). ASCII is read and written unchecked, into
    /// an array of the words' scalars.
    private static func number(_ text: MetricText, seen: UnsafeBufferPointer<UInt32>, seenOthers: [UInt32: UInt32],
                               new: UnsafeMutableBufferPointer<UInt32>, newOthers: inout [UInt32: UInt32],
                               count: inout Int) -> [UInt32] {
        var numbers = [UInt32](filledWith: 0, count: scalarCount(text))
        numbers.withUnsafeMutableBufferPointer { ids in
            number(text, seen: seen, seenOthers: seenOthers, new: new, newOthers: &newOthers, count: &count, into: ids)
        }
        return numbers
    }

    /// `number` into `ids`, which has room for the text's `scalarCount`.
    private static func number(_ text: MetricText, seen: UnsafeBufferPointer<UInt32>, seenOthers: [UInt32: UInt32],
                               new: UnsafeMutableBufferPointer<UInt32>, newOthers: inout [UInt32: UInt32],
                               count: inout Int, into ids: UnsafeMutableBufferPointer<UInt32>) {
        let bytes = text.utf8, spaceWords = text.spaceWords
        bytes.withUnsafeBufferPointer { utf8 in
            var next = 0
            for range in spaceWords {
                var index = range.lowerBound
                while index < range.upperBound {
                    let byte = utf8[index]
                    if byte < 0x80 {
                        var id = seen[Int(byte)]
                        if id == 0 {
                            if new[Int(byte)] == 0 { count &+= 1; new[Int(byte)] = UInt32(count) }
                            id = new[Int(byte)]
                        }
                        ids[next] = id &- 1
                        index &+= 1
                    } else {
                        let (scalar, length) = PythonText.scalar(bytes, at: index)
                        // (The reference's numbering has no `seenOthers`: no lookup, no hash.)
                        if let id = (seenOthers.isEmpty ? nil : seenOthers[scalar.value]) ?? newOthers[scalar.value] {
                            ids[next] = id
                        } else {
                            newOthers[scalar.value] = UInt32(count)
                            ids[next] = UInt32(count)
                            count &+= 1
                        }
                        index &+= length
                    }
                    next &+= 1
                }
            }
        }
    }
}
