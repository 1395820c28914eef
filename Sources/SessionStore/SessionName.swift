import Foundation

/// Session names and the file names they are kept under.
///
/// A name may hold spaces, any letters and most punctuation; the file name spells the
/// characters a file name cannot hold (`/`, a leading `.`, `%`, `\`, `:`) as `%XX`, so that
/// `1956/57` or `..` stays a file inside `Sessions/`.
public enum SessionName {
    public static let maximumLength = 100

    /// The name as it is kept: trimmed and in Unicode's composed form (NFC).
    public static func normalized(_ name: String) throws(SessionError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !trimmed.isEmpty else { throw .invalidName(name, reason: "it is empty") }
        guard trimmed.count <= maximumLength else {
            throw .invalidName(String(trimmed.prefix(20)) + "…", reason: "it is longer than \(maximumLength) characters")
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw .invalidName(name, reason: "it holds a control character (a tab or a line break)")
        }
        return trimmed
    }

    /// The file name for `name` (already normalized), without a folder.
    public static func fileName(for name: String) -> String {
        var result = ""
        for (index, scalar) in name.unicodeScalars.enumerated() {
            switch scalar {
            case "/", "\\", "%", ":", "*", "?", "\"", "<", ">", "|":
                result += String(format: "%%%02X", scalar.value)
            case "." where index == 0:
                result += "%2E"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "." + SessionFormat.fileExtension
    }

    /// The name a file name stands for, or nil when it is not a session file's name.
    public static func name(fromFileName fileName: String) -> String? {
        let suffix = "." + SessionFormat.fileExtension
        guard fileName.hasSuffix(suffix), !fileName.hasPrefix(".") else { return nil }
        let stem = String(fileName.dropLast(suffix.count))
        guard !stem.isEmpty else { return nil }
        return stem.removingPercentEncoding ?? stem
    }
}
