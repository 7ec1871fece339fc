import XCTest
@testable import MTAuditText

/// The matching forms compiled into `MatchingKeyTable` are the ones ICU makes now
/// (`MatchingKeyTable.formsByICU`), and the table gives the keys that ICU's full matching form gives.
final class Names6MatchingKeyTableTests: XCTestCase {
    /// When the packed forms differ from ICU's, prints the source of `MatchingKeyTable+Packed.swift`
    /// anew: paste it there.
    func testPackedFormsAreICUs() {
        let packed = MatchingKeyTable.pack(MatchingKeyTable.formsByICU())
        if packed != MatchingKeyTable.packedForms {
            print(Self.source(of: packed))
            XCTFail("MatchingKeyTable.packedForms differ from ICU's forms: its new source is printed above")
        }
    }

    /// Every tabulated scalar, alone and between letters, keys as ICU's matching form keys it.
    func testTableKeysAgreeWithICU() {
        let table = MatchingKeyTable.shared
        var tabulated = 0
        for block in MatchingKeyTable.blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value) else { continue }
                for text in [String(scalar), "a\(scalar)b", "Ab \(scalar)\(scalar) C"] {
                    guard let key = table.key(of: text) else { continue }
                    XCTAssertEqual(key, Normalizer.matchingForm(of: text).text, "U+\(String(value, radix: 16))")
                    tabulated += 1
                }
            }
        }
        XCTAssertGreaterThan(tabulated, 3_000)
    }

    /// The source of `MatchingKeyTable+Packed.swift` for `packed`.
    static func source(of packed: [UInt8]) -> String {
        var lines = [
            "// Made from ICU's forms by `Names6MatchingKeyTableTests.testPackedFormsAreICUs`, which checks",
            "// them and prints this file anew when ICU's differ: do not edit by hand.",
            "extension MatchingKeyTable {",
            "    /// The matching form of each scalar of `blocks`, in order, as `pack(formsByICU())` packs them:",
            "    /// for each, its length in a byte then its UTF-8, or the byte `untabulated` alone for a scalar",
            "    /// that goes through ICU.",
            "    static let packedForms: [UInt8] = [",
        ]
        var at = 0
        while at < packed.count {
            let row = packed[at..<min(at + 16, packed.count)]
            lines.append("        " + row.map { "0x" + String($0, radix: 16, uppercase: true).leftPadded(to: 2) + "," }.joined(separator: " "))
            at += 16
        }
        lines += ["    ]", "}", ""]
        return lines.joined(separator: "\n")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
