import REPLCore

/// The researcher's writing: `note`, `notes` and `session` (including the research log).
public enum NoteCommands {
    public static let module = CommandModule(
        name: "Notes and sessions", commands: [NoteCommand.self, NotesCommand.self, SessionCommand.self])
}
