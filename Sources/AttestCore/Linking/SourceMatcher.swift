/// Tells whether two statements come from the same source, and which speakers an answer's owner
/// names ("the president" in "the president's account"), with the per-speaker work done once.
///
/// Speaker names are folded and split into identifying words once per statement; answers between
/// two speakers are cached by their folded names, so the linker's many checks cost a dictionary
/// look-up each, and owners are found through an index of identifying words, not by scanning every
/// speaker.
final class SourceMatcher {
    /// Folded speaker name per statement (nil: no named speaker).
    let keys: [String?]
    /// Identifying words of each statement's speaker name.
    let nameWords: [Set<String>]
    /// Identifying words of every speaker across the corpus: name, mentions and roles.
    let profiles: [String: Set<String>]
    /// Identifying word -> folded speaker names whose profile holds it.
    let speakersByWord: [String: [String]]
    /// Sides (from `lexicons/claim-sides.txt`) each statement's speaker belongs to.
    let sides: [Set<String>]
    /// The last identifying word of each statement's speaker name (a surname, or an organisation's head word).
    let headWords: [String?]
    private var sameCache: [String: Bool] = [:]
    private var ownerCache: [String: Set<String>] = [:]
    private let identifying: (String) -> Set<String>

    /// - Parameters:
    ///   - sideWords: folded word or phrase -> side, from `lexicons/claim-sides.txt`.
    init(statements: [Statement], identifying: @escaping (String) -> Set<String>, sideWords: [String: String] = [:]) {
        self.identifying = identifying
        var sides: [Set<String>] = [], headWords: [String?] = []
        for s in statements {
            let text = " " + ClaimLinker.fold([s.speaker.name ?? "", s.speaker.mention ?? "", s.speaker.role ?? ""].joined(separator: " ")) + " "
            sides.append(Set(sideWords.filter { text.contains(" " + $0.key + " ") }.map(\.value)))
            let words = ClaimLinker.words(s.speaker.name ?? "")
            headWords.append(words.last.flatMap { identifying($0).isEmpty ? nil : $0 })
        }
        self.sides = sides; self.headWords = headWords
        var keys: [String?] = [], nameWords: [Set<String>] = []
        var profiles: [String: Set<String>] = [:]
        keys.reserveCapacity(statements.count)
        for s in statements {
            guard let name = s.speaker.name else { keys.append(nil); nameWords.append([]); continue }
            let key = EntityLexicon.fold(name)
            keys.append(key)
            nameWords.append(identifying(name))
            let text = [name, s.speaker.mention ?? "", s.speaker.role ?? ""].joined(separator: " ")
            profiles[key, default: []].formUnion(identifying(text))
        }
        var byWord: [String: [String]] = [:]
        for (key, words) in profiles { for w in words { byWord[w, default: []].append(key) } }
        self.keys = keys; self.nameWords = nameWords; self.profiles = profiles; self.speakersByWord = byWord
    }

    /// Whether statements `a` and `b` come from the same source: the same entity, one naming the
    /// other by a shorter name or role, or two descriptions of one body of the same side sharing two
    /// identifying words ("Beijing's commerce ministry", "China's Ministry of Commerce"; not two
    /// clubs' "supporters' trust").
    func same(_ a: Int, _ b: Int) -> Bool {
        guard let ka = keys[a], let kb = keys[b] else { return false }
        if ka == kb { return true }
        let pair = ka < kb ? ka + "\u{1F}" + kb : kb + "\u{1F}" + ka
        if let known = sameCache[pair] { return known }
        let wa = nameWords[a], wb = nameWords[b]
        let result = (!wa.isEmpty && wa.isSubset(of: profiles[kb] ?? []))
            || (!wb.isEmpty && wb.isSubset(of: profiles[ka] ?? []))
            || (wa.intersection(wb).count >= 2 && !sides[a].isEmpty && sides[a] == sides[b])
        sameCache[pair] = result
        return result
    }

    /// Whether `a` and `b` speak for the same side: the same source, a side in common (`claim-sides`;
    /// when both have sides, only that counts), or one's name ending in a word the other is known by
    /// ("J. R. Castellano" and "Castellano Drive Systems"; "the city's water utility" and "Utility
    /// director Priya Nand").
    /// A same-side source restates a claim; it does not confirm it independently.
    func sameSide(_ a: Int, _ b: Int) -> Bool {
        guard let ka = keys[a], let kb = keys[b] else { return false }
        if same(a, b) { return true }
        // Sides named for both decide: different countries' officials are never one side.
        if !sides[a].isEmpty, !sides[b].isEmpty { return !sides[a].isDisjoint(with: sides[b]) }
        if let head = headWords[a], profiles[kb]?.contains(head) ?? false { return true }
        if let head = headWords[b], profiles[ka]?.contains(head) ?? false { return true }
        return false
    }

    /// Folded names of the speakers an owner phrase names (all its identifying words in their profile).
    func speakers(named owner: String) -> Set<String> {
        if let known = ownerCache[owner] { return known }
        let words = identifying(owner)
        var result = Set<String>()
        if let rarest = words.min(by: { (speakersByWord[$0]?.count ?? 0) < (speakersByWord[$1]?.count ?? 0) }) {
            for key in speakersByWord[rarest] ?? [] where words.isSubset(of: profiles[key] ?? []) { result.insert(key) }
        }
        ownerCache[owner] = result
        return result
    }

    /// Whether statement `i`'s speaker is one the owner phrase names.
    func matches(owner: String, _ i: Int) -> Bool {
        guard let key = keys[i] else { return false }
        return speakers(named: owner).contains(key)
    }
}
