import Foundation

/// Reads scenario files from disk: regular files only, refused by size before they are read.
enum ScenarioFileReader {
    /// Why a file could not be read, as words that follow `cannot read … 'x': `.
    struct Failure: Error, Hashable {
        var reason: String
    }

    /// The text of the regular file at `path`, if it is UTF-8 and at most `limit` bytes.
    ///
    /// A device, pipe or directory is refused (`/dev/zero` never ends), and the size is checked
    /// before reading, so a huge file costs nothing.
    static func read(_ path: String, limit: Int) -> Result<String, Failure> {
        let resolved = canonicalPath(path)
        let manager = FileManager.default
        guard manager.fileExists(atPath: resolved) else { return .failure(Failure(reason: "no such file")) }
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try manager.attributesOfItem(atPath: resolved)
        } catch {
            return .failure(Failure(reason: "cannot read its attributes"))
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            return .failure(Failure(reason: "not a regular file"))
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > limit {
            return .failure(Failure(reason: ScenarioLimits.tooLarge(size, limit: limit)))
        }
        guard let data = manager.contents(atPath: resolved) else {
            return .failure(Failure(reason: "not readable"))
        }
        // The file may have grown since its size was checked.
        guard data.count <= limit else {
            return .failure(Failure(reason: ScenarioLimits.tooLarge(data.count, limit: limit)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(Failure(reason: "not readable as UTF-8 text"))
        }
        return .success(text)
    }

    /// `path` with symbolic links resolved and `.`/`..` removed, so one file has one name
    /// however it is reached (for `extends` cycles and loading each file once).
    static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
