// swift-tools-version: 6.1
// libFuzzer targets, one per engine. Built and run by Fuzz/run (needs -sanitize=fuzzer, so
// this package stays out of the main build).
import PackageDescription

let hanziKit: Target.Dependency = .product(name: "HanziKit", package: "HanziKit")

let package = Package(
    name: "HanziFuzz",
    dependencies: [.package(name: "HanziKit", path: "..")],
    targets: [.target(name: "FuzzSupport")] + ["FuzzDecode", "FuzzConvert", "FuzzSegment", "FuzzRepair"].map {
        .executableTarget(name: $0, dependencies: [hanziKit, "FuzzSupport"])
    },
    swiftLanguageModes: [.v6]
)
