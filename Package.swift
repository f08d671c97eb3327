// swift-tools-version: 6.1
// The scheduling coach: a pure core (SchedulerCore, Language, Coaching) surrounded by
// thin adapters (Storage, HTTP, LLM, chat front ends). See ../shared/ARCHITECTURE.md.
import PackageDescription

let package = Package(
    name: "scheduler-bot",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "scheduler-bot", targets: ["scheduler-bot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // Beneath everything: the values every layer shares (one ordered JSON value, one stable hash).
        .target(name: "SharedValues"),
        // Concurrency plumbing with no I/O of its own: a serial executor on a thread of its own (for actors whose
        // jobs block on SQLite: the engine, Matrix crypto) and waiting for work within a shutdown's deadline.
        .target(name: "AsyncSupport"),
        // The cost log's values: what the LLM layer writes and the store keeps a copy of, one type for both.
        .target(name: "CostLog"),
        // Floor 0: pure domain, no I/O, no clock reads.
        .target(name: "SchedulerCore", dependencies: ["SharedValues"]),
        .target(name: "Language", dependencies: ["SharedValues"], exclude: ["README.md"]),
        // Pure compute: the MiniLM sentence encoder and the linear classifier head. Optimised even in debug
        // builds, because unoptimised matrix loops are about 400x slower (tests and `make run` build debug).
        // Its matrix products go to OpenBLAS (Debian libopenblas-dev, one thread) or to a portable Swift kernel.
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .target(name: "SentenceEncoder", dependencies: ["COpenBLAS", "SharedValues"], swiftSettings: [.unsafeFlags(["-O"])]),
        // Pure iCalendar (RFC 5545): reading, recurrence expansion, writing feeds.
        .target(name: "ICS", dependencies: ["SharedValues"]),
        // Floor 1: pure coaching policy (patterns, routing, pruning).
        .target(name: "Coaching", dependencies: ["SchedulerCore", "SentenceEncoder", "SharedValues"]),
        // Beside each other: configuration, storage, HTTP, LLM providers.
        .target(name: "BotConfig"),
        // What the engine reads and writes, by area, as protocols and plain records: no database in sight.
        .target(name: "StoreProtocols", dependencies: ["SchedulerCore", "CostLog"]),
        .target(name: "Storage", dependencies: [
            "SchedulerCore", "StoreProtocols", "CostLog",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "HTTP", dependencies: ["CCurl"]),
        // Fetching a user's published calendar: vetted hosts, pinned addresses, bounded size and time.
        .target(name: "CalendarFetch", dependencies: ["HTTP"]),
        .target(name: "LLM", dependencies: ["HTTP", "SharedValues", "CostLog", .product(name: "Logging", package: "swift-log")]),
        // Above all of those: the engine that turns an inbound message into replies.
        .target(name: "Conversation", dependencies: [
            "SchedulerCore", "Language", "Coaching", "StoreProtocols", "LLM", "BotConfig", "ICS", "CalendarFetch", "SharedValues", "AsyncSupport",
            .product(name: "Logging", package: "swift-log"), .product(name: "Metrics", package: "swift-metrics"),
        ]),
        // Benchmarks drive the real engine with synthetic workloads (bench-cost).
        .target(name: "Benchmarks", dependencies: ["Conversation", "Coaching", "LLM", "Storage", "SchedulerCore", "SentenceEncoder"]),
        // Top: front ends and the CLI.
        .target(name: "Adapters", dependencies: ["Conversation", "Language", "SharedValues", .product(name: "Logging", package: "swift-log")]),
        .target(name: "IRC", dependencies: ["Conversation", "AsyncSupport", .product(name: "Logging", package: "swift-log")]),
        // libolm (Debian libolm-dev) for Matrix end-to-end encryption, wrapped in one actor.
        .systemLibrary(name: "COlm", pkgConfig: "olm", providers: [.apt(["libolm-dev"])]),
        .target(name: "MatrixCrypto", dependencies: ["COlm"]),
        .target(name: "Matrix", dependencies: ["Conversation", "HTTP", "MatrixCrypto", "StoreProtocols", "SharedValues", "AsyncSupport", .product(name: "Logging", package: "swift-log")],
                exclude: ["README.md"]),
        // The operators' HTTP face: health, Prometheus metrics and the private calendar feeds.
        .target(name: "WebFace", dependencies: [
            "Conversation", "CalendarFetch", "HTTP",
            .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The benchmark: synthetic users driving the engine (or the same core decisions) with hidden preferences.
        .target(name: "Simulation", dependencies: ["SchedulerCore", "Coaching", "Conversation", "Storage"]),
        .executableTarget(name: "scheduler-bot", dependencies: [
            "Adapters", "Coaching", "SentenceEncoder", "Matrix", "IRC", "Conversation", "WebFace", "CalendarFetch", "ICS",
            .product(name: "Prometheus", package: "swift-prometheus"), .product(name: "Metrics", package: "swift-metrics"), "BotConfig", "Language", "Storage", "SchedulerCore", "SharedValues", "LLM", "Benchmarks", "Simulation",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "SchedulerCoreTests", dependencies: ["SchedulerCore"]),
        .testTarget(name: "SharedValuesTests", dependencies: ["SharedValues"]),
        .testTarget(name: "LanguageTests", dependencies: ["Language", "SharedValues"], exclude: ["tools"], resources: [.copy("Corpus")]),
        .target(name: "EncoderTestSupport", dependencies: ["Coaching", "SentenceEncoder", "Adapters"], path: "Tests/Support/EncoderTestSupport"),
        .testTarget(name: "CoachingTests", dependencies: ["Coaching", "SchedulerCore", "SentenceEncoder", "EncoderTestSupport"], resources: [.copy("RoutingDevSet")]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "InMemoryStore", "SchedulerCore", "CostLog"]),
        .testTarget(name: "BotConfigTests", dependencies: ["BotConfig"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "LLM", "SharedValues", "FakeModelSupport"], exclude: ["fake_openai_server.py"]),
        // The store protocols held in memory, for engine tests that need no SQLite (and for one test body run on both).
        .target(name: "InMemoryStore", dependencies: ["StoreProtocols", "SchedulerCore", "CostLog"], path: "Tests/Support/InMemoryStore"),
        // A self-opening gate and a one-thread task executor, for tests of what runs off the shared pool.
        .target(name: "ConcurrencyTestSupport", dependencies: [], path: "Tests/Support/ConcurrencyTestSupport"),
        // Starts the fake OpenAI-compatible server on loopback for the tests that run the bot against it.
        .target(name: "FakeModelSupport", dependencies: [], path: "Tests/Support/FakeModelSupport"),
        .testTarget(name: "ConversationTests", dependencies: ["Conversation", "Storage", "InMemoryStore", "ConcurrencyTestSupport", "SchedulerCore", "Language", "LLM", "Coaching", "BotConfig"]),
        .testTarget(name: "EndToEndTests", dependencies: ["FakeModelSupport"]),
        .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks", "Conversation", "Coaching", "LLM"]),
        // A real ngIRCd and a raw client for the live tests of IRC, and of IRC beside Matrix.
        .target(name: "LiveIRC", dependencies: ["IRC"], path: "Tests/Support/LiveIRC"),
        .testTarget(name: "IRCTests", dependencies: ["IRC", "LiveIRC", "Conversation", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "MatrixTests", dependencies: ["Matrix", "IRC", "LiveIRC", "Conversation", "HTTP", "Storage", "SchedulerCore", "MatrixCrypto", "SharedValues", "ConcurrencyTestSupport", "FakeModelSupport"]),
        .testTarget(name: "MatrixCryptoTests", dependencies: ["MatrixCrypto"]),
        .testTarget(name: "LearningTests", dependencies: ["SchedulerCore", "Coaching", "SentenceEncoder", "EncoderTestSupport"], resources: [.copy("Pairs")]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "SchedulerCore", "Conversation", "LLM"]),
        .testTarget(name: "SentenceEncoderTests", dependencies: ["SentenceEncoder", "EncoderTestSupport"]),
        .testTarget(name: "ICSTests", dependencies: ["ICS"], exclude: ["peers"]),
        .testTarget(name: "CalendarTests", dependencies: ["Conversation", "Storage", "SchedulerCore", "CalendarFetch", "ICS", "HTTP", "Language", "WebFace",
                                                      .product(name: "Prometheus", package: "swift-prometheus"), .product(name: "Metrics", package: "swift-metrics")],
                    exclude: ["servers"]),
    ],
    swiftLanguageModes: [.v6]
)
