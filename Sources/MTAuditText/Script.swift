import CICU

/// A Unicode script (ISO 15924), as ICU assigns it to each code point.
public struct Script: Hashable, Sendable, CustomStringConvertible {
    /// ICU's UScriptCode.
    public let code: Int32

    public static let common = Script(code: 0)
    public static let inherited = Script(code: 1)
    public static let latin = Script(code: 25)
    public static let unknown = Script(code: 103)

    public init(code: Int32) { self.code = code }

    /// The script of one scalar.
    public init(of scalar: Unicode.Scalar) {
        let code = cicu_script_of(scalar.value)
        self.code = code < 0 ? Script.unknown.code : code
    }

    /// ISO 15924 code: "Latn", "Cyrl", "Grek", "Hani", "Arab", "Zyyy" (common), "Zinh" (inherited).
    public var shortName: String { String(cString: cicu_script_short_name(code)) }

    /// Common and inherited code points (digits, punctuation, combining marks) belong to no one script.
    public var isShared: Bool { self == .common || self == .inherited }

    public var description: String { shortName }

    /// The script most of `text`'s letters are written in, ignoring shared code points; `.common` when
    /// it has no letters of any script.
    public static func dominant(in text: some StringProtocol) -> Script {
        var counts: [Script: Int] = [:]
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                if (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A { counts[.latin, default: 0] += 1 }
                continue
            }
            let script = Script(of: scalar)
            if !script.isShared { counts[script, default: 0] += 1 }
        }
        return counts.max { ($0.value, $1.key.code) < ($1.value, $0.key.code) }?.key ?? .common
    }

    /// Every script of `text`'s letters, shared ones left out.
    public static func all(in text: some StringProtocol) -> Set<Script> {
        var scripts: Set<Script> = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                if (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A { scripts.insert(.latin) }
                continue
            }
            let script = Script(of: scalar)
            if !script.isShared { scripts.insert(script) }
        }
        return scripts
    }
}
