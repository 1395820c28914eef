import BuiltinCommands
import DocumentStore
import Foundation
import REPLCore
import SessionStore

extension Bench {
    /// What a long piece of research costs each command: a session of hundreds of notes
    /// and thousands of commands is opened at start-up and saved after every command.
    struct SessionFigures {
        var notes: Int
        var commands: Int
        var bytes: Int
        var openMS: Figure
        var saveMS: Figure
        /// `note …` at the prompt: parsing, the note, recording the line, the save.
        var noteMS: Figure
    }

    static let benchNotes = 500
    static let benchCommands = 5_000

    func measureSessions(workspace: Workspace, store: DocumentStore) async throws -> SessionFigures {
        let library = SessionLibrary(workspace: workspace)
        let name = "bench-\(UUID().uuidString.prefix(8))"
        let session = try library.create(name, description: "How long does a long session take to save?")
        defer { _ = try? library.remove(name) }
        session.update { contents in
            for number in 1...Self.benchNotes {
                contents.notes.append(
                    Note(
                        id: number,
                        text:
                            "Note \(number): Mikoyan's telegram and the plenum minutes disagree on who proposed the commission #plenum #n\(number % 20)",
                        doc: "wca-2a20b1851ab2"))
            }
            for number in 1...Self.benchCommands {
                contents.history.append(
                    HistoryEntry(
                        line: "search plenum after:1956-09 person:Mikoyan --limit \(number % 50)", sitting: 1 + number / 100))
            }
        }
        try session.save()
        let bytes = (try? Data(contentsOf: session.url).count) ?? 0

        var open: [Double] = []
        var save: [Double] = []
        var note: [Double] = []
        for run in 0..<runs {
            open.append(try milliseconds { _ = try OpenSession.open(session.url) })
            session.update { $0.notes[run].text += " (revised)" }
            save.append(try milliseconds { try session.save() })
        }
        let context = CommandContext(
            workspace: workspace, store: store, registry: CommandRegistry(modules: BuiltinCommands.modules),
            isInteractive: false, style: .plain)
        context.use(try OpenSession.open(session.url))
        let interpreter = Interpreter(context: context, sink: CapturingSink())
        for run in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            guard await interpreter.execute("note wca-2a20b1851ab2 Benchmark note \(run) #bench") else {
                throw BenchError.setup("'note' failed in the session benchmark.")
            }
            note.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return SessionFigures(
            notes: Self.benchNotes, commands: Self.benchCommands, bytes: bytes, openMS: Figure(open), saveMS: Figure(save),
            noteMS: Figure(note))
    }

    private func milliseconds(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }
}
