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
        .executable(name: "rathaus", targets: ["rathaus"]),
        .executable(name: "rathaus-tools", targets: ["rathaus-tools"]),
    ],
    targets: [
        .target(name: "Scheduling", swiftSettings: swiftSettings),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // SHA-256, HMAC, PBKDF2, scrypt and secrets, optimised in debug builds too: a staff sign-in
        // runs 600,000 PBKDF2 rounds, 0.4 s optimised and twenty times that without.
        .target(
            name: "Hashing",
            dependencies: ["CSystem"],
            swiftSettings: swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // A VFS over SQLite's own that writes a log's appends in one call (Documentation/Storage.md).
        .target(name: "CSQLiteLog", dependencies: ["CSQLite"]),
        .target(
            name: "Storage",
            dependencies: ["CSQLite", "CSQLiteLog", "CSystem", "Scheduling", "Hashing"],
            swiftSettings: swiftSettings
        ),
        .target(name: "ICalendar", dependencies: ["Scheduling"], swiftSettings: swiftSettings),
        .target(name: "CSystem", cSettings: [.define("_GNU_SOURCE")]),
        // The event loop's state is confined to its thread: release builds leave out the run-time
        // exclusivity checks on it (about 2,800 instructions a request; debug builds and the tests
        // keep them). Documentation/HTTPServer.md, "Cost per request".
        .target(
            name: "HTTPServer",
            dependencies: ["CSystem"],
            swiftSettings: swiftSettings + [
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
            ]
        ),
        // The stylesheets and scripts in Assets/Files are compiled in by Scripts/generate-assets.
        .target(name: "Display", exclude: ["Assets/Files"], swiftSettings: swiftSettings),
        .target(name: "Mail", dependencies: ["Scheduling"], swiftSettings: swiftSettings),
        .target(
            name: "App",
            dependencies: ["Scheduling", "Storage", "ICalendar", "HTTPServer", "Display", "Mail"],
            swiftSettings: swiftSettings
        ),
        // Plays office days through the API on a clock of its own (rathaus-tools simulate, the
        // demo month of rathaus serve --demo-month, the statistics' tests).
        .target(
            name: "Simulation",
            dependencies: ["App", "Scheduling", "Storage", "HTTPServer"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RathausCommandLine",
            dependencies: ["App", "Scheduling", "CSystem"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "rathaus",
            dependencies: [
                "App", "Scheduling", "Storage", "ICalendar", "HTTPServer", "RathausCommandLine", "Simulation",
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "rathaus-tools",
            dependencies: [
                "App", "Scheduling", "Storage", "HTTPServer", "CSystem", "RathausCommandLine", "Mail", "Simulation",
            ],
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
            name: "StorageTests",
            dependencies: ["Storage", "Hashing", "Scheduling", "RathausTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AppTests",
            dependencies: ["App", "Scheduling", "Storage", "Mail", "RathausTesting", "Simulation"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ICalendarTests",
            dependencies: ["ICalendar", "Scheduling", "RathausTesting"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MailTests",
            dependencies: ["Mail", "Scheduling", "RathausTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HTTPServerTests",
            dependencies: ["HTTPServer", "RathausTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DisplayTests",
            dependencies: ["Display", "RathausTesting"],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "rathausTests",
            dependencies: ["rathaus", "RathausCommandLine", "App", "Storage", "RathausTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "rathaus-toolsTests",
            dependencies: ["rathaus-tools", "RathausCommandLine", "App", "Storage", "HTTPServer", "RathausTesting"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
