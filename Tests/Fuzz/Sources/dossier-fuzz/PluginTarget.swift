import DocumentStore
import DossierJSON
import Foundation
@testable import PluginKit
@testable import REPLCore

extension FuzzTarget {
    /// The plugin protocol from both sides: a line as a message, a signature's commands, a
    /// command line parsed by such a command, a response's output as Dossier renders it, and
    /// a call as a plugin reads it. JSON must read back as it was written.
    static let plugin = FuzzTarget(name: "plugin", about: "the plugin protocol decoder, signatures, outputs and calls") { bytes in
        let text = bytes.text
        let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let line = lines[0]
        if let value = try? JSONValue.parse(Data(bytes)) {
            let written = value.serialized()
            guard let again = try? JSONValue.parse(written) else { finding("JSON written cannot be read back: \(written.prefix(200))") }
            if again != value { finding("JSON does not read back as it was written: \(written.prefix(200))") }
        }
        guard let (type, body) = try? PluginProtocol.message(from: line) else { return }
        _ = PluginProtocol.MessageType(rawValue: type)
        _ = PluginProtocol.excerpt(line)
        if let commands = body["commands"]?.array {
            let words = lines.count > 1 ? ((try? LineTokenizer.split(String(lines[1]))) ?? []) : []
            for command in commands.prefix(8) {
                guard let spec = try? PluginCommandSpec(json: command) else { continue }
                _ = spec.json
                _ = try? PluginCommandLine.parse(words, spec: spec)
                _ = PluginCommandLine.usage(spec)
                _ = PluginCommandLine.help(spec, plugin: "dossier-plugin-fuzz", width: 80)
            }
        }
        if let output = body["output"], let rendered = try? PluginCommandOutput(output, store: Sample.store) {
            _ = rendered.text(in: .plain)
            _ = rendered.json
        }
        let call = PluginCall(body)
        _ = call.argument("ref")
        _ = try? call.integer("limit")
    }
}
