import DossierProtocol
import Foundation

/// The settings `set --save` keeps for a workspace, in `.dossier/settings.json`: a JSON
/// object of names and values, written whole and atomically, so that a kill never leaves
/// half a file.
public struct SavedSettings: Sendable, Equatable {
    public var values: [String: String]

    public init(values: [String: String] = [:]) {
        self.values = values
    }

    public static func file(of workspace: Workspace) -> URL {
        workspace.dataFolder.appendingPathComponent("settings.json")
    }

    /// The saved settings; none when the file does not exist. A file that cannot be read
    /// is an error that names it, so that nothing is saved over it unnoticed.
    public static func load(from workspace: Workspace) throws(SettingsFileError) -> SavedSettings {
        let url = file(of: workspace)
        guard let data = FileManager.default.contents(atPath: url.path) else { return SavedSettings() }
        guard let value = try? JSONValue.parse(data), let object = value.object else {
            throw SettingsFileError(
                "The settings file \(url.path) is not a JSON object of names and values. Fix it or remove it; 'set' works without it."
            )
        }
        var values: [String: String] = [:]
        for (name, value) in object {
            guard let text = value.string else {
                throw SettingsFileError("The setting '\(name)' in \(url.path) is not a string. Fix it, or remove the line.")
            }
            values[name] = text
        }
        return SavedSettings(values: values)
    }

    public func save(to workspace: Workspace) throws(SessionError) {
        let object = JSONValue.object(values.mapValues(JSONValue.string))
        try AtomicFile.write(Data((object.serialized(pretty: true) + "\n").utf8), to: Self.file(of: workspace))
    }
}

/// A settings file that cannot be used, with what to do about it.
public struct SettingsFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
