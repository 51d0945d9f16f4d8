public import Foundation

/// Small scenario files for the command tests, written to a fresh temporary folder.
public struct ScenarioFixture {
    /// The fresh temporary folder the files go to.
    public let folder: URL

    /// A fixture with a new, empty folder.
    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Writes `text` to the file `name` in the folder and returns its path.
    public func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The path of the file `name` in the folder.
    public func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// One zone of 2 servers, Poisson arrivals at 1.5/s, exponential service of mean 1 s: M/M/2.
    public static let queue = """
        name: tiny-queue
        description: An M/M/2 queue in one zone.
        sources: []
        duration: 4000 s
        warmup: 200 s
        interval: 1000 s
        replications: 3
        workloads:
          - name: orders
            kind: transaction
            service: exp(1 s)
        regions:
          - name: r
            location: [30, 120]
            zones:
              - name: r-a
                servers: 2
        populations:
          - name: users
            location: [30, 120]
            workloads:
              - workload: orders
                rate: 1.5/s
        variants:
          - name: double
            description: Twice the servers.
            set:
              regions.r.zones.r-a.servers: 4
        """

    /// A pool of home devices serving downloads shared-first, with a cloud fallback.
    public static let pool = """
        name: tiny-pool
        description: Home devices and a cloud fallback.
        sources: []
        duration: 200 s
        interval: 50 s
        workloads:
          - name: files
            kind: download
            catalogue: 2k
            zipf: 0.8
            object_size: 1 MB
        regions:
          - name: r
            location: [22.3, 114.2]
            zones: {count: 1, servers: 100}
        shared_pools:
          - name: homes
            location: [22.3, 114.2]
            region: r
            devices: 500
            uplink: 2 Mbps
            storage: 20 MB
            online: 1000 h
            offline: 1 s
            probes: 4
        populations:
          - name: users
            location: [22.3, 114.2]
            workloads:
              - workload: files
                rate: 50/s
        routing:
          policy: shared-first
        sweep:
          path: shared_pools.homes.devices
          values: [20, 50, 120]
        """
}
