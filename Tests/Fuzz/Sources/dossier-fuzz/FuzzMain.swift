import Foundation

// `DOSSIER_FUZZ_TARGET=query dossier-fuzz [libFuzzer flags] CORPUS…` runs one target. Built
// with `--sanitize=fuzzer` (the run script passes `-D DOSSIER_LIBFUZZER` then), libFuzzer's
// own main drives it through the two functions below; otherwise `FuzzMain` runs the seeded
// random-input driver, which takes the same `-max_total_time=N`, `-seed=N` and folders.

/// The target `DOSSIER_FUZZ_TARGET` names; the program ends with the list when it names none.
func chosenTarget() -> FuzzTarget {
    let name = ProcessInfo.processInfo.environment["DOSSIER_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget.all.first(where: { $0.name == name }) else {
        let names = FuzzTarget.all.map { "  " + $0.name.padding(toLength: 18, withPad: " ", startingAt: 0) + $0.about }
        FileHandle.standardError.write(
            Data((["Set DOSSIER_FUZZ_TARGET to one of:"] + names).joined(separator: "\n").utf8 + [0x0A]))
        exit(2)
    }
    return target
}

#if DOSSIER_LIBFUZZER
    @_cdecl("LLVMFuzzerInitialize")
    public func fuzzerInitialize(
        _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
    ) -> Int32 {
        FuzzTarget.current = chosenTarget()
        return 0
    }

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        FuzzTarget.current?.run(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
#else
    @main
    struct FuzzMain {
        static func main() {
            exit(RandomDriver(arguments: Array(CommandLine.arguments.dropFirst())).run(chosenTarget()))
        }
    }
#endif
