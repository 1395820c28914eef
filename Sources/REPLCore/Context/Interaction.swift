import Foundation

/// What a command may ask of the person at the terminal. The executable provides it at an
/// interactive prompt; scripts, pipes and `-c` have none, so commands must work without.
public protocol Interaction: Sendable {
    /// Asks a yes/no question; true only for an explicit yes.
    func confirm(_ question: String) -> Bool
    /// Opens the user's editor on `text` and says what came of it.
    func edit(_ text: String) -> EditOutcome
}

/// What came of opening the editor on a text.
public enum EditOutcome: Sendable, Equatable {
    /// The editor saved and exited normally: the text as saved.
    case saved(String)
    /// The editor could not be started or exited with an error (`reason`). When the text
    /// had been changed, the draft is kept in the file `draft`, so that nothing typed is lost.
    case failed(reason: String, draft: URL?)
    /// No editor is set and the system has none: the message says how to set one.
    case noEditor(String)
}

/// Which editor `note edit` opens: `$VISUAL`, else `$EDITOR`, else the system's `editor`
/// (Debian's choice of default editor) when it is on the PATH; never a program the user did
/// not choose without saying so.
public enum EditorChoice: Equatable, Sendable {
    /// A shell command chosen by the user.
    case chosen(String)
    /// The system's default editor, with a line telling the user how to choose another.
    case systemDefault(String, notice: String)
    /// None: the message says how to set one.
    case none(String)

    public static let howToSet =
        "set VISUAL or EDITOR to the editor you use (e.g. 'export EDITOR=nano' in ~/.profile)"

    public static func resolve(environment: [String: String]) -> EditorChoice {
        for key in ["VISUAL", "EDITOR"] {
            if let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                return .chosen(value)
            }
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        if let path = folders.map({ "\($0)/editor" }).first(where: FileManager.default.isExecutableFile(atPath:)) {
            return .systemDefault(
                path, notice: "No editor is set, so the note opens in the system's editor (\(path)); to choose one, \(howToSet).")
        }
        return .none("No editor is set and this system has no 'editor': \(howToSet).")
    }
}
