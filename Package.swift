// swift-tools-version:6.1
import PackageDescription

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")
// SQLite's own C interface, for the ranking function the store gives FTS5.
let sqlite: Target.Dependency = .product(name: "GRDBSQLite", package: "GRDB.swift")

let package = Package(
    name: "Dossier",
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        // The libraries the fuzzing package in Tests/Fuzz links (they take untrusted input:
        // queries, imported files, session files, plugin messages, CSL styles and items).
        .library(
            name: "DossierLibraries",
            targets: [
                "DossierProtocol", "TextAnalysis", "DocumentStore", "SessionStore", "PluginKit", "REPLCore", "PluginHost",
                "ProcessDriver", "CSL",
            ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The executable: process flags, the rc files, the read-eval-print loop.
        .executableTarget(
            name: "dossier",
            dependencies: [
                argumentParser, "REPLCore", "PluginHost", "BuiltinCommands", "LineEditor", "DocumentStore", "SessionStore",
            ]),

        // The example external plugins: separate executables that speak Plugins/PROTOCOL.md.
        .executableTarget(
            name: "dossier-plugin-wordfreq",
            dependencies: ["PluginKit", "DossierProtocol", "TextAnalysis"],
            path: "Plugins/dossier-plugin-wordfreq"),
        .executableTarget(
            name: "dossier-plugin-webpages",
            dependencies: ["PluginKit", "DossierProtocol"],
            path: "Plugins/dossier-plugin-webpages"),

        // The benchmark: archive-scale figures beside the sqlite3 shell (release build).
        .executableTarget(
            name: "dossier-bench",
            dependencies: [
                argumentParser, "DocumentStore", "DossierProtocol", "REPLCore", "BuiltinCommands", "SessionStore",
                "ProcessDriver", "CSLTestSuite", "dossier",
            ]),

        // Libraries, lowest first. DossierProtocol and TextAnalysis depend on nothing of ours.
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]),
        .target(name: "LineEditor", dependencies: ["CLibEdit"]),
        .target(name: "TextAnalysis"),
        // The JSON value, the plugin messages and CommandSignature: no I/O.
        .target(name: "DossierProtocol"),
        .target(name: "PluginKit", dependencies: ["DossierProtocol"]),
        .target(
            name: "DocumentStore",
            dependencies: [grdb, sqlite, "TextAnalysis", "DossierProtocol", "XMLInput", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/august-plenum-results.txt")]),
        .target(name: "SessionStore", dependencies: ["DossierProtocol"]),
        .target(name: "Citation", dependencies: ["CSL"], resources: [.copy("Styles")]),
        // A CSL 1.0.2 processor: styles, locales (bundled, unchanged from the CSL project),
        // citations and bibliographies. Foundation and its XML parser only (through XMLInput).
        .target(name: "CSL", dependencies: ["XMLInput"], resources: [.copy("Locales")]),
        // What Foundation's XML parser must be given so that no file stops the program.
        .target(name: "XMLInput"),
        // The CSL processor test suite's fixtures read, run and compared after the suite's
        // own normalisation: for the CSL tests and `dossier-bench csl`.
        .target(name: "CSLTestSuite", dependencies: ["CSL"]),
        // The engine: registry, line parser, interpreter, context, rendering.
        .target(
            name: "REPLCore",
            dependencies: [argumentParser, "DocumentStore", "SessionStore", "TextAnalysis", "DossierProtocol"]),
        // External plugins: discovery, the signature cache, processes, calls and requests.
        .target(
            name: "PluginHost",
            dependencies: ["REPLCore", "CommandSupport", "DossierProtocol", "DocumentStore", "SessionStore"]),
        // What several command modules share, so that they need not depend on each other.
        .target(
            name: "CommandSupport",
            dependencies: ["REPLCore", "DocumentStore", "SessionStore", "DossierProtocol", "Citation", "CSL"]),
        // The one list of built-in command modules.
        .target(
            name: "BuiltinCommands",
            dependencies: ["REPLCore", "SearchCommands", "WorkspaceCommands", "NoteCommands", "CiteCommands", "CompareCommands"]),
        // Runs the built dossier as a person would, on a pseudo-terminal or with pipes
        // (the tests and the benchmark's start-up figures), and the seeded generator of the
        // benchmark's corpus, the fuzzer's random inputs and the tests' kill timings.
        .target(name: "ProcessDriver"),

        // Built-in command modules.
        .target(
            name: "SearchCommands",
            dependencies: [argumentParser, "REPLCore", "CommandSupport", "DocumentStore", "DossierProtocol", "TextAnalysis"],
            path: "Plugins/Search"),
        .target(
            name: "WorkspaceCommands",
            dependencies: [argumentParser, "REPLCore", "CommandSupport", "DocumentStore", "DossierProtocol", "SessionStore"],
            path: "Plugins/Workspace"),
        .target(
            name: "NoteCommands",
            dependencies: [
                argumentParser, "REPLCore", "CommandSupport", "SessionStore", "DocumentStore", "DossierProtocol", "Citation",
                "TextAnalysis",
            ],
            path: "Plugins/Note"),
        .target(
            name: "CiteCommands",
            dependencies: [
                argumentParser, "REPLCore", "CommandSupport", "Citation", "CSL", "DocumentStore", "DossierProtocol",
                "SessionStore",
            ],
            path: "Plugins/Cite"),
        .target(
            name: "CompareCommands",
            dependencies: [argumentParser, "REPLCore", "CommandSupport", "DocumentStore", "DossierProtocol", "TextAnalysis"],
            path: "Plugins/Compare"),

        // Tests.
        .target(
            name: "TestSupport",
            dependencies: [
                "REPLCore", "PluginHost", "BuiltinCommands", "DocumentStore", "DossierProtocol", "SessionStore", "ProcessDriver",
                "CSL",
                grdb,
            ],
            path: "Tests/TestSupport"),
        .testTarget(name: "TextAnalysisTests", dependencies: ["TextAnalysis"]),
        .testTarget(
            name: "DocumentStoreTests", dependencies: ["DocumentStore", "DossierProtocol", "CommandSupport", "TestSupport", grdb]),
        .testTarget(name: "SessionStoreTests", dependencies: ["SessionStore", "TestSupport"]),
        .testTarget(name: "CitationTests", dependencies: ["Citation"]),
        .testTarget(
            name: "CSLTests", dependencies: ["CSL", "CSLTestSuite"],
            resources: [.copy("Fixtures"), .copy("Styles"), .copy("RepositoryStyles"), .copy("passing.txt")]),
        .testTarget(name: "CiteCommandsTests", dependencies: ["CiteCommands", "TestSupport"]),
        .testTarget(name: "CompareCommandsTests", dependencies: ["CompareCommands", "TestSupport"]),
        .testTarget(name: "NoteCommandsTests", dependencies: ["NoteCommands", "TestSupport"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(
            name: "REPLCoreTests",
            dependencies: ["REPLCore", "DossierProtocol", "BuiltinCommands", "TestSupport", argumentParser]),
        .testTarget(name: "SearchCommandsTests", dependencies: ["SearchCommands", "TestSupport"]),
        .testTarget(name: "WorkspaceCommandsTests", dependencies: ["WorkspaceCommands", "TestSupport"]),
        .testTarget(name: "BenchTests", dependencies: ["dossier-bench", "DossierProtocol", "ProcessDriver"]),
        .testTarget(
            name: "PluginHostTests",
            dependencies: [
                "PluginHost", "REPLCore", "TestSupport", "PluginKit", "DossierProtocol", "dossier-plugin-wordfreq",
                "dossier-plugin-webpages",
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "dossierTests",
            dependencies: [
                "dossier", "TestSupport", "ProcessDriver", "PluginHost", "DossierProtocol", "dossier-plugin-wordfreq",
                "dossier-plugin-webpages",
            ],
            exclude: ["Fixtures"]),
    ]
)
