// swift-tools-version:6.0
import PackageDescription

/// Links C libraries. On Linux from their static archives (`lib<name>.a`, each before what it
/// depends on), with `shared` ones (file names or plain names) dynamically: libgit2 and
/// cmark-gfm linked in keep the hook's start-up short (the dynamic loader no longer resolves
/// ten shared libraries on every commit), and the binary runs where libgit2 is not installed.
/// Elsewhere the libraries' shared builds.
func linked(_ libraries: [String], staticWith dependencies: [String] = [], shared: [String] = []) -> [LinkerSetting] {
#if os(Linux)
    let archives = (libraries + dependencies).map { "-l:lib\($0).a" }
    let dynamic = shared.map { $0.contains(".so") ? "-l:lib\($0)" : "-l\($0)" }
    return [.unsafeFlags((archives + dynamic).flatMap { ["-Xlinker", $0] })]
#else
    return libraries.map { .linkedLibrary($0) }
#endif
}

/// Sends the C libraries' calls to each of `symbols` to `__wrap_<symbol>` instead (the GNU linker's
/// `--wrap`), on Linux where the library is linked from its static archive.
func wrapped(_ symbols: [String]) -> [LinkerSetting] {
#if os(Linux)
    return [.unsafeFlags(symbols.flatMap { ["-Xlinker", "--wrap=\($0)"] })]
#else
    return []
#endif
}

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
            providers: [.apt(["libgit2-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "GitKit",
            dependencies: ["CLibGit2"],
            // libgit2's TLS set-up is replaced by GitKit's skipTLSSetUp (no connection is ever made).
            linkerSettings: linked(["git2"],
                                   staticWith: ["mbedtls", "mbedx509", "mbedcrypto", "http_parser", "ssh2", "crypto", "pcre2-8", "z"],
                                   shared: ["gssapi_krb5.so.2", "rt"])
                + wrapped(["git_mbedtls_stream_global_init"])
        ),
        .target(
            name: "TDDMarkdown",
            dependencies: ["CCmarkGFM", "Yams"],
            linkerSettings: linked(["cmark-gfm-extensions", "cmark-gfm"])
        ),
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
