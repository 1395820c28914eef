import DocumentStore
import Foundation

/// A store with the sample archive, made once per run in a temporary folder (in memory
/// when /dev/shm is there, so that commits do not wait on a disk).
enum Sample {
    static let folder: URL = {
        let base =
            FileManager.default.isWritableFile(atPath: "/dev/shm")
            ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("dossier-fuzz-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Sample.folder) }
        return folder
    }()

    static let store: DocumentStore = {
        do {
            let store = try DocumentStore.open(at: folder.appendingPathComponent("store.sqlite"))
            try SampleArchive.importInto(store)
            return store
        } catch {
            finding("the sample store cannot be made: \(error)")
        }
    }()

    /// A file to hand an input to readers that read files.
    static func file(_ bytes: UnsafeRawBufferPointer, extension ext: String) -> URL {
        let url = folder.appendingPathComponent("input." + ext)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url
    }
}
