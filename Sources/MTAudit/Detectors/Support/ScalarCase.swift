/// The case properties of a scalar, with ASCII answered from its value: the name and casing rules
/// ask them of every letter of every word, and Unicode's property tables cost far more than a
/// comparison. Outside ASCII, the properties themselves.
extension Unicode.Scalar {
    /// `properties.isUppercase`: in ASCII, A to Z.
    var hasUppercaseProperty: Bool { value < 0x80 ? (0x41...0x5A).contains(value) : properties.isUppercase }

    /// `properties.isLowercase`: in ASCII, a to z.
    var hasLowercaseProperty: Bool { value < 0x80 ? (0x61...0x7A).contains(value) : properties.isLowercase }
}

extension Unicode.Scalar {
    /// `properties.isAlphabetic`: in ASCII, the letters A to Z and a to z.
    var hasAlphabeticProperty: Bool {
        value < 0x80 ? (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) : properties.isAlphabetic
    }
}

extension String {
    /// Whether the first scalar has the uppercase property: an ASCII first byte is that scalar, told
    /// without decoding one (the name rules and the aligner ask it of every word).
    var startsWithCapital: Bool {
        guard let byte = utf8.first else { return false }
        if byte < 0x80 { return (0x41...0x5A).contains(byte) }
        return unicodeScalars.first!.hasUppercaseProperty
    }

    /// Whether the first scalar has the lowercase property, told as `startsWithCapital` is.
    var startsWithLowercase: Bool {
        guard let byte = utf8.first else { return false }
        if byte < 0x80 { return (0x61...0x7A).contains(byte) }
        return unicodeScalars.first!.hasLowercaseProperty
    }

    /// `startsWithCapital` (bit 1) and `startsWithLowercase` (bit 2) together, told from one read
    /// of the first byte: for a caller that asks both of every word.
    var firstScalarCase: UInt8 {
        guard let byte = utf8.first else { return 0 }
        if byte < 0x80 { return (0x41...0x5A).contains(byte) ? 1 : (0x61...0x7A).contains(byte) ? 2 : 0 }
        let scalar = unicodeScalars.first!
        return (scalar.hasUppercaseProperty ? 1 : 0) | (scalar.hasLowercaseProperty ? 2 : 0)
    }

    /// Whether some scalar has the lowercase property. A string the caller knows `isASCII` is read
    /// from its bytes, with no scalar decoded.
    func containsLowercase(isASCII: Bool) -> Bool {
        guard isASCII else { return unicodeScalars.contains(where: \.hasLowercaseProperty) }
        return utf8.withContiguousStorageIfAvailable { $0.contains { (0x61...0x7A).contains($0) } }
            ?? utf8.contains { (0x61...0x7A).contains($0) }
    }
}
