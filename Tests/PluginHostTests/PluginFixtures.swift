import Foundation
import PluginHost
import REPLCore
import SessionStore
import TestSupport

/// Plugins for the tests: the example plugins as built, and small shell-script plugins that
/// behave (or misbehave) as a test needs.
enum PluginFixtures {
    static var buildFolders: [PluginFolder] { [PluginFolder(url: Fixtures.buildFolder, kind: .dossier)] }

    static let pages = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/pages")

    /// One command, `probe [REF]`, unless a test gives its own signature.
    static let probeCommands =
        #"[{"name":"probe","abstract":"A test command.","arguments":[{"name":"ref","help":"A document.","optional":true}],"options":[{"name":"times","short":"t","value":"N","help":"How often.","default":"1"},{"name":"loud","flag":true,"help":"Shout."}],"examples":["probe"]}]"#

    /// Writes `Plugins/dossier-plugin-NAME` into the workspace: a shell script that answers
    /// the hello (with `hello`, unless given) and the signature, runs `onCall` for a call
    /// (with `$id` the call's id and `$line` the message), and appends a line to
    /// `launches` each time it starts.
    @discardableResult
    static func script(
        _ name: String, in workspace: Workspace, commands: String = probeCommands, hello: String? = nil,
        onStart: String = "", onCall: String
    ) throws -> URL {
        try FileManager.default.createDirectory(at: workspace.pluginsFolder, withIntermediateDirectories: true)
        let url = workspace.pluginsFolder.appendingPathComponent("dossier-plugin-\(name)")
        let helloLine = hello ?? #"{"type":"hello","protocol":1,"name":"\#(name)","version":"0.1"}"#
        let script = """
            #!/bin/sh
            echo started >> '\(launches(of: name, in: workspace).path)'
            \(onStart)
            while IFS= read -r line; do
              case "$line" in
                *'"type":"hello"'*) printf '%s\\n' '\(helloLine)' ;;
                *'"type":"signature"'*) printf '%s\\n' '{"type":"signature","id":0,"commands":\(commands)}' ;;
                *'"type":"call"'*)
                  id=$(printf '%s' "$line" | sed 's/.*"id":\\([0-9]*\\),"options".*/\\1/')
                  \(onCall)
                  ;;
                *'"type":"goodbye"'*) exit 0 ;;
              esac
            done

            """
        try Fixtures.writeExecutable(script, to: url)
        return url
    }

    /// The file a script plugin notes each start in.
    static func launches(of name: String, in workspace: Workspace) -> URL {
        workspace.root.appendingPathComponent("\(name).launches")
    }

    static func launchCount(of name: String, in workspace: Workspace) -> Int {
        ((try? String(contentsOf: launches(of: name, in: workspace), encoding: .utf8)) ?? "")
            .split(separator: "\n").count
    }

    /// A response with `output` (JSON) to the current call.
    static func respond(_ output: String) -> String {
        #"printf '{"type":"response","id":%s,"output":\#(output)}\n' "$id""#
    }

    /// Whether a process is alive: it exists and has not ended (a zombie waiting to be
    /// reaped by whoever inherited it has ended).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }
}
