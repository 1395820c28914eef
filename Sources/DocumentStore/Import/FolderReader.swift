import Foundation

/// A folder of files, read file by file in path order (subfolders included), each with the
/// reader of its format: a folder of TEI volumes, of RIS exports, of Markdown transcriptions.
/// Files whose extension names no format `import` reads are passed over. Errors name the
/// file inside the folder; every record is imported in the one transaction of the import.
struct FolderReader: RecordReader {
    let url: URL
    let file: String
    /// Only files of this format, when given.
    let format: ImportFormat?

    /// The format a file's extension names, if any; in a folder a `.txt` file is a
    /// transcription.
    static func format(ofExtension pathExtension: String) -> ImportFormat? {
        pathExtension.lowercased() == "txt" ? .markdown : ImportFormat(fileExtension: pathExtension)
    }

    /// The files to read, in path order, each with its format.
    static func files(in folder: URL, format: ImportFormat?) -> [(url: URL, format: ImportFormat)] {
        let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        return (enumerator?.allObjects as? [URL] ?? [])
            .compactMap { file -> (URL, ImportFormat)? in
                guard let fileFormat = Self.format(ofExtension: file.pathExtension),
                    format == nil || fileFormat == format
                else { return nil }
                return (file, fileFormat)
            }
            .sorted { $0.0.path < $1.0.path }
    }

    func read(_ consume: (Record) throws -> Void, warn: (ImportWarning) -> Void) throws {
        let files = Self.files(in: url, format: format)
        guard !files.isEmpty else { throw ImportError.emptyFolder(file: file, format: format) }
        for (document, documentFormat) in files {
            let name = (file.hasSuffix("/") ? file : file + "/") + String(document.path.dropFirst(url.path.count + 1))
            let data: Data
            do {
                data = try Data(contentsOf: document, options: .alwaysMapped)
            } catch {
                throw ImportError.unreadableFile(file: name, reason: "it cannot be opened (check its permissions)")
            }
            let provenance = Provenance(file: document.standardizedFileURL.path, format: documentFormat.rawValue)
            try documentFormat.reader(data: data, url: document, file: name, provenance: provenance).read(consume, warn: warn)
        }
    }
}
