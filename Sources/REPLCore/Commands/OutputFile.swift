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
