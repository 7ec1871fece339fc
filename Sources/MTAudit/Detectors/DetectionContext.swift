/// What a detector looks at: the source, the version under audit and the other versions of the same
/// source (for consensus).
public struct DetectionContext: Sendable {
    public let source: Document
    public let version: Document
    public let otherVersions: [Document]

    public init(source: Document, version: Document, otherVersions: [Document] = []) {
        self.source = source
        self.version = version
        self.otherVersions = otherVersions
    }
}
