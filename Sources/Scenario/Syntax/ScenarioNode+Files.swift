import Foundation

extension ScenarioNode {
    /// The files this node and the nodes inside it were read from (absolute and standardised):
    /// a scenario's file and each file it extends.
    ///
    /// - Complexity: O(nodes).
    public var sourceFiles: Set<String> {
        var files: Set<String> = []
        var pending = [self]
        while let node = pending.popLast() {
            if !node.location.file.isEmpty {
                files.insert(URL(fileURLWithPath: node.location.file).standardizedFileURL.path)
            }
            switch node.content {
            case .null, .scalar: break
            case .sequence(let elements): pending += elements
            case .mapping(let entries): pending += entries.map(\.value)
            }
        }
        return files
    }
}
