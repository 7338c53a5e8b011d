import XCTest
@testable import AttestCore

/// The project's rule test suite: every example of every default rule in `rules/` must hold.
final class RuleExampleTests: XCTestCase {
    func testDefaultRulesLoadWithoutErrors() {
        let errors = defaultRules.problems.filter { $0.severity == .error }
        XCTAssertTrue(errors.isEmpty, errors.map(\.description).joined(separator: "\n"))
    }

    func testEveryDefaultRuleHasExamples() {
        let without = defaultRules.rules.filter { $0.examples.isEmpty }.map(\.id)
        XCTAssertTrue(without.isEmpty, "rules without examples: \(without)")
    }

    func testEveryDefaultRuleExamplePasses() {
        let report = RuleTester(rules: defaultRules).run()
        var failures: [String] = []
        for result in report.results {
            for e in result.examples where e.status == .failed {
                failures.append("\(e.example.location): [\(result.rule.id)] \(e.example.kind.rawValue) '\(e.example.text)': \(e.detail)")
            }
        }
        XCTAssertTrue(failures.isEmpty, "\(report.summary)\n" + failures.joined(separator: "\n"))
        XCTAssertGreaterThan(report.passed + report.failed, 20, "the rule test suite ran too few examples: \(report.summary)")
    }

    func testDefaultRulesLintWithoutErrors() {
        let errors = RuleLinter(rules: defaultRules).lint().filter { $0.severity == .error }
        XCTAssertTrue(errors.isEmpty, errors.map(\.description).joined(separator: "\n"))
    }

    func testComparisonFoldsWhiteSpaceAndApostrophes() {
        XCTAssertEqual(RuleTester.normalize("Wang  Guochen’s\n team"), RuleTester.normalize("Wang Guochen's team"))
        XCTAssertNil(RuleTester.mismatch("via", expected: nil, actual: nil))
        XCTAssertNotNil(RuleTester.mismatch("via", expected: nil, actual: "Reuters"))
        XCTAssertNotNil(RuleTester.mismatch("via", expected: "Reuters", actual: nil))
    }
}
