import Foundation

/// Scoring against PARC/PolNeAR brat standoff annotations (`NAME_ANNOTATOR.ann` beside `NAME.txt`).
public enum BratEvaluator {
    /// Speech cues: the statements this tool exists to find (beliefs and intentions are not counted in recall).
    static let speechWords: Set<String> = Set("""
    said say says saying told tell tells telling according wrote write writes writing stated states state added adding adds noted notes note noting claimed claims claim claiming argued argues argue arguing announced announces announce asked asks ask replied responded responds explained explains insisted insists warned warns denied denies deny confirmed confirms confirm acknowledged acknowledges admitted admits reported reports report reporting suggested suggests described describes called calls call declared declares tweeted tweets posted quoted recalled recalls repeated repeats stressed stresses emphasized emphasizes predicted predicts promised promises pledged vowed vows urged urges criticized accused accuses insisting contended contends maintained maintains alleged alleges revealed reveals disclosed testified conceded concedes countered counters echoed cited citing cites remarked commented declined refused mentioned mentions boasted joked complained complains shouted chanted chanting
    """.split(whereSeparator: { $0.isWhitespace }).map(String.init))

    struct GoldAttribution {
        var cueStart: Int
        var cue: String
        var source: String
        var content: String
        var speech: Bool
    }

    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in s.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "_" { current.append(ch) } else if !current.isEmpty { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static let stop: Set<String> = ["the", "a", "an", "of", "and", "mr.", "mrs.", "ms.", "dr.", "to", "for", "in", "on", "at"]
    static func looseTokens(_ s: String?) -> Set<String> {
        Set(EvalText.tokens((s ?? "").lowercased()).filter { !stop.contains($0) })
    }

    /// Token F1 of two spans (bags of lower-cased words).
    public static func tokenF1(_ a: String?, _ b: String?) -> Double {
        let ta = words(a ?? ""), tb = words(b ?? "")
        guard !ta.isEmpty, !tb.isEmpty else { return 0 }
        var counts: [String: Int] = [:]
        for w in ta { counts[w, default: 0] += 1 }
        var common = 0
        for w in tb where (counts[w] ?? 0) > 0 { counts[w, default: 0] -= 1; common += 1 }
        guard common > 0 else { return 0 }
        let p = Double(common) / Double(ta.count), r = Double(common) / Double(tb.count)
        return 2 * p * r / (p + r)
    }

    /// Reads the first annotator's file for each text and scores `analysis` against it.
    public static func evaluate(annotationDirectory: String, textDirectory: String, analysis: Analysis) throws -> EvaluationReport {
        let fm = FileManager.default
        let texts = ((try? fm.contentsOfDirectory(atPath: textDirectory)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        let anns = ((try? fm.contentsOfDirectory(atPath: annotationDirectory)) ?? []).filter { $0.hasSuffix(".ann") }.sorted()
        var report = EvaluationReport()
        var goldSpeech = 0, matchedSpeech = 0, strict = 0, strictSpeech = 0, sourceOK = 0, sourceN = 0
        var byDoc: [String: [Statement]] = [:]
        for s in analysis.statements where s.speaker.name != nil {
            byDoc[(s.document as NSString).lastPathComponent, default: []].append(s)
        }
        for name in texts {
            let stem = String(name.dropLast(4))
            guard let ann = anns.first(where: { $0.hasPrefix(stem + "_") }) else { continue }
            let textPath = (textDirectory as NSString).appendingPathComponent(name)
            guard let text = try? String(contentsOfFile: textPath, encoding: .utf8) else { continue }
            let gold = readAnnotations((annotationDirectory as NSString).appendingPathComponent(ann))
            let found = byDoc[name] ?? []
            // Sentence ranges in characters (brat offsets count characters).
            let chars = Array(text)
            let located: [Range<Int>?] = found.map { s in
                let prefix = Array(text.utf8).prefix(s.span.start)
                let start = String(decoding: prefix, as: UTF8.self).count
                let length = s.sentence.count
                return start + length <= chars.count ? start..<(start + length) : nil
            }
            var used = Set<Int>()
            for g in gold {
                if g.speech { goldSpeech += 1 }
                let hit = found.indices.first { i in
                    guard !used.contains(i), let r = located[i], r.contains(g.cueStart) else { return false }
                    return !looseTokens(g.cue).isDisjoint(with: looseTokens(found[i].cue)) || [":", "―", "—"].contains(g.cue.trimmingCharacters(in: .whitespaces))
                }
                guard let hit else {
                    if g.speech {
                        report.falseNegatives += 1
                        report.misses.append("\(name):\(line(of: g.cueStart, in: chars)): \(g.cue) — \(g.source)")
                    }
                    continue
                }
                used.insert(hit)
                report.truePositives += 1
                if g.speech { matchedSpeech += 1 }
                let s = found[hit]
                report.rules[s.rule, default: (0, 0)].tp += 1
                sourceN += 1
                let foundSpeaker = [s.speaker.mention, s.speaker.name].compactMap { $0 }.joined(separator: " ")
                if !looseTokens(g.source).isDisjoint(with: looseTokens(foundSpeaker)) { sourceOK += 1 }
                let mention = [s.speaker.mention, s.speaker.name].compactMap { $0 }.first { !$0.isEmpty } ?? ""
                let speakerSpan = SpanComparison(found: mention, gold: g.source, score: tokenF1(mention, g.source))
                let contentSpan = SpanComparison(found: s.content, gold: g.content, score: tokenF1(s.content, g.content))
                if speakerSpan.overlaps && contentSpan.overlaps {
                    strict += 1
                    if g.speech { strictSpeech += 1 }
                } else {
                    report.spanMismatches.append(SpanMismatch(location: "\(name):\(line(of: g.cueStart, in: chars))", rule: s.rule,
                                                              speaker: speakerSpan, content: contentSpan))
                }
            }
            for i in found.indices where !used.contains(i) {
                report.falsePositives += 1
                report.rules[found[i].rule, default: (0, 0)].fp += 1
                report.falseFinds.append("\(name):\(found[i].line): \(found[i].speaker.mention ?? "") \(found[i].cue) [\(found[i].rule)]")
            }
        }
        report.goldSpeech = goldSpeech
        report.matchedSpeech = matchedSpeech
        report.strictMatches = strict
        report.strictSpeech = strictSpeech
        report.fields = ["source": (sourceOK, sourceN)]
        return report
    }

    /// The 1-based line of character offset `offset`.
    static func line(of offset: Int, in chars: [Character]) -> Int {
        chars[0..<min(offset, chars.count)].filter { $0 == "\n" }.count + 1
    }

    static func readAnnotations(_ path: String) -> [GoldAttribution] {
        guard let body = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var spans: [String: (Int, String)] = [:]
        var relations: [[String: String]] = []
        for line in body.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let id = parts.first else { continue }
            if id.hasPrefix("T"), parts.count >= 3 {
                let numbers = parts[1].split(whereSeparator: { $0 == " " || $0 == ";" }).compactMap { Int($0) }
                if let first = numbers.first { spans[id] = (first, parts[2]) }
            } else if id.hasPrefix("E"), parts.count >= 2 {
                var rel: [String: String] = [:]
                for pair in parts[1].split(separator: " ") {
                    let kv = pair.split(separator: ":", maxSplits: 1).map(String.init)
                    if kv.count == 2 { rel[kv[0]] = kv[1] }
                }
                relations.append(rel)
            }
        }
        return relations.compactMap { rel in
            guard let cueID = rel["Cue"], let cue = spans[cueID] else { return nil }
            let cueWords = Set(words(cue.1))
            let speech = !cueWords.isDisjoint(with: speechWords) || [":", "―", "—"].contains(cue.1.trimmingCharacters(in: .whitespaces))
            return GoldAttribution(cueStart: cue.0, cue: cue.1, source: rel["Source"].flatMap { spans[$0]?.1 } ?? "",
                                   content: rel["Content"].flatMap { spans[$0]?.1 } ?? "", speech: speech)
        }
    }
}
