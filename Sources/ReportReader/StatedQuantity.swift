/// Reads the figures reports give for distances: digits in any script and separator convention,
/// number words, and vague quantities ("several hundred", "beberapa ratus", "несколько сотен").
enum StatedQuantity {
    /// The range a run of words ending at `end` (exclusive) states, and where the run starts; nil when none.
    static func quantity(endingAt end: Int, in words: ArraySlice<ReportText.Word>, language: String) -> (range: ClosedRange<Double>, start: Int)? {
        guard end > words.startIndex else { return nil }
        let last = words[end - 1]
        if last.isNumber, let value = number(last.folded, language: language) {
            var start = end - 1, value = value
            // "1 300" written with a space between thousands.
            if start > words.startIndex, words[start - 1].isNumber, last.folded.count == 3, let high = number(words[start - 1].folded, language: language),
               high < 1000, words[start - 1].range.upperBound + 1 == last.range.lowerBound {
                value += high * 1000
                start -= 1
            }
            // "between 10 and 20 km", "10 to 20 km", "от 10 до 20 км", "antara 10 dan 20 km", "بین ۱۰ تا ۲۰ کیلومتر": a range.
            // "20 and 45 nautical miles …, respectively" are two figures: "and" makes a range only after "between".
            if start - 2 >= words.startIndex, rangeJoiners.contains(words[start - 1].folded), words[start - 2].isNumber,
               let low = number(words[start - 2].folded, language: language), low < value {
                let opened = start - 3 >= words.startIndex && rangeOpeners.contains(words[start - 3].folded)
                if opened || !coordinating.contains(words[start - 1].folded) { return (low...value, opened ? start - 3 : start - 2) }
            }
            return (value...value, start)
        }
        // Vague quantities of two words, then one.
        for n in [3, 2, 1] where end - n >= words.startIndex {
            let phrase = words[(end - n)..<end].map(\.folded).joined(separator: " ")
            if let range = vague[phrase] { return (range, end - n) }
        }
        // Number words: "nine", "sembilan", "девяти", "نه"; "two hundred", "dua ratus", "двести".
        var start = end, total = 0.0, current = 0.0
        while start > words.startIndex, numberWords[words[start - 1].folded] != nil { start -= 1 }
        guard start < end else { return nil }
        for word in words[start..<end].map(\.folded) {
            let value = numberWords[word]!
            if word == "puluh" { current = max(current, 1) * 10 } else if value >= 1000 { total += max(current, 1) * value; current = 0 } else if value >= 100 { current = max(current, 1) * value } else { current += value }
        }
        total += current
        return total > 0 ? (total...total, start) : nil
    }

    /// Words between the two figures of a range, and words that open one.
    private static let rangeJoiners: Set<String> = ["and", "to", "or", "dan", "hingga", "sampai", "atau", "и", "до", "или", "تا", "و", "یا"]
    private static let rangeOpeners: Set<String> = ["between", "from", "antara", "dari", "между", "от", "بین", "از"]
    /// Joiners that also list separate figures ("20 and 45 … respectively").
    private static let coordinating: Set<String> = ["and", "or", "dan", "atau", "и", "или", "و", "یا"]

    /// A figure written in digits: ASCII or Persian/Arabic digits; "," "." "٬" as thousands or decimal separators as the language writes them.
    static func number(_ text: String, language: String) -> Double? {
        var digits = ""
        for scalar in text.unicodeScalars {
            if let v = scalar.properties.numericType != nil ? scalar.properties.numericValue : nil, v >= 0, v < 10, v == v.rounded() {
                digits.append(String(Int(v)))
            } else {
                digits.append(Character(scalar))
            }
        }
        let parts = digits.split(whereSeparator: { [",", ".", "٫", "٬"].contains($0) }).map(String.init)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        if parts.count == 1 { return Double(parts[0]) }
        let separators = digits.filter { [",", ".", "٫", "٬"].contains($0) }
        // Groups of three after the first part are thousands ("1,300", "1.300", "12,000,000"); else a decimal ("1.5", "2,5").
        if parts.dropFirst().allSatisfy({ $0.count == 3 }) && !(separators.count == 1 && (separators == "٫" || (separators == "." && language == "en" && parts[0] == "0"))) {
            return Double(parts.joined())
        }
        guard parts.count == 2 else { return nil }
        return Double(parts[0] + "." + parts[1])
    }

    /// Quantities without a figure, as the least and most they can mean.
    static let vague: [String: ClosedRange<Double>] = [
        "several hundred": 200...900, "a few hundred": 200...500, "hundreds of": 100...1000, "many hundreds of": 300...1000,
        "dozens of": 24...100, "tens of": 20...100, "several thousand": 2000...9000, "thousands of": 1000...10000,
        "beberapa ratus": 200...900, "ratusan": 100...1000, "puluhan": 20...100, "ribuan": 1000...10000, "beberapa ribu": 2000...9000,
        "несколько сотен": 200...900, "сотни": 100...1000, "сотен": 100...1000, "сотнях": 100...1000, "десятки": 20...100, "десятков": 20...100,
        "нескольких сотнях": 200...900, "нескольких сот": 200...900, "тысячи": 1000...10000, "нескольких тысячах": 2000...9000,
        "several": 2...9, "a few": 2...5, "beberapa": 2...9, "несколько": 2...9, "нескольких": 2...9, "چند": 2...9,
        "چند صد": 200...900, "صدها": 100...1000, "دهها": 20...100, "چندصد": 200...900, "هزاران": 1000...10000,
    ]

    /// Number words in the four languages (Russian in the cases distances take: девять, девяти).
    static let numberWords: [String: Double] = {
        var table: [String: Double] = [:]
        let lists: [[String]] = [
            ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
             "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"],
            ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"],
            ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "одиннадцать", "двенадцать",
             "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"],
            ["ноля", "одного", "двух", "трех", "четырех", "пяти", "шести", "семи", "восьми", "девяти", "десяти", "одиннадцати", "двенадцати",
             "тринадцати", "четырнадцати", "пятнадцати", "шестнадцати", "семнадцати", "восемнадцати", "девятнадцати"],
            ["صفر", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده"],
        ]
        for list in lists { for (value, word) in list.enumerated() { table[word] = Double(value) } }
        let tens: [(String, Double)] = [
            ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
            ("двадцать", 20), ("тридцать", 30), ("сорок", 40), ("пятьдесят", 50), ("шестьдесят", 60), ("семьдесят", 70), ("восемьдесят", 80),
            ("девяносто", 90), ("двадцати", 20), ("тридцати", 30), ("сорока", 40), ("пятидесяти", 50),
            ("بیست", 20), ("سی", 30), ("چهل", 40), ("پنجاه", 50), ("شصت", 60), ("هفتاد", 70), ("هشتاد", 80), ("نود", 90),
            ("hundred", 100), ("thousand", 1000), ("ratus", 100), ("seratus", 100), ("ribu", 1000), ("seribu", 1000), ("puluh", 10),
            ("сто", 100), ("ста", 100), ("двести", 200), ("трехсот", 300), ("триста", 300), ("четыреста", 400), ("пятьсот", 500),
            ("тысяча", 1000), ("тысячи", 1000), ("тысяч", 1000), ("صد", 100), ("دویست", 200), ("سیصد", 300), ("پانصد", 500), ("هزار", 1000),
        ]
        for (word, value) in tens { table[word] = value }
        return table
    }()
}
