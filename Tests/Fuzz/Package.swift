// swift-tools-version:6.1
// Fuzzing Dossier's readers of untrusted input with libFuzzer: `Tests/Fuzz/run` builds this
// package (`swift build --sanitize=fuzzer --sanitize=address`) and runs every target for a
// bounded time. Without libFuzzer the same executable is a seeded random-input driver.
import PackageDescription

let package = Package(
    name: "DossierFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Dossier", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "dossier-fuzz",
            dependencies: [.product(name: "DossierLibraries", package: "Dossier")])
    ]
)
