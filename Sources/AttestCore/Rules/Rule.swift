import PCRE2Kit

/// The phases rules run in, in this order.
public enum RulePhase: String, Sendable, CaseIterable, Codable {
    /// Marks sentences that are never statements (boxes such as "Did You Know?").
    case skip
    /// Attributed statements: named groups `speaker`, `cue`, `content`, optionally `content2`,
    /// `recipient`, `channel`, `date`, `via`, `role`, `mention`.
    case statement
    /// Hedged assertions with no named source ("reports indicate that ...").
    case hedge
    /// Finds the channel ("on social media") in a statement's sentence: group `channel`.
    case channel
    /// Finds the date in a statement's sentence: group `date`.
    case date
    /// Decides the stance from the cue and its context: group `cue` optional, `set: {stance: ...}`.
    case stance
    /// Decides the stance from the reported content when the cue leaves it `assert` ("said there
    /// was no agreement" denies, "said she could not confirm it" does not confirm): `set: {stance: ...}`.
    case contentStance = "content-stance"
    /// Entity mentions anywhere in the text (group `name`, `set: {speaker_type: ...}`), used to
    /// resolve pronouns and complete short names.
    case entity
    /// Claim signals: words that mark confirmation, denial, anaphoric answers and quantities.
    case signal
    /// Text that opens reported content without being part of it, such as a wire dateline
    /// ("SHANGHAI, June 18 — "): a match at the start of a statement's content is cut off.
    case dateline
}

/// Where something sits in a rule file, for precise messages.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int = 1) { self.file = file; self.line = line; self.column = column }
    public var description: String { "\(file):\(line):\(column)" }
}

/// One example of a rule: a sentence that must match (with expected fields), must not match,
/// or is a known gap (reported, never failing).
public struct RuleExample: Sendable {
    public enum Kind: String, Sendable { case match, noMatch = "no_match", gap }
    public var kind: Kind
    public var text: String
    /// Expected fields (`speaker`, `name`, `cue`, `content`, `kind`, `stance`, `channel`, `via`, `date`, or any group).
    public var expect: [String: String?]
    public var location: SourceLocation
}

/// A compiled rule.
public final class Rule: @unchecked Sendable {
    public let id: String
    public let phase: RulePhase
    public let priority: Int
    public let description: String
    /// The pattern as written in the YAML file.
    public let pattern: String
    /// The pattern after macro and lexicon expansion, as handed to PCRE2.
    public let expandedPattern: String
    public let compiled: CompiledPattern
    /// Fixed field values the rule sets on what it produces (kind, stance, speaker_type, channel, ...).
    public let settings: [String: String]
    /// Whether the rule may fire on a cue inside quotation marks.
    public let insideQuotes: Bool
    /// Whether what the rule captures as content is a turn of speech, as a transcript's
    /// "Name: …" is (`speech_turn: true`): a cue of another rule inside the turn belongs to the
    /// speech, as a cue inside quotation marks does, and makes no statement of its own.
    public let speechTurn: Bool
    /// The fewest statements the rule must find in one document for any of them to stay
    /// (`min_per_document`, default 1): a one-word transcript label ("Ruiz: …") is a turn only in
    /// a document with other turns, not a lone "Update: …".
    public let minPerDocument: Int
    /// Optional message template with `{group}` placeholders.
    public let message: String?
    public let examples: [RuleExample]
    public let location: SourceLocation
    /// Load order across all rule files, the last tie-breaker.
    public let order: Int
    /// Whether the rule runs only on sentences holding a cue word (the prefilter); `prefilter: false`
    /// rules run on every sentence.
    public let usesPrefilter: Bool
    /// Which sentences the rule reads as to headings (`headings:`).
    public enum HeadingReading: Sendable, Equatable {
        /// Body sentences and headings that hold a cue word (no `headings` key, or `false`).
        case body
        /// Only headings and the document's first sentence, its title, those without a cue word
        /// included (`headings: true`): a headline such as "Name: claim".
        case only
        /// Every sentence, headings without a cue word included (`headings: also`): a line such as
        /// an embedded post's signature, which reads like a heading wherever it stands.
        case also
    }
    /// Which sentences the rule reads as to headings. Rules of the default `.body` never see a
    /// heading without a cue word.
    public let headings: HeadingReading
    /// Whether the rule reads only headings and the document's first sentence (`headings: true`).
    public var readsHeadings: Bool { headings == .only }
    /// The rule's `cue` group compiled on its own, when every match must contain it: the extractor
    /// runs the whole rule only on sentences where this cheap pattern matches (see `RequiredGroup`).
    public let cueFilter: CompiledPattern?
    /// Characters (as UTF-8 bytes of each) that never stand between the start of a match and its
    /// cue, outside parentheses (`barrier:`): the extractor starts the search for a match only
    /// after the last such character before a cue of the filter.
    public let barrier: [[UInt8]]
    /// Whether the rule's statement stands for every statement whose cue lies inside its `content`
    /// (`encloses: true`): a source that reports what another said, "According to the filing, the
    /// mayor said …", is one attribution, so the statement of the inner cue is dropped.
    public let enclosesContent: Bool
    /// Which statements whose `content` holds this rule's cue take the place of its statement
    /// (`enclosed:`).
    public enum Enclosure: Sendable, Equatable {
        /// None (`enclosed: false`): verbs of doing such as "cited" or "revealed" are reported
        /// alongside a source, not by it.
        case never
        /// Those of rules with `encloses: true` (the default).
        case byEnclosingRules
        /// Any statement (`enclosed: any`): a belief told inside someone's words ("she told
        /// reporters she believed …") is part of what was told.
        case byAnyStatement
    }
    /// Which statements whose content holds this rule's cue take the place of its statement.
    public let enclosure: Enclosure

    init(id: String, phase: RulePhase, priority: Int, description: String, pattern: String, expandedPattern: String,
         compiled: CompiledPattern, settings: [String: String], insideQuotes: Bool, message: String?,
         examples: [RuleExample], location: SourceLocation, order: Int, usesPrefilter: Bool, cueFilter: CompiledPattern? = nil,
         headings: HeadingReading = .body, barrier: [[UInt8]] = [], speechTurn: Bool = false, enclosesContent: Bool = false,
         enclosure: Enclosure = .byEnclosingRules, minPerDocument: Int = 1) {
        self.usesPrefilter = usesPrefilter
        self.minPerDocument = minPerDocument
        self.speechTurn = speechTurn
        self.enclosesContent = enclosesContent
        self.enclosure = enclosure
        self.headings = headings
        self.cueFilter = cueFilter
        self.barrier = barrier
        self.id = id; self.phase = phase; self.priority = priority; self.description = description
        self.pattern = pattern; self.expandedPattern = expandedPattern; self.compiled = compiled
        self.settings = settings; self.insideQuotes = insideQuotes; self.message = message
        self.examples = examples; self.location = location; self.order = order
    }
}

/// A problem found while loading or linting rules.
public struct RuleProblem: Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    public var location: SourceLocation
    public var ruleID: String?
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, rule: String? = nil, _ message: String) {
        self.severity = severity; self.location = location; self.ruleID = rule; self.message = message
    }

    public var description: String {
        "\(location): \(severity.rawValue): \(ruleID.map { "[\($0)] " } ?? "")\(message)"
    }
}

/// Canonical entities: names, types and aliases (from `lexicons/aliases.txt` and `outlets.txt`).
public struct EntityLexicon: Sendable {
    /// Alias (folded) to canonical name.
    public var canonicalByAlias: [String: String] = [:]
    /// Canonical outlet names (folded) that are news outlets.
    public var outlets: Set<String> = []
    /// Canonical name to type when declared ("person", "organization", "outlet", "group").
    public var typeByName: [String: String] = [:]

    /// Case- and apostrophe-folded key for lookups.
    public static func fold(_ s: String) -> String {
        var out = s.lowercased().replacingText("’", with: "'").replacingText("*", with: "")
            .replacingText("_", with: " ")
        if out.hasPrefix("the ") { out.removeFirst(4) }
        return out.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }
}

/// Every loaded rule, lexicon and alias, ready to run.
public final class RuleSet: @unchecked Sendable {
    public let rules: [Rule]
    public let rulesByPhase: [RulePhase: [Rule]]
    public let lexicons: [String: [String]]
    public let macros: [String: String]
    public let entities: EntityLexicon
    public let problems: [RuleProblem]
    /// The rule folders loaded, in order.
    public let folders: [String]
    /// One JIT pattern of every cue word, to skip sentences no statement rule can match.
    public let prefilter: CompiledPattern?
    /// The distinct cue filters of the statement and hedge rules (rules that share a cue pattern
    /// share one filter, so it runs once per sentence).
    public let cueFilters: [CompiledPattern]
    /// For each rule (by `order`), its index in `cueFilters`.
    public let cueFilterIndex: [Int: Int]

    init(rules: [Rule], lexicons: [String: [String]], macros: [String: String], entities: EntityLexicon,
         problems: [RuleProblem], folders: [String], prefilter: CompiledPattern?) {
        self.rules = rules
        var byPhase: [RulePhase: [Rule]] = [:]
        for rule in rules { byPhase[rule.phase, default: []].append(rule) }
        self.rulesByPhase = byPhase
        self.lexicons = lexicons
        self.macros = macros
        self.entities = entities
        self.problems = problems
        self.folders = folders
        self.prefilter = prefilter
        var filters: [CompiledPattern] = []
        var indexByPattern: [String: Int] = [:]
        var indexByRule: [Int: Int] = [:]
        for rule in rules where rule.phase == .statement || rule.phase == .hedge {
            guard let filter = rule.cueFilter else { continue }
            let key = "\(filter.options.rawValue) \(filter.source)"
            if let known = indexByPattern[key] {
                indexByRule[rule.order] = known
            } else {
                indexByPattern[key] = filters.count
                indexByRule[rule.order] = filters.count
                filters.append(filter)
            }
        }
        self.cueFilters = filters
        self.cueFilterIndex = indexByRule
    }

    /// Rules of one phase in load order.
    public func rules(_ phase: RulePhase) -> [Rule] { rulesByPhase[phase] ?? [] }

    /// The rule with this ID.
    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// A lexicon's entries (empty when absent).
    public func lexicon(_ name: String) -> [String] { lexicons[name] ?? [] }

    /// Whether errors were found while loading.
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}
