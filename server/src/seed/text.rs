//! Words for seeded data: Finnish as participants and facilitators write it.

pub const TOWNS: &[&str] = &["Oulu", "Kemi", "Rovaniemi", "Kajaani", "Tornio", "Raahe"];

pub const GROUP_NAMES: &[&str] = &[
    "Tiistairyhmä",
    "Torstairyhmä",
    "Iltaryhmä",
    "Aamuryhmä",
    "Polkuryhmä",
];

pub const NAMES: &[&str] = &[
    "Aurinko", "Kettu", "Tähti", "Karhu", "Pilvi", "Ilves", "Kuu", "Myrsky", "Lintu", "Otso",
    "Kaisla", "Routa", "Sade", "Virta", "Havu", "Kide", "Usva", "Lumi", "Kallio", "Tuuli",
];

pub const MILESTONES: &[(&str, &str)] = &[
    (
        "Ensimmäinen tapaaminen",
        "Tulimme ensimmäistä kertaa yhteen ja sovimme ryhmän säännöt.",
    ),
    (
        "Oma unelma nimetty",
        "Jokainen on kirjoittanut ylös ainakin yhden unelman.",
    ),
    (
        "Puolivälissä",
        "Intensiivivaiheesta on puolet takana: katsomme, mitä on saatu aikaan.",
    ),
    (
        "Ensiapukurssi",
        "Ryhmä käy yhdessä ensiavun ja naloksonin käytön kurssin.",
    ),
];

pub const DREAMS: &[&str] = &[
    "Ammattitutkinto kokiksi",
    "Oma vuokra-asunto",
    "Ajokortti",
    "Työpaikka varastolta",
    "Lukio loppuun",
    "Välit lapsiin kuntoon",
    "Kuntosalille kolmesti viikossa",
    "Kokemusasiantuntijaksi",
    "Vapaaehtoistyötä nuorten parissa",
    "Velat järjestykseen",
    "Oma koira",
    "Matka Lappiin kesällä",
];

pub const STEPS: &[&str] = &[
    "Soita oppilaitoksen hakutoimistoon",
    "Täytä yhteishaun hakemus",
    "Varaa aika työllisyyspalveluihin",
    "Käy tutustumassa työkokeilupaikkaan",
    "Hae asumistukea",
    "Kirjoita ansioluettelo",
    "Mene ryhmään joka tiistai",
    "Ota yhteys talous- ja velkaneuvontaan",
    "Osallistu ensiapukurssille",
    "Käy lenkillä kahdesti viikossa",
    "Soita siskolle",
    "Hanki kirjastokortti",
    "Varaa hammaslääkäriaika",
    "Selvitä oppisopimuksen mahdollisuus",
];

/// Sentences of a journal: reflections are made of several.
pub const SENTENCES: &[&str] = &[
    "Tänään oli raskas aamu, mutta lähdin silti ryhmään.",
    "Ryhmässä puhuttiin siitä, miten arjen rutiinit auttavat jaksamaan.",
    "Nukuin pitkästä aikaa koko yön ja heräsin levänneenä.",
    "Kävin kaupassa ja laitoin itselleni kunnollista ruokaa.",
    "Mieli teki vanhoja tapoja, mutta soitin vertaiselle ja juteltiin hetki.",
    "Olen ylpeä siitä, että pidin kiinni sovitusta ajasta.",
    "Sosiaalitoimistossa asiat etenivät, vaikka jonottaminen otti koville.",
    "Ajattelin paljon sitä, mitä haluan tehdä vuoden päästä.",
    "Kävelin pitkän lenkin rannassa, ja se rauhoitti mieltä.",
    "Puhelu äidin kanssa meni paremmin kuin pelkäsin.",
    "Korvaushoidon annos tuntuu nyt sopivalta ja olo on tasaisempi.",
    "Huomenna alkaa työkokeilu, ja vähän jännittää.",
    "Ohjaaja sanoi, että olen edistynyt, ja se tuntui hyvältä.",
    "Välillä tuntuu, että kaikki etenee liian hitaasti.",
    "Siivosin asunnon ja vein vihdoin pullot kauppaan.",
    "Luin kirjaa puoli tuntia ennen nukkumaanmenoa.",
    "Ryhmäläinen kertoi omasta polustaan, ja sain siitä toivoa.",
    "En jaksanut tänään paljon, ja sekin on ihan okei.",
    "Tein budjetin seuraavalle kuukaudelle ja pysyin siinä.",
    "Kävin terveysasemalla ja sain vihdoin ajan hammaslääkärille.",
    "Autoin naapuria kantamaan kauppakassit ylös.",
    "Kirjoitin hakemuksen valmiiksi, vaikka se tuntui vaikealta.",
    "Retkellä oli hauskaa, ja nauroimme paljon.",
    "Mietin, kenelle voisin kertoa, miten minulla oikeasti menee.",
    "Sain kiitosta siitä, että kuuntelin toista ilman neuvomista.",
    "Illalla tuli ikävä, mutta en jäänyt yksin sen kanssa.",
];

pub const NOTES: &[&str] = &[
    "Tämä tuntui isolta asialta.",
    "Sovimme, että jatkan samaan malliin.",
    "Olo oli väsynyt mutta toiveikas.",
    "Kerroin tästä ryhmässä.",
    "",
];

pub const FEEDBACK: &[&str] = &[
    "Hienoa työtä, jatka samaan malliin!",
    "Tämä oli iso askel, olen iloinen puolestasi.",
    "Puhutaan tästä lisää ensi tapaamisessa.",
    "Kiitos, että jaoit tämän.",
];

pub const WISHES: &[(&str, &str)] = &[
    (
        "Retki kansallispuistoon",
        "Luonnossa on helpompi puhua, ja se tekisi hyvää koko ryhmälle.",
    ),
    (
        "Yhteinen ruoanlaittoilta",
        "Opittaisiin tekemään halpaa ja hyvää ruokaa.",
    ),
    (
        "Vierailu oppilaitokseen",
        "Moni miettii opiskelua, ja olisi hyvä nähdä paikka etukäteen.",
    ),
    (
        "Naloksonikoulutus",
        "Haluan osata auttaa, jos joku kaveri ottaa liikaa.",
    ),
];

pub const TOPICS: &[&str] = &[
    "Unelmat ja ensimmäiset askeleet",
    "Arjen rutiinit",
    "Ensiapu ja naloksoni",
    "Opiskelu ja työ",
    "Vapaa ilta: kahvia ja kuulumisia",
];
