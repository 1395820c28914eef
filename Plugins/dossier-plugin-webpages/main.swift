// dossier-plugin-webpages: an example external plugin. It adds `import-html`, an importer
// for a format Dossier itself does not read: an archive's document pages saved from the
// browser as HTML. The records go to Dossier through the `import` request, so they are
// imported as every importer's are: in one transaction, updating documents already there.
import DossierProtocol
import Foundation
import PluginKit

let importHTML = CommandSignature(
    name: "import-html",
    abstract: "Import document pages saved from an archive's website as HTML.",
    discussion: """
        Each PATH is a saved page (.html or .htm) or a folder of them. A page gives one \
        document: its title (the page's main heading), date, summary, document text, \
        archive reference, original language, translator, collections and subjects, from \
        the labelled parts of the page as the Wilson Center Digital Archive lays them out \
        (other labelled parts are kept as extra fields). The pages are imported together \
        in one transaction; a page imported again updates its document, and a page of a \
        document already imported from a results list (same title and date) completes it.
        """,
    arguments: [.init("path", help: "Saved pages, or folders of them.", repeating: true)],
    options: [.init("dry-run", flag: true, help: "Read the pages and list what would be imported, importing nothing.")],
    examples: ["import-html saved-pages/", "import-html mikoyan-telegram.html --dry-run"])

/// The saved pages a path names: the file itself, or the HTML files in a folder and its
/// subfolders, in name order.
func pages(at path: String) throws -> [URL] {
    let url = URL(fileURLWithPath: path)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
        throw PluginFailure("There is no file or folder '\(path)'. Give the path of a saved page (.html) or a folder of them.")
    }
    guard isFolder.boolValue else { return [url] }
    let files =
        FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)?
        .compactMap { $0 as? URL }
        .filter { ["html", "htm"].contains($0.pathExtension.lowercased()) } ?? []
    return files.sorted { $0.path < $1.path }
}

/// The id of a document the store already has with this title and date (imported from a
/// results list), found by asking the host.
func existingID(of page: DocumentPage, host: HostConnection) -> String? {
    guard let date = page.fields["date"]?.string else { return nil }
    let words = page.title.map { $0.isLetter || $0.isNumber ? $0 : " " }
    let query = "title:\"\(String(words))\""
    guard let found = try? host.search(query, limit: 20, fields: ["title", "date", "date_text"]) else { return nil }
    return found.documents.first { document in
        document["title"]?.string?.lowercased() == page.title.lowercased()
            && (document["date_text"]?.string == date || document["date"]?.string == page.fields["date"]?.string)
    }?["id"]?.string
}

PluginRuntime.run(name: "webpages", version: "1.0.0", commands: [importHTML]) { call, host in
    let paths = call.arguments("path")
    guard !paths.isEmpty else { throw PluginFailure("Give a saved page or a folder of them, e.g. import-html pages/.") }
    var records: [JSONValue] = []
    var skipped: [String] = []
    let files = try paths.flatMap { try pages(at: $0) }
    guard !files.isEmpty else { throw PluginFailure("No .html or .htm files in \(paths.joined(separator: ", ")).") }
    for (index, file) in files.enumerated() {
        if index % 50 == 49 { host.progress("read \(index + 1) of \(files.count) pages") }
        guard let data = try? Data(contentsOf: file) else {
            throw PluginFailure("Cannot read '\(file.path)': check that it exists and can be read. Nothing was imported.")
        }
        let html = String(decoding: data, as: UTF8.self)
        guard var page = DocumentPage(html: html, file: file) else {
            skipped.append(file.lastPathComponent)
            continue
        }
        if let id = existingID(of: page, host: host) { page.fields["id"] = .string(id) }
        records.append(.object(page.fields))
    }
    let ids = records.compactMap { $0["id"]?.string }
    let skippedNote = skipped.isEmpty ? "" : " Left out (no title, not a document page): \(skipped.joined(separator: ", "))."
    if call.flag("dry-run") {
        return PluginOutput(
            text: "Would import \(records.count) of \(files.count) pages; nothing was imported.\(skippedNote)",
            table: (
                columns: ["Id", "Date", "Title"],
                rows: records.map { [$0["id"] ?? "", $0["date_text"] ?? "", $0["title"] ?? ""] }
            ),
            data: ["records": .array(records), "skipped": .array(skipped.map(JSONValue.string))])
    }
    guard !records.isEmpty else { throw PluginFailure("None of the pages is a document page (none has a title).\(skippedNote)") }
    let source = paths.count == 1 ? paths[0] : "\(paths.count) paths of saved pages"
    let (added, updated) = try host.importRecords(records, source: source)
    let pagesWord = records.count == 1 ? "1 page" : "\(records.count) pages"
    return try PluginOutput(
        documents: ids,
        heading: "Imported \(pagesWord): \(added) new, \(updated) updated.\(skippedNote) 'show N' prints one.",
        value: Imported(added: added, updated: updated, ids: ids, skipped: skipped))
}

/// What `import-html --json` prints after an import.
struct Imported: Encodable {
    var added: Int
    var updated: Int
    var ids: [String]
    /// The pages left out: not document pages.
    var skipped: [String]
}
