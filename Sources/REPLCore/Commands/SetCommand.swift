import ArgumentParser
import DossierProtocol
import SessionStore

/// `set [NAME [VALUE]]`: the defaults people change, as psql's `\set` — for this sitting,
/// or with `--save` for the workspace.
struct SetCommand: FreeTextCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "List the settings, or change one for this sitting (--save: for the workspace).",
        discussion: """
            'set' lists every setting with its value and where that comes from; 'set NAME' \
            shows one; 'set NAME VALUE' changes it until dossier ends; 'set --save NAME VALUE' \
            keeps it in the workspace (.dossier/settings.json) for every later start; \
            'set --reset NAME' goes back to the workspace's value (with --save, to the default). \
            A ~/.dossierrc or a .dossierrc in the workspace can hold such lines: they run at \
            every start unless dossier is started with --no-rc.
            """)
    static let examples = ["set", "set limit 5", "set --save style chicago-short", "set --reset limit"]
    static var freeText: WritableKeyPath<Self, String> { \.text }

    @Argument(help: ArgumentHelp("The setting's name, then its new value.", valueName: "name-and-value"))
    var text: String = ""
    @Flag(help: "Keep the value in the workspace, for every later start.")
    var save = false
    @Flag(help: "Take the setting back to the workspace's value (with --save, to the default).")
    var reset = false

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let line = text.trimmingCharacters(in: .whitespaces)
        let name = String(line.prefix { !$0.isWhitespace })
        let value = line.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            if save || reset { throw ValidationError("Name the setting: set --save NAME VALUE, set --reset NAME.") }
            return Self.listing(context.settings, only: nil)
        }
        let definition = try context.settings.known(name)
        if value.isEmpty && !reset {
            if save {
                throw ValidationError("Give the value to save: set --save \(name) VALUE (it takes \(definition.accepts)).")
            }
            return Self.listing(context.settings, only: name)
        }
        if reset && !value.isEmpty {
            throw ValidationError("--reset takes no value: set --reset \(name).")
        }
        let kept = reset ? nil : try context.settings.check(name, value)
        var settings = context.settings
        if save {
            if let problem = context.settingsProblem { throw REPLError.failed(problem) }
            var saved = SavedSettings(values: settings.saved)
            saved.values[name] = kept
            try saved.save(to: context.workspace)
        }
        settings.set(name, to: kept, saving: save)
        context.settings = settings
        return SettingChange(
            name: name, value: settings[name] ?? definition.defaultValue, source: settings.source(of: name), saved: save)
    }

    /// Every setting (or the one named): value, where it comes from, what it does.
    static func listing(_ settings: Settings, only name: String?) -> SettingsListing {
        SettingsListing(
            settings: settings.definitions.filter { name == nil || $0.name == name }.map { definition in
                SettingsListing.Setting(
                    name: definition.name, value: settings[definition.name] ?? definition.defaultValue,
                    source: settings.source(of: definition.name), defaultValue: definition.defaultValue,
                    accepts: definition.accepts, about: definition.summary)
            })
    }
}

/// What `set NAME VALUE` (or `--reset`) left the setting at.
struct SettingChange: SentenceResult {
    var name: String
    var value: String
    var source: SettingSource
    /// Whether the change was saved in the workspace.
    var saved: Bool

    enum CodingKeys: String, CodingKey {
        case name, value, source
    }

    var sentence: String {
        let origin: String
        switch source {
        case .sitting: origin = "for this sitting"
        case .workspace: origin = saved ? "saved in the workspace" : "the workspace's value"
        case .standard: origin = "the default"
        }
        return "\(name) is \(value) (\(origin))."
    }
}

/// The settings `set` lists.
struct SettingsListing: CommandResult {
    struct Setting: Encodable, Sendable {
        var name: String
        var value: String
        var source: SettingSource
        var defaultValue: String
        var accepts: String
        var about: String

        enum CodingKeys: String, CodingKey {
            case name, value, source, accepts, about
            case defaultValue = "default"
        }
    }

    var settings: [Setting]

    func text(in style: TextStyle) -> String {
        Table(
            columns: ["Setting", "Value", "From", "About"],
            rows: settings.map { [$0.name, $0.value, $0.source.rawValue, $0.about] }
        ).text(in: style)
    }
}
