import Gazetteer

/// Titles and given names that mark the next word, or the name itself, as a person's:
/// "Presiden Vladimir Putin", "David Albright", "Владимира Путина", "دیوید کامرون".
///
/// Given names are those news on these supply chains names most that are also places
/// somewhere (Vladimir, David, Antony, Maria…), with their Cyrillic and Persian spellings.
enum PersonNames {
    /// Titles before a person's name (lowercased).
    static let titles: WordSet = [
        "president", "presiden", "президент", "президента", "президентом", "mr", "mrs", "ms", "dr", "gen", "general", "jenderal",
        "генерал", "генерала", "adm", "admiral", "laksamana", "адмирал", "col", "colonel", "kolonel", "полковник", "sheikh", "syekh",
        "шейх", "king", "raja", "король", "queen", "ratu", "prince", "pangeran", "принц", "pak", "bapak", "ibu", "tuan", "господин",
        "госпожа", "آقای", "خانم", "سرلشکر", "سردار", "ژنرال", "سرتیپ", "دریادار", "pm", "chancellor", "kanselir",
        "канцлер", "premier", "senator", "сенатор", "ayatollah", "аятолла", "آیت‌الله", "آیتالله", "emir", "amir", "эмир", "sultan",
        "султан", "marshal", "маршал", "spokesman", "spokeswoman", "представитель", "سخنگوی",
        "cdre", "commodore", "lt", "capt", "captain", "maj", "sgt", "minister", "menteri", "министр", "министра",
        "secretary", "ambassador", "duta", "посол", "commander", "командующий", "gov", "governor", "gubernur", "губернатор", "mayor",
        "мэр", "sen", "rep", "vazir", "وزیر", "سفیر", "فرمانده", "رئیس", "رییس", "پرزیدنت", "sir", "lord", "dubes",
        // Indonesian police and military ranks, written before the name ("AKBP Denny", "Brigjen Ahmad"): a rank, unlike an
        // office ("Kapolres Sangihe", "Gubernur Jawa Barat" name the place the office is of), is followed by a person.
        "akbp", "akp", "kombes", "kompol", "iptu", "ipda", "aiptu", "aipda", "bripka", "brigpol", "briptu", "bripda", "brigjen",
        "irjen", "komjen", "mayjen", "letjen", "letkol", "mayor", "kapten", "letnan", "serka", "sertu", "serda", "praka", "laksma", "laksda",
        "marsma", "marsda", "kopda", "pelda", "peltu", "komodor",
    ]

    /// Given names, folded to lowercase; Cyrillic ones also match in their case forms (Владимира, Владимиром).
    private static let givenNames: WordSet = [
        "vladimir", "volodymyr", "sergei", "sergey", "dmitry", "dmitri", "alexander", "aleksandr", "alexei", "alexey", "mikhail", "nikolai",
        "yevgeny", "evgeny", "andrei", "andrey", "igor", "viktor", "victor", "maria", "anna", "olga", "elena", "yulia", "natalia", "sofia",
        "david", "john", "joe", "donald", "antony", "anthony", "lloyd", "jake", "kim", "ali", "hassan", "hossein", "hussein", "mohammad",
        "muhammad", "mohammed", "ahmed", "ahmad", "ebrahim", "ibrahim", "recep", "emmanuel", "olaf", "rishi", "boris", "jens", "xi",
        "narendra", "benjamin", "bashar", "khalifa", "mahmoud", "abdullah", "khalid", "salman", "omar", "yahya", "ismail", "hamid",
        "abd", "abdel", "ilham", "nikol", "kassym", "sadyr", "shavkat", "joseph", "james", "michael", "robert", "richard", "william",
        "george", "charles", "robin", "mark", "paul", "peter", "thomas", "daniel", "matthew", "andrew", "brian", "kevin", "jack", "elizabeth", "victoria",
        // Romance given names that are also places (Chiara, Italy; Mauricio, Spanish for Mauritius): "Chiara Cardoletti", "Mauricio Dueñas".
        "chiara", "mauricio", "francesca", "giulia", "ramzan", "yevgeny", "kirill", "pavel", "oleg", "ivan", "valery", "gennady",
        "ruslan", "abbas", "masoud", "amir", "nasser", "saddam", "muammar", "khalifa", "abdel-fattah", "mohamed", "jake",
        "владимир", "сергей", "дмитрий", "александр", "алексей", "михаил", "николай", "евгений", "андрей", "игорь", "виктор", "мария",
        "анна", "ольга", "елена", "юлия", "наталья", "давид", "дэвид", "джон", "джо", "дональд", "энтони", "ллойд", "ким", "али", "хасан",
        "мухаммед", "мохаммед", "ахмед", "эбрахим", "ибрагим", "реджеп", "эммануэль", "олаф", "борис", "йенс", "си", "нарендра",
        "биньямин", "башар", "халифа", "махмуд", "абдулла", "салман", "ильхам", "никол", "касым", "садыр", "шавкат", "рамзан",
        "кирилл", "павел", "олег", "иван", "валерий", "геннадий", "руслан", "аббас", "масуд", "владимира", "сергея",
        "ولادیمیر", "دیوید", "جو", "جان", "دونالد", "آنتونی", "کیم", "علی", "حسن", "حسین", "محمد", "احمد", "ابراهیم", "رجب", "امانوئل",
        "اولاف", "بوریس", "بنیامین", "بشار", "خلیفه", "محمود", "عبدالله", "سلمان", "الهام", "نیکول", "قاسم", "شوکت", "رمضان", "عباس",
        "مسعود", "سرگئی", "دیمیتری", "الکساندر", "ولودیمیر", "ریشی", "نارندرا", "لوید", "جیک",
    ]

    /// Words that start a byline ("By David Albright", "Oleh Ahmad"), as written.
    static let bylines: WordSet = ["By", "Oleh", "Автор", "Авторы"]

    /// True for a given name common in some country and no common word, from a first-name dictionary (geoparser/given_names.txt,
    /// made by geoparser/tools/given_names.py): "Sharon", "Francisco", "Bernadett". They widen the curated names above. The
    /// embedded list is sorted, one lowercase ASCII name a line, and searched in place: a cold start builds nothing.
    /// A Latin name is compared without its diacritics ("César" is "cesar"), a Cyrillic one as Russian news transliterates a
    /// foreign name ("Фаусто" is "fausto", "Ханс" "hans").
    static func isListedGivenName(_ word: String) -> Bool {
        let folded = word.utf8.allSatisfy({ $0 < 0x80 }) ? word.lowercased() : NameNormalizer.key(word)
        var text = embeddedGivenNamesText
        return latinSpellings(of: folded).contains { key in text.withUTF8 { sortedLines($0, contain: Array(key.utf8)) } }
    }

    /// Latin letters for Russian ones, as a foreign name is written back: 'х' may be kh, h or j (Хосе, José).
    private static let cyrillicLetters: [Character: [String]] = [
        "а": ["a"], "б": ["b"], "в": ["v"], "г": ["g"], "д": ["d"], "е": ["e"], "ё": ["e"], "ж": ["zh"], "з": ["z"], "и": ["i"],
        "й": ["y"], "к": ["k"], "л": ["l"], "м": ["m"], "н": ["n"], "о": ["o"], "п": ["p"], "р": ["r"], "с": ["s"], "т": ["t"],
        "у": ["u"], "ф": ["f"], "х": ["kh", "h", "j"], "ц": ["ts"], "ч": ["ch"], "ш": ["sh"], "щ": ["shch"], "ъ": [""], "ы": ["y"],
        "ь": [""], "э": ["e"], "ю": ["yu"], "я": ["ya"],
    ]

    /// The ASCII spellings a folded word may stand for: itself when ASCII, its transliterations when Russian, none otherwise.
    private static func latinSpellings(of folded: String) -> [String] {
        if folded.utf8.allSatisfy({ $0 < 0x80 }) { return [folded] }
        var spellings = [""]
        for character in folded {
            guard let letters = cyrillicLetters[character], spellings.count * letters.count <= 9 else { return [] }
            spellings = spellings.flatMap { prefix in letters.map { prefix + $0 } }
        }
        return spellings
    }

    /// Binary search for the line `key` in `lines`, lines sorted by their bytes and ended by a line feed.
    static func sortedLines(_ lines: UnsafeBufferPointer<UInt8>, contain key: [UInt8]) -> Bool {
        var low = 0, high = lines.count
        while low < high {
            var start = (low + high) / 2
            while start > low, lines[start - 1] != 0x0A { start -= 1 }
            var end = start
            while end < lines.count, lines[end] != 0x0A { end += 1 }
            let line = UnsafeBufferPointer(rebasing: lines[start..<end])
            if line.elementsEqual(key) { return true }
            if line.lexicographicallyPrecedes(key) { low = end + 1 } else { high = start }
        }
        return false
    }

    /// True when `word` is a given name (in any case form, for Cyrillic).
    static func isGivenName(_ word: String) -> Bool {
        let folded = word.lowercased()
        if givenNames.contains(folded) { return true }
        // (An ASCII word ends in no Cyrillic ending: its suffixes are not compared.)
        guard !folded.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        // Russian case endings: Владимира, Владимиру, Владимиром, Марии.
        for ending in ["а", "у", "ом", "ем", "е", "ы", "и", "ой", "ей", "я", "ю"] where folded.hasSuffix(ending) && folded.count > ending.count + 2 {
            let stem = String(folded.dropLast(ending.count))
            if givenNames.contains(stem) || givenNames.contains(stem + "й") || givenNames.contains(stem + "я") || givenNames.contains(stem + "а") { return true }
        }
        return false
    }
}
