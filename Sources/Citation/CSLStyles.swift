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
        "mla": "modern-language-association", "apa": "apa", "archive": "wilson-center-digital-archive",
    ]

    /// `cite`'s older style names, sorted.
    public static var olderNames: [String] { aliases.keys.sorted() }

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
        // A parent beside the style first (a journal's style downloaded with its parent).
        let folders = [url.deletingLastPathComponent()] + self.folders + [Self.bundledFolder].compactMap { $0 }
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

extension CSLStyles {
    /// A style `cite styles` lists.
    public struct Listed: Sendable, Encodable, Equatable {
        /// What `--style` takes.
        public var name: String
        /// `bundled`, the folder it is installed in (`~` for the home folder), or `short name`.
        public var source: String
        /// `note`, `in-text`, or `dependent` (a journal's style that borrows another's rules).
        public var kind: String
        public var title: String
        /// The style a short name stands for.
        public var standsFor: String? = nil

        enum CodingKeys: String, CodingKey {
            case name, source, kind, title
            case standsFor = "stands_for"
        }
    }

    /// Every style there is: installed ones first (a folder's style hides a bundled one of
    /// the same name), then the bundled ones, then `cite`'s older names.
    public func catalogue() -> [Listed] {
        var listed: [Listed] = []
        var seen = Set<String>()
        for folder in folders + [Self.bundledFolder].compactMap({ $0 }) {
            let bundled = folder == Self.bundledFolder
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
                $0.hasSuffix(".csl")
            }
            for file in files.sorted() {
                let name = String(file.dropLast(4))
                guard seen.insert(name).inserted else { continue }
                let (kind, title) = Self.summary(of: folder.appendingPathComponent(file))
                listed.append(Listed(name: name, source: bundled ? "bundled" : Self.shown(folder), kind: kind, title: title))
            }
        }
        for name in Self.olderNames {
            guard let target = Self.aliases[name], let style = listed.first(where: { $0.name == target }) else { continue }
            let summary = Self.olderSummaries[name] ?? style.title
            listed.append(
                Listed(name: name, source: "short name", kind: style.kind, title: "\(summary) (\(target))", standsFor: target))
        }
        return listed
    }

    /// A folder as a person would write it: the home folder as `~`.
    static func shown(_ folder: URL) -> String {
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path
        let path = folder.standardizedFileURL.path
        return path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }

    /// What the older names give.
    static let olderSummaries: [String: String] = [
        "chicago": "Chicago notes: in full the first time, short after",
        "chicago-ibid": "Chicago notes with Ibid. for the document cited just before",
        "chicago-short": "Chicago shortened notes", "chicago-bib": "Chicago bibliography entry",
        "mla": "MLA works-cited entry", "apa": "APA reference entry",
        "archive": "the Wilson Center Digital Archive's own suggested citation",
    ]

    /// A style file's class and title, read from its head without parsing it all; a file
    /// that has neither says so.
    static func summary(of file: URL) -> (kind: String, title: String) {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return ("unreadable", "") }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 8192)) ?? Data(), as: UTF8.self)
        func first(_ pattern: String) -> String? {
            guard let range = head.range(of: pattern, options: .regularExpression) else { return nil }
            return String(head[range])
        }
        let title =
            first("<title>[^<]*</title>").map {
                String($0.dropFirst(7).dropLast(8)).replacingOccurrences(of: "&amp;", with: "&")
            } ?? "(no title)"
        let kind: String
        if head.contains("rel=\"independent-parent\"") {
            kind = "dependent"
        } else if let attribute = first("class=\"[a-z-]+\"") {
            kind = String(attribute.dropFirst(7).dropLast())
        } else {
            kind = "(not a CSL style)"
        }
        return (kind, title)
    }
}
