import DocumentStore
import DossierProtocol
import Foundation

/// A measured figure: the median over repeated runs, with the spread (fastest and slowest).
struct Figure {
    var samples: [Double]

    init(_ samples: [Double]) {
        self.samples = samples.sorted()
    }

    var median: Double {
        guard !samples.isEmpty else { return .nan }
        let middle = samples.count / 2
        return samples.count % 2 == 1 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2
    }

    var low: Double { samples.first ?? .nan }
    var high: Double { samples.last ?? .nan }

    /// `{"median": …, "min": …, "max": …, "runs": …}`.
    var json: JSONValue {
        [
            "median": .number(Self.round(median)), "min": .number(Self.round(low)), "max": .number(Self.round(high)),
            "runs": .number(Double(samples.count)),
        ]
    }

    /// `12.3 (11.9–13.0)`.
    func text(digits: Int = 1) -> String {
        "\(format(median, digits)) (\(format(low, digits))–\(format(high, digits)))"
    }

    static func round(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}

func format(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}

/// Seconds elapsed while `body` runs, on the monotonic clock.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Progress for the person running the benchmark: standard error, never standard output.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// The seconds `body` takes, for work that awaits (a process run to its end).
func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
