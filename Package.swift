// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "designgate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "designgate", targets: ["designgate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "GitKit", dependencies: ["CLibGit2"]),
        .target(name: "TDDMarkdown", dependencies: ["CCmarkGFM", "Yams"]),
        .target(name: "TDDRules", dependencies: ["TDDMarkdown"]),
        .target(name: "Reporters", dependencies: ["TDDRules"]),
        .target(
            name: "DesignGateKit",
            dependencies: ["GitKit", "TDDMarkdown", "TDDRules", "Reporters", "Yams"]
        ),
        .executableTarget(
            name: "designgate",
            dependencies: [
                "DesignGateKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TDDMarkdownTests", dependencies: ["TDDMarkdown", "TestSupport"]),
        .testTarget(name: "TDDRulesTests", dependencies: ["TDDRules", "DesignGateKit", "TestSupport"]),
        .testTarget(name: "ReportersTests", dependencies: ["Reporters", "DesignGateKit", "TestSupport"]),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "DesignGateKit", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
