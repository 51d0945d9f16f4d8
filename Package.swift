// swift-tools-version: 6.1
// ShareSim: a discrete-event simulator of shared-compute networks and multi-region clouds.

import PackageDescription

/// Settings shared by every Swift target.
///
/// - `ExistentialAny`, `MemberImportVisibility`, `InternalImportsByDefault`: upcoming-feature
///   flags that keep existentials visible and imports from leaking across modules.
/// - `SHARESIM_INTERNAL_CHECKS` (off by default): turns on full invariant walks of the
///   pending-event set after every mutation. It makes the engine orders of magnitude slower;
///   use it only while debugging a data structure, never for benchmarks (`sharesim bench`
///   refuses to run when it is on). Enable with `swift build -Xswiftc -DSHARESIM_INTERNAL_CHECKS`.
let sharedSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ShareSim",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sharesim", targets: ["sharesim"]),
        .library(name: "SimCore", targets: ["SimCore"]),
        .library(name: "ShareModel", targets: ["ShareModel"]),
        .library(name: "Scenario", targets: ["Scenario"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Experiments", targets: ["Experiments"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibUV",
            pkgConfig: "libuv",
            providers: [.apt(["libuv1-dev"]), .brew(["libuv"])]
        ),
        // zlib (gzread) for gzip-compressed trace files; read only by the Scenario target.
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .systemLibrary(
            name: "CHTTPParser",
            providers: [.apt(["libhttp-parser-dev"])]
        ),
        .target(
            name: "SimCore",
            dependencies: [.product(name: "Histogram", package: "hdrhistogram-swift")],
            swiftSettings: sharedSettings
        ),
        .target(
            name: "ShareModel",
            dependencies: ["SimCore"],
            swiftSettings: sharedSettings
        ),
        // Scenario reads YAML through `CYaml`, the libyaml that the Yams product builds, for its
        // event stream (Sources/Scenario/Syntax/YAMLEvents.swift says why).
        .target(
            name: "Scenario",
            dependencies: ["CZlib", "ShareModel", "SimCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: sharedSettings
        ),
        .target(
            name: "Reports",
            dependencies: ["ShareModel", "SimCore"],
            swiftSettings: sharedSettings
        ),
        .target(
            name: "HostRuntime",
            dependencies: ["CLibUV", "CHTTPParser", "SimCore"],
            swiftSettings: sharedSettings
        ),
        .target(
            name: "Experiments",
            dependencies: ["SimCore", "ShareModel", "Scenario", "Reports", "HostRuntime"],
            swiftSettings: sharedSettings
        ),
        .executableTarget(
            name: "sharesim",
            dependencies: [
                "SimCore",
                "ShareModel",
                "Scenario",
                "Reports",
                "HostRuntime",
                "Experiments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: sharedSettings
        ),
        .target(
            name: "SimTestSupport",
            dependencies: ["Reports", "ShareModel"],
            path: "Tests/SimTestSupport",
            swiftSettings: sharedSettings
        ),
        .testTarget(
            name: "SimCoreTests",
            dependencies: ["SimCore"],
            swiftSettings: sharedSettings
        ),
        .testTarget(
            name: "ShareModelTests",
            dependencies: ["ShareModel"],
            swiftSettings: sharedSettings
        ),
        .testTarget(
            name: "ScenarioTests",
            dependencies: ["Scenario", "SimTestSupport"],
            swiftSettings: sharedSettings
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "ShareModel", "SimTestSupport"],
            exclude: ["GoldenFiles"],
            swiftSettings: sharedSettings
        ),
        .testTarget(
            name: "HostRuntimeTests",
            dependencies: ["HostRuntime"],
            swiftSettings: sharedSettings
        ),
        .testTarget(
            name: "ExperimentsTests",
            dependencies: [
                "Experiments", "Reports", "Scenario", "ShareModel", "SimCore", "HostRuntime", "SimTestSupport",
            ],
            swiftSettings: sharedSettings
        ),
        .testTarget(
            name: "SharesimCLITests",
            dependencies: ["sharesim", "SimTestSupport", "Scenario", "ShareModel", "HostRuntime"],
            swiftSettings: sharedSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
