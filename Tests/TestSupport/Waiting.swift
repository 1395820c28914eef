import Foundation

/// Waiting on a condition with a deadline, never for a fixed time: a test goes on as soon as
/// what it waits for has happened, and fails with a reason when it does not happen in time.
public enum Waiting {
    /// Whether `condition` became true before `timeout` passed (checked every 10 ms).
    public static func until(timeout: Duration = .seconds(20), _ condition: () throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return try condition()
    }

    /// The same for a test that is not async.
    public static func blockingUntil(timeout: TimeInterval = 20, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            usleep(10_000)
        }
        return try condition()
    }
}
