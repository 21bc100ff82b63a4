// swift-tools-version: 6.1
// Benchmarks of HanziKit with ordo-one/benchmark, in a package of their own so that the main
// build does not depend on the benchmark framework.
//
//   cd Benchmarks && swift package benchmark                       # every benchmark
//   swift package benchmark --target Segmentation                  # one suite
//   swift package --allow-writing-to-package-directory benchmark baseline update main
import PackageDescription

let package = Package(
    name: "HanziKitBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "HanziKit", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Segmentation",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HanziKit", package: "HanziKit"),
            ],
            path: "Benchmarks/Segmentation",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
