/// What a command may ask of the person at the terminal. The executable provides it at an
/// interactive prompt; scripts, pipes and `-c` have none, so commands must work without.
public protocol Interaction: Sendable {
    /// Asks a yes/no question; true only for an explicit yes.
    func confirm(_ question: String) -> Bool
    /// Opens the user's editor (`$VISUAL`, `$EDITOR`, else `vi`) on `text` and returns what
    /// was saved; nil when the editor could not be started or exited with an error.
    func edit(_ text: String) -> String?
}
