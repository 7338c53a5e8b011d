import Foundation
import PCRE2Kit

/// What the linker knows about one statement: its key terms, quoted phrases, signals and source.
struct StatementFeatures {
    /// Normalised content words of what was said (synonyms folded, light stemming).
    var terms: Set<String>
    /// Terms from lower-case words only (predicates and common nouns, not names).
    var predicates: Set<String>
    /// Terms of the sentence and the document title, to tell whether two statements are on the same story.
    var context: Set<String>
    /// Quoted phrases of two words or more, folded.
    var phrases: [String]
    /// The folded sentence, for phrase look-ups.
    var folded: String
    var signals: StatementSignals
    /// Lower-case terms of the clause around each quantity (same order as `signals.quantities`).
    var quantityTerms: [Set<String>]
    /// Month names in the clause around each quantity ("$21 million in January").
    var quantityMonths: [Set<String>]
    /// Quantity families of which the statement gives several different values.
    var listedFamilies: Set<String>
    /// Day number of the statement's date (or its document's), for the time window.
    var day: Int?
    /// Hedged or anonymous sourcing.
    var hedged: Bool
    /// What is said starts with the speaker speaking of itself ("we", "it", "our").
    var selfReference = false
    /// Office titles before names and the transcript turn, read on the statement's sentence.
    var sentence = SentenceSignals()
    /// Terms of lower-case words that a negation governs ("has never *asked* for talks").
    var negated: Set<String> = []
    /// Whether what was said holds no term of its own (the sentence stands in for it in `terms`).
    var saysNothing = false
}

/// A claim while it is being built: member statements and their roles.
struct ClaimDraft {
    var seed: Int
    var members: [(statement: Int, role: String)]
    /// Statements whose terms describe the proposition (asserters and confirmers), the first
    /// `ClaimLinker.maxCore` of them: enough to describe it, and a bound on the work per comparison.
    var core: [Int]
    /// One asserting or confirming statement per distinct speaker, to tell whether a source is already in.
    var sources: [Int] = []
    /// Document and sentence of every asserting or confirming statement.
    var sentences: Set<[Int]> = []
    /// Notes for the assessment: relayed copies (statement, original statement).
    var relays: [(statement: Int, original: Int)] = []
    /// Conflicts: (statement, role `conflicting-figure|-date|-title`, its value as written, the claim's).
    var conflicts: [(statement: Int, role: String, theirs: String, ours: String)] = []

    /// Adds a statement that conflicts with the claim, once. With `retag`, a statement already in
    /// the claim as an assertion (not its seed) becomes the conflicting one (a conflicting title
    /// between two statements that otherwise say the same).
    mutating func addConflict(_ statement: Int, role: String, theirs: String, ours: String, retag: Bool = false) {
        if let k = members.firstIndex(where: { $0.statement == statement }) {
            guard retag, statement != seed, members[k].role == "asserts" else { return }
            members[k].role = role
        } else {
            members.append((statement, role))
        }
        conflicts.append((statement, role, theirs, ours))
    }

    func has(_ statement: Int) -> Bool { members.contains { $0.statement == statement } }
}

/// Groups statements into claims, links answers to the claims they answer (within a document and
/// across the corpus) and assesses each claim.
///
/// Statements are blocked by key term through an inverted index, so each statement is compared
/// only with claims that share a rare-enough term with it; the words that signal answers, denials,
/// confirmations, hedging and quantities come from the `signal` rules and lexicons.
public struct ClaimLinker: Sendable {
    public let rules: RuleSet
    /// Statements whose dates are further apart than this many days never join.
    public var windowDays = 60
    /// Similarity (weighted Dice of key terms) above which two statements state the same proposition.
    public var joinThreshold = 0.3
    /// Similarity above which another named source asserting the same proposition confirms it.
    public var confirmThreshold = 0.2
    /// Distinctive terms (held by at most `blockingShare` of the statements) another source must share to confirm a claim.
    public var confirmTerms = 3
    /// Of those, how many must be lower-case words (what is said about the names, not only the names).
    public var confirmPredicateTerms = 2
    /// Similarity above which an answer (denial, non-confirmation, confirmation) is linked by its terms.
    public var answerThreshold = 0.16
    /// Context similarity above which two figures for the same quantity are about the same story.
    public var storyThreshold = 0.12
    /// Terms held by more statements than this share are not used for blocking.
    public var blockingShare = 0.2
    /// Terms held by more statements than this are not used for blocking, however large the corpus:
    /// a posting list never grows with the corpus, so linking stays near-linear.
    public var maxPostings = 150
    /// At most this many claims (those sharing the most term weight) are examined for one statement.
    public var maxCandidates = 16
    /// A statement of at least this many characters (speaker and content, folded) repeated word for word
    /// by another document from the same speaker is a relayed copy, not a second source.
    public var minRelayedSentence = 60
    /// Figures of one kind further apart than this factor are about different things, not in conflict.
    public var maxFigureRatio = 20.0
    /// A statement continues one of its own source's at most this many sentences before it.
    public var continueSentences = 2
    /// A non-confirmation that names no claim qualifies another source's claim at most this many sentences before it.
    public var precedingSentences = 4
    /// At most this many statements of a claim are compared with a new statement.
    public var maxCore = 12
    /// Titles of one person given as "former" and as current at dates at most this many days apart conflict.
    public var titleWindowDays = 1
    /// A person with more (former × current) title pairs than this is skipped (a bound on the work).
    public var maxTitlePairs = 2_000

    let stopwords: Set<String>
    let synonyms: [String: String]
    let genericSpeakerWords: Set<String>
    /// Month names and abbreviations, folded (`claim-months`).
    let months: Set<String>
    /// Words with which a speaker speaks of itself at the start of what it says (`claim-self-words`).
    let selfWords: Set<String>
    /// Folded word or phrase in a speaker's name, mention or role -> the side it speaks for (`claim-sides`).
    let sideWords: [String: String]
    /// Words that negate the next `negationReach` words (`claim-negations`).
    let negations: Set<String>
    /// How many words after a negation it governs.
    let negationReach = 3
    let reader: SignalReader

    /// A linker reading its words from the rule set's lexicons and signal rules.
    public init(rules: RuleSet) {
        self.rules = rules
        stopwords = Set(rules.lexicon("claim-stopwords").flatMap { ClaimLinker.words($0) })
        var syn: [String: String] = [:]
        for entry in rules.lexicon("claim-synonyms") {
            let parts = entry.components(separatedBy: "=")
            guard parts.count == 2 else { continue }
            let canonical = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
            for variant in parts[1].components(separatedBy: "|") {
                let v = variant.trimmingCharacters(in: .whitespaces).lowercased()
                if !v.isEmpty { syn[v] = canonical }
            }
        }
        synonyms = syn
        genericSpeakerWords = Set(rules.lexicon("speaker-generic-words").flatMap { ClaimLinker.words($0) })
        var sides: [String: String] = [:]
        for entry in rules.lexicon("claim-sides") {
            let parts = entry.components(separatedBy: "=")
            guard parts.count == 2 else { continue }
            let side = parts[0].trimmingCharacters(in: .whitespaces)
            for variant in parts[1].components(separatedBy: "|") {
                let folded = ClaimLinker.fold(variant)
                if !folded.isEmpty { sides[folded] = side }
            }
        }
        sideWords = sides
        selfWords = Set(rules.lexicon("claim-self-words").flatMap { ClaimLinker.words($0) })
        months = Set(rules.lexicon("claim-months").flatMap { ClaimLinker.words($0) })
        negations = Set(rules.lexicon("claim-negations").map { $0.lowercased().replacingOccurrences(of: "’", with: "'") })
        reader = SignalReader(rules: rules)
    }

    // MARK: - Terms

    /// Words of a text, lower-cased, split at white space, hyphens and punctuation.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "'" || ch == "’" || ch == "." {
                current.append(ch == "’" ? "'" : ch)
            } else if !current.isEmpty {
                out.append(current); current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out.map { w in
            var w = Substring(w)
            while let last = w.last, last == "." || last == "'" { w = w.dropLast() }
            while let first = w.first, first == "." || first == "'" { w = w.dropFirst() }
            if w.hasSuffix("'s") { w = w.dropLast(2) }
            return String(w)
        }.filter { !$0.isEmpty }
    }

    /// The normalised term of a word: synonyms folded, then a light stem; nil for stop words and numbers.
    func term(_ word: String) -> String? {
        guard !stopwords.contains(word), word.contains(where: { $0.isLetter }), word.count > 1 else { return nil }
        var w = synonyms[word] ?? word
        if w.count > 4, w.hasSuffix("ies") || w.hasSuffix("ied") { w = String(w.dropLast(3)) + "y" }
        else if w.count > 5, w.hasSuffix("ing") { w = String(w.dropLast(3)) }
        else if w.count > 4, w.hasSuffix("ed") { w = String(w.dropLast(2)) }
        else if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss") { w = String(w.dropLast()) }
        return w.count > 6 ? String(w.prefix(6)) : w
    }

    func terms(_ text: String) -> Set<String> { Set(ClaimLinker.words(text).compactMap(term)) }

    /// Terms of the words written in lower case (not names).
    func predicateTerms(_ text: String) -> Set<String> {
        var out = Set<String>()
        for token in text.split(whereSeparator: { $0.isWhitespace }) {
            guard let first = token.first(where: { $0.isLetter }), first.isLowercase else { continue }
            for w in ClaimLinker.words(String(token)) { if let t = term(w) { out.insert(t) } }
        }
        return out
    }

    /// The term each negation governs: the first word after it, within `negationReach` words and
    /// before a comma or a full stop, that is a term (not a stop word), when written in lower case
    /// ("has never *begged*", "had not been *approved*", "nobody *enjoys* handing it over").
    func negatedTerms(_ text: String) -> Set<String> {
        var out = Set<String>()
        var reach = 0
        for token in text.split(whereSeparator: { $0.isWhitespace }) {
            for w in ClaimLinker.words(String(token)) {
                if negations.contains(w) { reach = negationReach; continue }
                guard reach > 0 else { continue }
                reach -= 1
                guard let t = term(w) else { continue }
                if token.first(where: { $0.isLetter })?.isLowercase == true { out.insert(t) }
                reach = 0
            }
            if let last = token.last(where: { !"\"”’')".contains($0) }), ",;:.!?".contains(last) { reach = 0 }
        }
        return out
    }

    /// Quoted phrases of at least two words.
    static func phrases(_ text: String) -> [String] {
        var out: [String] = []
        var current: String? = nil
        for ch in text {
            if ch == "“" || (ch == "\"" && current == nil) {
                current = ""
            } else if ch == "”" || ch == "\"" {
                if let c = current {
                    let f = fold(c)
                    if f.split(separator: " ").count >= 2 { out.append(f) }
                }
                current = nil
            } else if current != nil {
                current?.append(ch)
            }
        }
        return out
    }

    static func fold(_ text: String) -> String { words(text).joined(separator: " ") }

    /// A comparable day number for an ISO date.
    static func day(_ iso: String?) -> Int? {
        guard let iso else { return nil }
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return parts[0] * 372 + parts[1] * 31 + parts[2]
    }

    func featurize(_ s: Statement, _ documents: [Document], scratch: MatchScratch) -> StatementFeatures {
        let doc = s.documentIndex < documents.count ? documents[s.documentIndex] : nil
        var body = s.content
        var contentTerms = terms(body)
        let saysNothing = contentTerms.isEmpty
        if contentTerms.count < 3 {
            body = s.sentence
            contentTerms = terms(body)
        }
        let signals = reader.read(body, scratch: scratch)
        let bytes = Array(body.utf8)
        var quantityMonths: [Set<String>] = []
        let quantityTerms = signals.quantities.map { q -> Set<String> in
            let stops: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")")]
            var lo = q.range.lowerBound, hi = q.range.upperBound
            while lo > 0, !stops.contains(bytes[lo - 1]) { lo -= 1 }
            while hi < bytes.count, !stops.contains(bytes[hi]) { hi += 1 }
            // The words next to the figure say what it measures ("valid for six months", "reach buyers
            // within two weeks"): a few before it and after it, not the whole clause, so that two
            // durations in one long clause about licences are not taken for the same quantity. A dash
            // ends a clause too ("WASHINGTON, April 8 — The United States will …").
            let clauseBefore = String(decoding: bytes[lo..<q.range.lowerBound], as: UTF8.self).components(separatedBy: "—").last ?? ""
            let clauseAfter = String(decoding: bytes[q.range.upperBound..<hi], as: UTF8.self).components(separatedBy: "—").first ?? ""
            let window = (clauseBefore.split(separator: " ").suffix(6) + clauseAfter.split(separator: " ").prefix(3)).joined(separator: " ")
            quantityMonths.append(Set(ClaimLinker.words(clauseBefore + " " + clauseAfter).filter { months.contains($0) }))
            // What is measured is named by common words ("fee", "fined", "valid"), not by the names
            // around it: those next to the figure, else those of its clause.
            let near = predicateTerms(window)
            return near.isEmpty ? predicateTerms(clauseBefore + " " + clauseAfter) : near
        }
        // A statement giving several values of one kind ("37 percent, 36 percent and 13 percent")
        // lists figures of several things: which one another source's figure is about is unknown.
        var valuesByFamily: [String: Set<Double>] = [:]
        // (Dates are not listed figures: a dateline and an event date often stand in one statement.)
        for q in signals.quantities where q.family != Quantity.dateFamily { valuesByFamily[q.family, default: []].insert(q.value) }
        let hedged = s.stance == "hedged" || s.speaker.name == nil || s.speaker.type == "anonymous" || signals.hedge
        return StatementFeatures(terms: contentTerms, predicates: predicateTerms(body), context: terms(s.sentence + " " + (doc?.title ?? "")),
                                 phrases: ClaimLinker.phrases(s.content), folded: ClaimLinker.fold(s.sentence),
                                 signals: signals, quantityTerms: quantityTerms, quantityMonths: quantityMonths,
                                 listedFamilies: Set(valuesByFamily.filter { $0.value.count > 1 }.keys),
                                 day: ClaimLinker.day(s.date ?? doc?.date), hedged: hedged,
                                 selfReference: ClaimLinker.words(s.content).first.map { selfWords.contains($0) } ?? false,
                                 sentence: reader.sentenceSignals(s.sentence, scratch: scratch),
                                 negated: negatedTerms(body), saysNothing: saysNothing)
    }

    // MARK: - Sources

    func identifying(_ text: String) -> Set<String> {
        Set(ClaimLinker.words(text).filter { !genericSpeakerWords.contains($0) && !stopwords.contains($0) })
    }

    // MARK: - Documents relayed verbatim

    /// For each document that repeats an earlier one (wire copy relayed by another outlet), the earlier one.
    static func copies(_ documents: [Document]) -> [Int: Int] {
        var firstDoc: [String: Int] = [:]
        var result: [Int: Int] = [:]
        for (d, doc) in documents.enumerated() where doc.status == .ok {
            let paragraphs = doc.text.components(separatedBy: "\n").map(fold).filter { $0.count >= 40 }
            guard !paragraphs.isEmpty else { continue }
            var counts: [Int: Int] = [:]
            for p in paragraphs { if let e = firstDoc[p] { counts[e, default: 0] += 1 } }
            // Ties go to the earlier document, whatever order the dictionary yields.
            if let (best, n) = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
               Double(n) >= 0.8 * Double(paragraphs.count) {
                result[d] = result[best] ?? best
            }
            for p in paragraphs where firstDoc[p] == nil { firstDoc[p] = d }
        }
        return result
    }

    // MARK: - Linking

    /// Builds and assesses the claims of a corpus.
    public func link(statements: [Statement], documents: [Document]) -> [Claim] {
        let scratch = MatchScratch()
        let features = statements.map { featurize($0, documents, scratch: scratch) }
        let drafts = group(statements: statements, documents: documents, features: features)
        let assessor = ClaimAssessor(statements: statements, documents: documents, features: features,
                                     identifying: { identifying($0).count })
        return drafts.enumerated().map { assessor.assess($1, id: "c\($0 + 1)") }
    }

    func group(statements: [Statement], documents: [Document], features: [StatementFeatures]) -> [ClaimDraft] {
        let n = statements.count
        var df: [String: Int] = [:]
        for f in features { for t in f.terms { df[t, default: 0] += 1 } }
        // Smoothed so that in a small corpus a term shared by two statements still weighs.
        // Rounded to a multiple of 2^-20 so that sums of weights are exact in any order: sets and
        // dictionaries iterate in a different order in every process, and the result must not change.
        func idf(_ t: String) -> Double {
            (log((Double(n) + 10) / (Double(df[t] ?? 0) + 0.5)) * 1_048_576).rounded() / 1_048_576
        }
        func weight(_ s: Set<String>) -> Double { s.reduce(0) { $0 + idf($1) } }
        let weights = features.map { weight($0.terms) }
        func similarity(_ i: Int, _ j: Int) -> Double {
            let shared = features[i].terms.intersection(features[j].terms)
            let total = weights[i] + weights[j]
            var sim = total > 0 ? 2 * weight(shared) / total : 0
            if features[i].phrases.contains(where: { features[j].folded.contains($0) })
                || features[j].phrases.contains(where: { features[i].folded.contains($0) }) { sim += 0.25 }
            return sim
        }
        let distinctCap = min(maxPostings, max(4, Int(Double(n) * blockingShare)))
        /// Whether two statements share enough distinctive terms to count as one proposition from two sources.
        func informative(_ i: Int, _ j: Int) -> Bool {
            // A claim that gives a figure is confirmed only by a source giving a figure of that kind.
            let families = Set(features[i].signals.quantities.map(\.family))
            if !families.isEmpty, families.isDisjoint(with: features[j].signals.quantities.map(\.family)) { return false }
            // And a source that brings a figure the claim has none of ("will arrive within two weeks")
            // asserts something of its own, whatever background it shares with the claim.
            let theirFamilies = Set(features[j].signals.quantities.map(\.family))
            if !theirFamilies.isEmpty, theirFamilies.isDisjoint(with: families) { return false }
            // And where both give figures of one kind, one of them must agree.
            let mine = features[i].signals.quantities, theirs = features[j].signals.quantities
            if !mine.isEmpty, !theirs.isEmpty, !mine.contains(where: { q in theirs.contains { $0.family == q.family && !$0.conflicts(with: q) } }) {
                return false
            }
            let shared = features[i].terms.intersection(features[j].terms).filter { (df[$0] ?? 0) <= distinctCap }
            return shared.count >= confirmTerms
                && shared.intersection(features[i].predicates).intersection(features[j].predicates).count >= confirmPredicateTerms
        }
        /// Whether two statements share two distinctive terms, one of them a lower-case word.
        func sharesDistinctive(_ i: Int, _ j: Int) -> Bool {
            let shared = features[i].terms.intersection(features[j].terms).filter { (df[$0] ?? 0) <= distinctCap }
            return shared.count >= 2 && !shared.isDisjoint(with: features[i].predicates.intersection(features[j].predicates))
        }
        func contextSimilarity(_ i: Int, _ j: Int) -> Double {
            let a = features[i].context, b = features[j].context
            let total = weight(a) + weight(b)
            return total > 0 ? 2 * weight(a.intersection(b)) / total : 0
        }
        func inWindow(_ i: Int, _ j: Int) -> Bool {
            guard let a = features[i].day, let b = features[j].day else { return true }
            return abs(a - b) <= windowDays
        }
        let sources = SourceMatcher(statements: statements, identifying: identifying, sideWords: sideWords)
        let copies = ClaimLinker.copies(documents)
        let blockingCap = min(maxPostings, max(8, Int(Double(n) * blockingShare)))
        var drafts: [ClaimDraft] = []
        var index: [String: [Int]] = [:]          // term -> drafts whose core holds it
        var claimsOf = [[Int]](repeating: [], count: n)  // statement -> drafts it asserts
        var draftsBySpeaker: [String: [Int]] = [:]  // folded speaker name -> drafts it asserts

        var firstContent: [String: Int] = [:]   // speaker|content -> first statement, for relayed sentences
        var bySentence: [String: Int] = [:]      // doc|sentence|speaker -> statement, for relayed copies

        func addCore(_ d: Int, _ j: Int) {
            drafts[d].sentences.insert([statements[j].documentIndex, statements[j].sentenceIndex])
            if !drafts[d].sources.contains(where: { sources.keys[$0] == sources.keys[j] }) { drafts[d].sources.append(j) }
            guard drafts[d].core.count < maxCore else { return }
            drafts[d].core.append(j)
            // The claims a speaker asserts, for answers that name the speaker ("the president's claim").
            if let key = sources.keys[j], draftsBySpeaker[key]?.last != d { draftsBySpeaker[key, default: []].append(d) }
            for t in features[j].terms where (df[t] ?? 0) <= blockingCap {
                if index[t]?.last != d { index[t, default: []].append(d) }
            }
        }
        func seed(_ j: Int) -> Int {
            drafts.append(ClaimDraft(seed: j, members: [(j, "asserts")], core: []))
            let d = drafts.count - 1
            addCore(d, j)
            claimsOf[j].append(d)
            return d
        }
        /// Claims sharing a blocking term or a quoted-phrase word with statement `j`: the
        /// `maxCandidates` sharing the most term weight, in creation order.
        func candidates(_ j: Int) -> [Int] {
            var shared: [Int: Double] = [:]
            for t in features[j].terms { for d in index[t] ?? [] { shared[d, default: 0] += idf(t) } }
            for p in features[j].phrases {
                for w in p.split(separator: " ").map(String.init).compactMap(term) {
                    for d in index[w] ?? [] { shared[d, default: 0] += idf(w) }
                }
            }
            guard shared.count > maxCandidates else { return shared.keys.sorted() }
            return shared.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }
                .prefix(maxCandidates).map(\.key).sorted()
        }
        func draftSimilarity(_ d: Int, _ j: Int) -> Double {
            drafts[d].core.filter { inWindow($0, j) }.map { similarity($0, j) }.max() ?? 0
        }
        /// Similarity to the claim's members that share enough rare terms with the statement (for confirmations).
        func confirmSimilarity(_ d: Int, _ j: Int) -> Double {
            drafts[d].core.filter { inWindow($0, j) && informative($0, j) }.map { similarity($0, j) }.max() ?? 0
        }
        /// Two statements on one sentence (a speaker and a relayed source) are one assertion, never a confirmation.
        func sameSentence(_ d: Int, _ j: Int) -> Bool {
            drafts[d].sentences.contains([statements[j].documentIndex, statements[j].sentenceIndex])
        }
        /// Whether every source asserting claim `d` is on statement `j`'s side.
        func sameSide(_ d: Int, _ j: Int) -> Bool {
            let asserting = drafts[d].sources.filter { sources.keys[$0] != nil }
            return !asserting.isEmpty && asserting.allSatisfy { sources.sameSide($0, j) }
        }
        func hasSource(_ d: Int, _ j: Int) -> Bool {
            drafts[d].sources.contains { sources.same($0, j) }
        }
        /// Whether an answer's content is no more than what it points back to ("denied the report"):
        /// with nothing found to answer, it is no claim of its own.
        func saysOnlyWhatItAnswers(_ j: Int) -> Bool {
            guard let anaphor = features[j].signals.anaphor ?? features[j].sentence.deniedClaim?.anaphor else { return false }
            return terms(statements[j].content).isSubset(of: terms(anaphor))
        }
        /// The nearest earlier interviewer turn in the document that relays a claim, and which answer
        /// turn statement `j` is after it (1: the first answer; 2: the answer to the follow-up; ...).
        func transcriptQuestion(_ j: Int) -> (statement: Int, turn: Int)? {
            guard features[j].sentence.turn == .answer else { return nil }
            var answerLines: Set<Int> = [statements[j].line]
            var k = j - 1
            while k >= 0, statements[k].documentIndex == statements[j].documentIndex {
                if features[k].sentence.turn == .question, !claimsOf[k].isEmpty { return (k, answerLines.count) }
                if features[k].sentence.turn == .answer { answerLines.insert(statements[k].line) }
                k -= 1
            }
            return nil
        }
        /// Claims of another source's nearest earlier statement in the same document, at most
        /// `precedingSentences` sentences back.
        func precedingClaims(_ j: Int) -> [Int] {
            var k = j - 1
            while k >= 0, statements[k].documentIndex == statements[j].documentIndex,
                  statements[j].sentenceIndex - statements[k].sentenceIndex <= precedingSentences {
                if !claimsOf[k].isEmpty, !sources.sameSide(k, j) { return claimsOf[k] }
                k -= 1
            }
            return []
        }
        /// The statements `j` goes on from: within `continueSentences` sentences before it in its
        /// document, the same speaker's paraphrase just before its quotation, or (in the sentence
        /// before) another source of the same side ("J. R. Castellano" after "Castellano Drive
        /// Systems") sharing a key term with it.
        /// Nearest first: a statement of the same sentence that plays another part (the speaker's
        /// denial of someone else's claim) must not hide the one it goes on from.
        func continued(_ j: Int) -> [Int] {
            guard sources.keys[j] != nil else { return [] }
            var found: [Int] = []
            var k = j - 1
            while k >= 0, statements[k].documentIndex == statements[j].documentIndex {
                let gap = statements[j].sentenceIndex - statements[k].sentenceIndex
                guard gap <= continueSentences else { break }
                if sources.keys[k] == sources.keys[j] {
                    // A quotation right after the speaker's paraphrase ("X said A. 'B,' X said.") goes on with it.
                    let quoteAfter = gap <= 1 && statements[j].kind != "indirect" && statements[k].kind == "indirect"
                    if quoteAfter { found.append(k) }
                } else if gap <= 1, sources.sameSide(k, j), !features[k].terms.isDisjoint(with: features[j].terms) {
                    found.append(k)
                }
                k -= 1
            }
            return found
        }
        /// The claim another side asserts whose predicate statement `j` negates ("the Chinese side has
        /// never begged anyone" against "China begged for a deal"): a member sharing two terms with `j`,
        /// one of them a distinctive lower-case term that `j` negates and the member does not. The
        /// closest such.
        func negatedClaim(_ j: Int) -> Int? {
            // A figure against a figure is a conflict of figures ("25 percent, not 40 percent"), found below.
            guard !features[j].negated.isEmpty, features[j].signals.quantities.isEmpty else { return nil }
            var best: (d: Int, sim: Double)? = nil
            for d in candidates(j) where !hasSource(d, j) && !sameSide(d, j) && !sameSentence(d, j) {
                for m in drafts[d].core where inWindow(m, j) && features[m].terms.intersection(features[j].terms).count >= 2 {
                    let flipped = features[j].negated.intersection(features[m].predicates).subtracting(features[m].negated)
                    guard flipped.contains(where: { (df[$0] ?? 0) <= distinctCap }) else { continue }
                    let sim = similarity(m, j)
                    if sim > (best?.sim ?? -1) { best = (d, sim) }
                }
            }
            return best?.d
        }
        /// The hedged statement with claims just before `j` (the sentence before) in its document.
        func precedingHedged(_ j: Int) -> Int? {
            var k = j - 1
            while k >= 0, statements[k].documentIndex == statements[j].documentIndex,
                  statements[j].sentenceIndex - statements[k].sentenceIndex <= 1 {
                if features[k].hedged, !claimsOf[k].isEmpty { return k }
                k -= 1
            }
            return nil
        }
        /// Claims asserted by the nearest earlier statement the anaphor can point to; "the report" or
        /// "the post" points to the nearest that was reported or posted, when there is one.
        func anaphorTargets(_ j: Int) -> [Int] {
            let s = statements[j]
            let owner = features[j].signals.owner ?? features[j].sentence.deniedClaim?.owner
            let noun = (features[j].signals.anaphor ?? features[j].sentence.deniedClaim?.anaphor).flatMap { ClaimLinker.words($0).last }.flatMap(term)
            var best: Int? = nil
            var k = j - 1
            while k >= 0, statements[k].documentIndex == s.documentIndex {
                if !claimsOf[k].isEmpty, !sources.same(k, j), owner.map({ sources.matches(owner: $0, k) }) ?? true {
                    if best == nil { best = k }
                    // No noun to match, or a cue of the same word: this is the one.
                    if noun.map({ ClaimLinker.words(statements[k].cue).compactMap(term).contains($0) }) ?? true { best = k; break }
                }
                k -= 1
            }
            if let best { return claimsOf[best] }
            guard let owner else { return [] }
            // Named owner outside this document: that speaker's claim closest in terms.
            let owned = sources.speakers(named: owner).flatMap { draftsBySpeaker[$0] ?? [] }
                .filter { inWindow(drafts[$0].seed, j) }.sorted()
            if let d = owned.max(by: { draftSimilarity($0, j) < draftSimilarity($1, j) }) { return [d] }
            return []
        }

        for j in 0..<n {
            let s = statements[j]
            let f = features[j]
            let sentenceKey = EntityLexicon.fold(s.speaker.name ?? "") + "|" + f.folded
            // A statement in a relayed copy joins the original's claims: one source, not two. A copy is
            // a document that repeats an earlier one, or a statement (of some length) that another
            // document carried word for word from the same speaker: wire copy relayed with edits around it.
            var original = copies[s.documentIndex].flatMap { bySentence["\($0)|" + sentenceKey] }
            let contentKey = EntityLexicon.fold(s.speaker.name ?? "") + "|" + ClaimLinker.fold(s.content)
            let relayable = contentKey.count >= minRelayedSentence
            if original == nil, relayable, let k = firstContent[contentKey],
               statements[k].documentIndex != s.documentIndex, !claimsOf[k].isEmpty {
                original = k
            }
            if relayable, firstContent[contentKey] == nil { firstContent[contentKey] = j }
            if let k = original {
                for d in claimsOf[k] where !drafts[d].has(j) {
                    drafts[d].members.append((j, "asserts"))
                    drafts[d].relays.append((j, k))
                }
                claimsOf[j] = claimsOf[k]
                bySentence["\(s.documentIndex)|" + sentenceKey] = j
                continue
            }
            bySentence["\(s.documentIndex)|" + sentenceKey] = bySentence["\(s.documentIndex)|" + sentenceKey] ?? j

            // Answers: denial, non-confirmation, confirmation.
            var answerRole: String? = nil
            if s.stance == "deny" || (f.signals.deny && s.stance != "confirm") || f.sentence.deniedClaim != nil { answerRole = "denies" }
            else if s.stance == "not-confirm" || f.signals.notConfirm { answerRole = "not-confirms" }
            else if s.stance == "confirm" || f.signals.confirm { answerRole = "confirms" }
            // A transcript answer to an interviewer's turn that relays a claim answers that claim: the
            // first answer always (without a confirmation it does not confirm what it was asked), the
            // answer to the follow-up only when it points back ("I have stated our position").
            var transcriptTargets: [Int] = []
            if let (question, turn) = transcriptQuestion(j), turn == 1 || (turn == 2 && f.signals.deflect) {
                transcriptTargets = claimsOf[question].filter { !hasSource($0, j) }
                if !transcriptTargets.isEmpty, answerRole == nil { answerRole = "not-confirms" }
            }
            // A statement that says nothing of its own ("an aide, who declined to be named, …") and
            // answers nothing is no evidence.
            if answerRole == nil, transcriptTargets.isEmpty, f.saysNothing { continue }
            // A denial aimed at a claim from outside what is said leaves what is said a claim of its own.
            let assertsBesides = answerRole == "denies" && s.stance != "deny" && !f.signals.deny
            if let role = answerRole {
                let pointsBack = f.signals.anaphor != nil || f.sentence.deniedClaim != nil
                var targets = !transcriptTargets.isEmpty ? transcriptTargets : pointsBack ? anaphorTargets(j) : []
                // A non-confirmation that names nothing it answers ("The figure could not be verified",
                // "she could not confirm who was guarding them") qualifies the claim just before it.
                if targets.isEmpty, role == "not-confirms" { targets = precedingClaims(j) }
                if targets.isEmpty {
                    // Found by terms alone, an answer must say much the same as the claim or share
                    // distinctive words with it, not only a denial word and the talk of the day.
                    let scored = candidates(j).filter { !hasSource($0, j) }
                        .map { ($0, role == "confirms" ? confirmSimilarity($0, j) : draftSimilarity($0, j)) }
                        .filter { $0.1 >= joinThreshold || drafts[$0.0].core.contains { sharesDistinctive($0, j) } }
                    let needed = role == "confirms" ? confirmThreshold : answerThreshold
                    if let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= needed { targets = [best.0] }
                }
                if !targets.isEmpty {
                    for d in targets where !drafts[d].has(j) {
                        // A confirmation from the claimant's own side is a restatement.
                        let played = role == "confirms" && sameSide(d, j) ? "asserts" : role
                        drafts[d].members.append((j, played))
                        if role == "confirms" { addCore(d, j) }
                    }
                    // "X rejected the mayor's claim, saying tests found lead": what X says is a claim too.
                    if !assertsBesides { continue }
                } else if role == "not-confirms" || saysOnlyWhatItAnswers(j) { continue }
            }

            // An assertion that negates another side's claim denies it.
            if answerRole == nil, !f.hedged, let d = negatedClaim(j) {
                drafts[d].members.append((j, "denies"))
                continue
            }

            // Assertions: join the speaker's own claims, confirm or contradict others', or start a claim.
            var joined = false
            // Unnamed sourcing that goes on with the story just told ("…, sources say") is the same
            // unnamed source: it joins the hedged claim before it, never confirms it.
            if f.hedged, let k = precedingHedged(j) {
                for d in claimsOf[k] where !drafts[d].has(j) {
                    drafts[d].members.append((j, "asserts"))
                    addCore(d, j)
                    claimsOf[j].append(d)
                    joined = true
                }
            }
            // A source going on about what it or its own side has just said continues that statement:
            // it plays the same part in the same claims.
            if !joined {
                for k in continued(j) where !joined {
                    for d in claimsOf[k] {
                        guard let role = drafts[d].members.first(where: { $0.statement == k })?.role,
                              ["asserts", "confirms"].contains(role), !drafts[d].has(j) else { continue }
                        drafts[d].members.append((j, role))
                        addCore(d, j)
                        claimsOf[j].append(d)
                        joined = true
                    }
                }
                if joined { continue }
            }
            var confirmed: (Int, Double)? = nil
            var conflicts: [(d: Int, member: Int, mine: Quantity, theirs: Quantity)] = []
            for d in candidates(j) where !drafts[d].has(j) {
                let sim = draftSimilarity(d, j)
                if hasSource(d, j) || sameSentence(d, j) {
                    if sim >= joinThreshold || sameSentence(d, j) {
                        drafts[d].members.append((j, "asserts"))
                        addCore(d, j)
                        claimsOf[j].append(d)
                        joined = true
                    }
                    continue
                }
                if let c = figureConflict(j, d, drafts, statements, features, contextSimilarity, inWindow) {
                    conflicts.append((d, c.member, c.mine, c.theirs))
                    continue
                }
                // An interviewer's turn relays a claim to be answered: it confirms nothing.
                guard f.sentence.turn != .question else { continue }
                let strong = confirmSimilarity(d, j)
                if strong >= confirmThreshold, strong > (confirmed?.1 ?? 0) { confirmed = (d, strong) }
            }
            if !conflicts.isEmpty {
                let own = joined ? claimsOf[j] : [seed(j)]
                for c in conflicts where !drafts[c.d].has(j) {
                    drafts[c.d].addConflict(j, role: c.mine.conflictRole, theirs: c.mine.text, ours: c.theirs.text)
                    for o in own {
                        for m in drafts[c.d].core where statements[m].documentIndex == statements[c.member].documentIndex || m == c.member {
                            guard !drafts[o].has(m), features[m].signals.quantities.contains(where: { $0.conflicts(with: c.mine) }) else { continue }
                            drafts[o].addConflict(m, role: c.theirs.conflictRole, theirs: c.theirs.text, ours: c.mine.text)
                        }
                    }
                }
                continue
            }
            if joined { continue }
            if let (d, _) = confirmed {
                // The claimant's own side restates a claim: it does not confirm it.
                let restates = f.hedged || sameSide(d, j)
                drafts[d].members.append((j, restates ? "asserts" : "confirms"))
                addCore(d, j)
                claimsOf[j].append(d)
                continue
            }
            _ = seed(j)
        }
        addTitleConflicts(&drafts, claimsOf: claimsOf, statements: statements, features: features, contextSimilarity: contextSimilarity)
        return drafts
    }

    /// Conflicting titles: one document calls a person "President X" and another "former President X"
    /// at the same date, in statements on the same story. Each statement's claims get the other as
    /// `conflicting-title` evidence. Mentions are grouped by title and surname, never compared pairwise
    /// across the corpus.
    func addTitleConflicts(_ drafts: inout [ClaimDraft], claimsOf: [[Int]], statements: [Statement], features: [StatementFeatures],
                           contextSimilarity: (Int, Int) -> Double) {
        var byPerson: [String: [(statement: Int, mention: TitleMention)]] = [:]
        for (j, f) in features.enumerated() {
            for t in f.sentence.titles { byPerson[t.title + "|" + t.surname, default: []].append((j, t)) }
        }
        // A statement without a date of its own takes the first date given in its document.
        var documentDay: [Int: Int] = [:]
        for (j, f) in features.enumerated() {
            if let day = f.day, documentDay[statements[j].documentIndex] == nil { documentDay[statements[j].documentIndex] = day }
        }
        func day(_ j: Int) -> Int? { features[j].day ?? documentDay[statements[j].documentIndex] }
        for key in byPerson.keys.sorted() {
            guard let mentions = byPerson[key] else { continue }
            let past = mentions.filter { $0.mention.former }, current = mentions.filter { !$0.mention.former }
            guard !past.isEmpty, !current.isEmpty, past.count * current.count <= maxTitlePairs else { continue }
            for c in current {
                for p in past where statements[c.statement].documentIndex != statements[p.statement].documentIndex {
                    guard let dc = day(c.statement), let dp = day(p.statement), abs(dc - dp) <= titleWindowDays,
                          contextSimilarity(c.statement, p.statement) >= storyThreshold else { continue }
                    for d in claimsOf[c.statement] {
                        drafts[d].addConflict(p.statement, role: "conflicting-title", theirs: "\"\(p.mention.text)\"", ours: "\"\(c.mention.text)\"", retag: true)
                    }
                    for d in claimsOf[p.statement] where !claimsOf[c.statement].contains(d) {
                        drafts[d].addConflict(c.statement, role: "conflicting-title", theirs: "\"\(c.mention.text)\"", ours: "\"\(p.mention.text)\"", retag: true)
                    }
                }
            }
        }
    }

    /// A figure in statement `j` that conflicts with one of the same quantity in claim `d`, on the same story.
    func figureConflict(_ j: Int, _ d: Int, _ drafts: [ClaimDraft], _ statements: [Statement], _ features: [StatementFeatures],
                        _ contextSimilarity: (Int, Int) -> Double, _ inWindow: (Int, Int) -> Bool)
        -> (member: Int, mine: Quantity, theirs: Quantity)? {
        let mine = features[j]
        guard !mine.signals.quantities.isEmpty else { return nil }
        for m in drafts[d].core where inWindow(m, j) {
            // "It raised $15 million" and "it raised $21 million" from two campaigns are two quantities.
            if features[m].selfReference, mine.selfReference { continue }
            let theirs = features[m]
            for (a, qa) in mine.signals.quantities.enumerated() {
                for (b, qb) in theirs.signals.quantities.enumerated() where qa.conflicts(with: qb) {
                    guard !mine.listedFamilies.contains(qa.family), !theirs.listedFamilies.contains(qb.family) else { continue }
                    // Two accounts of one quantity differ, but not twenty-fold: "within two weeks" and
                    // "for one year" measure two things.
                    if qa.family != Quantity.dateFamily, max(qa.value, qb.value) > maxFigureRatio * min(qa.value, qb.value) { continue }
                    // Figures for different months are figures for different periods.
                    let monthsA = mine.quantityMonths[a], monthsB = theirs.quantityMonths[b]
                    if !monthsA.isEmpty, !monthsB.isEmpty, monthsA.isDisjoint(with: monthsB) { continue }
                    let sameThing = !mine.quantityTerms[a].isDisjoint(with: theirs.quantityTerms[b])
                    if sameThing, contextSimilarity(j, m) >= storyThreshold { return (m, qa, qb) }
                }
            }
        }
        return nil
    }
}
