import PCRE2Kit

/// A rule match before overlaps are resolved: absolute byte ranges of the named groups.
public struct Candidate: Sendable {
    public let rule: Rule
    public let sentenceIndex: Int
    public let whole: Range<Int>
    public let groups: [String: Range<Int>]
    /// The `cue` group, or the whole match when it has none (read once: sorting and overlap
    /// checks use it many times).
    public let cue: Range<Int>
    /// The `speaker` group, if set.
    public let speaker: Range<Int>?

    public init(rule: Rule, sentenceIndex: Int, whole: Range<Int>, groups: [String: Range<Int>]) {
        self.rule = rule
        self.sentenceIndex = sentenceIndex
        self.whole = whole
        self.groups = groups
        self.cue = groups["cue"] ?? whole
        self.speaker = groups["speaker"]
    }
}

/// What happened to each candidate, for `attest explain`.
public struct TraceEntry: Sendable {
    public enum Outcome: Sendable {
        case accepted, lostOverlap(to: String), insideQuotation, insideTurn(of: String), skippedSentence, enclosed(by: String)
        /// The rule found fewer candidates in the document than its `min_per_document`.
        case tooFewInDocument(minimum: Int)
    }
    public let candidate: Candidate
    public let outcome: Outcome
}

/// Runs the rule phases over one document and builds its statements.
public struct Extractor: Sendable {
    public let rules: RuleSet
    public let segmenter: Segmenter
    /// Group names copied from statement and hedge matches.
    static let groupNames = ["speaker", "cue", "content", "content2", "recipient", "channel", "date", "via", "role", "mention"]

    /// When set, every match call is timed into it (`--profile-rules`).
    public let profile: RuleProfile?
    /// Lower-cased words that open a relative clause (the relative-pronouns lexicon).
    let relativePronouns: Set<String>
    /// Lower-cased one-word verbs of saying (the speech-verbs and inverted-verbs lexicons).
    let sayingVerbs: Set<String>
    /// Lower-cased words that open a phrase about where, when or how a speaker spoke, not what was
    /// said (the circumstance-openers lexicon).
    let circumstanceOpeners: Set<String>
    /// Lower-cased words that open a clause or a phrase set before it ("In a later interview, …"),
    /// with the days of the week (the clause-openers and weekdays lexicons).
    let openingPhraseOpeners: Set<String>
    /// Lower-cased cues whose object is the person told ("told the website"): the telling-verbs lexicon.
    let tellingVerbs: Set<String>
    /// Lower-cased prepositions that attach a phrase to the noun before them (the noun-prepositions lexicon).
    let nounPrepositions: Set<String>
    /// Lower-cased auxiliaries, copulas and question words (the clause-verbs lexicon).
    let clauseVerbs: Set<String>
    /// Lower-cased days of the week (the weekdays lexicon).
    let weekdays: Set<String>
    /// Lower-cased verbs that pass on what someone said (the relay-verbs lexicon): a statement with
    /// such a cue inside another statement's content is a report that statement relays, and stays.
    let relayVerbs: Set<String>
    /// Lower-cased pronouns, possessive ones included (the pronouns lexicon).
    let pronouns: Set<String>
    /// The statement and hedge rules, in the order they run.
    let phaseRules: [Rule]
    /// For each of `phaseRules`, its index in `rules.cueFilters` (nil: the rule has no filter).
    let filterOfRule: [Int?]
    /// For each of `phaseRules`, which of `groupNames` its pattern has, with their group numbers
    /// (looked up once here rather than by name for every match).
    let groupsOfRule: [[(name: String, number: Int)]]
    /// For each cue filter, the name it is profiled under: the first rule it serves.
    let filterLabels: [String]
    /// The stance, channel and date rules, highest priority first (sorted once, not per statement).
    let rulesByPriority: [RulePhase: [Rule]]
    /// Whether any statement or hedge rule reads headings without a cue word (`headings: true`
    /// or `also`).
    let headingRulesExist: Bool

    /// An extractor for `rules`; pass a `profile` to time every rule.
    public init(rules: RuleSet, profile: RuleProfile? = nil) {
        self.rules = rules
        self.profile = profile
        let phaseRules = rules.rules(.statement) + rules.rules(.hedge)
        let filterOfRule = phaseRules.map { rules.cueFilterIndex[$0.order] }
        self.phaseRules = phaseRules
        self.filterOfRule = filterOfRule
        groupsOfRule = phaseRules.map { rule in
            Extractor.groupNames.compactMap { name in rule.compiled.groupNumbers[name].map { (name, $0) } }
        }
        headingRulesExist = phaseRules.contains(where: { $0.headings != .body })
        filterLabels = rules.cueFilters.indices.map { f in
            let served = zip(phaseRules, filterOfRule).filter { $0.1 == f }.map(\.0.id)
            return "(filter) " + (served.first ?? "?") + (served.count > 1 ? " +\(served.count - 1)" : "")
        }
        rulesByPriority = Dictionary(uniqueKeysWithValues: [RulePhase.stance, .contentStance, .channel, .date].map { phase in
            (phase, rules.rules(phase).sorted(by: { $0.priority > $1.priority }))
        })
        var abbreviations = Set<String>()
        for entry in rules.lexicon("abbreviations") {
            abbreviations.insert(entry.hasSuffix(".") ? String(entry.dropLast()) : entry)
        }
        let verbs = (rules.lexicon("speech-verbs") + rules.lexicon("inverted-verbs")).filter { !$0.contains(" ") }
        sayingVerbs = Set(verbs.map { $0.lowercased() })
        relativePronouns = Set(rules.lexicon("relative-pronouns").map { $0.lowercased() })
        circumstanceOpeners = Set(rules.lexicon("circumstance-openers").map { $0.lowercased() })
        tellingVerbs = Set(rules.lexicon("telling-verbs").map { $0.lowercased() })
        nounPrepositions = Set(rules.lexicon("noun-prepositions").map { $0.lowercased() })
        clauseVerbs = Set(rules.lexicon("clause-verbs").map { $0.lowercased() })
        relayVerbs = Set(rules.lexicon("relay-verbs").map { $0.lowercased() })
        pronouns = Set(rules.lexicon("pronouns").map { $0.lowercased() })
        let weekdays = Set(rules.lexicon("weekdays").map { $0.lowercased() })
        self.weekdays = weekdays
        openingPhraseOpeners = weekdays.union(rules.lexicon("clause-openers").map { $0.lowercased() })
        self.segmenter = Segmenter(abbreviations: abbreviations, attributionVerbs: sayingVerbs)
    }

    /// The statements of one document, warnings (match limits), and optionally a trace of every
    /// candidate. With a `profile`, every match call is timed into it.
    public func extract(_ document: Document, index: Int, scratch: MatchScratch, trace: Bool = false)
        -> (statements: [Statement], warnings: [AnalysisWarning], trace: [TraceEntry], segmentation: Segmentation) {
        let text = UTF8Text(document.text)
        let seg = segmenter.segment(document.text)
        var warnings: [AnalysisWarning] = []
        var traceEntries: [TraceEntry] = []

        // Prefilter: one pass of the cue lexicon over the whole text.
        // `cueFound` marks sentences with a cue word found; `hasCue` is what the statement rules
        // go by (every sentence when there is no prefilter or it hit the match limit).
        var cueFound = [Bool](repeating: false, count: seg.sentences.count)
        var hasCue = [Bool](repeating: rules.prefilter == nil, count: seg.sentences.count)
        if let prefilter = rules.prefilter {
            do {
                let hits = try timed("(cue prefilter)", phase: "filter") { () throws -> [PatternMatch]? in
                    let all: [PatternMatch] = try prefilter.allMatches(in: text, scratch: scratch)
                    return all.isEmpty ? nil : all
                } ?? []
                for m in hits {
                    if let s = seg.sentenceIndex(containing: m.range.lowerBound) { hasCue[s] = true; cueFound[s] = true }
                }
            } catch {
                hasCue = [Bool](repeating: true, count: seg.sentences.count)
            }
        }
        // Skip phase and headings (a headline holding a cue word, "Minister Says Talks Failed", is read).
        // Such headings are left to the rules that read only headings (`headings: true`).
        var skipped = [Bool](repeating: false, count: seg.sentences.count)
        var bareHeading = [Bool](repeating: false, count: seg.sentences.count)
        let skipRules = rules.rules(.skip)
        // Each sentence's bytes, copied once for the skip and the statement phases.
        let subjects = seg.sentences.map { text.sentenceSlice($0.range) }
        for (i, sentence) in seg.sentences.enumerated() {
            let subject = subjects[i]
            if sentence.isHeading, !cueFound[i] { skipped[i] = true; bareHeading[i] = headingRulesExist; continue }
            for rule in skipRules {
                do {
                    if try first(rule, in: subject, scratch: scratch) != nil { skipped[i] = true; break }
                } catch {
                    warnings.append(limitWarning(rule, document, sentence.range.lowerBound, error))
                }
            }
        }
        // Statement and hedge phases. A rule whose cue group is mandatory runs only on sentences
        // where that group alone matches (one cheap pass per distinct cue pattern and sentence),
        // and its matches must start before the end of the last such cue: the search stops there.
        // A rule with a barrier starts its search only after the last barrier character before a cue.
        var candidates: [Candidate] = []
        var cueHits = [[Range<Int>]?](repeating: nil, count: rules.cueFilters.count)
        for (i, sentence) in seg.sentences.enumerated() where !skipped[i] || bareHeading[i] {
            let subject = subjects[i]
            for k in cueHits.indices { cueHits[k] = nil }
            let headline = sentence.isHeading || i == 0
            for (r, rule) in phaseRules.enumerated()
            where (hasCue[i] || !rule.usesPrefilter) && Extractor.reads(rule.headings, headline: headline, bareHeading: bareHeading[i]) {
                // One window in the common case, kept out of an array (no allocation per rule and sentence).
                var window = 0...subject.bytes.count
                var barrierWindows: [ClosedRange<Int>]? = nil
                var limited = false
                if let f = filterOfRule[r] {
                    if cueHits[f] == nil {
                        let filter = rules.cueFilters[f]
                        do {
                            cueHits[f] = try timed(filterLabels[f], phase: "filter") { () throws -> [Range<Int>]? in
                                let hits = try filter.matchRanges(in: subject, scratch: scratch)
                                return hits.isEmpty ? nil : hits
                            } ?? []
                        } catch {
                            cueHits[f] = [0..<subject.bytes.count]  // A filter that hits the match limit lets the rule run.
                        }
                    }
                    let hits = cueHits[f] ?? []
                    guard let last = hits.last else { continue }
                    if rule.barrier.isEmpty {
                        window = 0...last.upperBound
                    } else {
                        barrierWindows = Extractor.searchWindows(hits, in: subject.bytes, barrier: rule.barrier)
                    }
                    limited = true
                }
                var position = 0
                var guardCount = 0
                windows: for w in 0..<(barrierWindows?.count ?? 1) {
                    if let barrierWindows { window = barrierWindows[w] }
                    position = max(position, window.lowerBound)
                    while position <= window.upperBound, guardCount < 64 {
                        guardCount += 1
                        let found: PatternMatch?
                        do {
                            found = try first(rule, in: subject, from: position, startLimit: limited ? window.upperBound : nil,
                                              newSubject: guardCount == 1, scratch: scratch)
                        } catch {
                            warnings.append(limitWarning(rule, document, sentence.range.lowerBound + position, error))
                            break windows
                        }
                        guard let m = found else { continue windows }
                        let base = sentence.range.lowerBound
                        var groups: [String: Range<Int>] = [:]
                        for (name, number) in groupsOfRule[r] where number >= 1 && number <= m.groups.count {
                            if let g = m.groups[number - 1], !g.isEmpty { groups[name] = (g.lowerBound + base)..<(g.upperBound + base) }
                        }
                        let whole = (m.range.lowerBound + base)..<(m.range.upperBound + base)
                        candidates.append(Candidate(rule: rule, sentenceIndex: i, whole: whole, groups: groups))
                        let cueEnd = (m.range(named: "cue") ?? m.range).upperBound
                        position = cueEnd > position ? cueEnd : subject.nextCharacterBoundary(after: position)
                    }
                }
            }
        }
        // A rule that needs several finds in a document (`min_per_document`) keeps none with fewer.
        if candidates.contains(where: { $0.rule.minPerDocument > 1 }) {
            var found: [ObjectIdentifier: Int] = [:]
            for c in candidates { found[ObjectIdentifier(c.rule), default: 0] += 1 }
            candidates.removeAll { c in
                guard c.rule.minPerDocument > 1, found[ObjectIdentifier(c.rule), default: 0] < c.rule.minPerDocument else { return false }
                if trace { traceEntries.append(TraceEntry(candidate: c, outcome: .tooFewInDocument(minimum: c.rule.minPerDocument))) }
                return true
            }
        }
        // Drop cues inside quotations and inside turns of speech, then resolve overlaps: priority,
        // longer match, earlier rule.
        let turns: [(range: Range<Int>, rule: String)] = candidates.compactMap { c in
            guard c.rule.speechTurn, let content = c.groups["content"] else { return nil }
            return (content.lowerBound..<(Extractor.turnEnd(c, content: content, seg: seg, text: text) ?? content.upperBound), c.rule.id)
        }
        var live: [Candidate] = []
        for c in candidates {
            if !c.rule.speechTurn, let turn = turns.first(where: { $0.range.contains(c.cue.lowerBound) }) {
                // "Lin Jian: … I have said …": the cue is part of what the turn's speaker says.
                if trace { traceEntries.append(TraceEntry(candidate: c, outcome: .insideTurn(of: turn.rule))) }
                continue
            }
            if !c.rule.insideQuotes, let q = seg.quotation(containing: c.cue.lowerBound), q.range.upperBound >= c.cue.upperBound {
                // Quoted speech: a cue inside quotation marks belongs to the quote, not to the article.
                _ = q
                if trace { traceEntries.append(TraceEntry(candidate: c, outcome: .insideQuotation)) }
                continue
            }
            live.append(c)
        }
        live.sort { a, b in
            if a.rule.priority != b.rule.priority { return a.rule.priority > b.rule.priority }
            if a.whole.count != b.whole.count { return a.whole.count > b.whole.count }
            if a.rule.order != b.rule.order { return a.rule.order < b.rule.order }
            return a.whole.lowerBound < b.whole.lowerBound
        }
        var accepted: [Candidate] = []
        for c in live {
            if let winner = accepted.first(where: { Extractor.conflicts($0, c) }) {
                if trace { traceEntries.append(TraceEntry(candidate: c, outcome: .lostOverlap(to: winner.rule.id))) }
                continue
            }
            accepted.append(c)
            if trace { traceEntries.append(TraceEntry(candidate: c, outcome: .accepted)) }
        }
        accepted = Extractor.withoutEnclosed(accepted, text: text, relayVerbs: relayVerbs, trace: trace, traceEntries: &traceEntries)
        accepted.sort { $0.cue.lowerBound < $1.cue.lowerBound }
        var statements: [Statement] = []
        let acceptedCues = accepted.map(\.cue)
        for c in accepted {
            statements.append(buildStatement(c, document: document, index: index, text: text, seg: seg, otherCues: acceptedCues,
                                             scratch: scratch, warnings: &warnings))
        }
        return (statements, warnings, traceEntries, seg)
    }

    /// Times `body` into `profile` under `id` when profiling.
    @inline(__always)
    func timed<T>(_ id: String, phase: String, newSubject: Bool = true, _ body: () throws -> T?) rethrows -> T? {
        guard let profile else { return try body() }
        return try profile.time(id, phase: phase, newSubject: newSubject, body)
    }

    /// The first match of `rule` in `subject` from byte `from`, timed when profiling.
    func first(_ rule: Rule, in subject: UTF8Text, from: Int = 0, startLimit: Int? = nil, newSubject: Bool = true,
               scratch: MatchScratch) throws -> PatternMatch? {
        try timed(rule.id, phase: rule.phase.rawValue, newSubject: newSubject) {
            try rule.compiled.firstMatch(in: subject, from: from, startLimit: startLimit, scratch: scratch)
        }
    }

    /// Whether the cue prefilter finds a cue word in `subject` (no prefilter: never).
    public func holdsCue(_ subject: UTF8Text, scratch: MatchScratch) -> Bool {
        guard let prefilter = rules.prefilter else { return false }
        return (try? prefilter.firstMatch(in: subject, scratch: scratch)) != nil
    }

    /// Whether a rule reads a sentence, given how it reads headings: `headline` is a heading or
    /// the document's first sentence, `bareHeading` a heading without a cue word.
    static func reads(_ headings: Rule.HeadingReading, headline: Bool, bareHeading: Bool) -> Bool {
        switch headings {
        case .body: return !bareHeading
        case .only: return headline
        case .also: return true
        }
    }

    /// Where a rule with a barrier may start a match: for each cue hit, from just after the last
    /// barrier character before it (a parenthesised stretch is passed over whole; an unclosed
    /// parenthesis lets the search start at the beginning) to the hit's end. Merged, in order.
    static func searchWindows(_ hits: [Range<Int>], in bytes: [UInt8], barrier: [[UInt8]]) -> [ClosedRange<Int>] {
        let open = UInt8(ascii: "("), close = UInt8(ascii: ")")
        func searchStart(before offset: Int) -> Int {
            var i = offset
            while i > 0 {
                let b = bytes[i - 1]
                if b == close {
                    guard let opening = bytes[..<(i - 1)].lastIndex(of: open) else { return 0 }
                    i = opening
                    continue
                }
                if b == open { return 0 }
                for mark in barrier where mark.count <= i && bytes[(i - mark.count)..<i].elementsEqual(mark) { return i }
                i -= 1
            }
            return 0
        }
        let windows = hits.map { searchStart(before: $0.lowerBound)...$0.upperBound }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<Int>] = []
        for window in windows {
            if let last = merged.last, window.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, window.upperBound)
            } else {
                merged.append(window)
            }
        }
        return merged
    }

    /// The accepted candidates less those whose cue lies inside the `content` of a candidate whose
    /// rule encloses its content (`encloses: true`), or of any other candidate for a rule with
    /// `enclosed: any`: the enclosing statement stands for them. A source set in the middle of
    /// what it reports (content on both sides, `content2`) encloses nothing: "The paper reported,
    /// according to two aides, that …" keeps the paper's statement.
    ///
    /// A statement whose speaker and cue both lie inside what another statement reports is part of
    /// that report too ("His lawyer said he would not answer questions": the lawyer says so, not
    /// he), unless its cue ends with a verb that relays words (`relayVerbs`: "The paper reported
    /// that the mayor said …" passes on what the mayor said) or its rule says `enclosed: false`.
    static func withoutEnclosed(_ accepted: [Candidate], text: UTF8Text, relayVerbs: Set<String>, trace: Bool,
                                traceEntries: inout [TraceEntry]) -> [Candidate] {
        guard accepted.count > 1 else { return accepted }
        let enclosing = accepted.filter { $0.rule.enclosesContent && $0.groups["content"] != nil && $0.groups["content2"] == nil }
        func holds(_ outer: Candidate, _ c: Candidate) -> Bool {
            !(outer.rule === c.rule && outer.whole == c.whole) && (outer.groups["content"].map { $0.lowerBound <= c.cue.lowerBound && c.cue.upperBound <= $0.upperBound } ?? false)
        }
        func reportsWithin(_ outer: Candidate, _ c: Candidate) -> Bool {
            guard outer.rule.phase == .statement, outer.groups["content2"] == nil, let content = outer.groups["content"],
                  let speaker = c.speaker, content.lowerBound <= speaker.lowerBound, speaker.upperBound <= content.upperBound,
                  !Extractor.opensCoordinateClause(before: speaker.lowerBound, from: content.lowerBound, in: text)
            else { return false }
            return holds(outer, c)
        }
        func relays(_ c: Candidate) -> Bool {
            let lastWord = Extractor.fold(text[c.cue]).split(whereSeparator: { !$0.isLetter }).last.map { $0.lowercased() }
            return lastWord.map { relayVerbs.contains($0) } ?? false
        }
        return accepted.filter { c in
            if c.rule.enclosesContent { return true }
            let outer: Candidate?
            switch c.rule.enclosure {
            case .never: outer = nil
            case .byEnclosingRules:
                outer = enclosing.first { holds($0, c) }
                    ?? (c.rule.phase == .statement && !relays(c) ? accepted.first { reportsWithin($0, c) } : nil)
            case .byAnyStatement: outer = accepted.first { $0.rule.enclosure != .byAnyStatement && holds($0, c) }
            }
            guard let outer else { return true }
            if trace, let k = traceEntries.lastIndex(where: { $0.candidate.rule.id == c.rule.id && $0.candidate.whole == c.whole }) {
                traceEntries[k] = TraceEntry(candidate: c, outcome: .enclosed(by: outer.rule.id))
            }
            return false
        }
    }

    /// Whether the word before `position` (after `start`) joins a clause of its own to what comes
    /// before: "…, and rights groups warned that …" is a second statement beside the first, not
    /// part of what the first speaker said.
    static func opensCoordinateClause(before position: Int, from start: Int, in text: UTF8Text) -> Bool {
        var end = position
        while end > start, Segmenter.isSpace(text.bytes[end - 1]) { end -= 1 }
        var begin = end
        while begin > start, !Segmenter.isSpace(text.bytes[begin - 1]), text.bytes[begin - 1] != UInt8(ascii: ",") { begin -= 1 }
        guard begin < end else { return false }
        return ["and", "but", "while", "whereas", "yet", "although", "though"].contains(text[begin..<end].lowercased())
    }

    /// Two candidates conflict when their cues overlap, or one's speaker overlaps the other's cue.
    static func conflicts(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.cue.overlaps(b.cue) { return true }
        if let s = a.speaker, s.overlaps(b.cue) { return true }
        if let s = b.speaker, s.overlaps(a.cue) { return true }
        return false
    }

    func limitWarning(_ rule: Rule, _ document: Document, _ offset: Int, _ error: Error) -> AnalysisWarning {
        profile?.limitHit(rule.id, phase: rule.phase.rawValue)
        return AnalysisWarning(document: document.path, rule: rule.id, offset: offset,
                        message: "match limit reached (\(error)); the rule was stopped on this sentence and the run went on")
    }

    /// The statement of an accepted candidate. `otherCues` are the cues of all accepted candidates
    /// in the document: a quotation holding one of them is a statement of its own, not a continuation.
    func buildStatement(_ c: Candidate, document: Document, index: Int, text: UTF8Text, seg: Segmentation, otherCues: [Range<Int>],
                        scratch: MatchScratch, warnings: inout [AnalysisWarning]) -> Statement {
        let sentence = seg.sentences[c.sentenceIndex]
        let settings = c.rule.settings
        // Content: the captured part, widened to the quotation(s) it opens or closes.
        var contentRange = c.groups["content"].map { Extractor.widenToQuotations(Extractor.trim(text, $0), cue: c.cue, seg: seg) }
            .flatMap { Extractor.containsLetterOrDigit(text, $0) ? $0 : nil }  // "X writes:" captures only the colon
        if c.rule.phase == .statement,
           let quoted = quotationBeforeSpeaker(c, content: contentRange, seg: seg, text: text, otherCues: otherCues) {
            // `"…," Ana Ruiz said in an interview.` or `- "…," she said -`: what follows the cue tells
            // where or how she spoke; the quotation just before the speaker is what she said.
            contentRange = quoted
        } else if contentRange == nil, c.rule.phase == .statement, let before = Extractor.quotationBefore(c, seg: seg, text: text) {
            // "… ” ― Ana Ruiz" or "… ?” Trump said.": a sentence that opens with its speaker or cue
            // and holds no content signs the quotation before it.
            contentRange = before
        } else if contentRange == nil, c.rule.phase == .statement, c.cue.upperBound >= sentence.range.upperBound - 2,
                  c.sentenceIndex + 1 < seg.sentences.count,
                  let q = seg.quotation(containing: seg.sentences[c.sentenceIndex + 1].range.lowerBound) {
            // "He said:" followed by a quotation in the next sentence or paragraph.
            contentRange = q.range
        } else if contentRange == nil, c.rule.phase == .statement, let block = Extractor.paragraphAfterColon(c, seg: seg, text: text) {
            contentRange = block
        }
        var secondGroup = c.groups["content2"]
        if c.rule.phase == .statement, let r = contentRange, isOpeningPhrase(c, content: r, text: text) {
            if let r2 = secondGroup.map({ Extractor.trim(text, $0) }), Segmenter.quoteMark(text.bytes, r2.lowerBound) != nil {
                // "Asked about the vote, she said, “We lost.”": the quotation alone is what she said.
                contentRange = Extractor.widenToQuotations(r2, cue: c.cue, seg: seg)
                secondGroup = nil
            } else if secondGroup == nil, let after = contentAfterOpeningPhrase(c, seg: seg, text: text) {
                // "In a later interview, she warned of a strike.": the phrase before the speaker only
                // sets the scene; what follows the cue is what she said.
                contentRange = after
            }
        }
        if c.rule.phase == .statement, settings["content_start"] == "paragraph" {
            // An embedded post's signature closes the post: what was posted runs from the start of
            // its paragraph (past a markup tag left in plain text, such as "<tweet …>") to the captured
            // content, or, with none, to the start of the signature's sentence. A signature that is a
            // paragraph of its own (an HTML embed sets the post in a <p> before it) signs the paragraph
            // before it.
            let start = Extractor.pastLeadingTags(seg.paragraphs[sentence.paragraph].range.lowerBound, in: text.bytes)
            let end = contentRange?.upperBound ?? sentence.range.lowerBound
            let whole = Extractor.trim(text, start..<max(start, end))
            if Extractor.containsLetterOrDigit(text, whole) {
                contentRange = whole
            } else if contentRange == nil, sentence.paragraph > 0 {
                let previous = Extractor.trim(text, seg.paragraphs[sentence.paragraph - 1].range)
                if Extractor.containsLetterOrDigit(text, previous) { contentRange = previous }
            }
        }
        if let r = contentRange, let end = Extractor.turnEnd(c, content: r, seg: seg, text: text) {
            contentRange = r.lowerBound..<end
        }
        if let r = contentRange { contentRange = withoutDateline(r, text: text, document: document, scratch: scratch, warnings: &warnings) }
        let rawContent = contentRange.map { Extractor.fold(text[$0]) } ?? ""
        // A second part goes with a quotation only when it is quoted too: `"A," he said, "B."`, not
        // the clause of `"A," he said, looking at the crowd.`
        var secondRange = secondGroup.map { Extractor.widenToQuotations(Extractor.trim(text, $0), cue: c.cue, seg: seg) }
            .flatMap { Extractor.kind(of: rawContent) == "direct" && !Extractor.containsQuoteMark(text, $0) ? nil : $0 }
        if secondRange == nil, c.rule.phase == .statement, let r = contentRange, Extractor.kind(of: rawContent) == "direct" {
            // `"A," he said of the plan, "B."`: the quotation after the phrase that follows the cue.
            secondRange = Extractor.quotationAfterTrail(c, content: r, seg: seg, text: text, otherCues: otherCues)
        }
        var parts = [Extractor.cleanContent(rawContent)]
        if let r2 = secondRange { parts.append(Extractor.cleanContent(text[r2])) }
        if c.rule.phase == .statement {
            let continuation = [secondRange, contentRange].compactMap { $0 }.lazy
                .map { Extractor.quotedContinuation(of: $0, cue: c.cue, sentenceIndex: c.sentenceIndex, seg: seg, text: text, otherCues: otherCues) }
                .first { !$0.isEmpty } ?? []
            parts += continuation.map { Extractor.cleanContent(text[$0]) }
        }
        let content = parts.filter { !$0.isEmpty }.joined(separator: " … ")
        let cue = Extractor.fold(text[c.cue])
        // The speaker with the words before it that describe it ("people with knowledge of" the
        // talks): the whole phrase names the speaker, not the noun the rule found at its end. A name
        // found there stays the head ("praise from Ana Ruiz"), unless a short noun phrase and "of",
        // "in" or "at" put it where the speaker is from ("the mayor of Leeds", "traders in Shanghai":
        // the resolver reads such a name as a place).
        let speakerRange = c.groups["speaker"].map { speakerWithDescription($0, c, seg: seg, text: text, otherCues: otherCues) }
        let found = c.groups["speaker"].map { Extractor.cleanMention(text[$0]) }
        let foundIsName = found.map { $0.split(separator: " ").allSatisfy { $0.first?.isUppercase ?? false } } ?? false
        var description: [String] = []
        if let whole = speakerRange, let speaker = c.groups["speaker"] {
            description = text[whole.lowerBound..<speaker.lowerBound].split(whereSeparator: { $0.isWhitespace }).map { $0.lowercased() }
        }
        let placeAfterNoun = description.count <= Extractor.placeDescriptionWords
            && description.last.map { ["of", "in", "at"].contains($0) } == true
        let head = foundIsName && !placeAfterNoun ? found : speakerRange.map { Extractor.cleanMention(text[$0]) }
        // The speaker as the attribution writes it: the `mention` group when the rule has one ("who"
        // in "Piet Vos, who said …", "Lea Moreau of the pilots' union"; the speaker group still
        // names whom it refers to), with the apposition that directly follows it.
        let writtenRange = c.groups["mention"] ?? speakerRange
        var mention = writtenRange.map { Extractor.cleanMention(text[$0]) }
        // A phrase about where or when the speaker spoke (", in a statement on Thursday", ", after a
        // long pause": a word of the circumstance-openers lexicon first) says nothing about who the
        // speaker is. (Words in -ing stay: "managing director", "ranking member".)
        let roleRange = c.groups["role"].flatMap { r in
            text[r].split(whereSeparator: { $0.isWhitespace }).first
                .map { circumstanceOpeners.contains($0.lowercased().filter { $0.isLetter }) } == true ? nil : r
        }
        if let writtenRange, let appositionRange = roleRange, !isSayingClause(text[appositionRange]),
           let written = Extractor.mentionWithApposition(text, speaker: writtenRange, apposition: appositionRange) {
            mention = written
        }
        var speakerType = settings["speaker_type"] ?? (mention == nil ? "anonymous" : "unknown")
        var name: String? = mention
        if settings["speaker"] == "none" { name = nil; speakerType = "anonymous" }
        var speaker = Speaker(name: name, mention: settings["speaker"] == "none" ? nil : mention, type: speakerType)
        if let role = roleRange { speaker.role = Extractor.cleanRole(text[role]) }
        var statement = Statement(documentIndex: index, document: document.path, sentence: text[sentence.range],
                                  span: ByteSpan(sentence.range), line: sentence.line, speaker: speaker, cue: cue,
                                  content: content, kind: settings["kind"] ?? Extractor.kind(of: rawContent),
                                  stance: settings["stance"] ?? "assert", rule: c.rule.id, cueSpan: ByteSpan(c.cue),
                                  sentenceIndex: c.sentenceIndex)
        statement.speakerSpan = speakerRange.map(ByteSpan.init)
        if mention != head { statement.speakerHead = head }
        statement.contentSpan = contentRange.map(ByteSpan.init)
        statement.recipient = c.groups["recipient"].map { Extractor.cleanMention(text[$0]) }
        if settings["stance"] == nil {
            statement.stance = stance(forCue: cue, document: document, scratch: scratch, warnings: &warnings)
                ?? stance(forContent: content, document: document, scratch: scratch, warnings: &warnings) ?? "assert"
        }
        let sentenceText = text.sentenceSlice(sentence.range)
        statement.channel = c.groups["channel"].map { Extractor.fold(text[$0]) } ?? settings["channel"]
            ?? firstGroup(.channel, group: "channel", in: sentenceText, document: document, scratch: scratch, warnings: &warnings)
        let dateText = c.groups["date"].map { text[$0] }
            ?? firstGroup(.date, group: "date", in: sentenceText, document: document, scratch: scratch, warnings: &warnings)
        let year = document.date.flatMap { Int($0.prefix(4)) }
        statement.date = dateText.flatMap { DateText.isoDate($0, defaultYear: year) }
        if let via = c.groups["via"] { statement.via = Extractor.cleanMention(text[via]) }
        return statement
    }

    /// The most words between the start of a speaker's clause and the speaker that
    /// `speakerWithDescription` joins to the speaker.
    static let descriptionBeforeSpeakerWords = 9

    /// The most words a description may have before a name it places ("The Harbour Maritime Museum in").
    static let placeDescriptionWords = 5

    /// The speaker widened to the start of its clause (the sentence start, or the last comma,
    /// semicolon, colon, bracket, quotation mark or dash before it) when the words between describe
    /// the speaker the rule found: they end with a word of the noun-prepositions lexicon ("people
    /// with knowledge of" + "the talks"), or a relative pronoun stands after their first word and
    /// before a verb ("executives who have worked with" + "Rui Matos", not "a case in which" + "he").
    /// The words must not open with a clause opener, a day of the week or a phrase about where or
    /// how ("In talks with …", "Speaking at …"), hold a word of the clause-verbs lexicon before any
    /// relative pronoun, a verb of saying or another statement's cue, or be more than
    /// `descriptionBeforeSpeakerWords`; the cue must hold a letter (not the colon of a label).
    func speakerWithDescription(_ speaker: Range<Int>, _ c: Candidate, seg: Segmentation, text: UTF8Text,
                                otherCues: [Range<Int>]) -> Range<Int> {
        // A label ("More from the report:") is no clause: only a cue in words has a description before it.
        guard Extractor.containsLetter(text, c.cue) else { return speaker }
        // A pronoun or a possessor ("his claim", "Ruiz's claim") has no description before it:
        // "Critics seized on his claim" is his, not the critics'.
        let written = text[speaker].lowercased()
        guard !pronouns.contains(written), !written.hasSuffix("'s"), !written.hasSuffix("’s") else { return speaker }
        let sentenceStart = Extractor.trim(text, seg.sentences[c.sentenceIndex].range).lowerBound
        var start = speaker.lowerBound
        scan: while start > sentenceStart {
            switch text.bytes[start - 1] {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""):
                break scan
            case UInt8(ascii: "-") where start >= 2 && Segmenter.isSpace(text.bytes[start - 2]):
                break scan
            default:
                if Segmenter.quoteMark(text.bytes, start - 1) != nil || Extractor.longDashEnds(at: start, in: text.bytes)
                    || (start >= 3 && Segmenter.quoteMark(text.bytes, start - 3) != nil) { break scan }
                start -= 1
            }
        }
        while start < speaker.lowerBound, Segmenter.isSpace(text.bytes[start]) { start += 1 }
        guard start < speaker.lowerBound, !otherCues.contains(where: { $0.lowerBound >= start && $0.lowerBound < speaker.lowerBound })
        else { return speaker }
        let words = text[start..<speaker.lowerBound].split(whereSeparator: { $0.isWhitespace }).map { $0.lowercased() }
        guard let first = words.first, let last = words.last, words.count <= Extractor.descriptionBeforeSpeakerWords,
              !openingPhraseOpeners.contains(first.filter { $0.isLetter }), !opensCircumstance(Substring(first)),
              !words.contains(where: { sayingVerbs.contains($0) }) else { return speaker }
        let relative = words.indices.dropFirst().first { relativePronouns.contains(words[$0]) }
        guard !words[..<(relative ?? words.count)].contains(where: { clauseVerbs.contains($0) }) else { return speaker }
        if let relative {
            // The relative pronoun opens a clause about the speaker: a verb follows it, not the speaker.
            guard relative + 1 < words.count, !nounPrepositions.contains(words[relative - 1]) else { return speaker }
        } else {
            guard nounPrepositions.contains(last) else { return speaker }
        }
        return start..<speaker.upperBound
    }

    /// The quotation that ends the sentence before a cue or speaker that opens its own sentence
    /// ("― Ana Ruiz", "Trump said, looking at the crowd."), in the same paragraph.
    static func quotationBefore(_ c: Candidate, seg: Segmentation, text: UTF8Text) -> Range<Int>? {
        let sentence = seg.sentences[c.sentenceIndex]
        let opening = (c.groups["speaker"] ?? c.cue).lowerBound
        let own = trim(text, sentence.range)
        guard c.sentenceIndex > 0, own.lowerBound == min(opening, c.cue.lowerBound),
              own.upperBound > own.lowerBound, text.bytes[own.upperBound - 1] != UInt8(ascii: ":") else { return nil }
        let previous = seg.sentences[c.sentenceIndex - 1]
        let end = trim(text, previous.range).upperBound
        guard previous.paragraph == sentence.paragraph, end > 0, let q = seg.quotation(containing: end - 1),
              q.range.upperBound >= end - 1 else { return nil }
        return q.range
    }

    /// The quotation that closes just before the speaker (only white space, commas and dashes
    /// between) in the speaker's sentence, when the speaker comes before the cue and what follows
    /// the cue is no reported content: nothing, the rest of the sentence after a closing dash, a
    /// phrase opened (after any adverb in -ly) by a word of the circumstance-openers lexicon or by a
    /// word ending in "ing", with no quotation mark in it, or anything after a cue of the
    /// telling-verbs lexicon (whose object is the person told). The
    /// quotation must open the sentence or follow a dash, bracket, colon or semicolon, and hold no
    /// cue of another statement; nil otherwise.
    func quotationBeforeSpeaker(_ c: Candidate, content: Range<Int>?, seg: Segmentation, text: UTF8Text,
                                otherCues: [Range<Int>]) -> Range<Int>? {
        guard let speaker = c.groups["speaker"], speaker.upperBound <= c.cue.lowerBound else { return nil }
        if let content {
            guard content.lowerBound >= c.cue.upperBound, !Extractor.containsQuoteMark(text, content) else { return nil }
        }
        // The byte checks on the quotation come first: most statements have none before the speaker.
        // A short lower-case description may stand between the two (`"…," his neighbour Rui Matos`).
        var lead = speaker.lowerBound
        var end = Extractor.separatorsStart(before: lead, in: text.bytes)
        var words = 0
        while words < Extractor.descriptionWords, end > 0, seg.quotation(containing: end - 1)?.range.upperBound != end {
            // Only white space (a no-break space too) between the words of the description.
            var wordEnd = lead
            while wordEnd > 0 {
                if Segmenter.isSpace(text.bytes[wordEnd - 1]) {
                    wordEnd -= 1
                } else if wordEnd >= 2, text.bytes[wordEnd - 2] == 0xC2, text.bytes[wordEnd - 1] == 0xA0 {
                    wordEnd -= 2
                } else {
                    break
                }
            }
            var wordStart = wordEnd
            while wordStart > 0, Segmenter.isLower(text.bytes[wordStart - 1]) || text.bytes[wordStart - 1] == UInt8(ascii: "'") {
                wordStart -= 1
            }
            guard wordEnd < lead, wordStart < wordEnd else { break }
            lead = wordStart
            end = Extractor.separatorsStart(before: lead, in: text.bytes)
            words += 1
        }
        guard end > 0, end < lead, let q = seg.quotation(containing: end - 1), !q.unclosed,
              q.range.upperBound == end,
              seg.sentenceIndex(containing: end - 1) == c.sentenceIndex,
              !otherCues.contains(where: { $0 != c.cue && q.range.contains($0.lowerBound) }) else { return nil }
        // The quotation stands on its own: it opens the sentence or follows a dash, bracket, colon or
        // semicolon, not a word of the clause (a title in `In his book, "…," Mr. Li suggested …`).
        var start = q.range.lowerBound
        while start > 0, Segmenter.isSpace(text.bytes[start - 1]) || text.bytes[start - 1] == UInt8(ascii: "(") { start -= 1 }
        let sentenceStart = Extractor.trim(text, seg.sentences[c.sentenceIndex].range).lowerBound
        guard start <= sentenceStart || Extractor.longDashEnds(at: start, in: text.bytes)
                || [UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: ";")].contains(text.bytes[start - 1])
        else { return nil }
        if let content {
            // The rule may have taken "in an email" into its cue part (`said in an email message
            // to …`): the content then starts past the opener.
            // Either the content or what follows the cue (less any adverb in -ly) may open with it.
            let afterCue = text[c.cue.upperBound..<content.upperBound].split(whereSeparator: { $0.isWhitespace })
                .drop(while: { $0.count > 4 && $0.hasSuffix("ly") && $0.allSatisfy(\.isLetter) })  // "said pleasantly"
            let words = text[content].split(whereSeparator: { $0.isWhitespace })
            let dash = words.first.map { ["-", "--", "–", "—"].contains(String($0)) } ?? false  // `- "…," she said - and …`
            let opens = [words.first, afterCue.first].compactMap { $0 }.contains { opensCircumstance($0) }
            let told = tellingVerbs.contains(text[c.cue].lowercased())  // `"…," he told the website.`
            guard dash || opens || told else { return nil }
        }
        return q.range
    }

    /// Whether `word` opens a phrase about where, when or how a speaker spoke rather than what was
    /// said: a word of the circumstance-openers lexicon, or a word ending in "ing" ("answering").
    func opensCircumstance(_ word: Substring) -> Bool {
        let letters = word.lowercased().filter { $0.isLetter }
        return circumstanceOpeners.contains(letters) || (letters.hasSuffix("ing") && letters.count > 4)
    }

    /// Whether a rule whose speaker comes before its cue took an opening phrase for the content
    /// ("In a later vote, he warned of …", "Asked about it, she said, “…”"): content before the
    /// speaker, without a quotation, opened by a word of the clause-openers lexicon, a day of the
    /// week or an adverb in -ly.
    func isOpeningPhrase(_ c: Candidate, content: Range<Int>, text: UTF8Text) -> Bool {
        guard let speaker = c.groups["speaker"], speaker.upperBound <= c.cue.lowerBound, content.upperBound <= speaker.lowerBound,
              !Extractor.containsQuoteMark(text, content),
              let first = text[content].split(whereSeparator: { $0.isWhitespace }).first?.lowercased().filter({ $0.isLetter })
        else { return false }
        return openingPhraseOpeners.contains(first) || (first.count > 4 && first.hasSuffix("ly"))
    }

    /// The rest of the sentence after the cue, when the content is an opening phrase
    /// (`isOpeningPhrase`, no second part): when words follow the cue (and the recipient) that are
    /// not about where, when or how the speaker spoke (`opensCircumstance`, less any adverb in -ly),
    /// nor open with a clause opener or a day of the week, nor are only capitalised words (a name).
    /// Nil otherwise.
    func contentAfterOpeningPhrase(_ c: Candidate, seg: Segmentation, text: UTF8Text) -> Range<Int>? {
        let sentenceEnd = Extractor.trim(text, seg.sentences[c.sentenceIndex].range).upperBound
        var start = c.cue.upperBound
        if let recipient = c.groups["recipient"], recipient.lowerBound >= start { start = recipient.upperBound }
        while start < sentenceEnd, Segmenter.isSpace(text.bytes[start]) || text.bytes[start] == UInt8(ascii: ",") { start += 1 }
        guard start < sentenceEnd else { return nil }
        let rest = start..<sentenceEnd
        let words = text[rest].split(whereSeparator: { $0.isWhitespace })
            .drop(while: { $0.count > 4 && $0.hasSuffix("ly") && $0.allSatisfy(\.isLetter) })
        // What follows must be words of the statement: not a phrase about where or when she spoke,
        // not a clause of its own (", and …"), not just a name ("told The Daily Courier").
        guard let head = words.first, head.contains(where: { $0.isLetter }), !opensCircumstance(head),
              !openingPhraseOpeners.contains(head.lowercased().filter { $0.isLetter }),
              words.contains(where: { $0.first?.isLowercase ?? false }) else { return nil }
        return rest
    }

    /// The quotation after the phrase that follows the cue of a quotation before the speaker
    /// (`"A," he said of the plan, "B."`): the first quotation of the sentence after the cue that
    /// opens after a comma, with no other quotation mark and no other statement's cue before it.
    static func quotationAfterTrail(_ c: Candidate, content: Range<Int>, seg: Segmentation, text: UTF8Text,
                                    otherCues: [Range<Int>]) -> Range<Int>? {
        guard let speaker = c.groups["speaker"], content.upperBound <= speaker.lowerBound, speaker.upperBound <= c.cue.lowerBound
        else { return nil }
        let sentenceEnd = trim(text, seg.sentences[c.sentenceIndex].range).upperBound
        var i = c.cue.upperBound
        while i < sentenceEnd {
            if Segmenter.quoteMark(text.bytes, i) != nil {
                var before = i
                while before > c.cue.upperBound, Segmenter.isSpace(text.bytes[before - 1]) { before -= 1 }
                guard before > c.cue.upperBound, text.bytes[before - 1] == UInt8(ascii: ","),
                      let q = seg.quotation(containing: i), q.range.lowerBound == i,
                      !otherCues.contains(where: { $0 != c.cue && $0.lowerBound >= c.cue.upperBound && $0.lowerBound < q.range.upperBound })
                else { return nil }
                return q.range
            }
            i += 1
        }
        return nil
    }

    /// The most lower-case words of a description between a quotation and its speaker ("his
    /// longtime friend").
    static let descriptionWords = 3

    /// The first byte at or after `offset` past white space and markup tags (`<…>` of at most 300
    /// bytes, opened by a letter or `/`).
    static func pastLeadingTags(_ offset: Int, in bytes: [UInt8]) -> Int {
        var i = offset
        while i < bytes.count {
            if Segmenter.isSpace(bytes[i]) { i += 1; continue }
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count,
                  bytes[i + 1] == UInt8(ascii: "/") || (bytes[i + 1] | 0x20 >= UInt8(ascii: "a") && bytes[i + 1] | 0x20 <= UInt8(ascii: "z")),
                  let close = bytes[i..<min(bytes.count, i + 300)].firstIndex(of: UInt8(ascii: ">")) else { break }
            i = close + 1
        }
        return i
    }

    /// Where the white space, commas and dashes that end just before byte `offset` start.
    static func separatorsStart(before offset: Int, in bytes: [UInt8]) -> Int {
        var end = offset
        while end > 0 {
            let b = bytes[end - 1]
            if Segmenter.isSpace(b) || b == UInt8(ascii: ",") || b == UInt8(ascii: "-") {
                end -= 1
            } else if longDashEnds(at: end, in: bytes) {
                end -= 3
            } else {
                break
            }
        }
        return end
    }

    /// Whether an en or em dash (– —) ends just before byte `offset`.
    @inline(__always) static func longDashEnds(at offset: Int, in bytes: [UInt8]) -> Bool {
        offset >= 3 && bytes[offset - 3] == 0xE2 && bytes[offset - 2] == 0x80 && (bytes[offset - 1] == 0x93 || bytes[offset - 1] == 0x94)
    }

    /// The next paragraph, when the statement's sentence ends its own paragraph with a colon after
    /// the cue ("Holm writes:" above a quoted block set without quotation marks); nil otherwise.
    static func paragraphAfterColon(_ c: Candidate, seg: Segmentation, text: UTF8Text) -> Range<Int>? {
        let sentence = seg.sentences[c.sentenceIndex]
        let own = trim(text, sentence.range)
        guard own.upperBound > c.cue.upperBound, text.bytes[own.upperBound - 1] == UInt8(ascii: ":"),
              c.sentenceIndex + 1 < seg.sentences.count else { return nil }
        let next = seg.sentences[c.sentenceIndex + 1]
        guard next.paragraph == sentence.paragraph + 1 else { return nil }
        let block = trim(text, seg.paragraphs[next.paragraph].range)
        return block.isEmpty ? nil : block
    }

    /// The content range without a dateline the `dateline` rules find at its start.
    func withoutDateline(_ range: Range<Int>, text: UTF8Text, document: Document, scratch: MatchScratch,
                         warnings: inout [AnalysisWarning]) -> Range<Int> {
        let rules = self.rules.rules(.dateline)
        guard !rules.isEmpty else { return range }
        let subject = text.slice(range)
        for rule in rules {
            do {
                if let m = try first(rule, in: subject, scratch: scratch), m.range.lowerBound == 0, m.range.upperBound < subject.bytes.count {
                    return (range.lowerBound + m.range.upperBound)..<range.upperBound
                }
            } catch {
                warnings.append(limitWarning(rule, document, range.lowerBound, error))
            }
        }
        return range
    }

    /// The rules of `phase`, highest priority first.
    func byPriority(_ phase: RulePhase) -> [Rule] {
        rulesByPriority[phase] ?? rules.rules(phase).sorted(by: { $0.priority > $1.priority })
    }

    /// The stance the stance rules give a cue, highest priority first.
    func stance(forCue cue: String, document: Document, scratch: MatchScratch, warnings: inout [AnalysisWarning]) -> String? {
        firstStance(.stance, in: cue, document: document, scratch: scratch, warnings: &warnings)
    }

    /// The stance the content-stance rules give what was said, when the cue gave none.
    func stance(forContent content: String, document: Document, scratch: MatchScratch, warnings: inout [AnalysisWarning]) -> String? {
        firstStance(.contentStance, in: content, document: document, scratch: scratch, warnings: &warnings)
    }

    /// The `stance` setting of the highest-priority rule of `phase` that matches `text`.
    func firstStance(_ phase: RulePhase, in text: String, document: Document, scratch: MatchScratch,
                     warnings: inout [AnalysisWarning]) -> String? {
        decidingStanceRule(phase, in: text, scratch: scratch) { rule, error in
            warnings.append(limitWarning(rule, document, 0, error))
        }?.rule.settings["stance"]
    }

    /// The rule of `phase` (`stance` on a cue, `content-stance` on what was said) that decides the
    /// stance of `text`: the highest-priority one that matches and sets a stance, with its match.
    /// A content-stance rule runs only where its `filter:` matches; a rule that hits the match
    /// limit is handed to `limitHit` and passed over.
    public func decidingStanceRule(_ phase: RulePhase, in text: String, scratch: MatchScratch,
                                   limitHit: (Rule, Error) -> Void) -> (rule: Rule, match: PatternMatch)? {
        let subject = UTF8Text(text)
        for rule in byPriority(phase) {
            // A content-stance rule's `filter:` is a cheap test of the words it needs.
            if phase == .contentStance, let filter = rule.cueFilter, ((try? filter.firstMatch(in: subject, scratch: scratch)) ?? nil) == nil {
                continue
            }
            do {
                if let m = try first(rule, in: subject, scratch: scratch), rule.settings["stance"] != nil { return (rule, m) }
            } catch {
                limitHit(rule, error)
            }
        }
        return nil
    }

    /// The first value of `group` any rule of `phase` finds in the sentence (priority order); the
    /// rule's `set` value for that field wins over the captured text.
    func firstGroup(_ phase: RulePhase, group: String, in subject: UTF8Text, document: Document, scratch: MatchScratch,
                    warnings: inout [AnalysisWarning]) -> String? {
        for rule in byPriority(phase) {
            do {
                guard let m = try first(rule, in: subject, scratch: scratch) else { continue }
                if let fixed = rule.settings[group] { return fixed }
                if let r = m.range(named: group) { return Extractor.fold(subject[r]) }
            } catch {
                warnings.append(limitWarning(rule, document, 0, error))
            }
        }
        return nil
    }

    // MARK: - Content spans

    /// `range` widened to the quotations it starts or ends in, unless such a quotation holds the cue
    /// (then only to the end of that quotation's part in the paragraph, when the cue comes first).
    static func widenToQuotations(_ range: Range<Int>, cue: Range<Int>, seg: Segmentation) -> Range<Int> {
        var r = range
        if let q = seg.quotation(containing: r.lowerBound), q.range.upperBound > r.upperBound, !q.range.contains(cue.lowerBound) {
            r = r.lowerBound..<q.range.upperBound
        }
        if r.upperBound > 0, let q = seg.quotation(containing: r.upperBound - 1), !q.range.contains(cue.lowerBound) {
            // A quotation the content ends in: from its opening (when before) to its closing mark.
            r = min(r.lowerBound, q.range.lowerBound)..<max(r.upperBound, q.range.upperBound)
        } else if let q = seg.quotation(containing: r.lowerBound), q.range.contains(cue.lowerBound), cue.upperBound <= r.lowerBound,
                  let s = seg.sentenceIndex(containing: r.lowerBound) {
            // A label inside the quotation it opens ("WALLACE: …" in a quoted transcript): the rest
            // of the quotation in this paragraph.
            let end = min(q.range.upperBound, seg.paragraphs[seg.sentences[s].paragraph].range.upperBound)
            r = r.lowerBound..<max(r.upperBound, end)
        }
        return r
    }

    /// The end of a transcript turn ("RUIZ: We agree. The rest waits."): when the speaker or cue
    /// opens its paragraph and only a colon stands between it and the content, the content runs
    /// to the end of the paragraph; nil otherwise.
    static func turnEnd(_ c: Candidate, content: Range<Int>, seg: Segmentation, text: UTF8Text) -> Int? {
        let label = c.groups["speaker"].map { min($0.lowerBound, c.cue.lowerBound)..<max($0.upperBound, c.cue.upperBound) } ?? c.cue
        guard label.upperBound <= content.lowerBound, let s = seg.sentenceIndex(containing: label.lowerBound) else { return nil }
        let paragraph = seg.paragraphs[seg.sentences[s].paragraph].range
        let gap = text.bytes[label.upperBound..<content.lowerBound]
        guard gap.contains(58), gap.allSatisfy({ $0 == 58 || Segmenter.isSpace($0) || $0 == 42 }) else { return nil }
        var start = paragraph.lowerBound
        while start < label.lowerBound, let mark = Segmenter.quoteMark(text.bytes, start) { start += mark.length }
        while start < label.lowerBound, text.bytes[start] == 42 || Segmenter.isSpace(text.bytes[start]) { start += 1 }
        guard start == label.lowerBound, paragraph.upperBound > content.upperBound else { return nil }
        return paragraph.upperBound
    }

    /// Quotations that carry a quoted statement on after its attribution, as in `"A," she said.
    /// "B. C."`: the next sentences of the same paragraph that open with a quotation which ends its
    /// sentence (a quotation followed by an attribution of its own, or holding one of `otherCues`
    /// such as the next turn of a quoted transcript, is another statement). The statement's own
    /// sentence must hold no other quotation after its content and cue.
    static func quotedContinuation(of content: Range<Int>, cue: Range<Int>, sentenceIndex: Int, seg: Segmentation,
                                   text: UTF8Text, otherCues: [Range<Int>]) -> [Range<Int>] {
        guard !content.isEmpty else { return [] }
        var contentEnd = content.upperBound
        if let last = seg.quotation(containing: content.upperBound - 1) {
            if last.unclosed { return [] }
            contentEnd = max(contentEnd, last.range.upperBound)
        }
        guard let lastSentence = seg.sentenceIndex(containing: contentEnd - 1) else { return [] }
        var current = max(sentenceIndex, lastSentence)
        let tailStart = max(cue.upperBound, contentEnd)
        // After `"A," she said on “Meet the Press.”` a quoted title does not stop the quote going on;
        // after content that follows its cue, any quotation mark does.
        let tail = tailStart..<max(tailStart, seg.sentences[current].range.upperBound)
        guard tailStart <= seg.sentences[current].range.upperBound,
              content.upperBound <= cue.lowerBound ? !holdsQuotedSpeech(text, tail, seg: seg) : !containsQuoteMark(text, tail) else { return [] }
        var paragraph = seg.sentences[current].paragraph
        var pieces: [Range<Int>] = []
        while current + 1 < seg.sentences.count {
            let following = seg.sentences[current + 1]
            let start = following.range.lowerBound
            guard following.paragraph == paragraph || following.paragraph == paragraph + 1,
                  let next = seg.quotation(containing: start), next.range.lowerBound == start,
                  !otherCues.contains(where: { next.range.contains($0.lowerBound) }),
                  let end = seg.sentenceIndex(containing: next.range.upperBound - 1),
                  !hasOwnAttribution(next, sentenceEnd: seg.sentences[end].range.upperBound, text: text) else { break }
            if following.paragraph != paragraph {
                // A new paragraph carries the quote on only when it is nothing but the quotation.
                let whole = seg.paragraphs[following.paragraph].range
                guard !containsLetter(text, next.range.upperBound..<max(next.range.upperBound, whole.upperBound)) else { break }
                paragraph = following.paragraph
            }
            // A quotation left open runs to the end of its paragraph, and the quote ends with it
            // (without its opening mark, which nothing closes).
            if next.unclosed {
                let opening = Segmenter.quoteMark(text.bytes, start)?.length ?? 0
                pieces.append(min(start + opening, next.range.upperBound)..<next.range.upperBound)
                break
            }
            pieces.append(next.range)
            current = end
        }
        return pieces
    }

    /// Whether a quotation is followed by words of its own sentence that attribute it: `"B," he
    /// added.`, `"B?" she asked.`, `"B" — he said.` (and not `"B" for the top bracket.`).
    static func hasOwnAttribution(_ quote: Quotation, sentenceEnd: Int, text: UTF8Text) -> Bool {
        let rest = quote.range.upperBound..<max(quote.range.upperBound, sentenceEnd)
        guard containsLetter(text, rest) else { return false }
        var closing = Substring(text[Extractor.trim(text, quote.range)])
        while let last = closing.last, Extractor.isCloseQuote(last) || last == "'" { closing.removeLast() }
        if let last = closing.last, ",?!—–-:;".contains(last) { return true }
        return text[rest].first { !$0.isWhitespace }.map { ",—–-(".contains($0) } ?? false
    }

    /// The most words a quoted name or title may have (`on “Meet the Press.”`).
    static let quotedTitleWords = 6

    /// Whether `range` holds a quotation mark that may open or close quoted speech: any mark except
    /// those of a short quoted name or title (`he said on “Meet the Press.”`, `the show ''Shark
    /// Tank''`): a closed quotation inside `range` of at most `quotedTitleWords` words and no
    /// comma, semicolon, question or exclamation mark.
    static func holdsQuotedSpeech(_ text: UTF8Text, _ range: Range<Int>, seg: Segmentation) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            guard Segmenter.quoteMark(text.bytes, i) != nil else { i += 1; continue }
            guard let q = seg.quotation(containing: i), !q.unclosed, q.range.lowerBound == i,
                  q.range.upperBound <= range.upperBound else { return true }
            let inside = text.bytes[q.range]
            let words = inside.split(whereSeparator: { Segmenter.isSpace($0) }).count
            if words > quotedTitleWords || inside.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";")
                || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "!") }) { return true }
            i = q.range.upperBound
        }
        return false
    }

    static func containsQuoteMark(_ text: UTF8Text, _ range: Range<Int>) -> Bool {
        range.contains { Segmenter.quoteMark(text.bytes, $0) != nil }
    }

    static func containsLetterOrDigit(_ text: UTF8Text, _ range: Range<Int>) -> Bool {
        text[range].contains { $0.isLetter || $0.isNumber }
    }

    static func containsLetter(_ text: UTF8Text, _ range: Range<Int>) -> Bool {
        text[range].contains { $0.isLetter }
    }

    // MARK: - Text clean-up (markup and punctuation only; no phrasing)

    static func trim(_ text: UTF8Text, _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, Segmenter.isSpace(text.bytes[lo]) { lo += 1 }
        while hi > lo, Segmenter.isSpace(text.bytes[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// Collapses white space.
    public static func fold(_ s: String) -> String {
        folded(s, markup: false)
    }

    /// `s` with white space collapsed; with `markup`, emphasis marks (`*`) dropped and underscores
    /// read as spaces first. Returns `s` itself when there is nothing to change.
    static func folded(_ s: String, markup: Bool) -> String {
        guard let bytes = s.withUTF8Bytes({ foldedBytes($0, markup: markup) }) else { return s }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The folded bytes, or nil when `bytes` are folded already.
    static func foldedBytes(_ bytes: UnsafeBufferPointer<UInt8>, markup: Bool) -> [UInt8]? {
        var previousSpace = true
        var clean = true
        for byte in bytes {
            if byte == 32 {
                if previousSpace { clean = false; break }
                previousSpace = true
            } else if byte == 10 || byte == 9 || byte == 13 || markup && (byte == 42 || byte == 95) {
                clean = false
                break
            } else {
                previousSpace = false
            }
        }
        if clean && !(previousSpace && !bytes.isEmpty) { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if markup && byte == 42 { continue }
            if byte == 32 || byte == 10 || byte == 9 || byte == 13 || markup && byte == 95 {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(32); pendingSpace = false }
            out.append(byte)
        }
        return out
    }

    /// An opening quotation mark: " “ ‘ « „.
    @inline(__always) static func isOpenQuote(_ c: Character) -> Bool {
        switch c {
        case "\"", "“", "‘", "«", "„": return true
        default: return false
        }
    }

    /// A closing quotation mark: " ” ’ ».
    @inline(__always) static func isCloseQuote(_ c: Character) -> Bool {
        switch c {
        case "\"", "”", "’", "»": return true
        default: return false
        }
    }

    /// Whether `s` holds an opening quotation mark other than ‘, found on the bytes; characters
    /// are looked at only when a mark stands next to non-ASCII bytes.
    static func holdsOpeningDoubleQuote(_ s: String) -> Bool {
        var undecided = false
        for mark in ["\"", "“", "«", "„"] {
            switch s.byteOccurrence(of: mark) {
            case true?: return true
            case nil: undecided = true
            case false?: break
            }
        }
        return undecided && s.contains(where: { isOpenQuote($0) && $0 != "‘" })
    }

    /// Content without surrounding white space, a leading "that", trailing commas and full stops,
    /// and without enclosing quotation marks when the whole content is one quotation.
    static func cleanContent(_ raw: String) -> String {
        // Two apostrophes stand for quotation marks in some archives (''We are ready,'' she said).
        var s = fold(raw).replacingText("''", with: "\"")
        trimTrailing(&s) { c in
            switch c {
            case ",", ";", ":", "—", "–", "-", " ": return true
            default: return false
            }
        }
        if s.hasSuffix("."), let before = s.dropLast().last, before.isLowercase || before.isNumber || before == ")" { s.removeLast() }
        if s.hasPrefix("that ") { s.removeFirst(5) }
        if let f = s.first, isOpenQuote(f), let l = s.last, isCloseQuote(l) || l == "." {
            var inner = s
            inner.removeFirst()
            if let l2 = inner.last, isCloseQuote(l2) { inner.removeLast() }
            if !holdsOpeningDoubleQuote(inner) && !inner.containsText("”") {
                s = inner
                trimTrailing(&s) { $0 == "," || $0 == ";" || $0 == ":" }
            }
        }
        return s
    }

    /// Removes the last character of `s` while `drop` holds for it.
    @inline(__always) static func trimTrailing(_ s: inout String, while drop: (Character) -> Bool) {
        while let last = s.last, drop(last) { s.removeLast() }
    }

    /// The speaker as written, without emphasis marks, brackets or trailing punctuation.
    static func cleanMention(_ raw: String) -> String {
        var s = folded(raw, markup: true)
        while let f = s.first, mentionOpener(f) { s.removeFirst() }
        // A closing parenthesis stays when it closes one of the mention's own ("Sen. Ana Ruiz (D-Ore.)").
        var open = s.reduce(0) { $0 + ($1 == "(" ? 1 : $1 == ")" ? -1 : 0) }
        trimTrailing(&s) { c in
            switch c {
            case ")" where open < 0: open += 1; return true
            case ")": return false
            case "]", ",", "”", "\"", "’", " ", ":", ";": return true
            default: return false
            }
        }
        return s
    }

    /// Brackets, commas, quotation marks and spaces that cannot open a speaker mention.
    @inline(__always) static func mentionOpener(_ c: Character) -> Bool {
        switch c {
        case "[", "(", ",", "“", "\"", "‘", " ": return true
        default: return false
        }
    }

    /// The words of a relative clause that may hold its verb of saying: "who said", "who has told",
    /// "who was asked", "who declined to say".
    static let sayingClauseVerbWords = 3

    /// Whether an apposition is a relative clause about the speaker's own words ("who said he …",
    /// "who has told aides …"): a statement of its own, which the mention leaves out.
    func isSayingClause(_ apposition: String) -> Bool {
        let words = apposition.split { !$0.isLetter }.map { $0.lowercased() }
        guard let first = words.first, relativePronouns.contains(first) else { return false }
        return words.dropFirst().prefix(Extractor.sayingClauseVerbWords).contains { sayingVerbs.contains($0) }
    }

    /// The speaker as written together with the apposition that directly follows it ("Song Wendi,
    /// a researcher at the Atlantic Council"), when only commas and white space separate the two;
    /// nil when the apposition is elsewhere (before the speaker, or after other words).
    static func mentionWithApposition(_ text: UTF8Text, speaker: Range<Int>, apposition: Range<Int>) -> String? {
        guard apposition.lowerBound >= speaker.upperBound, apposition.upperBound > apposition.lowerBound else { return nil }
        var sawComma = false
        for byte in text.bytes[speaker.upperBound..<apposition.lowerBound] {
            if byte == UInt8(ascii: ",") { sawComma = true } else if !Segmenter.isSpace(byte) { return nil }
        }
        guard sawComma else { return nil }
        return cleanMention(text[speaker.lowerBound..<apposition.upperBound])
    }

    static func cleanRole(_ raw: String) -> String {
        var s = cleanMention(raw)
        for article in ["a ", "an ", "the "] where s.lowercased().hasPrefix(article) { s.removeFirst(article.count) }
        return s
    }

    /// direct when the content is one quotation, mixed when it holds a quotation, else indirect.
    static func kind(of rawContent: String) -> String {
        var s = Substring(rawContent.replacingText("''", with: "\""))
        while let l = s.last, trailingKindMark(l) { s = s.dropLast() }
        // “ " ” « » counted on the bytes: each encoding belongs to that one scalar.
        var marks = 0
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in s.utf8 {
            if byte == 0x22 || (previous == 0xC2 && (byte == 0xAB || byte == 0xBB))
                || (beforePrevious == 0xE2 && previous == 0x80 && (byte == 0x9C || byte == 0x9D)) { marks += 1 }
            beforePrevious = previous
            previous = byte
        }
        if marks == 0 { return "indirect" }
        if let f = s.first, isOpenQuote(f), f != "‘", let l = s.last, isCloseQuote(l), l != "’", marks == 2 { return "direct" }
        return "mixed"
    }

    /// Punctuation and spaces that `kind(of:)` looks past at the end of the content.
    @inline(__always) static func trailingKindMark(_ c: Character) -> Bool {
        switch c {
        case ",", ".", ";", ":", "!", "?", " ": return true
        default: return false
        }
    }
}
