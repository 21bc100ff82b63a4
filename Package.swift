// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "HanziKit",
    products: [
        .library(name: "HanziKit", targets: ["HanziKit"]),
        .executable(name: "hanzi", targets: ["HanziCLI"]),
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
        .target(
            name: "HanziKit",
            dependencies: ["CICU", "HanziDictionaryData"]
        ),
        .executableTarget(
            name: "HanziCLI",
            dependencies: [
                "HanziKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "HanziKitTests", dependencies: ["HanziKit"]),
        // Runs the built `hanzi` as a process, as users do.
        .testTarget(name: "HanziCLITests", dependencies: ["HanziCLI"]),
    ],
    swiftLanguageModes: [.v6],
    cLanguageStandard: .c2x
)
