/// Places inside the names of organisations are not mentions of the place: "Washington Post",
/// "New York Times", "Bank of Russia", "University of Tehran", "Universitas Indonesia".
///
/// A match is dropped when the next word is one of `followers` (capitalised, as in a name), or
/// when it is preceded by "of" after one of `heads`, or directly by "Universitas" or "Bank", on the same line.
enum OrganisationNames {
    static let followers: WordSet = [
        "Post", "Times", "Journal", "Herald", "Tribune", "Gazette", "Chronicle", "Telegraph", "Observer", "Standard",
        "University", "Institute", "College", "Airlines", "Airways", "Air", "Bank", "Club", "Corporation", "Corp", "Inc",
        "Company", "Group", "Agency", "Press", "Daily", "Presse", "Polytech", "Polytechnic", "News", "Today", "Express", "Insider",
        "Review", "Monitor", "Independent", "Pravda", "Правда", "Известия", "Реалии", "Realii",
        // Companies named after a place and their trade: "Texas Instruments", "Sahara Energy", "Caspian Trading".
        "Instruments", "Energy", "Trading", "Petroleum", "Motors",
        // Indonesian listed companies end in "Tbk" ("PT Timah Tbk"), Malaysian private ones in "Sdn Bhd".
        "Tbk", "Sdn",
    ]
    /// Indonesian and Malaysian companies' legal forms, written before the name ("PT Toshida Indonesia", "CV Maluku Sentosa"), as written.
    static let companyForms: WordSet = ["PT", "CV"]
    /// Words before a place that make it a newspaper's or a news site's name when capitalised inside a sentence
    /// ("Media Indonesia", "Bisnis Indonesia", "Tribun Jateng", "Radar Bogor"), or in Persian ("روزنامه ایران"), as written.
    static let mastheads: WordSet = ["Media", "Bisnis", "Tribun", "Radar", "Harian", "Koran", "روزنامه", "سایت", "وبسایت", "عصر"]
    /// The words of "Bea Cukai" / "Bea dan Cukai", Indonesia's customs service (lowercased).
    static let customsFirst: WordSet = ["bea"]
    static let customsLast: WordSet = ["cukai"]
    /// Company suffixes after a place in brackets: "CNOOC Trading (Singapore) Pte. Ltd.".
    static let companySuffixes: WordSet = ["Pte", "Ltd", "LLC", "Inc", "GmbH", "PLC", "Limited", "FZE", "LLP"]
    static let heads: WordSet = ["University", "Bank", "Institute", "College", "Museum"]
    /// A company's trade, written between its name and a place that ends the name ("Teekay Shipping Glasgow", "Nakilat Shipping Qatar").
    static let trades: WordSet = ["Shipping", "Maritime", "Marine", "Logistics", "Tankers", "Navigation", "Shipmanagement"]
    static let directHeads: WordSet = ["Grup", "Grub", "Group", "Kelompok", "ЧВК", "группа", "группы", "группой", "گروه", "Universitas", "Bank", "Institut", "Agence", "CNN", "CNBC", "BBC", "VOA", "DW", "Agenzia", "Agencia", "Agência", "Agentur", "Komando", "Radio", "Voice", "صدای", "رادیو", "خبرگزاری", "Радио", "агентство", "агентства"]

    /// News agencies whose regional desks are named after their place ("Antara Bali", "ANTARA Sulut"): the place
    /// names the desk. "Antara" is also Indonesian "between", so only the capitalised word inside a sentence or in a
    /// bracketed credit counts ("(Antara Bali)"), never one that starts a sentence.
    static let agencyDesks: WordSet = ["Antara", "ANTARA"]

    /// Two words after which a name is a news source's (lowercased): "به گزارش مشهد فوری" (according to the report of …),
    /// "kantor berita Saba" (the news agency Saba).
    static let sourceCues: [(String, String)] = [("به", "گزارش"), ("kantor", "berita")]

    /// The last word of a capitalised run after a place that makes the run an organisation's
    /// name: "U.S. Central Command", "White House National Security Council", "U.S. 5th Fleet".
    static let runHeads: WordSet = [
        "Command", "Council", "Department", "Ministry", "Fleet", "Forces", "Agency", "Office", "Service", "Authority", "Organization",
        "Organisation", "Committee", "Institute", "University", "Services", "Group", "Company", "Corporation", "Commission", "Corps", "Guard", "Operations", "Center", "Centre", "Institution", "Foundation",
        "Polytech", "Polytechnic", "Presse", "Television", "Exchange", "TV", "Radio", "Broadcasting", "Railways", "Shipping", "Lines", "Holdings",
    ]

    /// Words before "of" that make a place's own name, not an organisation's, even with a short name in brackets
    /// ("Democratic Republic of Congo (DRC)", "Kurdistan Region of Iraq (KRI)", "Isle of Man (IOM)").
    static let statesOf: WordSet = [
        "Republic", "Kingdom", "Emirate", "Emirates", "Sultanate", "Commonwealth", "Federation", "Principality", "State", "States",
        "Isle", "Isles", "Sea", "Gulf", "Strait", "Straits", "Bay", "Cape", "Port", "Region", "Territory", "Province", "Union",
    ]

    /// Words after a place that make it part of a place's own longer name, not a person's.
    static let placeWords: WordSet = [
        "Port", "Bay", "Sea", "Island", "Islands", "Province", "Oblast", "Region", "City", "Base", "Airport", "Strait", "Gulf", "River",
        "Krai", "Governorate", "District", "County", "State", "Harbour", "Harbor", "Canal", "Lake", "Peninsula",
    ]
}
