import REPLCore

/// Citations: `cite`, `bib` and `export`.
public enum CiteCommands {
    public static let module = CommandModule(
        name: "Citations", commands: [CiteCommand.self, Bib.self, Export.self],
        settings: [StyleName.setting, StyleName.localeSetting])
}
