import CSL
import Foundation

/// The CSL styles Dossier can render with: a `.csl` file named by its path, a style
/// installed in a styles folder (the workspace's `Styles/`, the user's data folder), or one
/// bundled with Dossier (unchanged from the CSL project), found by its file name without
/// `.csl` or by one of `cite`'s older names (`chicago`, `mla`, `apa`…).
public struct CSLStyles: Sendable {
    /// Folders searched for `NAME.csl` before the bundled styles, in order.
    public var folders: [URL]

    public init(folders: [URL] = []) {
        self.folders = folders
    }

    /// The older style names of `cite` and the bundled CSL styles they stand for.
    public static let aliases: [String: String] = [
        "chicago": "chicago-notes-bibliography", "chicago-ibid": "chicago-notes-bibliography",
        "chicago-bib": "chicago-notes-bibliography", "chicago-short": "chicago-shortened-notes-bibliography",
        "mla": "modern-language-association", "apa": "apa",
    ]

    /// The bundled styles' folder.
    private static let bundledFolder = Bundle.module.url(forResource: "Styles", withExtension: nil)

    /// The bundled styles' names, sorted.
    public static var bundledNames: [String] {
        guard let folder = bundledFolder,
            let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return files.filter { $0.hasSuffix(".csl") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// Why a style could not be had.
    public enum Failure: Error, CustomStringConvertible, Sendable {
        case notFound(String, names: [String])
        case unreadable(String)
        case invalid(CSLError)

        public var description: String {
            switch self {
            case .notFound(let given, let names):
                return
                    "Style '\(given)' is not a .csl file, an installed style or a bundled one. Give the path of a .csl file, "
                    + "put it in a Styles/ folder, or use one of: \(names.joined(separator: ", "))."
            case .unreadable(let path):
                return "Cannot read the style '\(path)': check that it exists and can be read."
            case .invalid(let error):
                return error.description
            }
        }
    }

    /// The file `given` names: a path, an installed `NAME.csl`, a bundled one or an alias.
    public func file(for given: String) throws(Failure) -> URL {
        let expanded = (given as NSString).expandingTildeInPath
        if given.contains("/") || given.hasSuffix(".csl") {
            guard FileManager.default.isReadableFile(atPath: expanded) else { throw .unreadable(given) }
            return URL(fileURLWithPath: expanded)
        }
        let name = Self.aliases[given] ?? given
        for folder in folders + [Self.bundledFolder].compactMap({ $0 }) {
            let file = folder.appendingPathComponent(name + ".csl")
            if FileManager.default.isReadableFile(atPath: file.path) { return file }
        }
        let names = installedNames + Self.bundledNames
        throw .notFound(given, names: names + Self.aliases.keys.sorted().filter { !names.contains($0) })
    }

    /// The style `given` names, parsed; a dependent style's parent is looked for the same way.
    public func style(_ given: String) throws(Failure) -> CSLStyle {
        let url = try file(for: given)
        let folders = self.folders + [Self.bundledFolder].compactMap { $0 }
        do {
            return try CSLStyle(contentsOf: url) { parent in
                // A parent link ends in the parent's id, which is its file name.
                guard let last = parent.split(separator: "/").last else { return nil }
                return folders.lazy.compactMap { try? Data(contentsOf: $0.appendingPathComponent(last + ".csl")) }.first
            }
        } catch {
            throw .invalid(error)
        }
    }

    /// The names of the styles in `folders`.
    public var installedNames: [String] {
        folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".csl") }
                .map { String($0.dropLast(4)) }
        }.sorted()
    }
}
