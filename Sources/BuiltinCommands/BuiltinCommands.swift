import CiteCommands
import CompareCommands
import NoteCommands
import REPLCore
import SearchCommands
import WorkspaceCommands

/// The one list of built-in command modules, in the order `help` lists them; `help` and
/// `quit` come with REPLCore. `dossier`, the tests and `dossier-bench` all take it from
/// here. A new command is one file in its module and one line in that module's list; a new
/// module is one line here.
public enum BuiltinCommands {
    public static let modules: [CommandModule] = [
        SearchCommands.module,
        CompareCommands.module,
        NoteCommands.module,
        CiteCommands.module,
        WorkspaceCommands.module,
    ]
}
