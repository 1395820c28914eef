import Foundation

/// Writing a file so that a crash at any moment leaves either the old file or the new one:
/// write a temporary file beside it, sync it, rename it over the old one, sync the folder.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws(SessionError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        close(fd)
        guard failure == 0 else {
            unlink(temporary.path)
            throw .cannotWrite(path: url.path, reason: String(cString: strerror(failure)))
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw .cannotWrite(path: url.path, reason: reason)
        }
        let folderFD = open(folder.path, O_RDONLY | O_CLOEXEC)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
    }

    /// Removes temporary files a killed process left beside `url`. Called under the
    /// session's lock, when no other write of that file can be under way.
    static func removeLeftovers(of url: URL) {
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent)."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// The contents of a file and the stamp of that same version (from the open file, not
    /// the name, which a save may point at a newer version meanwhile); nil when it cannot
    /// be read.
    static func read(_ url: URL) -> (Data, FileStamp)? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        do {
            // nil at once means an empty file.
            let data = try FileHandle(fileDescriptor: fd, closeOnDealloc: false).readToEnd() ?? Data()
            return (data, stamp(of: info))
        } catch {
            return nil
        }
    }

    /// What identifies one version of a file: a save replaces the file, so its inode
    /// changes; an edit in place changes its time or size.
    public static func stamp(of url: URL) -> FileStamp? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return stamp(of: info)
    }

    private static func stamp(of info: stat) -> FileStamp {
        #if canImport(Darwin)
            let nanoseconds = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
            let nanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return FileStamp(inode: UInt64(info.st_ino), modified: nanoseconds, size: Int64(info.st_size))
    }
}

/// One version of a file on disk.
public struct FileStamp: Sendable, Equatable, Hashable {
    public var inode: UInt64
    public var modified: Int64
    public var size: Int64

    /// A short text form, for keeping in the store's note index.
    public var text: String { "\(inode)-\(modified)-\(size)" }
}

/// An exclusive lock between processes (`flock`) on a small file beside the session file,
/// held while a save reads, merges and writes.
final class FileLock {
    private let fd: Int32

    /// Waits for the lock; nil when the lock file cannot be made (a read-only folder), in
    /// which case the save goes ahead unlocked and the write itself reports the problem.
    init?(for url: URL) {
        let lockPath = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                close(fd)
                return nil
            }
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// The lock file of `url`, to remove or rename with it.
    static func lockFile(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).lock")
    }
}
