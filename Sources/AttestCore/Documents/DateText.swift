import Foundation

/// Turns written dates into ISO `yyyy-mm-dd`.
public enum DateText {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// ISO date from "June 12, 2025", "12 June 2025", "2025-06-12", "June 12" (with a default
    /// year), or nil when the text holds no full date.
    public static func isoDate(_ text: String, defaultYear: Int? = nil) -> String? {
        let cleaned = text.replacingText(",", with: " ").replacingText(".", with: " ")
        let words = cleaned.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" || $0 == "T" }).map { String($0).lowercased() }
        var year: Int? = nil, month: Int? = nil, day: Int? = nil
        if words.count >= 3, let y = Int(words[0]), y > 1900, let m = Int(words[1]), let d = Int(words[2]) {
            year = y; month = m; day = d
        } else {
            for w in words {
                if let m = months[w] { month = m; continue }
                let digits = w.filter(\.isNumber)
                guard let n = Int(digits), !digits.isEmpty else { continue }
                if n > 1900 && n < 2200 { year = n } else if n >= 1 && n <= 31 && day == nil { day = n }
            }
        }
        guard let m = month, let d = day, (1...12).contains(m), (1...31).contains(d) else { return nil }
        guard let y = year ?? defaultYear else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
