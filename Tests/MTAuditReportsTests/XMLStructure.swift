import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The elements of an XML document, read with Foundation's parser: a strict check that it is
/// well-formed, and a way to count and inspect elements.
final class XMLStructure: NSObject, XMLParserDelegate {
    private(set) var root: String?
    private var elements: [(name: String, attributes: [String: String])] = []

    init(_ bytes: [UInt8]) throws {
        super.init()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = self
        guard parser.parse() else {
            throw parser.parserError ?? NSError(domain: "XMLStructure", code: 1)
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = name }
        elements.append((name, attributes))
    }

    func count(_ name: String) -> Int { elements.filter { $0.name == name }.count }

    func attributes(_ name: String) -> [[String: String]] { elements.filter { $0.name == name }.map(\.attributes) }
}
