import Foundation
import Synchronization

/// The built `dossier` executable, run as a user runs it from a shell.
public enum DossierProcess {
    /// What a run printed and how it ended.
    public struct Result: Sendable {
        public var stdout: String
        public var stderr: String
        public var status: Int32
    }

    /// The executable next to the test bundle (`swift build` puts both in one folder).
    public static let executable: URL = {
        var candidates: [URL] = []
        if let bundle = Bundle.main.executableURL {
            candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("dossier"))
        }
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("dossier"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/dossier"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    /// The package's root folder, for a build run from a source checkout.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ProcessDriver
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// A new, empty home folder, so that no rc file or setting of the caller's applies.
    static func temporaryHome() -> URL {
        TemporaryFolders.make("dossier-home")
    }

    /// An environment without the caller's colour, pager and workspace settings.
    public static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in ["NO_COLOR", "PAGER", "COLUMNS", "LINES", "XDG_DATA_HOME"] { environment[key] = nil }
        environment["HOME"] = temporaryHome().path
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// Runs `dossier` with `arguments`, feeding it `input` through a pipe; returns once it
    /// has ended and both of its streams are read to their ends.
    public static func run(
        _ arguments: [String], input: String = "", in folder: URL? = nil, environment: [String: String]? = nil
    ) async throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment ?? Self.environment()
        if let folder { process.currentDirectoryURL = folder }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        // Both streams are read as they come (a full pipe would stall the process), and the
        // end is awaited, not waited for on a thread.
        async let out = contents(of: stdout.fileHandleForReading)
        async let err = contents(of: stderr.fileHandleForReading)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        return Result(
            stdout: String(decoding: await out, as: UTF8.self), stderr: String(decoding: await err, as: UTF8.self),
            status: status)
    }

    /// Everything read from `handle` until its end.
    private static func contents(of handle: FileHandle) async -> Data {
        await PipeReader(handle).whole()
    }
}
