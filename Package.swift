// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Attest",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "attest", targets: ["attest"]),
        .library(name: "AttestCore", targets: ["AttestCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C shims over system libraries.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // A thin, safe Swift layer over PCRE2.
        .target(name: "PCRE2Kit", dependencies: ["CPCRE2"]),
        // The engine: documents, segmentation, rules, extraction, entities, linking, assessment.
        .target(
            name: "AttestCore",
            dependencies: ["PCRE2Kit", "CLibXML2", .product(name: "Yams", package: "Yams")]
        ),
        // Report writers (text, JSON, JSONL, Markdown, HTML, ClaimReview).
        .target(name: "AttestReports", dependencies: ["AttestCore"]),
        // The thin command-line front end.
        .executableTarget(
            name: "attest",
            dependencies: [
                "AttestCore", "AttestReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PCRE2KitTests", dependencies: ["PCRE2Kit"]),
        .testTarget(name: "AttestCoreTests", dependencies: ["AttestCore", "AttestReports"]),
        .testTarget(name: "AttestCLITests", dependencies: []),
    ],
    swiftLanguageModes: [.v5]
)
