// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "HanziKit",
    products: [
        .library(name: "HanziKit", targets: ["HanziKit"]),
        .executable(name: "hanzi", targets: ["HanziCLI"]),
        // The SQLite extension: `.load libHanziFTS5.so` registers the FTS5 tokenizer `hanzi`.
        .library(name: "HanziFTS5", type: .dynamic, targets: ["HanziFTS5"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The only code that sees ICU headers; its public header exposes plain C types only.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // The bundled text dictionaries, embedded into the binary with C23 #embed so that a
        // copied `hanzi` still finds them.
        .target(name: "HanziDictionaryData"),
        // Prefetching, for the segmenter's table lookups.
        .target(name: "CMemoryHints"),
        .target(
            name: "HanziKit",
            dependencies: ["CICU", "HanziDictionaryData", "CMemoryHints"]
        ),
        .executableTarget(
            name: "HanziCLI",
            dependencies: [
                "HanziKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "HanziFTS5",
            ]
        ),
        .testTarget(name: "HanziKitTests", dependencies: ["HanziKit", "HanziFTS5"]),
        // Runs the built `hanzi` as a process, as users do.
        .testTarget(name: "HanziCLITests", dependencies: ["HanziCLI", "HanziKit"]),
        // SQLite's headers (FTS5's tokenizer API included) and the calls the extension makes
        // through the routines its host passes in; `hanzi index` links the system SQLite.
        .target(name: "CHanziFTS5", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The `hanzi` FTS5 tokenizer, built on the segmentation and conversion engines.
        .target(name: "HanziFTS5", dependencies: ["HanziKit", "CHanziFTS5"]),
    ],
    swiftLanguageModes: [.v6],
    cLanguageStandard: .c2x
)
