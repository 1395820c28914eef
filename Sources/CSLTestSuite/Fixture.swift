import Foundation

/// One CSL test-suite fixture file split into its sections.
public struct Fixture: Sendable {
    /// File name without extension.
    public let name: String
    /// Section name -> raw content.
    public let sections: [String: String]

    /// The fixture's category: the file-name prefix before the first underscore.
    public var category: String { String(name.split(separator: "_").first ?? Substring(name)) }

    /// Splits `text` on `>>== NAME ==>>` / `<<== NAME ==<<` markers.
    public init(name: String, text: String) {
        self.name = name
        var sections: [String: String] = [:]
        var current: String?
        var buffer: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(">>=") && trimmed.contains(" "), let title = Self.title(trimmed, open: true) {
                current = title
                buffer = []
            } else if trimmed.hasPrefix("<<=") && current != nil, let title = Self.title(trimmed, open: false), title == current {
                sections[title] = buffer.joined(separator: "\n")
                current = nil
            } else if current != nil {
                buffer.append(line)
            }
        }
        self.sections = sections
    }

    private static func title(_ line: String, open: Bool) -> String? {
        let core = line.trimmingCharacters(in: CharacterSet(charactersIn: open ? ">=" : "<="))
        let name = core.trimmingCharacters(in: CharacterSet(charactersIn: " =<>"))
        guard !name.isEmpty, name.allSatisfy({ $0.isUppercase || $0 == "-" }) else { return nil }
        return name
    }

    /// Reads a fixture file.
    public init(url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        self.init(name: url.deletingPathExtension().lastPathComponent, text: text)
    }
}
