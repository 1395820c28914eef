import Foundation

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
        // Foundation's parser stops the program on a name that is not UTF-8, so it is only
        // ever given UTF-8: a file in a Latin-1 encoding it declares is converted, any other
        // bytes that are not UTF-8 are refused.
        var data = data
        if String(validating: data, as: UTF8.self) == nil {
            guard let converted = fromDeclaredLatin1(data) else {
                let bytes = [UInt8](data)
                let line = bytes[..<firstInvalidUTF8(bytes)].count(where: { $0 == UInt8(ascii: "\n") }) + 1
                throw CSLError.notUTF8(file: file, line: line)
            }
            data = converted
        }
        data = declaringUTF8(data)
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

    /// Where the first byte sequence that is not UTF-8 begins.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length =
                switch lead {
                case 0x00..<0x80: 1
                case 0xC2...0xDF: 2
                case 0xE0...0xEF: 3
                case 0xF0...0xF4: 4
                default: 0
                }
            guard length > 0, index + length <= bytes.count,
                bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 })
            else { return index }
            index += length
        }
        return index
    }

    /// UTF-8 text with its XML declaration saying so, whatever encoding it named: the
    /// parser must not read the bytes as another encoding.
    private static func declaringUTF8(_ data: Data) -> Data {
        guard data.starts(with: Data("<?xml".utf8)), var text = String(data: data, encoding: .utf8),
            let end = text.range(of: "?>"),
            let encoding = text[..<end.lowerBound].range(of: #"encoding\s*=\s*["'][^"']*["']"#, options: .regularExpression),
            !text[encoding].lowercased().contains("utf-8")
        else { return data }
        text.replaceSubrange(encoding, with: "encoding=\"UTF-8\"")
        return Data(text.utf8)
    }

    /// The file as UTF-8 when its XML declaration says it is ISO-8859-1 or Windows-1252,
    /// with the declaration saying UTF-8; nil for any other file.
    private static func fromDeclaredLatin1(_ data: Data) -> Data? {
        let head = String(decoding: data.prefix(200), as: UTF8.self)
        guard head.hasPrefix("<?xml"), let end = head.range(of: "?>"),
            let encoding = head[..<end.lowerBound].range(
                of: #"encoding\s*=\s*["'](iso-8859-1|latin-?1|windows-1252|cp1252)["']"#,
                options: [.regularExpression, .caseInsensitive])
        else { return nil }
        let windows = head[encoding].lowercased().contains("1252")
        guard var text = String(data: data, encoding: windows ? .windowsCP1252 : .isoLatin1) else { return nil }
        if let declared = text.range(of: String(head[encoding])) { text.replaceSubrange(declared, with: "encoding=\"UTF-8\"") }
        return Data(text.utf8)
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
