import Foundation

/// Every failure the CSL library reports; descriptions are sentences naming the source and the fix.
public enum CSLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The style or locale file is not well-formed XML.
    case malformedXML(file: String, line: Int, reason: String)
    /// The file's bytes are not UTF-8 and it declares no other encoding.
    case notUTF8(file: String, line: Int)
    /// An element is missing a required attribute or has an invalid one.
    case invalidElement(file: String, element: String, line: Int, problem: String)
    /// An element name is not part of CSL 1.0.2.
    case unknownElement(file: String, element: String, line: Int)
    /// A `<text macro>` names a macro the style does not define.
    case missingMacro(file: String, name: String, line: Int)
    /// A macro calls itself, directly or indirectly.
    case recursiveMacro(file: String, name: String)
    /// The root element is not `<style>` or lacks a citation layout.
    case invalidStyle(file: String, problem: String)
    /// A dependent style's parent could not be resolved.
    case unresolvedParent(file: String, parent: String)
    /// A locale file could not be read or parsed.
    case invalidLocale(file: String, problem: String)
    /// CSL-JSON input could not be decoded.
    case invalidItems(reason: String)
    /// A cite refers to an item id that was not supplied.
    case unknownItem(id: String)

    /// A sentence naming the file or element and how to fix it.
    public var description: String {
        switch self {
        case let .malformedXML(file, line, reason):
            return "Style '\(file)': the XML is malformed near line \(line) (\(reason)); fix the markup so it parses."
        case let .notUTF8(file, line):
            return "Style '\(file)': line \(line) is not UTF-8 text; save the file as UTF-8, as CSL styles and locales are."
        case let .invalidElement(file, element, line, problem):
            return "Style '\(file)': element <\(element)> at line \(line) \(problem)."
        case let .unknownElement(file, element, line):
            return "Style '\(file)': element <\(element)> at line \(line) is not a CSL 1.0.2 element; remove or rename it."
        case let .missingMacro(file, name, line):
            return "Style '\(file)': macro '\(name)' used at line \(line) is not defined; add <macro name=\"\(name)\">."
        case let .recursiveMacro(file, name):
            return "Style '\(file)': macro '\(name)' calls itself; break the cycle between macros."
        case let .invalidStyle(file, problem):
            return "Style '\(file)': \(problem)."
        case let .unresolvedParent(file, parent):
            return
                "Style '\(file)': it is a dependent style, and its parent '\(parent)' could not be found; put \(parent.split(separator: "/").last.map(String.init) ?? parent).csl (from the CSL styles repository) beside it or in a Styles/ folder."
        case let .invalidLocale(file, problem):
            return "Locale '\(file)': \(problem)."
        case let .invalidItems(reason):
            return "CSL-JSON items could not be decoded: \(reason); check the JSON against the CSL-JSON schema."
        case let .unknownItem(id):
            return "Cite refers to item '\(id)', which is not among the processor's items; add the item or fix the id."
        }
    }
}
