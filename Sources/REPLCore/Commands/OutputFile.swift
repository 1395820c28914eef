import ArgumentParser
import Foundation

/// The file an `--out FILE` option names: written whole (atomically), or an error that
/// names it and says what to check.
public enum OutputFile {
    @discardableResult
    public static func write(_ text: String, to path: String) throws -> URL {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw ValidationError(
                "Cannot write '\(path)': \(error.localizedDescription). Check that the folder exists and can be written.")
        }
        return url
    }
}

/// `--out FILE`, for every command that writes a file (`export`, `session export`, `alias
/// export`): declared once (`@OptionGroup var out: OutputOption`), checked in `validate()`
/// before anything is worked out, so that a wrong folder is said at once.
public struct OutputOption: ParsableArguments {
    @Option(name: .customLong("out"), help: ArgumentHelp("The file to write (the screen without it).", valueName: "file"))
    public var path: String?

    public init() {}

    public func validate() throws {
        guard let path else { return }
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--out needs a file name, e.g. --out notes.md.")
        }
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            throw ValidationError("'\(path)' is a folder; --out needs a file in it, e.g. --out \(path)/export.txt.")
        }
        let folder = url.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("The folder of '\(path)' (\(folder.path)) does not exist. Create it first, or write elsewhere.")
        }
    }
}
