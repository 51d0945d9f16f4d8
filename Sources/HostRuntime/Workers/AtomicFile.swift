import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's contents all at once: readers see the old file or the new one, never
/// a mixture or a half-written file, even if the program is killed or the machine loses
/// power in the middle.
///
/// ``write(path:contents:)`` writes a temporary file in the same directory (named
/// `.NAME.tmp-PID-N`, so it is on the same file system), flushes it to the device with
/// `fsync`, renames it over `path` (an atomic operation on POSIX file systems), then
/// flushes the directory so the rename itself survives a crash. If anything fails before
/// the rename, the temporary file is removed and `path` is untouched. With `replacing: false`
/// the temporary file is hard-linked to `path` instead of renamed, which fails with `EEXIST`
/// if `path` exists, however it came to exist meanwhile: an existing file is never replaced.
///
/// ```swift
/// try AtomicFile.write(path: "out/report.json", contents: json)
/// ```
public enum AtomicFile {
    /// Replaces (or creates) the file at `path` with `contents` atomically; with `replacing`
    /// false, only creates it.
    ///
    /// The new file gets mode `0644` (less the umask), not the old file's mode.
    ///
    /// - Throws: ``FileOperationError`` if the directory is not writable, the disk is full,
    ///   and so on; `path` then still holds its old contents (or still does not exist). With
    ///   `replacing` false and a file at `path`, the error's code is `EEXIST`.
    public static func write(
        path: String,
        contents: some Collection<UInt8>,
        replacing: Bool = true
    ) throws(FileOperationError) {
        let (directory, name) = split(path)
        let temporary = "\(directory)/.\(name).tmp-\(getpid())-\(nextSuffix())"
        let descriptor = try POSIXFile.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC)
        do throws(FileOperationError) {
            try POSIXFile.writeAll(descriptor, Array(contents), path: temporary)
            try POSIXFile.sync(descriptor, path: temporary)
            let status = close(descriptor)
            if status != 0 && errno != EINTR {
                throw FileOperationError(operation: "close", path: temporary, code: errno)
            }
        } catch {
            _ = close(descriptor)
            _ = unlink(temporary)
            throw error
        }
        guard (replacing ? rename(temporary, path) : link(temporary, path)) == 0 else {
            let code = errno
            _ = unlink(temporary)
            throw FileOperationError(operation: replacing ? "rename" : "link", path: path, code: code)
        }
        if !replacing { _ = unlink(temporary) }
        syncDirectory(directory)
    }

    /// Replaces (or creates) the file at `path` with the UTF-8 bytes of `contents`
    /// atomically (only creating it unless `replacing`); see the byte overload.
    public static func write(path: String, contents: String, replacing: Bool = true) throws(FileOperationError) {
        try write(path: path, contents: Array(contents.utf8), replacing: replacing)
    }

    /// The directory (`.` when there is none) and the last component of `path`.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    /// Flushes a directory's entries (the rename) to the device; best effort, since some
    /// file systems refuse `fsync` on directories and the data itself is already safe.
    private static func syncDirectory(_ directory: String) {
        guard let descriptor = try? POSIXFile.open(directory, O_RDONLY) else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }

    /// A number distinct for every call in this process, so concurrent writers of one path
    /// never share a temporary file.
    private static func nextSuffix() -> Int {
        suffixCounter.add()
    }
}

/// Counts temporary files; atomic because writers may be on several threads.
private let suffixCounter = SuffixCounter()

/// A thread-safe increasing counter.
private final class SuffixCounter: Sendable {
    private let value = Atomic<Int>(0)

    /// Adds one and returns the new value.
    func add() -> Int {
        value.add(1, ordering: .relaxed).newValue
    }
}
