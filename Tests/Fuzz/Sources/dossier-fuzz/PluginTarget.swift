import DocumentStore
import DossierProtocol
import Foundation

@testable import PluginHost
@testable import PluginKit
@testable import REPLCore

extension FuzzTarget {
    /// The plugin protocol from both sides: a line as a message, a signature's commands, a
    /// command line parsed by such a command and mapped to a call, a response's output as Dossier renders it, and
    /// a call as a plugin reads it. JSON must read back as it was written.
    static let plugin = FuzzTarget(name: "plugin", about: "the plugin protocol decoder, signatures, outputs and calls") { bytes in
        let text = bytes.text
        let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let line = lines[0]
        if let value = try? JSONValue.parse(Data(bytes)) {
            let written = value.serialized()
            guard let again = try? JSONValue.parse(written) else {
                finding("JSON written cannot be read back: \(written.prefix(200))")
            }
            if again != value { finding("JSON does not read back as it was written: \(written.prefix(200))") }
        }
        guard let (type, body) = try? PluginProtocol.message(from: line) else { return }
        _ = PluginProtocol.MessageType(rawValue: type)
        _ = PluginProtocol.excerpt(line)
        if let commands = body["commands"]?.array {
            let rest = lines.count > 1 ? String(lines[1]) : ""
            for command in commands.prefix(8) {
                guard let signature = try? CommandSignature(json: command) else { continue }
                guard let encoded = try? JSONValue(encoding: signature), let again = try? CommandSignature(json: encoded) else {
                    finding("a signature that was accepted cannot be read back once encoded: \(command.serialized().prefix(200))")
                }
                if again != signature {
                    finding("a signature does not read back as it was written: \(encoded.serialized().prefix(200))")
                }
                if let invocation = try? Invocation.parse(rest, for: signature) {
                    _ = try? invocation.call(for: signature, command: signature.name)
                }
                _ = HelpScreen.usage(signature, command: signature.name)
                _ = HelpScreen.screen(for: signature, path: [], origin: "dossier-plugin-fuzz", width: 80)
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
