import Foundation
import Synchronization

/// Reads a pipe as it fills, through a dispatch channel, until its end: what has come so far
/// can be looked at any time, and the whole awaited. (A `FileHandle`'s readabilityHandler
/// is not dependable on Linux: it may never be called.)
public final class PipeReader: Sendable {
    private let state = Mutex<(data: Data, ended: Bool, waiting: [CheckedContinuation<Data, Never>])>((Data(), false, []))

    /// Starts reading `handle`. The channel reads a duplicate of its descriptor and closes
    /// that only when it is done with it: a descriptor closed under a dispatch channel (the
    /// handle's, when it goes) brings down dispatch's event loop.
    public init(_ handle: FileHandle) {
        let queue = DispatchQueue(label: "dossier.pipe-reader")
        let descriptor = dup(handle.fileDescriptor)
        let channel = DispatchIO(type: .stream, fileDescriptor: descriptor, queue: queue) { _ in close(descriptor) }
        // Each chunk as it comes, not once a buffer fills.
        channel.setLimit(lowWater: 1)
        channel.read(offset: 0, length: Int.max, queue: queue) { done, chunk, _ in
            let waiting = self.state.withLock { state -> [CheckedContinuation<Data, Never>] in
                if let chunk, !chunk.isEmpty { state.data.append(contentsOf: chunk) }
                guard done else { return [] }
                state.ended = true
                defer { state.waiting = [] }
                return state.waiting
            }
            guard done else { return }
            channel.close()
            let data = self.state.withLock { $0.data }
            for continuation in waiting { continuation.resume(returning: data) }
        }
    }

    /// What has been read so far.
    public var data: Data { state.withLock { $0.data } }

    /// Everything, once the pipe has ended.
    public func whole() async -> Data {
        await withCheckedContinuation { continuation in
            let data = state.withLock { state -> Data? in
                if state.ended { return state.data }
                state.waiting.append(continuation)
                return nil
            }
            if let data { continuation.resume(returning: data) }
        }
    }
}
