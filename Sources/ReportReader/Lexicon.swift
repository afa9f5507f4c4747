/// Cue words by language: what marks a movement, a role, a mode, a site, a status, a distance.
///
/// A phrase is a run of folded words (`ReportText.fold`); a word ending in `*` matches any word
/// that starts with it (Russian and Indonesian inflect and affix: `постав*` is поставил,
/// поставки, поставлены). Lists are per language; `all` merges them for mixed texts.
struct Lexicon: Sendable {
    /// Verbs and nouns of sending, shipping, delivering: the subject is where things come from.
    let send: [Phrase]
    /// Verbs of receiving, buying, importing: the subject is where things go.
    let receive: [Phrase]
    /// Nouns of movement (shipment, deliveries, поставки, محموله): evidence of a movement, but with no subject to send it.
    let nouns: [Phrase]
    /// Verbs and nouns of travelling, sailing, arriving; routes and shipments.
    let travel: [Phrase]
    /// Words before a place that make it the origin, destination or a point passed.
    let from: [Phrase], to: [Phrase], via: [Phrase]
    /// Words between a role word and its place ("the port of", "pelabuhan", "порта").
    let filler: [Phrase]
    /// Mode cues.
    let modes: [(TransportCue, [Phrase])]
    /// Facility words, by site kind.
    let sites: [(String, [Phrase])]
    /// What happens at a site, by activity.
    let activities: [(String, [Phrase])]
    /// Status cues.
    let denied: [Phrase], reported: [Phrase], hypothetical: [Phrase]
    /// Cargo words: what moves.
    let cargo: [Phrase]
    /// Words joining coordinated places ("and", "dan", "и", "و").
    let and: [Phrase]

    /// A run of word patterns.
    struct Phrase: Sendable {
        let words: [String]

        init(_ text: String) {
            words = text.split(separator: " ").map { $0.hasSuffix("*") ? ReportText.fold(String($0.dropLast())) + "*" : ReportText.fold(String($0)) }
        }

        /// True when the phrase starts at word `index` of `words`; the number of words it covers.
        func match(_ words: ArraySlice<ReportText.Word>, at index: Int) -> Int? {
            guard index + self.words.count <= words.endIndex else { return nil }
            for (k, pattern) in self.words.enumerated() where !Self.fits(pattern, words[index + k].folded) { return nil }
            return self.words.count
        }

        static func fits(_ pattern: String, _ word: String) -> Bool {
            pattern.hasSuffix("*") ? word.hasPrefix(pattern.dropLast()) : word == pattern
        }
    }

    /// Transport modes a text can state for a leg.
    enum TransportCue: String, Sendable { case sea, river, rail, road, air }

    /// The longest phrase of `phrases` that starts at word `index`, and its length.
    static func longest(_ phrases: [Phrase], in words: ArraySlice<ReportText.Word>, at index: Int) -> Int? {
        phrases.compactMap { $0.match(words, at: index) }.max()
    }

    static func p(_ list: [String]) -> [Phrase] { list.map(Phrase.init) }
}

extension Lexicon {
    /// Every language's cues together: reports mix scripts (Latin names in Persian text), and
    /// the languages' cue words barely collide.
    static let all: Lexicon = {
        let parts = [english, indonesian, russian, persian]
        func merged(_ key: KeyPath<Lexicon, [Phrase]>) -> [Phrase] { parts.flatMap { $0[keyPath: key] } }
        func mergedTable<K: Hashable>(_ key: KeyPath<Lexicon, [(K, [Phrase])]>) -> [(K, [Phrase])] {
            var order: [K] = [], table: [K: [Phrase]] = [:]
            for part in parts {
                for (k, v) in part[keyPath: key] {
                    if table[k] == nil { order.append(k) }
                    table[k, default: []] += v
                }
            }
            return order.map { ($0, table[$0]!) }
        }
        return Lexicon(send: merged(\.send), receive: merged(\.receive), nouns: merged(\.nouns), travel: merged(\.travel), from: merged(\.from), to: merged(\.to),
                       via: merged(\.via), filler: merged(\.filler), modes: mergedTable(\.modes), sites: mergedTable(\.sites),
                       activities: mergedTable(\.activities), denied: merged(\.denied), reported: merged(\.reported),
                       hypothetical: merged(\.hypothetical), cargo: merged(\.cargo), and: merged(\.and))
    }()

    static let english = Lexicon(
        send: p(["ship", "ships", "shipped", "shipping", "shipment*", "send", "sends", "sent", "sending", "deliver*", "supplie*", "supply",
                 "supplying", "export*", "re-export*", "transfer*", "transport*", "smuggl*", "moved", "moving", "move", "carr*", "provid*",
                 "sell", "sells", "sold", "selling", "dispatch*", "airlift*", "ferr*", "haul*", "transship*", "trans-ship*", "funnel*",
                 "channeled", "channelled", "routed", "rerouted", "diverted", "flowed", "flowing", "passed", "transited", "transiting",
                 "loaded", "reloaded", "offloaded", "unloaded", "docked", "launched", "fired", "traded", "trafficked", "trucked"]),
        receive: p(["receiv*", "import*", "bought", "buy", "buys", "buying", "purchas*", "acquir*", "obtain*", "procur*", "took delivery"]),
        nouns: p(["shipment*", "consignment*", "cargo", "cargoes", "flow", "flows", "deliveries", "delivery", "supplies", "transfers",
                  "transfer", "supply route*", "supply line*", "supply chain*", "pipeline", "smuggling", "trade", "exports", "imports", "transport", "transportation"]),
        travel: p(["sail*", "arriv*", "depart*", "left", "leaving", "leave", "called", "calling", "bound", "headed", "heading", "travel*",
                   "voyage*", "journey*", "route", "routes", "en route", "flight*", "flew", "fly", "flies", "flown", "crossed",
                   "cross*", "returned", "return*", "plying", "plied", "made its way", "came", "went", "convoy*", "train*", "drove", "driven", "steamed", "steaming",
                   "brought", "escorted", "towed", "landed", "touched down", "end up", "ended up", "ends up", "ending up", "made their way",
                   "found its way", "found their way", "find their way"]),
        from: p(["from", "out of", "leaving", "left", "departing", "departed", "between", "origin*"]),
        to: p(["to", "into", "toward", "towards", "bound for", "destined for", "headed for", "heading for", "for delivery to", "onward to",
               "on to", "reached", "reaching", "reach", "arrived in", "arrived at", "arriving in", "arriving at", "arrive in", "arrive at",
               "destination", "destination is", "destination was", "and then to", "then to", "and on to", "docked in", "docked at", "docking at", "docking in", "landed at", "landed in", "touched down in", "touched down at", "unloaded in", "unloaded at", "offloaded in", "offloaded at", "sent to", "calling at", "called at", "end up in", "ended up in",
               "ends up in", "ending up in"]),
        via: p(["via", "through", "across", "over", "by way of", "past", "transiting", "transited", "crossing", "along", "up", "down", "via the", "through the"]),
        filler: p(["the", "a", "port", "port of", "city", "city of", "town", "town of", "harbour", "harbor", "harbour of", "harbor of", "the port of",
                   "the city of", "the town of", "russia's", "iran's", "its", "russian", "iranian", "syrian", "north korean", "chinese",
                   "far eastern", "northeastern", "northern", "southern", "eastern", "western", "region", "province", "the region of",
                   "the province of", "capital", "capital of", "the capital of", "port city of", "village of", "naval base", "the naval base", "base", "air base", "airbase", "airport", "terminal", "oil terminal", "dry port", "dry port of", "inland port",
                   "station", "railway station", "rail station", "train station", "border post", "checkpoint"]),
        modes: [
            (.sea, p(["ship", "ships", "vessel*", "cargo ship*", "freighter*", "tanker*", "dhow*", "boat*", "ferr*", "sea", "seas", "sail*",
                      "maritime", "naval", "navy", "shipping", "port", "ports", "by sea", "ro-ro", "container ship*", "bulk carrier*", "landing ship*"])),
            (.river, p(["barge*", "river", "riverine", "inland waterway*", "canal"])),
            (.rail, p(["rail", "railway*", "railroad*", "train*", "wagon*", "railcar*", "rail cars", "freight cars", "locomotive*", "by rail", "trans-siberian", "dry port*", "inland port*"])),
            (.road, p(["truck*", "lorr*", "road", "roads", "highway*", "convoy*", "by road", "overland", "vehicle*", "motorway"])),
            (.air, p(["plane*", "aircraft", "airplane*", "flight*", "flew", "flown", "fly", "airlift*", "cargo plane*", "il-76*", "an-124*",
                      "by air", "air", "airport", "airfield", "airbase", "air base", "jet", "jets", "boeing*", "ilyushin*", "antonov*"])),
        ],
        sites: [
            ("factory", p(["factory", "factories", "plant", "plants", "works", "manufacturing", "assembly", "production", "shipyard*", "refiner*", "foundry"])),
            ("port", p(["port", "ports", "harbour", "harbor", "terminal", "terminals", "pier*", "wharf", "quay", "dock", "docks", "anchorage", "berth"])),
            ("base", p(["base", "bases", "naval base", "air base", "airbase", "garrison", "military base", "outpost", "installation", "fleet", "headquarters", "headquartered"])),
            ("airfield", p(["airfield*", "airport*", "aerodrome*", "airstrip*"])),
            ("depot", p(["depot*", "warehouse*", "storage", "stockpile*", "arsenal*", "ammunition dump*", "storehouse*", "hub", "yard", "yards", "timber yard*"])),
            ("launch", p(["cosmodrome", "launch site", "launch pad", "spaceport", "launched from", "launch"])),
            ("seizure", p(["seized", "seizure", "intercepted", "interdicted", "confiscated", "boarded", "captured", "arrested", "apprehended", "detained"])),
            ("other", p(["railway station", "rail station", "train station", "border station", "freight station", "checkpoint", "border crossing", "rail terminal",
                          "border gate", "border gates", "crossing point", "customs post", "transit point", "transit hub", "transshipment point",
                          "transhipment point", "transshipment hub", "transhipment hub",
                          "facility", "facilities", "mine", "mines", "mining", "quarry", "quarries"])),
        ],
        activities: [
            ("production", p(["produc*", "manufactur*", "assembl*", "built", "build*", "making", "made", "construct*"])),
            ("loading", p(["load", "loaded", "loading"])),
            ("unloading", p(["unload*", "offload*", "delivered", "arrived", "docked"])),
            ("storage", p(["stor*", "stockpil*", "warehous*"])),
            ("seizure", p(["seiz*", "intercept*", "confiscat*", "interdict*", "captur*", "detain*", "impound*", "arrest*", "apprehend*"])),
            ("launch", p(["launch*", "fired"])),
            ("basing", p(["based", "stationed", "deployed", "operat*"])),
        ],
        denied: p(["denied", "deny", "denies", "denying", "rejected", "refuted", "not", "never", "no evidence", "n't", "dismissed"]),
        reported: p(["according to", "said", "says", "say", "reportedly", "allegedly", "alleged", "claimed", "claims", "reported", "reports",
                     "suspected", "believed", "appears", "appeared", "likely", "suggest*", "assess*", "accused", "accuses"]),
        hypothetical: p(["may", "might", "could", "would", "plan", "plans", "planned", "planning", "intend*", "considering", "consider*",
                         "expected to", "will", "seek*", "sought", "proposed", "potential*", "possible", "possibly", "if"]),
        cargo: p(["drone*", "uav*", "munition*", "ammunition", "shell*", "artillery", "missile*", "rocket*", "weapon*", "arms", "oil",
                  "crude", "fuel", "petrol", "gasoline", "diesel", "grain", "wheat", "container*", "component*", "chip*", "microelectronic*", "equipment", "troops",
                  "soldiers", "mercenar*", "fighters", "gold", "explosive*", "gunpowder", "parts", "goods", "cargo", "tank", "tanks", "vehicles",
                  "helicopters", "jets", "shahed*", "geran*", "lng", "gas", "coal", "fertili*", "timber", "cotton", "cocaine", "heroin",
                  "methamphetamine", "meth", "drugs", "narcotics", "cannabis", "cigarettes", "ore", "copper", "cobalt", "nickel",
                  // More goods, and the quantities goods are counted in ("640 tonnes of rosewood").
                  "wood", "rosewood", "logs", "sand", "ivory", "rhino horn*", "horns", "pangolin*", "wildlife", "jade", "diamonds", "gems",
                  "sugar", "rice", "flour", "cement", "steel", "iron", "scrap", "metals", "potash", "fish", "seafood", "lobster*",
                  "marijuana", "hashish", "fentanyl", "precursor*", "ketamine", "tramadol", "captagon", "pills", "contraband",
                  "minerals", "coltan", "tin", "lithium", "bauxite", "uranium", "clothing", "medicine*", "aid",
                  // Livestock and skins ("150 cattle heads", "102 sheep", "three tiger skins").
                  "cattle", "cows", "sheep", "goats", "livestock", "camels", "buffalo*", "skins", "hides", "pelts",
                  "tonnes", "tons", "tonne", "kg", "kilograms", "kilos", "barrels"]),
        and: p(["and", "or", "as well as", "&"])
    )

    static let indonesian = Lexicon(
        send: p(["kirim", "dikirim*", "mengirim*", "terkirim", "memasok", "dipasok", "mengangkut", "diangkut", "mengekspor", "diekspor",
                 "diselundupkan", "menyelundupkan", "menyediakan", "disediakan", "jual", "menjual", "dijual", "memindahkan", "dipindahkan", "transfer",
                 "ditransfer", "mentransfer", "transit", "menyalurkan", "disalurkan", "mengapalkan", "dikapalkan", "dimuat", "memuat",
                 "membongkar", "dibongkar", "mengalir*", "memberikan", "diberikan", "menyuplai", "disuplai", "suplai", "meluncurkan", "diluncurkan", "menembakkan", "ditembakkan", "dibawa", "membawa"]),
        receive: p(["menerima", "diterima", "membeli", "dibeli", "mengimpor", "diimpor", "mendapat*", "memperoleh", "diperoleh"]),
        nouns: p(["pengiriman", "kiriman", "pasokan", "aliran", "penyelundupan", "pengangkutan", "ekspor", "impor", "pembelian", "jalur pasokan", "rantai pasokan"]),
        travel: p(["berlayar", "tiba", "berangkat", "berlabuh", "bersandar", "menuju", "rute", "jalur", "perjalanan", "bertolak", "terbang",
                   "penerbangan", "melintas*", "melewati", "singgah", "kembali", "datang", "pergi", "konvoi", "meninggalkan", "mendarat"]),
        from: p(["dari", "asal", "berasal dari", "antara", "meninggalkan", "oleh"]),
        to: p(["ke", "kepada", "menuju", "tujuan", "hingga", "sampai", "sampai ke", "tiba di", "berlabuh di", "bersandar di", "ke arah", "mendarat di",
               "dibongkar di", "diturunkan di"]),
        via: p(["melalui", "lewat", "melintasi", "via", "menyeberangi", "melewati", "transit di"]),
        filler: p(["pelabuhan", "sebuah", "suatu", "kota", "provinsi", "wilayah", "daerah", "negara", "pangkalan", "pangkalan udara", "pangkalan angkatan laut",
                   "bandara", "bandar udara", "terminal", "laut", "pulau", "kota pelabuhan", "ibu kota", "bandara internasional", "pangkalan laut",
                   "kawasan", "perairan", "desa", "kabupaten", "kecamatan", "kelurahan", "distrik", "pantai", "kepulauan", "teluk", "selat", "pesisir",
                   "stasiun", "pos perbatasan"]),
        modes: [
            (.sea, p(["kapal*", "laut", "lautan", "pelabuhan", "berlayar", "maritim", "kapal kargo", "kapal tanker", "tanker", "perahu", "jalur laut", "angkatan laut"])),
            (.river, p(["tongkang", "sungai", "kanal", "perairan darat"])),
            (.rail, p(["kereta*", "kereta api", "rel", "gerbong*", "jalur kereta", "lokomotif", "pelabuhan darat", "pelabuhan kering"])),
            (.road, p(["truk", "jalan", "jalan darat", "darat", "konvoi", "kendaraan"])),
            (.air, p(["pesawat*", "penerbangan", "udara", "terbang", "bandara", "jalur udara", "pesawat kargo"])),
        ],
        sites: [
            ("factory", p(["pabrik", "fasilitas produksi", "galangan*", "kilang", "perakitan", "jalur perakitan"])),
            ("port", p(["pelabuhan", "dermaga", "terminal"])),
            ("base", p(["pangkalan", "pangkalan militer", "pangkalan udara", "pangkalan angkatan laut", "markas", "armada", "bermarkas"])),
            ("airfield", p(["bandara", "lapangan udara", "bandar udara", "lapangan terbang"])),
            ("depot", p(["gudang", "depo", "depot", "gudang senjata", "tempat penyimpanan"])),
            ("launch", p(["kosmodrom", "lokasi peluncuran", "diluncurkan dari"])),
            ("seizure", p(["disita", "menyita", "penyitaan", "dicegat", "mencegat", "ditangkap", "digagalkan"])),
            ("other", p(["stasiun", "stasiun kereta", "stasiun kereta api", "pos lintas batas", "plbn", "titik transit", "fasilitas", "fasilitasnya", "tambang",
                         "pertambangan"])),
        ],
        activities: [
            ("production", p(["produksi", "memproduksi", "diproduksi", "membuat", "dibuat", "buatan", "merakit", "dirakit", "perakitan", "dibangun", "membangun", "pembangunan"])),
            ("loading", p(["dimuat", "memuat", "pemuatan"])),
            ("unloading", p(["dibongkar", "membongkar", "pembongkaran", "tiba", "diturunkan"])),
            ("storage", p(["disimpan", "menyimpan", "penyimpanan"])),
            ("seizure", p(["disita", "menyita", "penyitaan", "dicegat", "mencegat", "ditahan", "menahan", "digagalkan", "menggagalkan"])),
            ("launch", p(["diluncurkan", "meluncurkan", "peluncuran"])),
            ("basing", p(["ditempatkan", "berbasis", "bermarkas", "beroperasi"])),
        ],
        denied: p(["membantah", "dibantah", "menyangkal", "tidak", "bukan", "belum", "tak", "menolak"]),
        reported: p(["menurut", "kata", "mengatakan", "dikatakan", "menyatakan", "dilaporkan", "melaporkan", "laporan", "diduga", "dituduh",
                     "menuduh", "disebut", "diyakini", "yakin", "mengklaim", "klaim"]),
        hypothetical: p(["akan", "bisa", "dapat", "mungkin", "berencana", "rencana", "mempertimbangkan", "kemungkinan", "berniat", "jika", "apabila", "berusaha"]),
        cargo: p(["drone", "drone*", "amunisi", "peluru", "rudal", "roket", "senjata", "persenjataan", "minyak", "bahan bakar", "gandum",
                  "biji-bijian", "kontainer", "peti kemas", "komponen", "suku cadang", "peralatan", "pasukan", "tentara", "emas", "bahan peledak", "tank",
                  "kokain", "heroin", "sabu", "sabu-sabu", "narkoba", "narkotika", "ganja", "rokok", "bijih", "nikel", "batu bara", "kayu",
                  "pasir", "gading", "cula", "trenggiling", "satwa", "benih lobster", "benur", "lobster", "ikan", "beras", "gula", "semen",
                  "baja", "besi", "timah", "pakaian bekas", "balpres", "bantuan", "obat*", "pil", "ekstasi", "sapi", "ternak", "kambing", "kerbau", "kulit", "ton", "kg", "kilogram", "barel"]),
        and: p(["dan", "serta", "atau"])
    )

    static let russian = Lexicon(
        send: p(["поставил*", "поставля*", "поставлен*", "поставит*", "поставят*", "отправил*", "отправля*", "отправлен*", "отправит*",
                 "перевез*", "перевозил*", "перевозя*", "перевоз", "доставил*", "доставля*", "доставлен*", "доставят", "доставит",
                 "экспортир*", "переброс*", "перебрас*", "передал*", "передан*", "передава*", "вывез*", "вывозил*", "вывозя*", "ввез*",
                 "ввозил*", "ввозя*", "транспортир*", "продал*", "продава*", "погруз*", "отгруж*", "отгруз*", "выгруж*", "выгруз*",
                 "разгруж*", "разгруз*", "направил*", "направля*", "направлен*", "переправ*", "снабжа*", "снабди*", "пересыла*", "пересла*",
                 "запустил*", "выпустил*", "вез", "везл*", "везет", "везёт", "везут", "везущ*"]),
        receive: p(["получ*", "закуп*", "купил*", "купит*", "покупа*", "импорт*", "приобр*", "приобрет*"]),
        nouns: p(["поставк*", "отправк*", "перевозк*", "доставк*", "экспорт", "экспорта", "импорт", "импорта", "груз", "груза", "грузы",
                  "грузов", "транзит*", "контрабанд*", "поток*", "партия", "партии", "маршрут*", "цепочк*", "снабжени*", "вывод*", "переброск*"]),
        travel: p(["прибыл*", "прибыв*", "приш*", "вышл*", "вышел", "выш*", "отплы*", "направил*", "направля*", "следова*", "следу*", "маршрут*",
                   "рейс*", "заход*", "зашл*", "зашел", "плава*", "ходил*", "курсир*", "пересек*", "прош*", "летел*", "перелет*", "вылетел*",
                   "эшелон*", "шло", "шел", "шёл", "шла", "шли", "идет", "идёт", "идут", "идущ*", "держал* курс", "взял* курс",
                   "покинул*", "покинув*", "покидая", "ехал*", "едем", "едет", "едут", "поехал*", "уехал*", "приехал*", "полетит", "полетел*",
                   "полетят", "летит", "летят", "поступа*", "поступил*", "поступит", "поступят", "ушло", "ушел", "ушёл", "ушла", "ушли", "приземлил*", "приземлив*"]),
        from: p(["из", "изо", "с", "со", "от", "из порта", "между", "покинул*", "покинув*", "покидая"]),
        to: p(["в", "во", "на", "до", "к", "в порт", "в порту", "в сторону", "по направлению к", "назначением в", "в адрес",
               "местом назначения", "пунктом назначения", "место назначения", "пункт назначения", "по пути в"]),
        via: p(["через", "по", "мимо", "транзитом через", "вдоль", "сквозь", "по территории"]),
        filler: p(["порт", "порта", "порту", "портом", "город", "города", "городе", "г", "поселок", "поселка", "поселке", "пос", "район",
                   "село", "села", "селе", "деревня", "деревни", "деревне", "станица", "станицы", "станице", "хутор", "хутора", "хуторе",
                   "района", "морской порт", "морского порта", "морском порту", "речной порт", "речного порта", "речном порту", "морской", "морского",
                   "морском", "речной", "речного", "речном", "база", "базы", "военно-морской базы", "авиабазы", "авиабаза", "аэродром",
                   "аэродрома", "аэропорт", "аэропорта", "аэропорту", "станция", "станции", "станцию", "ст", "вокзал", "вокзала", "область", "области", "край", "края", "остров", "острова", "регион", "региона", "провинция",
                   "провинции", "побережье", "побережья", "республика", "республики", "российский", "столицы", "столица", "столицу",
                   "своего", "родного", "родной",
                   "российского", "сирийский", "сирийского", "северокорейский", "северокорейского", "иранский", "иранского"]),
        modes: [
            (.sea, p(["суд*", "корабл*", "морем", "по морю", "морск*", "танкер*", "сухогруз*", "паром*", "порт*", "флот*", "контейнеровоз*",
                      "десантн*", "балкер*", "плавание", "рейс"])),
            (.river, p(["барж*", "рек*", "речн*", "по волге", "по реке", "канал*", "водн*"])),
            (.rail, p(["сух* порт*", "железн*", "по железной дороге", "поезд*", "вагон*", "эшелон*", "ж/д", "жд", "локомотив*", "составы", "состав*", "рельс*"])),
            (.road, p(["грузовик*", "автомобил*", "фур*", "автотранспорт*", "колонн*", "по дороге", "трасс*", "шоссе", "камаз*", "автоколонн*"])),
            (.air, p(["самолет*", "борт*", "авиа*", "рейс*", "перелет*", "вылет*", "по воздуху", "воздушн*", "ил-76*", "ан-124*", "аэропорт*", "аэродром*", "авиабаз*"])),
        ],
        sites: [
            ("factory", p(["завод*", "фабрик*", "предприяти*", "производств*", "цех*", "комбинат*", "верф*", "нпз"])),
            ("port", p(["порт", "порта", "порту", "портом", "портах", "порты", "портов", "гаван*", "терминал*", "причал*", "пирс*"])),
            ("base", p(["баз*", "авиабаз*", "военно-морск* баз*", "пункт материально-технического обеспечения", "пмто", "гарнизон*", "флот"])),
            ("airfield", p(["аэродром*", "аэропорт*"])),
            ("depot", p(["склад*", "арсенал*", "хранилищ*", "хаб"])),
            ("launch", p(["космодром*", "стартов*"])),
            ("seizure", p(["изъят*", "изъял*", "задержан*", "задержал*", "конфиск*", "перехвач*", "арестова*", "захвачен*", "захватил*", "абордаж*"])),
            ("other", p(["станци*", "кпп", "пункт пропуска", "пограничн* переход*", "погранпереход*", "таможенн* пост*", "перевалочн* пункт*",
                         "перевалочн* баз*", "транзитн* пункт*", "рудник*", "шахт*", "прииск*"])),
        ],
        activities: [
            ("production", p(["производ*", "выпуска*", "собира*", "сборк*", "изготов*", "строи*", "построен*", "строительств*"])),
            ("loading", p(["погруз*", "загруж*", "загруз*", "отгруж*", "отгруз*"])),
            ("unloading", p(["разгруж*", "разгруз*", "выгруж*", "выгруз*", "прибыл*"])),
            ("storage", p(["хран*", "складир*"])),
            ("seizure", p(["изъят*", "изъял*", "задержа*", "конфиск*", "перехват*", "перехвач*", "арестова*", "захвачен*", "захватил*", "абордаж*",
                           // Goods found by those who seize them ("Полиция Эквадора обнаружила … кокаина"), as Persian's "کشف".
                           // (Verbs only: "мероприятия по обнаружению теплохода" is a search.)
                           "обнаружил", "обнаружила", "обнаружили", "обнаружен", "обнаружена", "обнаружено", "обнаружены"])),
            ("launch", p(["запуск*", "запущ*"])),
            ("basing", p(["базир*", "дислоцир*", "размещ*"])),
        ],
        denied: p(["отрица*", "опроверг*", "не", "нет", "никогда", "ни"]),
        reported: p(["по данным", "по словам", "по информации", "по сведениям", "сообща*", "заяв*", "якобы", "предположительно", "утвержда*",
                     "считает*", "считают", "по мнению", "как сообщает", "сообщил*", "пишет", "обвин*", "вероятно", "судя по"]),
        hypothetical: p(["может", "могут", "мог", "могли", "могла", "планир*", "намерен*", "собира*", "возможн*", "если", "будет", "будут", "предполага*", "рассматрива*"]),
        cargo: p(["беспилотник*", "дрон*", "бпла", "боеприпас*", "снаряд*", "ракет*", "оружи*", "вооружени*", "нефт*", "топлив*", "зерн*", "пшениц*",
                  "контейнер*", "компонент*", "комплектующ*", "микросхем*", "электроник*", "техник*", "военнослужащ*", "солдат*", "наемник*",
                  "золот*", "взрывчат*", "порох*", "груз*", "газ*", "уголь", "удобрени*", "шахед*", "герань*", "кокаин*", "героин*", "наркотик*",
                  "сигарет*", "лес", "леса", "древесин*", "металл*", "сталь", "стали", "чугун*", "руд*", "песок", "песка", "сахар*", "рыб*",
                  "краб*", "икр*", "бивн*", "контрабанд*", "гуманитарн*", "скот*", "овец", "овцы", "коров*", "шкур*", "тонн*", "кг", "килограмм*", "баррел*"]),
        and: p(["и", "а также", "или"])
    )

    static let persian = Lexicon(
        send: p(["ارسال", "فرستاد*", "فرستاده", "میفرست*", "منتقل", "انتقال", "حمل", "صادر*", "صادرات", "قاچاق", "تحویل", "ترانزیت", "فروش",
                 "فروخت*", "تامین", "تأمین", "بارگیری", "تخلیه", "جابجایی", "جابه‌جایی", "گسیل", "روانه", "شلیک"]),
        receive: p(["دریافت", "خرید*", "خریداری", "وارد", "تحویل گرفت*", "به دست آورد*", "به دست آورده*"]),
        nouns: p(["محموله*", "صادرات", "واردات", "قاچاق", "ترانزیت", "مسیر", "زنجیره"]),
        travel: p(["رسید", "رسیده", "رسیدند", "رفت", "رفتند", "رفته", "حرکت", "عازم", "مسیر", "لنگر", "پهلو", "سفر", "پرواز*", "عبور", "گذشت", "بازگشت", "کاروان", "سرازیر*", "میرود", "می‌رود", "میروند", "می‌روند", "برود", "بروند", "ترک کرد*", "حامل", "برسان*", "رساند*"]),
        from: p(["از", "از بندر", "بین", "میان", "مبدا", "مبدأ", "از مبدا", "از مبدأ", "با مبدا", "با مبدأ", "توسط", "از سوی", "در مسیر"]),
        to: p(["به", "به مقصد", "به سمت", "به سوی", "بهسوی", "بسوی", "به طرف", "بطرف", "به جانب", "تا", "عازم", "به بندر", "راهی", "مقصد", "مقصد آن", "مقصدش", "مقصد نهایی",
               "مقصد نهایی آن"]),
        via: p(["از طریق", "از مسیر", "از راه", "عبور از", "با عبور از", "از آبهای", "از آب‌های"]),
        filler: p(["بندر", "بنادر", "شهر", "شهرهای", "استان", "پایگاه", "فرودگاه", "منطقه", "کشور", "کشورهای", "جزیره", "آبهای", "آب‌های", "سواحل",
                   "شهرستان", "بخش", "روستای", "روستا", "مرز", "ایالت", "مناطق", "ایستگاه", "ایستگاه راه آهن", "ایستگاه راه‌آهن",
                   "گمرک", "پایانه", "پایانه مرزی", "اسکله"]),
        modes: [
            (.sea, p(["کشتی*", "دریا*", "دریایی", "بندر*", "لنج*", "شناور*", "نفتکش*", "نفت‌کش*", "ناو*", "قایق*", "دریانورد*", "کانتینربر"])),
            (.river, p(["رود*", "رودخانه*", "بارج*", "کانال"])),
            (.rail, p(["راه آهن", "راه‌آهن", "قطار*", "ریلی", "ریل", "واگن*", "بندر خشک", "بندرخشک"])),
            (.road, p(["کامیون*", "جاده*", "زمینی", "خودرو*", "کاروان", "تریلی*"])),
            (.air, p(["هواپیما*", "پرواز*", "هوایی", "فرودگاه*", "ایلیوشین", "محموله هوایی"])),
        ],
        sites: [
            ("factory", p(["کارخانه*", "کارخانجات", "تولید", "مونتاژ", "خط تولید", "پالایشگاه*", "کشتی‌سازی", "کشتی سازی"])),
            ("port", p(["بندر", "بنادر", "اسکله*", "پایانه*", "ترمینال*"])),
            ("base", p(["پایگاه*", "قرارگاه*", "پادگان*", "ناوگان"])),
            ("airfield", p(["فرودگاه*"])),
            ("depot", p(["انبار*", "زرادخانه*", "انبارهای"])),
            ("launch", p(["سکوی پرتاب", "پایگاه فضایی"])),
            ("seizure", p(["توقیف", "کشف", "ضبط", "رهگیری", "مصادره", "توقیف شد", "بازداشت", "دستگیر*"])),
            ("other", p(["ایستگاه*", "گذرگاه", "گذرگاه مرزی", "پایانه مرزی", "گمرک", "مرز", "پاسگاه*", "تاسیسات", "تأسیسات", "معدن", "معادن"])),
        ],
        activities: [
            ("production", p(["تولید*", "ساخت*", "مونتاژ", "احداث"])),
            ("loading", p(["بارگیری"])),
            ("unloading", p(["تخلیه", "رسید", "رسیدند"])),
            ("storage", p(["انبار*", "نگهداری", "ذخیره"])),
            ("seizure", p(["توقیف", "کشف", "ضبط", "رهگیری", "مصادره", "بازداشت", "دستگیر*"])),
            ("launch", p(["پرتاب", "شلیک"])),
            ("basing", p(["مستقر", "استقرار"])),
        ],
        denied: p(["تکذیب", "رد کرد*", "انکار", "نه", "هرگز", "نکرده*", "نشده*", "نمی*", "ندارد", "نیست"]),
        reported: p(["به گزارش", "به گفته", "گزارش*", "اعلام", "ادعا*", "گفته", "گفت", "اظهار", "مدعی", "متهم", "احتمالا", "احتمالاً", "ظاهرا", "ظاهراً"]),
        hypothetical: p(["ممکن", "قرار است", "احتمال", "اگر", "برنامه", "قصد", "خواهد", "میتواند", "می‌تواند"]),
        cargo: p(["پهپاد*", "مهمات", "موشک*", "سلاح*", "تسلیحات", "جنگ‌افزار*", "نفت", "سوخت", "گندم", "غلات", "کانتینر*", "قطعات", "تجهیزات",
                  "نیرو*", "سرباز*", "طلا", "مواد منفجره", "محموله*", "گاز", "شاهد", "مواد مخدر", "کوکائین", "هروئین", "شیشه", "تریاک", "سیگار",
                  "شمش", "فولاد", "فلزات", "سنگ آهن", "زغال", "ذغال سنگ", "برنج", "شکر", "دارو*", "کالاهای قاچاق", "عتیقه*", "آثار باستانی",
                  "گازوئیل", "بنزین", "دام", "احشام", "گوسفند*", "کیلوگرم", "کیلو", "بشکه"]),
        and: p(["و", "یا"])
    )
}

extension Lexicon {
    /// Words that carry a movement on from where the last one ended, whoever the sentence says moves it ("from there",
    /// "оттуда", "dari sana", "از آنجا", "on arrival", "по прибытии", "continued its journey", "melanjutkan perjalanannya").
    static let carryOn: [Phrase] = p([
        "from there", "thence", "on arrival", "upon arrival", "after arriving", "continued", "onward", "onwards",
        "dari sana", "dari situ", "setibanya", "setelah tiba", "melanjutkan",
        "оттуда", "по прибытии", "после прибытия", "продолжил*", "продолжи*",
        "از آنجا", "پس از رسیدن", "پس از ورود", "ادامه",
    ])
    /// Words that carry a movement on when the sentence names no one who moves it ("then", "затем", "kemudian", "سپس").
    static let continuation: [Phrase] = p([
        "then", "from where", "after unloading", "after that", "kemudian", "lalu", "selanjutnya", "setelah itu", "затем", "потом", "далее",
        "откуда", "после этого", "سپس", "پس از آن",
    ])

    /// Words after which a place is where goods were made, so where they come from ("made in Iran", "buatan Iran",
    /// "производства Ирана", "ساخت ایران").
    static let madeIn: [Phrase] = p([
        "made in", "manufactured in", "produced in", "built in", "buatan", "produksi", "производства", "производство", "сделанные в",
        "изготовленные в", "ساخت", "تولید", "ساخته شده در", "تولید شده در",
    ])

    /// Adjectives of nationality, each with its country's English name: "Emirati arms", "иранских портов", "نفتکش ایرانی".
    /// Russian adjectives inflect, so they are stems; Indonesian puts the country's own name after the noun ("minyak Iran").
    static let demonyms: [(Phrase, String)] = [
        ("iranian", "Iran"), ("russian", "Russia"), ("chinese", "China"), ("north korean", "North Korea"), ("syrian", "Syria"),
        ("emirati", "United Arab Emirates"), ("turkish", "Turkey"), ("ukrainian", "Ukraine"), ("american", "United States"),
        ("belarusian", "Belarus"), ("indian", "India"), ("venezuelan", "Venezuela"), ("greek", "Greece"), ("kazakh", "Kazakhstan"),
        ("kyrgyz", "Kyrgyzstan"), ("yemeni", "Yemen"), ("sudanese", "Sudan"), ("libyan", "Libya"), ("german", "Germany"),
        ("french", "France"), ("british", "United Kingdom"), ("israeli", "Israel"), ("egyptian", "Egypt"), ("saudi", "Saudi Arabia"),
        ("iraqi", "Iraq"), ("pakistani", "Pakistan"), ("afghan", "Afghanistan"), ("malaysian", "Malaysia"), ("vietnamese", "Vietnam"),
        ("иранск*", "Iran"), ("российск*", "Russia"), ("китайск*", "China"), ("северокорейск*", "North Korea"), ("сирийск*", "Syria"),
        ("эмиратск*", "United Arab Emirates"), ("турецк*", "Turkey"), ("украинск*", "Ukraine"), ("американск*", "United States"),
        ("белорусск*", "Belarus"), ("индийск*", "India"), ("венесуэльск*", "Venezuela"), ("греческ*", "Greece"), ("казахстанск*", "Kazakhstan"),
        ("киргизск*", "Kyrgyzstan"), ("кыргызск*", "Kyrgyzstan"), ("йеменск*", "Yemen"), ("суданск*", "Sudan"), ("ливийск*", "Libya"),
        ("германск*", "Germany"), ("немецк*", "Germany"), ("французск*", "France"), ("британск*", "United Kingdom"), ("израильск*", "Israel"),
        ("египетск*", "Egypt"), ("саудовск*", "Saudi Arabia"), ("иракск*", "Iraq"), ("пакистанск*", "Pakistan"),
        ("ایرانی", "Iran"), ("روسی", "Russia"), ("چینی", "China"), ("سوری", "Syria"), ("اماراتی", "United Arab Emirates"),
        ("ترکیه‌ای", "Turkey"), ("اوکراینی", "Ukraine"), ("آمریکایی", "United States"), ("یمنی", "Yemen"), ("هندی", "India"),
        ("یونانی", "Greece"), ("ونزوئلایی", "Venezuela"), ("عراقی", "Iraq"),
        ("emirat", "United Arab Emirates"),
        // More nationalities news names borders and goods by ("the Tunisian border", "тунисской границы", "مرز تونسی").
        ("tunisian", "Tunisia"), ("algerian", "Algeria"), ("moroccan", "Morocco"), ("mauritanian", "Mauritania"), ("malian", "Mali"),
        ("nigerien", "Niger"), ("nigerian", "Nigeria"), ("chadian", "Chad"), ("somali", "Somalia"), ("ethiopian", "Ethiopia"),
        ("eritrean", "Eritrea"), ("kenyan", "Kenya"), ("ugandan", "Uganda"), ("rwandan", "Rwanda"), ("tanzanian", "Tanzania"),
        ("zambian", "Zambia"), ("angolan", "Angola"), ("mozambican", "Mozambique"), ("south african", "South Africa"),
        ("jordanian", "Jordan"), ("lebanese", "Lebanon"), ("kuwaiti", "Kuwait"), ("qatari", "Qatar"), ("omani", "Oman"),
        ("bahraini", "Bahrain"), ("armenian", "Armenia"), ("azerbaijani", "Azerbaijan"), ("turkmen", "Turkmenistan"),
        ("uzbek", "Uzbekistan"), ("tajik", "Tajikistan"), ("mongolian", "Mongolia"), ("japanese", "Japan"), ("south korean", "South Korea"),
        ("thai", "Thailand"), ("burmese", "Myanmar"), ("cambodian", "Cambodia"), ("laotian", "Laos"), ("indonesian", "Indonesia"),
        ("filipino", "Philippines"), ("philippine", "Philippines"), ("singaporean", "Singapore"), ("taiwanese", "Taiwan"),
        ("bangladeshi", "Bangladesh"), ("sri lankan", "Sri Lanka"), ("nepali", "Nepal"), ("australian", "Australia"),
        ("canadian", "Canada"), ("mexican", "Mexico"), ("colombian", "Colombia"), ("brazilian", "Brazil"), ("argentine", "Argentina"),
        ("argentinian", "Argentina"), ("peruvian", "Peru"), ("ecuadorian", "Ecuador"), ("bolivian", "Bolivia"), ("paraguayan", "Paraguay"),
        ("chilean", "Chile"), ("cuban", "Cuba"), ("haitian", "Haiti"), ("polish", "Poland"), ("lithuanian", "Lithuania"),
        ("latvian", "Latvia"), ("estonian", "Estonia"), ("finnish", "Finland"), ("norwegian", "Norway"), ("swedish", "Sweden"),
        ("danish", "Denmark"), ("dutch", "Netherlands"), ("belgian", "Belgium"), ("spanish", "Spain"), ("portuguese", "Portugal"),
        ("italian", "Italy"), ("romanian", "Romania"), ("bulgarian", "Bulgaria"), ("serbian", "Serbia"), ("hungarian", "Hungary"),
        ("moldovan", "Moldova"), ("austrian", "Austria"), ("swiss", "Switzerland"), ("irish", "Ireland"),
        ("тунисск*", "Tunisia"), ("алжирск*", "Algeria"), ("марокканск*", "Morocco"), ("мавританск*", "Mauritania"), ("малийск*", "Mali"),
        ("нигерийск*", "Nigeria"), ("чадск*", "Chad"), ("сомалийск*", "Somalia"), ("эфиопск*", "Ethiopia"), ("кенийск*", "Kenya"),
        ("иорданск*", "Jordan"), ("ливанск*", "Lebanon"), ("кувейтск*", "Kuwait"), ("катарск*", "Qatar"), ("оманск*", "Oman"),
        ("армянск*", "Armenia"), ("азербайджанск*", "Azerbaijan"), ("туркменск*", "Turkmenistan"), ("узбекск*", "Uzbekistan"),
        ("таджикск*", "Tajikistan"), ("афганск*", "Afghanistan"), ("монгольск*", "Mongolia"), ("японск*", "Japan"), ("тайск*", "Thailand"),
        ("вьетнамск*", "Vietnam"), ("малайзийск*", "Malaysia"), ("индонезийск*", "Indonesia"), ("филиппинск*", "Philippines"),
        ("мексиканск*", "Mexico"), ("колумбийск*", "Colombia"), ("бразильск*", "Brazil"), ("польск*", "Poland"), ("литовск*", "Lithuania"),
        ("латвийск*", "Latvia"), ("эстонск*", "Estonia"), ("финск*", "Finland"), ("финляндск*", "Finland"), ("норвежск*", "Norway"),
        ("румынск*", "Romania"), ("молдавск*", "Moldova"), ("болгарск*", "Bulgaria"), ("венгерск*", "Hungary"), ("испанск*", "Spain"),
        ("итальянск*", "Italy"), ("нидерландск*", "Netherlands"), ("канадск*", "Canada"), ("австралийск*", "Australia"),
        ("تونسی", "Tunisia"), ("الجزایری", "Algeria"), ("مراکشی", "Morocco"), ("لیبیایی", "Libya"), ("سودانی", "Sudan"), ("مصری", "Egypt"),
        ("سعودی", "Saudi Arabia"), ("پاکستانی", "Pakistan"), ("افغانستانی", "Afghanistan"), ("آذربایجانی", "Azerbaijan"), ("ارمنی", "Armenia"),
        ("کویتی", "Kuwait"), ("قطری", "Qatar"), ("عمانی", "Oman"), ("اردنی", "Jordan"), ("لبنانی", "Lebanon"), ("اسرائیلی", "Israel"),
        ("فرانسوی", "France"), ("آلمانی", "Germany"), ("بریتانیایی", "United Kingdom"), ("ژاپنی", "Japan"), ("مالزیایی", "Malaysia"),
        ("برزیلی", "Brazil"), ("مکزیکی", "Mexico"), ("لهستانی", "Poland"), ("لیتوانیایی", "Lithuania"),
    ].map { (Phrase($0.0), $0.1) }
}
