import Foundation

/// A parsed CSL 1.0.2 style, ready to be used by `CSLProcessor`.
public struct CSLStyle: Sendable {
    /// The name used in error messages (usually the file name).
    public let name: String
    /// `in-text` or `note`.
    public let styleClass: String
    /// The style's `default-locale`, if any.
    public let defaultLocale: String?
    let citation: LayoutSection
    let bibliography: LayoutSection?
    let macros: [String: [Element]]
    let locales: [LocaleData]
    let attributes: [String: String]
    let nameOptions: NameOptions

    /// Resolves a dependent style's parent link (a URI) to the parent's XML data.
    public typealias ParentResolver = @Sendable (String) -> Data?

    /// Parses style XML; dependent styles are resolved through `parentResolver`.
    public init(data: Data, name: String, parentResolver: ParentResolver? = nil) throws(CSLError) {
        try self.init(data: data, name: name, parentResolver: parentResolver, children: [])
    }

    /// `children`: the dependent styles that led here, so that a parent link back to one
    /// of them is reported rather than followed for ever.
    private init(data: Data, name: String, parentResolver: ParentResolver?, children: [String]) throws(CSLError) {
        let root = try XElement.parse(data, file: name)
        guard root.name == "style" else {
            throw CSLError.invalidStyle(
                file: name,
                problem: "the root element is <\(root.name)>, not <style>; use a CSL style file")
        }
        if root.child("citation") == nil, let info = root.child("info"),
            let parent = info.all("link").first(where: { $0["rel"] == "independent-parent" })?["href"]
        {
            guard !children.contains(parent), parent != name else {
                throw CSLError.invalidStyle(
                    file: name,
                    problem: "its parent '\(parent)' leads back to itself (\((children + [name]).joined(separator: " → "))); "
                        + "link an independent style as the parent")
            }
            guard let parentData = parentResolver?(parent) else {
                throw CSLError.unresolvedParent(file: name, parent: parent)
            }
            var parentStyle = try CSLStyle(
                data: parentData, name: parent, parentResolver: parentResolver, children: children + [name])
            if let loc = root["default-locale"] { parentStyle = parentStyle.withDefaultLocale(loc) }
            self = parentStyle
            return
        }
        var parser = StyleParser(file: name)
        parser.macroNames = Set(root.all("macro").compactMap { $0["name"] })
        var macros: [String: [Element]] = [:]
        for m in root.all("macro") {
            guard let mname = m["name"] else {
                throw CSLError.invalidElement(
                    file: name, element: "macro", line: m.line,
                    problem: "has no name attribute; add name=\"…\"")
            }
            macros[mname] = try parser.parseMacro(m)
        }
        try parser.checkCycles()
        guard let citationElement = root.child("citation") else {
            throw CSLError.invalidStyle(
                file: name,
                problem: "it has no <citation> element; add <citation><layout>…</layout></citation>")
        }
        for child in root.children where !["info", "locale", "macro", "citation", "bibliography"].contains(child.name) {
            throw CSLError.unknownElement(file: name, element: child.name, line: child.line)
        }
        self.name = name
        self.styleClass = root["class"] ?? "in-text"
        self.defaultLocale = root["default-locale"]
        self.citation = try parser.parseSection(citationElement)
        self.bibliography = try root.child("bibliography").map { (b: XElement) throws(CSLError) in try parser.parseSection(b) }
        self.macros = macros
        self.locales = try root.all("locale").map { (l: XElement) throws(CSLError) in try LocaleData(l, file: name) }
        self.attributes = root.attributes
        self.nameOptions = NameOptions(root, inheritable: true)
    }

    /// Reads and parses a style file.
    public init(contentsOf url: URL, parentResolver: ParentResolver? = nil) throws(CSLError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CSLError.invalidStyle(file: url.lastPathComponent, problem: "the file could not be read; check the path")
        }
        try self.init(data: data, name: url.lastPathComponent, parentResolver: parentResolver)
    }

    private init(copy: CSLStyle, defaultLocale: String?) {
        name = copy.name
        styleClass = copy.styleClass
        self.defaultLocale = defaultLocale
        citation = copy.citation
        bibliography = copy.bibliography
        macros = copy.macros
        locales = copy.locales
        attributes = copy.attributes
        nameOptions = copy.nameOptions
    }

    func withDefaultLocale(_ locale: String) -> CSLStyle { CSLStyle(copy: self, defaultLocale: locale) }

    /// Whether the style defines a bibliography.
    public var hasBibliography: Bool { bibliography != nil }
}
