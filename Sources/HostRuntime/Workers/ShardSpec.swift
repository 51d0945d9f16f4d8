/// Which share of a run's jobs one machine takes: `--shard K/N` runs shard `K` of `N`.
///
/// Jobs are dealt round-robin in job order: the job at position `i` (counting from 0)
/// belongs to shard `i % N + 1`. So the `N` shards are disjoint, together hold every job,
/// differ in size by at most one, and each shard's selection depends only on the job list,
/// never on timing. Shard numbers are 1-based, matching Slurm array task ids and
/// Kubernetes indexed jobs after adding one.
///
/// ```swift
/// let shard = try ShardSpec(parsing: "2/4")
/// let mine = jobs.shard(shard)          // jobs 1, 5, 9, ...
/// ```
public struct ShardSpec: Sendable, Hashable, CustomStringConvertible {
    /// This shard's number, from 1 to ``count``.
    public let index: Int
    /// How many shards the jobs are split into, at least 1.
    public let count: Int

    /// Shard `index` of `count`.
    ///
    /// - Throws: ``ShardSpecError`` unless `1 <= index <= count`.
    public init(index: Int, count: Int) throws(ShardSpecError) {
        guard count >= 1 else { throw ShardSpecError(text: "\(index)/\(count)", reason: "N must be at least 1") }
        guard (1...count).contains(index) else {
            throw ShardSpecError(text: "\(index)/\(count)", reason: "K must be between 1 and N (\(count))")
        }
        self.init(validIndex: index, count: count)
    }

    /// Parses `K/N`, such as `2/4`: decimal integers, no spaces.
    ///
    /// - Throws: ``ShardSpecError`` for anything else, or unless `1 <= K <= N`.
    public init(parsing text: String) throws(ShardSpecError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Self.number(parts[0]), let count = Self.number(parts[1]) else {
            throw ShardSpecError(text: text, reason: "expected K/N, such as 2/4")
        }
        do {
            try self.init(index: index, count: count)
        } catch {
            throw ShardSpecError(text: text, reason: error.reason)
        }
    }

    /// The whole run as a single shard, `1/1`.
    public static let all = ShardSpec(validIndex: 1, count: 1)

    private init(validIndex: Int, count: Int) {
        index = validIndex
        self.count = count
    }

    /// Whether the job at `position` (0-based, in job order) belongs to this shard.
    public func contains(position: Int) -> Bool {
        position % count == index - 1
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}

/// A `--shard` value that is not `K/N` with `1 <= K <= N`.
public struct ShardSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text that was given.
    public let text: String
    /// What is wrong with it.
    public let reason: String

    /// The error `reason` about `text`.
    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    /// `invalid shard 'TEXT': REASON`.
    public var description: String { "invalid shard '\(text)': \(reason)" }
}

extension Sequence {
    /// The elements that belong to `shard`, in their original order: those at positions
    /// `i` (0-based) with `i % shard.count == shard.index - 1`.
    ///
    /// - Complexity: O(n).
    public func shard(_ shard: ShardSpec) -> [Element] {
        enumerated().filter { shard.contains(position: $0.offset) }.map(\.element)
    }
}
