import PCRE2Kit

/// Turns speaker mentions into entities: splits titles from names, types each speaker, resolves
/// pronouns and role nouns ("He", "the spokesperson", "the ministry") to their antecedent, and
/// gives every entity one canonical name across the corpus.
///
/// The word lists it uses (titles, pronouns, organisation words, group nouns, aliases, outlets)
/// are lexicons in the rule folders.
public struct EntityResolver: Sendable {
    let rules: RuleSet
    let titles: Set<String>
    let pronouns: Set<String>
    let organizationWords: Set<String>
    let groupNouns: Set<String>
    let anonymousHeads: Set<String>
    let outletWords: Set<String>
    let personNouns: Set<String>
    let maleWords: Set<String>
    let femaleWords: Set<String>
    let outletNouns: Set<String>
    let organizationNouns: Set<String>
    let documentNouns: Set<String>
    let unnamedSources: Set<String>
    let relativePronouns: Set<String>
    /// Phrases that make an unnamed speaker an anonymous source ("familiar with the plan").
    let anonymityMarkers: [String]
    /// Phrases by which the writer withholds a speaker's name ("who declined to be named"): the
    /// speaker is an anonymous source whatever its description.
    let withheldNameMarkers: [String]

    public init(rules: RuleSet) {
        self.rules = rules
        func set(_ name: String) -> Set<String> { Set(rules.lexicon(name).map { $0.lowercased() }) }
        // A word's key drops its final full stop ("Sen." is "sen"): abbreviated titles match without it.
        let titleWords = set("titles")
        titles = titleWords.union(titleWords.filter { $0.hasSuffix(".") }.map { String($0.dropLast()) })
        pronouns = set("pronouns")
        organizationWords = set("organization-words")
        groupNouns = set("group-nouns")
        anonymousHeads = set("anonymous-speakers")
        outletWords = set("outlet-words")
        personNouns = set("person-nouns")
        maleWords = set("male-words")
        femaleWords = set("female-words")
        outletNouns = set("outlet-nouns")
        organizationNouns = set("organization-nouns")
        documentNouns = set("document-nouns")
        unnamedSources = set("unnamed-sources")
        relativePronouns = set("relative-pronouns")
        anonymityMarkers = rules.lexicon("anonymity-markers").map { $0.lowercased() }
        withheldNameMarkers = rules.lexicon("withheld-name-markers").map { $0.lowercased() }
    }

    /// A named entity seen in a document, for resolving later pronouns and role nouns.
    final class Antecedent {
        let name: String
        let type: String
        let role: String?
        let sentence: Int
        let isSpeaker: Bool
        /// The text its words come from (the mention, and the role for a speaker).
        private let phrases: [String]
        /// The look-up keys of its words, made when first asked for (most antecedents never are).
        lazy var words: Set<String> = Set(phrases.flatMap(EntityResolver.words).map(EntityResolver.key))

        init(name: String, type: String, role: String?, phrases: [String], sentence: Int, isSpeaker: Bool = false) {
            self.name = name; self.type = type; self.role = role; self.phrases = phrases
            self.sentence = sentence; self.isSpeaker = isSpeaker
        }

        /// Whether the words name a person ("a spokeswoman for the union"), whatever the entity's type.
        func namesPerson(_ personNouns: Set<String>) -> Bool {
            type == "person" || !words.isDisjoint(with: personNouns)
        }
    }

    /// The words of `s`, split at spaces and line breaks.
    static func words(_ s: String) -> [String] {
        // ASCII without carriage returns (the usual mention): every byte is a character, so the
        // bytes split the same way as the characters.
        let split: [String]?? = s.utf8.withContiguousStorageIfAvailable { bytes in
            var parts: [String] = []
            var start = 0
            for (i, byte) in bytes.enumerated() {
                if byte >= 0x80 || byte == 13 { return nil }
                if byte == 32 || byte == 10 {
                    if i > start { parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                    start = i + 1
                }
            }
            if bytes.count > start { parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return parts
        }
        if let parts = split ?? nil { return parts }
        return s.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }

    /// The look-up form of a word: lower case, straight apostrophe, without a possessive 's and
    /// trailing punctuation (an abbreviation such as "U.S." keeps its dots).
    static func key(_ word: String) -> String {
        let ascii: String?? = word.utf8.withContiguousStorageIfAvailable { bytes in
            // ASCII without carriage returns: lower-casing and counting characters work on bytes.
            var w: [UInt8] = []
            w.reserveCapacity(bytes.count)
            for byte in bytes {
                if byte >= 0x80 || byte == 13 { return nil }
                w.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
            }
            if w.count >= 2, w[w.count - 2] == 39, w[w.count - 1] == 115 { w.removeLast(2) }
            while let l = w.last, l == 44 || l == 46 || l == 59 || l == 58, w.count > 1,
                  !(w.count <= 4 && w.dropLast().contains(46)) { w.removeLast() }
            return String(decoding: w, as: UTF8.self)
        }
        if let w = ascii ?? nil { return w }
        var w = word.lowercased().replacingText("’", with: "'")
        if w.hasSuffix("'s") { w.removeLast(2) }
        while let l = w.last, ",.;:".contains(l), w.count > 1, !(w.count <= 4 && w.dropLast().contains(".")) { w.removeLast() }
        return w
    }

    /// Resolves the speakers of one document's statements in place. `mentions` are entity mentions
    /// found in the text (by `entity` rules) with their sentence index.
    public func resolveDocument(_ statements: inout [Statement], mentions: [(name: String, type: String, sentence: Int)]) {
        resolveDocument(&statements, mentions: mentions, memo: Memo())
    }

    /// ``resolveDocument(_:mentions:)`` with a worker's memory of mentions resolved before.
    func resolveDocument(_ statements: inout [Statement], mentions: [(name: String, type: String, sentence: Int)], memo: Memo) {
        var antecedents: [Antecedent] = []
        var mentionIndex = 0
        let sortedMentions = mentions.sorted { $0.sentence < $1.sentence }
        for i in statements.indices {
            let sentence = statements[i].sentenceIndex
            // Text mentions before this statement's sentence become antecedents too.
            while mentionIndex < sortedMentions.count, sortedMentions[mentionIndex].sentence < sentence {
                let m = sortedMentions[mentionIndex]
                antecedents.append(Antecedent(name: m.name, type: m.type, role: nil,
                                              phrases: [m.name], sentence: m.sentence))
                mentionIndex += 1
            }
            guard let written = statements[i].speakerHead ?? statements[i].speaker.mention, !written.isEmpty else { continue }
            // "Sen. Ana Ruiz (D-Ore.)": the party and state in parentheses describe the speaker.
            let (mention, aside) = EntityResolver.withoutTrailingParenthesis(withoutRelativePronoun(written))
            let fixedType = statements[i].speaker.type
            let lowered = mention.lowercased()
            let tokens = EntityResolver.words(mention)
            if unnamedSources.contains(lowered) {
                // "…, sources say": no source is named, so the assertion is hedged.
                statements[i].speaker.name = nil
                statements[i].speaker.type = "anonymous"
                statements[i].stance = "hedged"
                continue
            }
            if let (nameTokens, description) = strayHeadApposition(tokens, role: statements[i].speaker.role) {
                // "Asked whether …, magnets, a ministry spokesman, He Yadong, said": a lower-case word
                // that ends the clause before is no speaker; the name closing the apposition is.
                classifyNamed(&statements[i], tokens: nameTokens, memo: memo)
                statements[i].speaker.role = description
            } else if isDescription(tokens), let apposition = statements[i].speaker.role, let nameTokens = properName(apposition) {
                // "The parents' association chair, Ines Moll, said": the apposition names the speaker
                // and the role noun phrase describes her.
                classifyNamed(&statements[i], tokens: nameTokens, memo: memo)
                statements[i].speaker.role = EntityResolver.withoutArticle(mention)
            } else if tokens.count == 1, pronouns.contains(lowered) {
                resolvePronoun(&statements[i], lowered, antecedents, sentence)
            } else if let head = roleNounHead(tokens) {
                resolveRoleNoun(&statements[i], head: head, antecedents: antecedents, sentence: sentence)
            } else {
                classifyNamed(&statements[i], tokens: tokens, memo: memo)
            }
            if fixedType != "unknown", fixedType != "anonymous" || statements[i].speaker.type == "unknown" {
                statements[i].speaker.type = fixedType
            }
            if statements[i].speaker.type == "unknown" { statements[i].speaker.type = "person" }
            if let aside, statements[i].speaker.name != nil {
                statements[i].speaker.role = [statements[i].speaker.role, aside].compactMap { $0 }.joined(separator: " ")
            }
            let unnamed = ["anonymous", "group"].contains(statements[i].speaker.type)
            // The whole phrase as written, with the clause that may withhold the name.
            let described = [statements[i].speaker.mention, statements[i].speaker.role].compactMap { $0?.lowercased() }.joined(separator: " ")
            if statements[i].stance == "assert",
               withheldNameMarkers.contains(where: { described.containsText($0) })
                || unnamed && anonymityMarkers.contains(where: { lowered.containsText($0) }) {
                // "…, two officials familiar with the plan said", "people briefed on the talks said",
                // "an aide, who declined to be named, said": an anonymous source hedges the assertion.
                statements[i].stance = "hedged"
                statements[i].speaker.type = "anonymous"
            }
            if let name = statements[i].speaker.name, !pronouns.contains(name.lowercased()) {
                antecedents.append(Antecedent(name: name, type: statements[i].speaker.type, role: statements[i].speaker.role,
                                              phrases: [mention, statements[i].speaker.role ?? ""],
                                              sentence: sentence, isSpeaker: true))
            }
            // A statement addressed to an outlet is relayed through it.
            if statements[i].via == nil, let recipient = statements[i].recipient, let outlet = outletName(recipient) {
                statements[i].via = outlet
            }
        }
        // A statement inside the content of an outlet's report is relayed through that outlet.
        for i in statements.indices where statements[i].via == nil {
            for j in statements.indices where j != i && statements[j].speaker.type == "outlet" {
                if let content = statements[j].contentSpan, content.range.contains(statements[i].cueSpan.start),
                   let outlet = statements[j].speaker.name, outlet != statements[i].speaker.name {
                    statements[i].via = outlet
                }
            }
        }
    }

    /// Whether a mention is a description opened by a determiner or a possessive, with a lower-case
    /// word in it ("the parents' association chair", "The head of the Hellenic chartering
    /// association", "Poland's agriculture minister").
    func isDescription(_ tokens: [String]) -> Bool {
        guard tokens.count >= 2, tokens.count <= 8,
              ["the", "a", "an", "its", "his", "her", "their", "our"].contains(tokens[0].lowercased())
                || tokens[0].hasSuffix("'s") || tokens[0].hasSuffix("’s") else { return false }
        return tokens.dropFirst().contains { $0.first?.isLowercase == true }
    }

    /// For a head of lower-case words that name no kind of speaker (not a person, group or
    /// anonymous-source noun, nor a pronoun) and an apposition "role, Proper Name": the name's words
    /// and the role; nil otherwise.
    func strayHeadApposition(_ tokens: [String], role: String?) -> ([String], String)? {
        guard let role, !tokens.isEmpty, tokens.count <= 3,
              tokens.allSatisfy({ $0.first?.isLowercase == true }),
              !tokens.contains(where: { let k = EntityResolver.key($0); return pronouns.contains(k) || personNouns.contains(k)
                  || groupNouns.contains(k) || anonymousHeads.contains(k) || organizationNouns.contains(k) || outletNouns.contains(k) }),
              let comma = role.lastIndex(of: ","),
              let name = properName(String(role[role.index(after: comma)...]).trimmingCharacters(in: .whitespaces)) else { return nil }
        let description = role[..<comma].trimmingCharacters(in: .whitespaces)
        return description.isEmpty ? nil : (name, description)
    }

    /// The words of an apposition that is a proper name of two to four capitalised words
    /// ("Ines Moll", "J. R. Castellano"), or nil (a description, a date, a single word).
    func properName(_ apposition: String) -> [String]? {
        let tokens = EntityResolver.words(apposition)
        guard tokens.count >= 2, tokens.count <= 4,
              tokens.allSatisfy({ $0.first?.isUppercase == true }), let last = tokens.last,
              last.last?.isLetter == true, !titles.contains(EntityResolver.key(last)) else { return nil }
        return tokens
    }

    /// "Sen. Ana Ruiz (D-Ore.)" → ("Sen. Ana Ruiz", "(D-Ore.)"): a short parenthesis that ends a
    /// mention, set apart; the mention unchanged and nil when there is none.
    static func withoutTrailingParenthesis(_ mention: String) -> (String, String?) {
        guard mention.hasSuffix(")"), let open = mention.lastIndex(of: "("), open > mention.startIndex,
              mention.distance(from: open, to: mention.endIndex) <= 40,
              !mention[mention.index(after: open)...].dropLast().contains(where: { $0 == "(" || $0 == ")" }) else { return (mention, nil) }
        let head = mention[..<open].trimmingCharacters(in: .whitespaces)
        return head.isEmpty ? (mention, nil) : (head, String(mention[open...]))
    }

    /// "Barkley, who" → "Barkley": the noun phrase a relative pronoun at the end of a mention refers to.
    func withoutRelativePronoun(_ mention: String) -> String {
        var tokens = EntityResolver.words(mention)
        guard tokens.count >= 2, let last = tokens.last, relativePronouns.contains(last.lowercased()) else { return mention }
        tokens.removeLast()
        var head = tokens.joined(separator: " ")
        while let l = head.last, l == "," || l == " " { head.removeLast() }
        return head
    }

    func resolvePronoun(_ statement: inout Statement, _ pronoun: String, _ antecedents: [Antecedent], _ sentence: Int) {
        let fits: (Antecedent) -> Bool
        switch pronoun {
        case "he", "him", "his": fits = { $0.namesPerson(personNouns) && $0.words.isDisjoint(with: femaleWords) }
        case "she", "her": fits = { $0.namesPerson(personNouns) && $0.words.isDisjoint(with: maleWords) }
        case "i": fits = { $0.type == "person" }
        case "it", "its": fits = { ["organization", "outlet"].contains($0.type) }
        default: fits = { ["group", "organization", "person", "anonymous", "outlet"].contains($0.type) }
        }
        let recentSpeaker = antecedents.last(where: { $0.isSpeaker && fits($0) && sentence - $0.sentence <= 2 })
        let recentMention = antecedents.last(where: { fits($0) && sentence - $0.sentence <= 2 })
        let older = antecedents.last(where: { fits($0) && sentence - $0.sentence <= 12 })
        if let a = recentSpeaker ?? recentMention ?? older {
            statement.speaker.name = a.name
            statement.speaker.type = a.type
            if statement.speaker.role == nil { statement.speaker.role = a.role }
        } else {
            statement.speaker.type = pronoun == "it" || pronoun == "its" ? "organization" : (pronoun == "they" || pronoun == "we" ? "group" : "person")
        }
    }

    /// "the spokesperson", "the ministry", "the former president": a determiner and lower-case words.
    /// The head is the last word, or the owner in a possessive ("the ministry’s export bureau" → ministry).
    func roleNounHead(_ tokens: [String]) -> String? {
        guard tokens.count >= 2, tokens.count <= 6 else { return nil }
        let first = tokens[0].lowercased()
        guard ["the", "this", "that", "these", "those"].contains(first) else { return nil }
        let rest = tokens.dropFirst()
        guard rest.allSatisfy({ $0.first?.isLowercase == true }) else { return nil }
        if let owner = rest.dropLast().first(where: { $0.hasSuffix("’s") || $0.hasSuffix("'s") }) {
            return EntityResolver.key(owner)
        }
        return EntityResolver.key(rest.last ?? "")
    }

    func resolveRoleNoun(_ statement: inout Statement, head: String, antecedents: [Antecedent], sentence: Int) {
        let stem = String(head.prefix(6))
        // A document ("the release", "the post") speaks for whoever issued it, not for a namesake.
        // An organisation noun refers to an organisation or outlet, not to a person whose description
        // holds the word ("the ministry" is not "a trade ministry official").
        let wantsOrganization = organizationNouns.contains(head) || organizationWords.contains(head)
        // An antecedent that is itself an unresolved role noun (no capital: "newspaper" from
        // "…, newspaper says") names no one and must not hide the last outlet or organisation.
        let sameWord = documentNouns.contains(head) ? nil : antecedents.last(where: { a in
            (!wantsOrganization || a.type == "organization" || a.type == "outlet") && a.words.contains(where: { $0.hasPrefix(stem) })
                && a.name.contains(where: { $0.isUppercase })
        })
        // Otherwise a noun that stands for a kind of entity: the last outlet, organisation or speaker.
        let recent: (Antecedent) -> Bool = { sentence - $0.sentence <= 12 }
        var sameKind: Antecedent?
        if outletNouns.contains(head) {
            sameKind = antecedents.last(where: { $0.type == "outlet" && recent($0) })
        }
        if sameKind == nil, organizationNouns.contains(head) {
            sameKind = antecedents.last(where: { $0.type == "organization" && recent($0) })
        }
        if sameKind == nil, documentNouns.contains(head) {
            sameKind = antecedents.last(where: { $0.isSpeaker && recent($0) })
        }
        if let a = sameWord ?? sameKind {
            statement.speaker.name = a.name
            statement.speaker.type = a.type
            if statement.speaker.role == nil { statement.speaker.role = a.role }
            return
        }
        let mention = statement.speakerHead ?? statement.speaker.mention ?? ""
        statement.speaker.name = mention
        if groupNouns.contains(head) { statement.speaker.type = "group" }
        else if organizationWords.contains(head) { statement.speaker.type = "organization" }
        else { statement.speaker.type = "person" }
    }

    /// Splits "former U.S. President Trump" into role and name, and types the speaker.
    func classifyNamed(_ statement: inout Statement, tokens: [String], memo: Memo) {
        let key = tokens.joined(separator: " ")
        let named: NamedSpeaker
        if let known = memo.named[key] {
            named = known
        } else {
            named = namedSpeaker(tokens, mention: key)
            memo.remember(key, named)
        }
        statement.speaker.name = named.name
        statement.speaker.type = named.type
        if let role = named.role, statement.speaker.role == nil { statement.speaker.role = role }
    }

    /// What a named mention resolves to: the name, the type, and the role written before a
    /// person's name (given to the statement when it has none).
    struct NamedSpeaker {
        var name: String
        var type: String
        var role: String? = nil
    }

    /// Per-worker memory of how named mentions resolved (it depends only on the mention's words,
    /// so it holds across documents).
    final class Memo {
        fileprivate(set) var named: [String: NamedSpeaker] = [:]
        /// Entries kept at most; a full memo starts again empty.
        let limit = 50_000

        fileprivate func remember(_ mention: String, _ speaker: NamedSpeaker) {
            if named.count >= limit { named.removeAll() }
            named[mention] = speaker
        }
    }

    /// Splits "former U.S. President Trump" into role and name, and types the speaker.
    func namedSpeaker(_ tokens: [String], mention: String) -> NamedSpeaker {
        let lowered = mention.lowercased()
        let foldedMention = EntityLexicon.fold(mention)
        if let canonical = rules.entities.canonicalByAlias[foldedMention] {
            return NamedSpeaker(name: canonical, type: rules.entities.typeByName[canonical]
                ?? (rules.entities.outlets.contains(EntityLexicon.fold(canonical)) ? "outlet" : guessType(tokens)))
        }
        if let outlet = outletName(mention, folded: foldedMention) {
            return NamedSpeaker(name: outlet, type: "outlet")
        }
        let keys = tokens.map(EntityResolver.key)
        // "officials", "two officials familiar with …", and "Sources close to …" opening a sentence.
        if anonymousHeads.contains(lowered) || (keys.first.map { ["a", "an", "one", "another", "two", "three", "several", "some", "many", "senior", "other"].contains($0) } == true
            && keys.contains(where: { anonymousHeads.contains($0) })) || (tokens.count > 1 && keys.first.map(anonymousHeads.contains) == true) {
            return NamedSpeaker(name: mention, type: "anonymous")
        }
        // The name is the run of capitalised, non-title words at the end.
        var start = tokens.count
        while start > 0 {
            let t = tokens[start - 1]
            let k = keys[start - 1]
            // "&" joins the words of a firm's name ("Halden & Pike").
            let capitalised = t.first?.isUppercase == true || (t == "&" && start < tokens.count && start > 1)
            if !capitalised || titles.contains(k) || t.hasSuffix("’s") || t.hasSuffix("'s") { break }
            start -= 1
        }
        // "The Ministry of Agrarian Policy and Food of Ukraine": capitalised words joined by "of", "and",
        // "for" make one name; when it holds an organisation word, the organisation is the speaker.
        var joinedStart = start
        while joinedStart >= 2, ["of", "and", "for", "on", "de"].contains(keys[joinedStart - 1]),
              tokens[joinedStart - 2].first?.isUppercase == true, !titles.contains(keys[joinedStart - 2]) {
            joinedStart -= 2
            while joinedStart > 0, tokens[joinedStart - 1].first?.isUppercase == true, !titles.contains(keys[joinedStart - 1]) { joinedStart -= 1 }
        }
        if joinedStart < start, keys[joinedStart...].contains(where: { organizationWords.contains($0) }) {
            let name = EntityResolver.withoutArticle(tokens[joinedStart...].joined(separator: " "))
            return NamedSpeaker(name: canonical(name), type: "organization")
        }
        // "The mayor of Leeds", "traders in Shanghai", "the Harbour Museum in Porto": a name after a
        // preposition is where the speaker is from, not who speaks. A person's name follows a title
        // or role directly ("Mayor Ana Ruiz"); "a spokesman for …" speaks for what follows (below).
        if start > 1, start < tokens.count, ["of", "in", "on", "at", "near", "across", "outside", "inside"].contains(keys[start - 1]) {
            let before = Array(tokens[..<(start - 1)])
            let words = before.first.map { ["the", "a", "an"].contains(EntityResolver.key($0)) } == true ? Array(before.dropFirst()) : before
            let commonNoun = words.count == 1 && [groupNouns, personNouns, anonymousHeads].contains { $0.contains(EntityResolver.key(words[0])) }
            if !words.isEmpty, !commonNoun, words.allSatisfy({ $0.first?.isUppercase == true }), !words.contains(where: { titles.contains(EntityResolver.key($0)) }) {
                // "Jan Smit of Rotterdam", "the Harbour Museum in Porto": the proper name before it.
                return namedSpeaker(words, mention: words.joined(separator: " "))
            }
            let type = guessType(before)
            return NamedSpeaker(name: canonical(EntityResolver.withoutArticle(mention)), type: type == "person" && words.count > 1 ? "group" : type)
        }
        let type = start < tokens.count && start > 0 ? guessType(Array(tokens[start...])) : guessType(tokens)
        if start < tokens.count, type == "person" {
            let name = tokens[start...].joined(separator: " ")
            let role = EntityResolver.withoutArticle(tokens[..<start].joined(separator: " "))
            return NamedSpeaker(name: canonical(name), type: "person", role: role.isEmpty ? nil : role)
        }
        var name = mention
        // "a spokeswoman for the Harbour Traders Association": the organisation speaks.
        if start > 1, start < tokens.count, type == "organization",
           ["for", "of", "at", "from", "the"].contains(keys[start - 1]) || tokens[start...].contains("&") {
            name = tokens[start...].joined(separator: " ")
        }
        if type != "outlet" { name = EntityResolver.withoutArticle(name) }
        return NamedSpeaker(name: canonical(name), type: type)
    }

    /// The canonical name the alias lexicons give `name`, or `name` itself.
    func canonical(_ name: String) -> String {
        rules.entities.canonicalByAlias[EntityLexicon.fold(name)] ?? name
    }

    /// `s` without a leading "the " or "The " ("the ministry" → "ministry").
    static func withoutArticle(_ s: String) -> String {
        var s = s
        for article in ["the ", "The "] where s.hasPrefix(article) { s.removeFirst(article.count) }
        return s
    }

    func guessType(_ tokens: [String]) -> String {
        let keys = tokens.map(EntityResolver.key)
        if keys.contains(where: { organizationWords.contains($0) || $0 == "&" || $0.contains("&") }) { return "organization" }
        if let last = keys.last, groupNouns.contains(last) { return "group" }
        if tokens.allSatisfy({ $0.first?.isLowercase == true }) { return "group" }
        return "person"
    }

    /// The canonical outlet name when `mention` names a news outlet (lexicon, or an outlet word such
    /// as "Times" or "Post" in a capitalised name).
    public func outletName(_ mention: String) -> String? {
        outletName(mention, folded: EntityLexicon.fold(mention))
    }

    /// ``outletName(_:)`` with the mention's folded form (``EntityLexicon/fold(_:)``) computed already.
    func outletName(_ mention: String, folded: String) -> String? {
        if rules.entities.outlets.contains(folded) {
            return rules.entities.canonicalByAlias[folded] ?? mention
        }
        let tokens = EntityResolver.words(mention)
        guard tokens.count <= 6, tokens.allSatisfy({ $0.first?.isUppercase == true || ["of", "the"].contains($0) }) else { return nil }
        if let last = tokens.last, outletWords.contains(EntityResolver.key(last)) {
            return EntityResolver.withoutArticle(tokens.joined(separator: " "))
        }
        return nil
    }

    /// Gives every person one canonical name across the corpus: a one-word name ("Trump") becomes
    /// the longest full name that ends with it ("Donald Trump"), when that is unambiguous, and a
    /// role noun left unresolved in its document ("the mayor") becomes the one person the corpus
    /// gives that title ("Mayor Dana Ruiz").
    public func canonicalize(_ statements: inout [Statement], knownNames: [String]) {
        var index = SurnameIndex()
        for s in statements where s.speaker.type == "person" { if let name = s.speaker.name { index.add(name, role: s.speaker.role, isSpeaker: true) } }
        for name in knownNames { index.add(name) }
        for i in statements.indices { index.apply(to: &statements[i]) }
    }
}

/// Full person names counted by surname over a corpus: a one-word person name becomes the full
/// name most of the corpus uses for that surname ("Trump" becomes "Donald Trump"). Names are also
/// counted by the last word of their title ("Mayor", "Riverton Mayor"), so that a role noun no
/// document resolved ("the mayor") becomes the one person the corpus gives that title.
public struct SurnameIndex: Sendable {
    private var fullBySurname: [String: [String: Int]] = [:]
    private var fullByTitle: [String: Set<String>] = [:]
    /// Two-word names by their first word, for names written family name first ("Gao" is "Gao
    /// Shuren"); used only when no full name ends with the word.
    private var fullByFirstWord: [String: [String: Int]] = [:]

    /// An empty index.
    public init() {}

    /// Counts a person's name (two to four words; other names are ignored), and its title. A
    /// speaker's name (`isSpeaker`) is also counted by its first word; a name found only in the
    /// text is not, since such names include word pairs that are no names ("Super Bowl").
    public mutating func add(_ name: String, role: String? = nil, isSpeaker: Bool = false) {
        guard let last = SurnameIndex.surname(name) else { return }
        fullBySurname[last, default: [:]][name, default: 0] += 1
        if isSpeaker {
            let words = EntityResolver.words(name)
            if words.count == 2 { fullByFirstWord[words[0], default: [:]][name, default: 0] += 1 }
        }
        if let role, let title = SurnameIndex.titleWord(role) { fullByTitle[title, default: []].insert(name) }
    }

    /// The last word of a short title ("Riverton Mayor" → "mayor"), lower case; nil for a longer
    /// description or one holding a clause ("director of the lab, which ran the tests").
    static func titleWord(_ role: String) -> String? {
        let words = EntityResolver.words(role)
        guard let last = words.last, words.count <= 4, !role.contains(","),
              last.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        return last.lowercased()
    }

    /// The last word of a name of two to four words (``EntityResolver/words(_:)``), else nil.
    static func surname(_ name: String) -> String? {
        // ASCII without carriage returns: the words are runs of bytes, found without making them.
        // Outer nil: not such text (or not contiguous); inner nil: not two to four words.
        let ascii: String??? = name.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
            var count = 0
            var lastStart = 0, lastEnd = 0
            var inWord = false
            for (i, byte) in bytes.enumerated() {
                if byte >= 0x80 || byte == 13 { return nil }
                let separator = byte == 32 || byte == 10
                if !separator && !inWord { count += 1; lastStart = i }
                if separator && inWord { lastEnd = i }
                inWord = !separator
            }
            if inWord { lastEnd = bytes.count }
            guard count >= 2, count <= 4 else { return .some(nil) }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[lastStart..<lastEnd]), as: UTF8.self))
        }
        if let known = ascii ?? nil { return known }
        let parts = EntityResolver.words(name)
        guard parts.count >= 2, parts.count <= 4 else { return nil }
        return parts.last
    }

    /// The title word of a speaker name that is still a role noun ("the mayor" → "mayor"), else nil.
    static func unresolvedTitle(_ name: String) -> String? {
        let words = EntityResolver.words(name)
        guard words.count == 2, words[0] == "the" || words[0] == "The", let title = words.last,
              title.first?.isLowercase == true, title.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        return title
    }

    /// Adds the counts of another index.
    public mutating func merge(_ other: SurnameIndex) {
        for (surname, counts) in other.fullBySurname {
            for (name, count) in counts { fullBySurname[surname, default: [:]][name, default: 0] += count }
        }
        for (title, names) in other.fullByTitle { fullByTitle[title, default: []].formUnion(names) }
        for (first, counts) in other.fullByFirstWord {
            for (name, count) in counts { fullByFirstWord[first, default: [:]][name, default: 0] += count }
        }
    }

    /// Gives a person statement whose speaker is still a role noun ("the mayor") the one person the
    /// corpus gives that title, and one whose speaker name is one word the full name that more
    /// than half of that surname's full mentions use (or, when no full name ends with the word,
    /// of the two-word names it opens: "Gao" is "Gao Shuren").
    public func apply(to statement: inout Statement) {
        guard statement.speaker.type == "person", let name = statement.speaker.name else { return }
        if let title = SurnameIndex.unresolvedTitle(name), let holders = fullByTitle[title], holders.count == 1, let only = holders.first {
            statement.speaker.name = only
            return
        }
        guard !name.containsText(" ") else { return }
        if let options = fullBySurname[name] ?? fullByFirstWord[name], let best = options.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) {
            let total = options.values.reduce(0, +)
            if best.value * 2 > total { statement.speaker.name = best.key }
        }
    }
}
