// swift-tools-version: 6.2
import PackageDescription

/// One set of Swift settings for every target (as apple/swift-log and hummingbird do).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Rathaus",
    products: [
        .executable(name: "rathaus", targets: ["rathaus"])
    ],
    targets: [
        .target(name: "Scheduling", swiftSettings: swiftSettings),
        .target(name: "CSystem", cSettings: [.define("_GNU_SOURCE")]),
        .target(
            name: "HTTPServer",
            dependencies: ["CSystem"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "rathaus",
            dependencies: ["Scheduling", "HTTPServer"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RathausTesting",
            dependencies: ["Scheduling"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SchedulingTests",
            dependencies: ["Scheduling", "RathausTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HTTPServerTests",
            dependencies: ["HTTPServer"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
