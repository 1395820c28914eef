import REPLCore

/// Citations: `cite`, `bib` and `export`.
public enum CiteCommands {
    public static let module = CommandModule(
        name: "Citations", commands: [Cite.self, Bib.self, Export.self], settings: [StyleName.setting])
}
