import Foundation
import XMLInput

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A minimal immutable XML element tree with source line numbers, used for styles and locales.
struct XElement: Sendable {
    var name: String
    var attributes: [String: String]
    var children: [XElement]
    var text: String
    var line: Int

    /// An attribute's value; variable names come in items' spelling (`archive_location` is
    /// the variable items call `archive_location` or `archive-location`, read as the latter).
    subscript(_ key: String) -> String? {
        guard Self.variableAttributes.contains(key) else { return attributes[key] }
        return attributes[key]?.replacingOccurrences(of: "_", with: "-")
    }

    private static let variableAttributes: Set<String> = ["variable", "is-numeric", "is-uncertain-date"]

    func child(_ name: String) -> XElement? { children.first { $0.name == name } }

    func all(_ name: String) -> [XElement] { children.filter { $0.name == name } }

    /// Parses `data`, reporting failures against `file` so users know which document is broken.
    static func parse(_ data: Data, file: String) throws(CSLError) -> XElement {
        // Foundation's parser stops the program on an element name that is not UTF-8 and on
        // a processing instruction without data: it is given neither.
        let badLine = data.withUnsafeBytes { bytes -> Int? in
            let invalid = XMLInput.firstInvalidUTF8(bytes)
            guard invalid < bytes.count, !XMLInput.declaresASingleByteEncoding(bytes) else { return nil }
            return bytes[..<invalid].count(where: { $0 == UInt8(ascii: "\n") }) + 1
        }
        if let badLine { throw CSLError.notUTF8(file: file, line: badLine) }
        let data = data.withUnsafeBytes { XMLInput.processingInstructionsGivenData($0) } ?? data
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        let ok = parser.parse()
        if !ok || builder.root == nil {
            let reason = parser.parserError.map { String(describing: $0) } ?? "no root element"
            throw CSLError.malformedXML(file: file, line: parser.lineNumber, reason: reason)
        }
        guard let root = builder.root else {
            throw CSLError.malformedXML(file: file, line: 1, reason: "no root element")
        }
        return root
    }

}

/// Collects SAX events into `XElement`s; a class because XMLParser needs an NSObject delegate.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XElement] = []
    var root: XElement?
    weak var parserRef: XMLParser?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        var local = elementName
        if let colon = local.lastIndex(of: ":") { local = String(local[local.index(after: colon)...]) }
        stack.append(XElement(name: local, attributes: attributeDict, children: [], text: "", line: parser.lineNumber))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let done = stack.popLast() else { return }
        if stack.isEmpty {
            root = done
        } else {
            stack[stack.count - 1].children.append(done)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }
}
