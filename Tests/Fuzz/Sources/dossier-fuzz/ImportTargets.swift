import Foundation

@testable import DocumentStore

/// Every importer's reader, as `import` runs it on a file, without a store: the file is
/// refused with an `ImportError` or read into records.
enum ImportTargets {
    static let all: [FuzzTarget] = ImportFormat.allCases.map { format in
        FuzzTarget(name: "import-\(format.rawValue)", about: "the \(format.rawValue) importer") { bytes in
            read(bytes, as: format)
        }
    }

    static func read(_ bytes: UnsafeRawBufferPointer, as format: ImportFormat) {
        let ext = ["results": "txt", "markdown": "md", "tei": "xml"][format.rawValue] ?? format.rawValue
        let url = Sample.file(bytes, extension: ext)
        let data = Data(bytes)
        _ = ImportFormat.guess(url: URL(fileURLWithPath: "input"), prefix: data.prefix(4096))
        let reader = format.reader(
            data: data, url: url, file: "input.\(ext)", provenance: Provenance(file: url.path, format: format.rawValue))
        do {
            try reader.read(
                { record in
                    _ = record.removingControlCharacters()
                    _ = record.json
                }, warn: { _ in })
        } catch is ImportError {
            // Refused, as it should be when it is malformed.
        } catch {
            finding("the \(format.rawValue) reader threw something else than an ImportError: \(error)")
        }
    }
}
