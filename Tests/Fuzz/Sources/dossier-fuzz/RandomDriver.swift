import Foundation
import ProcessDriver

/// The fallback when the toolchain cannot build with libFuzzer: seeded random mutations of
/// the seed corpus, run for a bounded time. It takes libFuzzer's `-max_total_time=N`,
/// `-runs=N`, `-seed=N` and `-artifact_prefix=PATH`, and ends as libFuzzer does, with
/// `Done N runs in S second(s)`; an input that crashes is written to `PREFIXcrash-N` first.
/// It finds less than libFuzzer (no coverage guidance), but every input it runs is as real.
struct RandomDriver {
    var seconds = 10.0
    var runs = Int.max
    var seed: UInt64 = 19
    var artifactPrefix = "./"
    var folders: [String] = []

    init(arguments: [String]) {
        for argument in arguments {
            func value(_ flag: String) -> String? {
                argument.hasPrefix("-\(flag)=") ? String(argument.dropFirst(flag.count + 2)) : nil
            }
            if let text = value("max_total_time"), let number = Double(text) {
                seconds = number
            } else if let text = value("runs"), let number = Int(text) {
                runs = number
            } else if let text = value("seed"), let number = UInt64(text) {
                seed = number
            } else if let text = value("artifact_prefix") {
                artifactPrefix = text
            } else if !argument.hasPrefix("-") {
                folders.append(argument)
            }
        }
    }

    /// Runs `target` and returns the exit status (0: nothing found).
    func run(_ target: FuzzTarget) -> Int32 {
        let seeds = loadSeeds()
        var random = SeededGenerator(seed: seed)
        CrashCapture.install(path: artifactPrefix + "crash-random-\(seed)")
        let started = Date()
        var count = 0
        FileHandle.standardError.write(Data("INFO: random driver, seed \(seed), \(seeds.count) seed inputs\n".utf8))
        // Each seed once as it is, then mutations.
        while count < runs, Date().timeIntervalSince(started) < seconds {
            var input = seeds.isEmpty ? [] : seeds[count < seeds.count ? count : Int(random.next() % UInt64(seeds.count))]
            if count >= seeds.count {
                for _ in 0..<(1 + Int(random.next() % 4)) { mutate(&input, seeds: seeds, random: &random) }
            }
            CrashCapture.current(input)
            input.withUnsafeBytes { target.run($0) }
            count += 1
        }
        let elapsed = Int(Date().timeIntervalSince(started).rounded())
        FileHandle.standardError.write(Data("Done \(count) runs in \(elapsed) second(s)\n".utf8))
        return 0
    }

    private func loadSeeds() -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() {
                if let data = FileManager.default.contents(atPath: folder + "/" + name) { seeds.append(Array(data)) }
            }
        }
        return seeds
    }

    /// What the formats are made of: a mutation often inserts one of these.
    private static let tokens: [[UInt8]] =
        [
            "{", "}", "[", "]", "\"", "\\", ",", ":", "<", ">", "&", "(", ")", "NEAR(", " OR ", " AND ", " NOT ", "-", "*", "~",
            "=", "\n", "\r\n", "\n\n", "TY  - ", "ER  - ", "---\n", "</div>", "<div type=\"document\">", "&amp;", "\\u0000",
            "\\ud800", "1956-13-45", "September 31, 1956", "person:", "after:", "date:", "\"notes\":", "\"type\":\"response\"",
            "ŏ", "’", "Ch'oe", "김일성", "毛泽东", "Хрущёв",
        ].map { Array($0.utf8) } + [[0], [0xFF], [0xC3], [0xE2, 0x80], [0xEF, 0xBB, 0xBF]]

    private func mutate(_ input: inout [UInt8], seeds: [[UInt8]], random: inout SeededGenerator) {
        func position(_ extra: Int = 0) -> Int { Int(random.next() % UInt64(input.count + extra + 1)) }
        switch random.next() % 8 {
        case 0 where !input.isEmpty:
            let at = position() % input.count
            input[at] ^= UInt8(1 << (random.next() % 8))
        case 1 where !input.isEmpty:
            input[position() % input.count] = UInt8(truncatingIfNeeded: random.next())
        case 2:
            input.insert(contentsOf: Self.tokens[Int(random.next() % UInt64(Self.tokens.count))], at: position())
        case 3 where !input.isEmpty:
            let start = position() % input.count
            let length = min(input.count - start, 1 + Int(random.next() % 16))
            input.removeSubrange(start..<start + length)
        case 4 where !input.isEmpty:
            // A run repeated: deep nesting, long lines.
            let start = position() % input.count
            let piece = Array(input[start..<min(input.count, start + 1 + Int(random.next() % 8))])
            let times = 1 + Int(random.next() % 2_000)
            input.insert(contentsOf: Array(repeating: piece, count: times).joined(), at: start)
        case 5 where !seeds.isEmpty:
            let other = seeds[Int(random.next() % UInt64(seeds.count))]
            let cut = position()
            let from = Int(random.next() % UInt64(other.count + 1))
            input = Array(input[..<min(cut, input.count)]) + other[from...]
        case 6 where !input.isEmpty:
            input.removeLast(Int(random.next() % UInt64(input.count)))
        default:
            input.insert(UInt8(truncatingIfNeeded: random.next()), at: position())
        }
        if input.count > 1 << 20 { input.removeLast(input.count - (1 << 20)) }
    }
}

/// Writes the input being run to a file when the process crashes, with nothing but
/// `open`, `write` and `_exit` in the signal handler.
enum CrashCapture {
    nonisolated(unsafe) private static var buffer: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) private static var capacity = 0
    nonisolated(unsafe) private static var length = 0
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?

    static func install(path file: String) {
        path = strdup(file)
        // A stack overflow needs a stack of its own for the handler.
        let size = 1 << 16
        var stack = stack_t(ss_sp: malloc(size), ss_flags: 0, ss_size: size)
        sigaltstack(&stack, nil)
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                if let path = CrashCapture.path, let buffer = CrashCapture.buffer {
                    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                    if fd >= 0 {
                        _ = write(fd, buffer, CrashCapture.length)
                        close(fd)
                    }
                    let message = "==ERROR: the input that crashed is written to the crash file\n"
                    message.withCString { _ = write(2, $0, strlen($0)) }
                }
                _exit(128 + number)
            }
            action.sa_flags = SA_ONSTACK
            sigaction(signal, &action, nil)
        }
    }

    static func current(_ input: [UInt8]) {
        if input.count > capacity {
            buffer?.deallocate()
            capacity = max(input.count, 4_096)
            buffer = .allocate(capacity: capacity)
        }
        input.withUnsafeBufferPointer { bytes in
            if let base = bytes.baseAddress, let buffer { buffer.update(from: base, count: bytes.count) }
        }
        length = input.count
    }
}
