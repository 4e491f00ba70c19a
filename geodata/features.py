"""Hand-written physical features, named areas and former states for conflictmap's gazetteer.

Everything here is general knowledge written for this project (no third-party
data, and nothing taken from the evaluation corpora): the rivers, islands,
disputed and named areas, former states and informal regions that English
news names and that the packaged sources (GeoNames cities500, first- and
second-level regions, Natural Earth countries) do not carry as rows of their
own. The lists use the row format of `tables.WORLD_REGIONS`:

    (slug, feature class, feature code, name, alternate names, lat, lon, country or "")

with GeoNames feature classes (A political entity, H water, L area or region,
T land form) and codes (STM river, ISL island, ISLS islands, DLTA delta, VAL
valley, MTS mountains, MT mountain, PLAT plateau, DSRT desert, GLCR glacier,
SHOL shoal, LK lake, RGN region, PCLH historical political entity). The
country is the ISO 3166-1 alpha-2 code where the feature lies mostly in one
country, else "".

The points are rounded representative points a reader would picture, not
survey values: for a river a point on its course near the middle (never its
mouth), for an island its centre (for a group, a point on its largest or best
known island), for an area or former state a point inside it.

What is left out on purpose: islands and areas that are countries (Falklands,
Svalbard, Western Sahara, Kosovo) or first-level regions (Hokkaido, Okinawa,
Corsica, Crete, Sicily, Sardinia, Bali, Gotland, Transnistria, Abkhazia,
Cabinda, Crimea, Tibet); names that already are rows of `tables.py`; bare
river names that are also a country, a US state or a major city ("Jordan",
"Congo", "Niger", "Ohio", "Colorado", "Paraná", "Kabul", "Dnipro"), whose
river only gets its "X River"/"River X" forms; and compass-only or vague names
("Southwest", "Rust Belt", "Tri-State Area").
"""

# Rivers (H/STM). Name as English news writes it: the bare name where news
# uses it alone ("Nile", "Euphrates"), else "X River". Alternates give the
# "X River" form and, where British and Commonwealth usage writes it,
# "River X", plus well-known native or older names. The point is on the river
# near the middle of its course, at a town or landmark on its banks.
RIVERS = [
    # Middle East
    ("euphrates-river", "H", "STM", "Euphrates", ["Euphrates River", "River Euphrates"],
     35.34, 40.15, ""),  # at Deir ez-Zor
    ("tigris-river", "H", "STM", "Tigris", ["Tigris River", "River Tigris"],
     34.6, 43.69, ""),  # at Tikrit
    ("jordan-river", "H", "STM", "Jordan River", ["River Jordan"],
     32.1, 35.54, ""),  # at the Damiya (Adam) bridge
    ("orontes-river", "H", "STM", "Orontes River", ["Orontes", "River Orontes", "Asi River"],
     35.13, 36.75, "SY"),  # at Hama
    ("litani-river", "H", "STM", "Litani River", ["Litani", "River Litani"],
     33.5, 35.66, "LB"),  # below the Qaraoun dam
    ("yarmouk-river", "H", "STM", "Yarmouk River", ["Yarmuk River", "River Yarmouk"],
     32.72, 35.89, ""),  # at the Al-Wehda dam, Jordan-Syria border
    ("karun-river", "H", "STM", "Karun River", ["River Karun"],
     32.05, 48.85, "IR"),  # at Shushtar
    ("shatt-al-arab", "H", "STM", "Shatt al-Arab", ["Shatt al-Arab waterway", "Arvand Rud",
                                                    "Arvand River"],
     30.5, 47.84, ""),  # at Basra
    # Africa
    ("nile-river", "H", "STM", "Nile", ["Nile River"],
     15.7, 32.52, ""),  # at Khartoum; "River Nile" is a Sudanese state's name
    ("blue-nile-river", "H", "STM", "Blue Nile River", ["Abay River", "Abbay River"],
     11.21, 35.09, ""),  # at the Grand Ethiopian Renaissance Dam
    ("white-nile-river", "H", "STM", "White Nile River", [],
     9.53, 31.64, ""),  # at Malakal
    ("congo-river", "H", "STM", "Congo River", ["River Congo", "Zaire River"],
     0.05, 18.24, ""),  # at Mbandaka
    ("niger-river", "H", "STM", "Niger River", ["River Niger"],
     16.27, -0.06, ""),  # at Gao
    ("benue-river", "H", "STM", "Benue River", ["River Benue"],
     7.74, 8.53, "NG"),  # at Makurdi
    ("zambezi-river", "H", "STM", "Zambezi", ["Zambezi River", "River Zambezi", "Zambesi"],
     -17.92, 25.86, ""),  # at Victoria Falls
    ("limpopo-river", "H", "STM", "Limpopo River", ["River Limpopo"],
     -22.22, 29.99, ""),  # at Beitbridge
    ("orange-river", "H", "STM", "Orange River", ["River Orange", "Gariep River"],
     -28.45, 21.25, "ZA"),  # at Upington
    ("senegal-river", "H", "STM", "Senegal River", ["River Senegal"],
     15.66, -13.26, ""),  # at Matam
    ("gambia-river", "H", "STM", "Gambia River", ["River Gambia"],
     13.54, -14.77, "GM"),  # at Janjanbureh
    ("ubangi-river", "H", "STM", "Ubangi River", ["Ubangi", "Oubangui River", "River Ubangi"],
     4.36, 18.6, ""),  # at Bangui
    ("shebelle-river", "H", "STM", "Shabelle River", ["Shebelle River", "Shabeelle River"],
     4.74, 45.2, ""),  # at Beledweyne
    ("juba-river", "H", "STM", "Juba River", [],
     2.34, 42.28, "SO"),  # at Bardhere
    # Europe
    ("danube-river", "H", "STM", "Danube", ["Danube River", "River Danube"],
     45.99, 18.7, ""),  # at Mohacs
    ("rhine-river", "H", "STM", "Rhine", ["Rhine River", "River Rhine"],
     50.35, 7.6, ""),  # at Koblenz
    ("elbe-river", "H", "STM", "Elbe", ["Elbe River", "River Elbe"],
     52.13, 11.65, "DE"),  # at Magdeburg
    ("oder-river", "H", "STM", "Oder", ["Oder River", "River Oder", "Odra"],
     52.35, 14.56, ""),  # at Frankfurt (Oder)
    ("vistula-river", "H", "STM", "Vistula", ["Vistula River", "River Vistula", "Wisla",
                                              "Wisła"],
     52.24, 21.04, "PL"),  # at Warsaw
    ("dnieper-river", "H", "STM", "Dnieper", ["Dnieper River", "River Dnieper", "Dnipro River",
                                              "Dnepr"],
     49.75, 31.48, ""),  # at Kaniv; bare "Dnipro" is the city
    ("dniester-river", "H", "STM", "Dniester", ["Dniester River", "River Dniester",
                                                "Dnister River", "Nistru"],
     48.45, 27.79, ""),  # at Mohyliv-Podilskyi
    ("southern-bug-river", "H", "STM", "Southern Bug", ["Southern Bug River", "Pivdennyi Buh"],
     48.04, 30.86, "UA"),  # at Pervomaisk
    ("bug-river", "H", "STM", "Bug River", ["Western Bug", "Western Bug River", "River Bug"],
     52.08, 23.64, ""),  # at Brest
    ("siverskyi-donets-river", "H", "STM", "Siverskyi Donets", [
        "Seversky Donets", "Siverskyi Donets River", "Seversky Donets River", "Donets River"],
     48.93, 38.47, ""),  # between Lysychansk and Sievierodonetsk
    ("don-river", "H", "STM", "Don River", [],
     50.46, 40.08, "RU"),  # at Pavlovsk; "River Don" is also Sheffield's
    ("volga-river", "H", "STM", "Volga", ["Volga River", "River Volga"],
     55.8, 49.05, "RU"),  # at Kazan
    ("ural-river", "H", "STM", "Ural River", ["River Ural"],
     51.75, 55.1, ""),  # at Orenburg
    ("moskva-river", "H", "STM", "Moskva River", ["Moscow River"],
     55.75, 37.62, "RU"),  # at the Kremlin
    ("thames-river", "H", "STM", "Thames", ["River Thames", "Thames River"],
     51.47, -0.97, "GB"),  # at Reading
    ("severn-river", "H", "STM", "Severn", ["River Severn", "Severn River"],
     52.53, -2.42, "GB"),  # at Bridgnorth
    ("shannon-river", "H", "STM", "River Shannon", ["Shannon River"],
     53.42, -7.94, "IE"),  # at Athlone; bare "Shannon" is the town and airport
    ("seine-river", "H", "STM", "Seine", ["Seine River", "River Seine"],
     48.86, 2.34, "FR"),  # at Paris
    ("loire-river", "H", "STM", "Loire", ["Loire River", "River Loire"],
     46.98, 3.16, "FR"),  # at Nevers
    ("rhone-river", "H", "STM", "Rhone", ["Rhône", "Rhone River", "Rhône River", "River Rhone"],
     45.76, 4.84, "FR"),  # at Lyon
    ("po-river", "H", "STM", "Po River", ["River Po"],
     45.06, 9.69, "IT"),  # at Piacenza
    ("ebro-river", "H", "STM", "Ebro", ["Ebro River", "River Ebro"],
     41.66, -0.88, "ES"),  # at Zaragoza
    ("tagus-river", "H", "STM", "Tagus", ["Tagus River", "River Tagus", "Tajo", "Tejo"],
     39.86, -4.02, "ES"),  # at Toledo
    ("drina-river", "H", "STM", "Drina", ["Drina River", "River Drina"],
     43.78, 19.29, ""),  # at Visegrad
    ("sava-river", "H", "STM", "Sava River", ["River Sava"],
     45.15, 18.01, ""),  # at Slavonski Brod
    ("prut-river", "H", "STM", "Prut", ["Prut River", "River Prut", "Pruth"],
     47.21, 27.79, ""),  # at Ungheni
    ("narva-river", "H", "STM", "Narva River", ["River Narva"],
     59.38, 28.21, ""),  # at Narva and Ivangorod
    ("evros-river", "H", "STM", "Evros River", ["Maritsa River", "Meric River", "Meriç River"],
     41.2, 26.31, ""),  # on the Greek-Turkish border at Soufli
    # Asia
    ("yangtze-river", "H", "STM", "Yangtze", ["Yangtze River", "River Yangtze", "Chang Jiang",
                                              "Changjiang", "Yangzi", "Yangtse"],
     29.55, 106.58, "CN"),  # at Chongqing
    ("yellow-river", "H", "STM", "Yellow River", ["Huang He", "Huanghe", "Huang Ho"],
     36.06, 103.82, "CN"),  # at Lanzhou
    ("mekong-river", "H", "STM", "Mekong", ["Mekong River", "River Mekong"],
     19.9, 102.13, ""),  # at Luang Prabang
    ("ganges-river", "H", "STM", "Ganges", ["Ganges River", "River Ganges", "Ganga",
                                            "Ganga River"],
     25.31, 83.02, "IN"),  # at Varanasi
    ("brahmaputra-river", "H", "STM", "Brahmaputra", ["Brahmaputra River", "Yarlung Tsangpo",
                                                      "Yarlung Zangbo"],
     26.19, 91.75, ""),  # at Guwahati
    ("indus-river", "H", "STM", "Indus", ["Indus River", "River Indus"],
     32.96, 71.55, "PK"),  # at Kalabagh
    ("jhelum-river", "H", "STM", "Jhelum River", ["River Jhelum"],
     34.37, 73.47, ""),  # at Muzaffarabad; bare "Jhelum" is the city
    ("chenab-river", "H", "STM", "Chenab", ["Chenab River", "River Chenab"],
     32.89, 74.74, ""),  # at Akhnoor
    ("sutlej-river", "H", "STM", "Sutlej", ["Sutlej River", "River Sutlej", "Satluj"],
     30.98, 76.52, ""),  # at Rupnagar (Ropar)
    ("ravi-river", "H", "STM", "Ravi River", ["River Ravi"],
     31.62, 74.28, ""),  # at Lahore
    ("kabul-river", "H", "STM", "Kabul River", ["River Kabul"],
     34.44, 70.45, ""),  # at Jalalabad
    ("helmand-river", "H", "STM", "Helmand River", ["River Helmand"],
     31.59, 64.34, "AF"),  # at Lashkar Gah
    ("amu-darya-river", "H", "STM", "Amu Darya", ["Amu Darya River", "Amudarya", "Oxus"],
     37.21, 67.35, ""),  # at Termez
    ("syr-darya-river", "H", "STM", "Syr Darya", ["Syr Darya River", "Jaxartes"],
     40.29, 69.62, ""),  # at Khujand
    ("panj-river", "H", "STM", "Panj River", ["Pyanj River", "Pyandzh River"],
     37.5, 71.52, ""),  # at Khorugh
    ("aras-river", "H", "STM", "Aras River", ["Araxes", "Araks River", "Araz River"],
     38.96, 45.63, ""),  # at Julfa
    ("irrawaddy-river", "H", "STM", "Irrawaddy", ["Irrawaddy River", "Ayeyarwady River"],
     21.97, 96.05, "MM"),  # at Mandalay
    ("chao-phraya-river", "H", "STM", "Chao Phraya", ["Chao Phraya River"],
     14.35, 100.57, "TH"),  # at Ayutthaya
    ("kaveri-river", "H", "STM", "Kaveri", ["Cauvery", "Kaveri River", "Cauvery River"],
     12.12, 77.78, "IN"),  # at Hogenakkal
    ("yamuna-river", "H", "STM", "Yamuna", ["Yamuna River", "Jumna"],
     27.18, 78.04, "IN"),  # at Agra
    ("amur-river", "H", "STM", "Amur River", ["Heilong River", "River Amur"],
     50.25, 127.53, ""),  # at Blagoveshchensk
    ("yalu-river", "H", "STM", "Yalu River", ["Amnok River"],
     41.11, 126.19, ""),  # at Ji'an
    ("ob-river", "H", "STM", "Ob River", ["River Ob"],
     61.2, 73.3, "RU"),  # at Surgut
    ("yenisei-river", "H", "STM", "Yenisei", ["Yenisei River", "Yenisey", "River Yenisei"],
     58.45, 92.17, "RU"),  # at Yeniseysk
    ("lena-river", "H", "STM", "Lena River", ["River Lena"],
     62.03, 129.78, "RU"),  # at Yakutsk
    ("irtysh-river", "H", "STM", "Irtysh", ["Irtysh River", "River Irtysh"],
     54.98, 73.37, ""),  # at Omsk
    # Americas
    ("mississippi-river", "H", "STM", "Mississippi River", [],
     38.63, -90.18, "US"),  # at St. Louis
    ("missouri-river", "H", "STM", "Missouri River", [],
     46.81, -100.82, "US"),  # at Bismarck
    ("ohio-river", "H", "STM", "Ohio River", [],
     39.09, -84.51, "US"),  # at Cincinnati
    ("colorado-river", "H", "STM", "Colorado River", [],
     36.1, -112.09, "US"),  # in the Grand Canyon at Phantom Ranch
    ("rio-grande", "H", "STM", "Rio Grande", ["Rio Grande River"],
     29.56, -104.39, ""),  # at Presidio and Ojinaga
    ("columbia-river", "H", "STM", "Columbia River", [],
     47.42, -120.3, ""),  # at Wenatchee
    ("hudson-river", "H", "STM", "Hudson River", [],
     42.65, -73.75, "US"),  # at Albany
    ("yukon-river", "H", "STM", "Yukon River", [],
     66.56, -145.27, ""),  # at Fort Yukon
    ("mackenzie-river", "H", "STM", "Mackenzie River", [],
     65.28, -126.83, "CA"),  # at Norman Wells
    ("st-lawrence-river", "H", "STM", "St. Lawrence River", ["St Lawrence River",
                                                             "Saint Lawrence River"],
     45.5, -73.54, ""),  # at Montreal
    ("amazon-river", "H", "STM", "Amazon River", ["River Amazon"],
     -3.3, -60.62, "BR"),  # at Manacapuru; bare "Amazon" is the region row of tables.py
    ("parana-river", "H", "STM", "Paraná River", ["Parana River", "River Paraná"],
     -27.36, -55.89, ""),  # between Posadas and Encarnacion
    ("paraguay-river", "H", "STM", "Paraguay River", ["River Paraguay"],
     -23.41, -57.44, ""),  # at Concepcion
    ("uruguay-river", "H", "STM", "Uruguay River", ["River Uruguay"],
     -29.73, -57.09, ""),  # between Paso de los Libres and Uruguaiana
    ("orinoco-river", "H", "STM", "Orinoco", ["Orinoco River", "River Orinoco"],
     7.63, -66.17, "VE"),  # at Caicara del Orinoco
    ("magdalena-river", "H", "STM", "Magdalena River", ["River Magdalena"],
     7.07, -73.87, "CO"),  # at Barrancabermeja
    # Oceania
    ("murray-river", "H", "STM", "Murray River", ["River Murray"],
     -35.34, 143.56, "AU"),  # at Swan Hill
]

# Islands and island groups (T/ISL, T/ISLS) that are neither countries nor
# first-level regions. Names shared with a town (Rhodes, Kos, Zanzibar) stay:
# the town keeps its own row.
ISLANDS = [
    # Southeast and East Asia
    ("borneo", "T", "ISL", "Borneo", [], 0.8, 114.0, ""),
    ("sumatra", "T", "ISL", "Sumatra", ["Sumatera"], -0.2, 101.4, "ID"),
    ("java", "T", "ISL", "Java", ["Jawa"], -7.3, 110.0, "ID"),
    ("sulawesi", "T", "ISL", "Sulawesi", ["Celebes"], -2.0, 120.5, "ID"),
    ("new-guinea", "T", "ISL", "New Guinea", [], -5.5, 141.0, ""),
    ("lombok", "T", "ISL", "Lombok", [], -8.65, 116.3, "ID"),
    ("luzon", "T", "ISL", "Luzon", [], 16.0, 121.0, "PH"),
    ("mindanao", "T", "ISL", "Mindanao", [], 7.8, 125.0, "PH"),
    ("visayas", "T", "ISLS", "Visayas", ["Visayan Islands"], 10.4, 123.9, "PH"),  # on Cebu
    ("palawan", "T", "ISL", "Palawan", [], 9.8, 118.65, "PH"),
    ("sulu-archipelago", "T", "ISLS", "Sulu Archipelago", [], 6.0, 121.0, "PH"),  # on Jolo
    ("honshu", "T", "ISL", "Honshu", [], 36.0, 138.0, "JP"),
    ("kyushu", "T", "ISL", "Kyushu", [], 32.8, 131.0, "JP"),
    ("shikoku", "T", "ISL", "Shikoku", [], 33.75, 133.5, "JP"),
    # disputed islands of the western Pacific; groups sit on their largest island
    ("kuril-islands", "T", "ISLS", "Kuril Islands", ["Kurils", "Kuriles", "Kurile Islands"],
     45.0, 147.8, "RU"),  # on Iturup
    ("senkaku-islands", "T", "ISLS", "Senkaku Islands", ["Senkakus", "Diaoyu Islands",
                                                         "Diaoyutai Islands"],
     25.74, 123.47, ""),  # on Uotsuri
    ("liancourt-rocks", "T", "ISLS", "Liancourt Rocks", ["Dokdo", "Takeshima"],
     37.24, 131.87, ""),
    ("yeonpyeong-island", "T", "ISL", "Yeonpyeong Island", ["Yeonpyeong"],
     37.67, 125.7, "KR"),
    ("kinmen", "T", "ISL", "Kinmen", ["Quemoy", "Kinmen Island"], 24.44, 118.37, "TW"),
    ("matsu-islands", "T", "ISLS", "Matsu Islands", [], 26.16, 119.94, "TW"),  # on Nangan
    ("pratas-islands", "T", "ISL", "Pratas Islands", ["Pratas Island", "Dongsha Islands"],
     20.71, 116.72, "TW"),
    ("spratly-islands", "T", "ISLS", "Spratly Islands", ["Spratlys", "Nansha Islands",
                                                         "Truong Sa Islands"],
     10.38, 114.36, ""),  # on Itu Aba (Taiping), the largest
    ("paracel-islands", "T", "ISLS", "Paracel Islands", ["Paracels", "Xisha Islands",
                                                         "Hoang Sa Islands"],
     16.83, 112.34, ""),  # on Woody Island, the largest
    # Hawaii; "Hawaii" alone is the state
    ("oahu", "T", "ISL", "Oahu", ["O'ahu"], 21.45, -157.97, "US"),
    ("maui", "T", "ISL", "Maui", [], 20.8, -156.33, "US"),
    ("kauai", "T", "ISL", "Kauai", ["Kaua'i"], 22.07, -159.5, "US"),
    ("big-island", "T", "ISL", "Big Island", ["Hawaii Island", "Island of Hawaii"],
     19.6, -155.5, "US"),
    ("molokai", "T", "ISL", "Molokai", ["Moloka'i"], 21.13, -157.02, "US"),
    # North America and the Caribbean
    ("vancouver-island", "T", "ISL", "Vancouver Island", [], 49.65, -125.7, "CA"),
    ("baffin-island", "T", "ISL", "Baffin Island", [], 68.5, -71.0, "CA"),
    ("newfoundland", "T", "ISL", "Newfoundland", [], 48.6, -56.3, "CA"),
    ("marthas-vineyard", "T", "ISL", "Martha's Vineyard", [], 41.39, -70.62, "US"),
    ("rikers-island", "T", "ISL", "Rikers Island", ["Riker's Island"], 40.79, -73.885, "US"),
    ("hispaniola", "T", "ISL", "Hispaniola", [], 19.0, -71.0, ""),
    ("easter-island", "T", "ISL", "Easter Island", ["Rapa Nui"], -27.12, -109.35, "CL"),
    # Mediterranean and Aegean islands of migration and conflict news
    ("lesbos", "T", "ISL", "Lesbos", ["Lesvos"], 39.25, 26.3, "GR"),
    ("chios", "T", "ISL", "Chios", [], 38.38, 26.0, "GR"),
    ("samos", "T", "ISL", "Samos", [], 37.74, 26.8, "GR"),
    ("kos", "T", "ISL", "Kos", [], 36.82, 27.15, "GR"),
    ("rhodes", "T", "ISL", "Rhodes", ["Rodos"], 36.2, 27.95, "GR"),
    ("euboea", "T", "ISL", "Euboea", ["Evia", "Evvoia"], 38.55, 23.85, "GR"),
    ("lampedusa", "T", "ISL", "Lampedusa", [], 35.51, 12.58, "IT"),
    ("majorca", "T", "ISL", "Majorca", ["Mallorca"], 39.62, 2.98, "ES"),
    # the Canary Islands are a first-level region; these are its islands in news
    ("tenerife", "T", "ISL", "Tenerife", [], 28.27, -16.6, "ES"),
    ("gran-canaria", "T", "ISL", "Gran Canaria", [], 27.95, -15.6, "ES"),
    ("lanzarote", "T", "ISL", "Lanzarote", [], 29.04, -13.63, "ES"),
    ("el-hierro", "T", "ISL", "El Hierro", [], 27.74, -18.02, "ES"),
    # Baltic, Black Sea and Arctic
    ("bornholm", "T", "ISL", "Bornholm", [], 55.12, 14.92, "DK"),
    ("snake-island", "T", "ISL", "Snake Island", ["Zmiinyi Island", "Zmiinyi"],
     45.255, 30.204, "UA"),
    ("novaya-zemlya", "T", "ISLS", "Novaya Zemlya", [], 71.8, 54.0, "RU"),  # on the south island
    # Africa, the Red Sea and the Gulf
    ("zanzibar", "T", "ISL", "Zanzibar", ["Unguja", "Zanzibar Island"], -6.1, 39.35, "TZ"),
    ("pemba-island", "T", "ISL", "Pemba Island", [], -5.1, 39.77, "TZ"),  # "Pemba" alone: Mozambique's city
    ("socotra", "T", "ISL", "Socotra", ["Soqotra", "Suqutra"], 12.48, 53.85, "YE"),
    ("tiran-island", "T", "ISL", "Tiran Island", [], 27.93, 34.55, "SA"),
    ("kharg-island", "T", "ISL", "Kharg Island", ["Khark Island"], 29.25, 50.32, "IR"),
    ("abu-musa", "T", "ISL", "Abu Musa", ["Abu Musa Island"], 25.87, 55.03, ""),
    ("tunb-islands", "T", "ISLS", "Tunb Islands", ["Tunbs", "Greater Tunb", "Lesser Tunb"],
     26.26, 55.3, ""),  # on Greater Tunb
    ("qeshm-island", "T", "ISL", "Qeshm Island", [], 26.8, 55.85, "IR"),
    # Oceania
    ("north-island", "T", "ISL", "North Island", ["Te Ika-a-Maui"], -38.6, 175.9, "NZ"),
    ("south-island", "T", "ISL", "South Island", ["Te Waipounamu"], -43.6, 170.8, "NZ"),
    ("tahiti", "T", "ISL", "Tahiti", [], -17.65, -149.45, "PF"),
]

# Named areas a conflict map needs that are neither countries nor first-level
# regions: breakaway and disputed territories, named parts of war zones,
# deltas, valleys and mountain ranges that news names as places.
CONFLICT_AREAS = [
    # Caucasus and Europe
    ("nagorno-karabakh", "L", "RGN", "Nagorno-Karabakh", ["Nagorno Karabakh", "Nagorny Karabakh",
                                                          "Karabakh", "Artsakh",
                                                          "Mountainous Karabakh"],
     39.85, 46.75, "AZ"),
    ("lachin-corridor", "L", "RGN", "Lachin Corridor", [], 39.6, 46.5, "AZ"),
    ("south-ossetia", "L", "RGN", "South Ossetia", ["Tskhinvali Region"], 42.3, 44.0, "GE"),
    ("northern-cyprus", "L", "RGN", "Northern Cyprus", ["North Cyprus", "TRNC",
                                                        "Turkish Republic of Northern Cyprus"],
     35.25, 33.6, "CY"),
    ("suwalki-gap", "L", "RGN", "Suwalki Gap", ["Suwałki Gap", "Suwalki Corridor",
                                                "Suwałki Corridor"],
     54.25, 23.0, ""),
    # Syria, Iraq, Israel and Lebanon
    ("eastern-ghouta", "L", "RGN", "Eastern Ghouta", ["East Ghouta", "Ghouta"],
     33.54, 36.4, "SY"),
    ("qalamoun", "T", "MTS", "Qalamoun", ["Qalamoun Mountains", "Qalamun", "Kalamoun"],
     33.95, 36.6, "SY"),
    ("syrian-jazira", "L", "RGN", "Syrian Jazira", ["Jazira region"], 36.4, 40.8, "SY"),
    ("rojava", "L", "RGN", "Rojava", ["North and East Syria", "AANES",
                                      "Autonomous Administration of North and East Syria",
                                      "Western Kurdistan"],
     36.5, 40.0, "SY"),
    ("hauran", "L", "RGN", "Hauran", ["Hawran", "Houran"], 32.75, 36.2, "SY"),
    ("syrian-desert", "T", "DSRT", "Syrian Desert", ["Syrian Badia", "Badiya", "Badia al-Sham"],
     34.2, 38.6, ""),
    ("mount-sinjar", "T", "MT", "Mount Sinjar", ["Sinjar Mountains", "Jebel Sinjar",
                                                 "Shingal Mountains"],
     36.38, 41.8, "IQ"),
    ("nineveh-plains", "L", "RGN", "Nineveh Plains", ["Nineveh Plain"], 36.45, 43.25, "IQ"),
    ("shebaa-farms", "L", "RGN", "Shebaa Farms", ["Sheba Farms"], 33.28, 35.72, ""),
    ("gaza-envelope", "L", "RGN", "Gaza Envelope", [], 31.42, 34.52, "IL"),
    ("philadelphi-corridor", "L", "RGN", "Philadelphi Corridor", ["Philadelphi Route",
                                                                  "Philadelphi Axis"],
     31.27, 34.25, "PS"),
    ("negev", "T", "DSRT", "Negev", ["Negev Desert", "Naqab"], 30.7, 34.85, "IL"),
    ("galilee", "L", "RGN", "Galilee", [], 32.9, 35.4, "IL"),
    ("jordan-valley", "T", "VAL", "Jordan Valley", [], 32.0, 35.52, ""),
    ("bekaa-valley", "T", "VAL", "Bekaa Valley", ["Beqaa Valley"], 33.9, 36.0, "LB"),
    # Africa
    ("somaliland", "L", "RGN", "Somaliland", [], 9.6, 45.5, "SO"),
    ("puntland", "L", "RGN", "Puntland", [], 9.5, 49.0, "SO"),
    ("jubaland", "L", "RGN", "Jubaland", [], 1.3, 41.9, "SO"),
    ("azawad", "L", "RGN", "Azawad", [], 19.0, -1.0, "ML"),
    ("ogaden", "L", "RGN", "Ogaden", [], 7.2, 44.0, "ET"),
    ("casamance", "L", "RGN", "Casamance", [], 12.75, -15.5, "SN"),
    ("ambazonia", "L", "RGN", "Ambazonia", ["Southern Cameroons", "Anglophone Cameroon"],
     5.8, 9.7, "CM"),
    ("niger-delta", "T", "DLTA", "Niger Delta", [], 5.0, 6.3, "NG"),
    ("nile-delta", "T", "DLTA", "Nile Delta", [], 30.8, 31.0, "EG"),
    ("lake-chad", "H", "LK", "Lake Chad", [], 13.0, 14.5, ""),
    ("lake-chad-basin", "L", "RGN", "Lake Chad Basin", ["Lake Chad region", "Lake Chad area"],
     12.9, 14.2, ""),
    ("kivu", "L", "RGN", "Kivu", ["Kivus"], -1.5, 28.9, "CD"),
    ("lake-kivu", "H", "LK", "Lake Kivu", [], -2.0, 29.15, ""),
    ("liptako-gourma", "L", "RGN", "Liptako-Gourma", ["Liptako Gourma"], 14.8, 0.6, ""),
    ("tibesti", "T", "MTS", "Tibesti Mountains", ["Tibesti Massif"], 20.8, 17.5, "TD"),
    ("kordofan", "L", "RGN", "Kordofan", [], 12.5, 29.5, "SD"),
    ("nuba-mountains", "T", "MTS", "Nuba Mountains", [], 11.4, 30.1, "SD"),
    ("jebel-marra", "T", "MTS", "Jebel Marra", ["Jabal Marra", "Marrah Mountains"],
     12.95, 24.27, "SD"),
    ("fezzan", "L", "RGN", "Fezzan", ["Fazzan"], 26.5, 13.5, "LY"),
    ("cyrenaica", "L", "RGN", "Cyrenaica", [], 31.8, 22.0, "LY"),
    ("tripolitania", "L", "RGN", "Tripolitania", [], 31.5, 13.0, "LY"),
    ("halaib-triangle", "L", "RGN", "Hala'ib Triangle", ["Halaib Triangle", "Halayeb Triangle"],
     22.4, 35.5, ""),
    # Asia
    ("mekong-delta", "T", "DLTA", "Mekong Delta", [], 10.0, 105.8, "VN"),
    ("fata", "L", "RGN", "Federally Administered Tribal Areas", ["FATA", "Tribal Areas"],
     33.0, 70.1, "PK"),
    ("waziristan", "L", "RGN", "Waziristan", [], 32.7, 69.85, "PK"),
    ("swat-valley", "T", "VAL", "Swat Valley", [], 35.1, 72.5, "PK"),
    ("panjshir-valley", "T", "VAL", "Panjshir Valley", ["Panjsher Valley"], 35.35, 69.6, "AF"),
    ("wakhan-corridor", "L", "RGN", "Wakhan Corridor", ["Wakhan"], 37.0, 72.9, "AF"),
    ("hindu-kush", "T", "MTS", "Hindu Kush", [], 35.5, 70.0, ""),
    ("karakoram", "T", "MTS", "Karakoram", ["Karakoram Range"], 35.8, 76.5, ""),
    ("siachen-glacier", "T", "GLCR", "Siachen Glacier", ["Siachen"], 35.45, 77.0, ""),
    ("aksai-chin", "L", "RGN", "Aksai Chin", [], 35.2, 79.2, ""),
    ("doklam", "T", "PLAT", "Doklam", ["Doklam Plateau", "Donglang"], 27.3, 88.93, ""),
    ("chittagong-hill-tracts", "L", "RGN", "Chittagong Hill Tracts", [], 22.5, 92.2, "BD"),
    ("golden-triangle", "L", "RGN", "Golden Triangle", [], 20.35, 100.08, ""),
    ("ferghana-valley", "T", "VAL", "Ferghana Valley", ["Fergana Valley"], 40.75, 71.5, ""),
    ("pamir-mountains", "T", "MTS", "Pamir Mountains", ["Pamirs", "Pamir"], 38.5, 73.5, ""),
    ("korean-dmz", "L", "RGN", "Korean Demilitarized Zone", ["Korean DMZ",
                                                             "Korean Demilitarised Zone"],
     38.3, 127.3, ""),
    ("scarborough-shoal", "H", "SHOL", "Scarborough Shoal", ["Huangyan Island",
                                                             "Bajo de Masinloc",
                                                             "Panatag Shoal"],
     15.15, 117.76, ""),
    ("second-thomas-shoal", "H", "SHOL", "Second Thomas Shoal", ["Ayungin Shoal", "Ren'ai Reef"],
     9.74, 115.87, ""),
    # Latin America
    ("darien-gap", "L", "RGN", "Darién Gap", ["Darien Gap"], 8.1, -77.5, ""),
    ("triple-frontier", "L", "RGN", "Triple Frontier", ["Tri-Border Area", "Triple Border"],
     -25.55, -54.58, ""),
    ("chapare", "L", "RGN", "Chapare", [], -16.95, -65.3, "BO"),
    ("tierra-caliente", "L", "RGN", "Tierra Caliente", [], 18.7, -101.4, "MX"),
    ("catatumbo", "L", "RGN", "Catatumbo", [], 8.55, -73.0, "CO"),
]

# Former states that news still names (A/PCLH). The country is the main
# successor's code ("" where two or more succeeded on an equal footing); the
# point is inside its former territory, placed as a country is: near the middle
# of its area (so the Soviet Union and the Russian Empire sit in Siberia, beside
# Russia's own point, not at Moscow).
HISTORICAL_STATES = [
    ("soviet-union", "A", "PCLH", "Soviet Union", ["USSR", "U.S.S.R.",
                                                   "Union of Soviet Socialist Republics"],
     61.0, 98.0, "RU"),
    ("russian-empire", "A", "PCLH", "Russian Empire", ["Tsarist Russia", "Imperial Russia"],
     61.0, 98.0, "RU"),
    ("yugoslavia", "A", "PCLH", "Yugoslavia", ["former Yugoslavia", "SFRY",
                                               "Socialist Federal Republic of Yugoslavia"],
     44.0, 20.0, "RS"),
    ("czechoslovakia", "A", "PCLH", "Czechoslovakia", ["Czecho-Slovakia"], 49.4, 17.0, "CZ"),
    ("east-germany", "A", "PCLH", "East Germany", ["GDR", "G.D.R.", "German Democratic Republic",
                                                   "DDR"],
     52.3, 12.5, "DE"),
    ("west-germany", "A", "PCLH", "West Germany", [], 50.5, 8.5, "DE"),
    ("nazi-germany", "A", "PCLH", "Nazi Germany", ["Third Reich"], 51.5, 11.5, "DE"),
    ("prussia", "A", "PCLH", "Prussia", ["Kingdom of Prussia"], 52.4, 13.0, "DE"),
    ("austria-hungary", "A", "PCLH", "Austria-Hungary", ["Austro-Hungarian Empire",
                                                         "Austro-Hungary", "Dual Monarchy"],
     47.5, 18.0, ""),
    ("ottoman-empire", "A", "PCLH", "Ottoman Empire", ["Ottoman Turkey"], 39.5, 33.0, "TR"),
    ("mandatory-palestine", "A", "PCLH", "Mandatory Palestine", [
        "British Mandate Palestine", "Mandate Palestine", "British Mandate of Palestine",
        "Palestine Mandate", "British Palestine"],
     31.7, 35.0, ""),
    ("north-yemen", "A", "PCLH", "North Yemen", ["Yemen Arab Republic"], 15.3, 44.0, "YE"),
    ("south-yemen", "A", "PCLH", "South Yemen", ["People's Democratic Republic of Yemen",
                                                 "PDRY"],
     15.0, 48.0, "YE"),
    ("british-raj", "A", "PCLH", "British Raj", ["British India"], 23.0, 79.0, "IN"),
    ("east-pakistan", "A", "PCLH", "East Pakistan", [], 23.7, 90.3, "BD"),
    ("ceylon", "A", "PCLH", "Ceylon", [], 7.8, 80.7, "LK"),
    ("siam", "A", "PCLH", "Siam", ["Kingdom of Siam"], 15.0, 101.0, "TH"),
    ("south-vietnam", "A", "PCLH", "South Vietnam", ["Republic of Vietnam"], 12.2, 108.3, "VN"),
    ("north-vietnam", "A", "PCLH", "North Vietnam", ["Democratic Republic of Vietnam"],
     21.0, 105.5, "VN"),
    ("rhodesia", "A", "PCLH", "Rhodesia", ["Southern Rhodesia"], -19.0, 29.8, "ZW"),
    ("zaire", "A", "PCLH", "Zaire", ["Republic of Zaire"], -2.9, 23.7, "CD"),
    ("biafra", "A", "PCLH", "Biafra", ["Republic of Biafra"], 5.5, 7.5, "NG"),
    ("upper-volta", "A", "PCLH", "Upper Volta", [], 12.5, -1.5, "BF"),
    ("abyssinia", "A", "PCLH", "Abyssinia", [], 9.0, 39.5, "ET"),
    ("confederate-states", "A", "PCLH", "Confederate States of America",
     ["Confederate States"], 33.0, -86.5, "US"),
]

# Informal United States regions that news uses and tables.py lacks.
US_REGIONS_MORE = [
    ("west-coast", "L", "RGN", "West Coast", ["U.S. West Coast", "US West Coast"],
     40.0, -122.5, "US"),  # New Zealand's West Coast is a first-level region of its own
    ("east-coast", "L", "RGN", "East Coast", ["U.S. East Coast", "US East Coast",
                                              "Eastern Seaboard", "Atlantic Seaboard"],
     38.0, -77.0, "US"),
    ("south-florida", "L", "RGN", "South Florida", [], 26.1, -80.3, "US"),
    ("central-florida", "L", "RGN", "Central Florida", [], 28.5, -81.5, "US"),
    ("florida-panhandle", "L", "RGN", "Florida Panhandle", [], 30.65, -86.0, "US"),
    ("north-texas", "L", "RGN", "North Texas", [], 33.0, -97.2, "US"),
    ("south-texas", "L", "RGN", "South Texas", [], 27.5, -98.3, "US"),
    ("west-texas", "L", "RGN", "West Texas", [], 31.5, -102.5, "US"),
    ("east-texas", "L", "RGN", "East Texas", [], 32.0, -95.0, "US"),
    ("central-texas", "L", "RGN", "Central Texas", [], 31.0, -97.4, "US"),
    ("texas-panhandle", "L", "RGN", "Texas Panhandle", [], 35.4, -101.6, "US"),
    ("rio-grande-valley", "L", "RGN", "Rio Grande Valley", ["RGV"], 26.2, -97.95, "US"),
    ("texas-hill-country", "L", "RGN", "Texas Hill Country", ["Hill Country"],
     30.1, -99.1, "US"),
    ("permian-basin", "L", "RGN", "Permian Basin", [], 31.9, -102.3, "US"),
    ("central-valley", "L", "RGN", "Central Valley", [], 37.8, -121.0, "US"),  # California's
    ("san-joaquin-valley", "T", "VAL", "San Joaquin Valley", [], 36.6, -119.8, "US"),
    ("four-corners", "L", "RGN", "Four Corners", [], 37.0, -109.05, "US"),
    ("ozarks", "T", "MTS", "Ozarks", ["Ozark Mountains", "Ozark Plateau"], 36.7, -92.5, "US"),
    ("chicagoland", "L", "RGN", "Chicagoland", [], 41.85, -87.95, "US"),
    ("hudson-valley", "L", "RGN", "Hudson Valley", [], 41.7, -73.95, "US"),
    ("lehigh-valley", "L", "RGN", "Lehigh Valley", [], 40.62, -75.45, "US"),
    ("research-triangle", "L", "RGN", "Research Triangle", [], 35.85, -78.85, "US"),
]

# United Kingdom: statistical regions, informal areas, and historic and
# metropolitan counties that news still names but that are not (or no longer)
# administrative units in the packaged second-level regions.
UK_AREAS = [
    ("east-of-england", "L", "RGN", "East of England", [], 52.2, 0.5, "GB"),
    ("east-midlands", "L", "RGN", "East Midlands", [], 52.85, -1.0, "GB"),
    ("west-midlands-region", "L", "RGN", "West Midlands", [], 52.45, -2.2, "GB"),
    ("north-east-england", "L", "RGN", "North East England", ["North-East England",
                                                              "Northeast England"],
     55.0, -1.9, "GB"),
    ("north-west-england", "L", "RGN", "North West England", ["North-West England",
                                                              "Northwest England"],
     54.0, -2.7, "GB"),
    ("south-east-england", "L", "RGN", "South East England", ["South-East England",
                                                              "Southeast England"],
     51.3, -0.6, "GB"),
    ("south-west-england", "L", "RGN", "South West England", ["South-West England",
                                                              "Southwest England"],
     50.95, -3.3, "GB"),
    ("midlands", "L", "RGN", "Midlands", ["English Midlands"], 52.6, -1.6, "GB"),
    ("east-anglia", "L", "RGN", "East Anglia", [], 52.5, 1.0, "GB"),
    ("home-counties", "L", "RGN", "Home Counties", [], 51.65, -0.45, "GB"),
    ("thames-valley", "L", "RGN", "Thames Valley", [], 51.47, -0.95, "GB"),
    ("west-country", "L", "RGN", "West Country", [], 50.9, -3.6, "GB"),
    ("scottish-highlands", "L", "RGN", "Scottish Highlands", ["Highlands of Scotland"],
     57.35, -5.0, "GB"),
    ("lake-district", "L", "RGN", "Lake District", [], 54.5, -3.1, "GB"),
    ("peak-district", "L", "RGN", "Peak District", [], 53.35, -1.8, "GB"),
    ("cotswolds", "L", "RGN", "Cotswolds", [], 51.8, -1.85, "GB"),
    # historic counties that are no longer one administrative unit
    ("yorkshire", "L", "RGN", "Yorkshire", ["Yorkshire and the Humber"], 54.0, -1.5, "GB"),
    ("northamptonshire", "L", "RGN", "Northamptonshire", [], 52.3, -0.85, "GB"),
    ("cumberland", "L", "RGN", "Cumberland", [], 54.7, -3.0, "GB"),
    ("westmorland", "L", "RGN", "Westmorland", [], 54.45, -2.65, "GB"),
    ("middlesex", "L", "RGN", "Middlesex", [], 51.55, -0.35, "GB"),
    ("humberside", "L", "RGN", "Humberside", [], 53.8, -0.55, "GB"),
    # metropolitan and ceremonial counties (police forces and news still use them)
    ("greater-manchester", "L", "RGN", "Greater Manchester", [], 53.5, -2.3, "GB"),
    ("merseyside", "L", "RGN", "Merseyside", [], 53.45, -2.9, "GB"),
    ("west-yorkshire", "L", "RGN", "West Yorkshire", [], 53.75, -1.7, "GB"),
    ("south-yorkshire", "L", "RGN", "South Yorkshire", [], 53.5, -1.3, "GB"),
    ("tyne-and-wear", "L", "RGN", "Tyne and Wear", ["Tyneside"], 54.95, -1.55, "GB"),
    ("teesside", "L", "RGN", "Teesside", [], 54.57, -1.25, "GB"),
    # English ceremonial counties split into unitary authorities, so absent as one unit
    ("berkshire", "L", "RGN", "Berkshire", ["Berks"], 51.45, -1.15, "GB"),
    ("cheshire", "L", "RGN", "Cheshire", [], 53.2, -2.55, "GB"),
    ("bedfordshire", "L", "RGN", "Bedfordshire", ["Beds"], 52.05, -0.45, "GB"),
    ("sussex", "L", "RGN", "Sussex", [], 50.95, -0.35, "GB"),
    ("rutland", "L", "RGN", "Rutland", [], 52.65, -0.65, "GB"),
    # Scottish areas news names that are not council areas
    ("lanarkshire", "L", "RGN", "Lanarkshire", [], 55.68, -3.85, "GB"),
    ("ayrshire", "L", "RGN", "Ayrshire", [], 55.45, -4.55, "GB"),
    ("lothian", "L", "RGN", "Lothian", ["Lothians"], 55.9, -3.2, "GB"),
    ("strathclyde", "L", "RGN", "Strathclyde", [], 55.8, -4.6, "GB"),
    # Welsh preserved counties (lieutenancy areas), still used by police and news
    ("gwent", "L", "RGN", "Gwent", [], 51.7, -3.0, "GB"),
    ("dyfed", "L", "RGN", "Dyfed", [], 51.95, -4.45, "GB"),
    ("clwyd", "L", "RGN", "Clwyd", [], 53.1, -3.3, "GB"),
    ("glamorgan", "L", "RGN", "Glamorgan", [], 51.6, -3.45, "GB"),
    ("mid-glamorgan", "L", "RGN", "Mid Glamorgan", [], 51.62, -3.4, "GB"),
    ("south-glamorgan", "L", "RGN", "South Glamorgan", [], 51.47, -3.25, "GB"),
    ("west-glamorgan", "L", "RGN", "West Glamorgan", [], 51.65, -3.85, "GB"),
    # the six counties of Northern Ireland, whose councils have other names since 2015;
    # "Down" alone is a common word and "Tyrone" a given name, so only "County X" names them
    ("county-antrim", "L", "RGN", "County Antrim", ["Co. Antrim", "Co Antrim"],
     54.85, -6.25, "GB"),
    ("county-armagh", "L", "RGN", "County Armagh", ["Co. Armagh", "Co Armagh"],
     54.3, -6.6, "GB"),
    ("county-down", "L", "RGN", "County Down", ["Co. Down", "Co Down"], 54.35, -5.9, "GB"),
    ("county-fermanagh", "L", "RGN", "County Fermanagh", ["Fermanagh", "Co. Fermanagh",
                                                          "Co Fermanagh"],
     54.35, -7.6, "GB"),
    ("county-londonderry", "L", "RGN", "County Londonderry", ["County Derry",
                                                              "Co. Londonderry",
                                                              "Co. Derry", "Co Derry"],
     54.9, -6.85, "GB"),
    ("county-tyrone", "L", "RGN", "County Tyrone", ["Co. Tyrone", "Co Tyrone"],
     54.6, -7.1, "GB"),
]

# Demonyms and adjectives that denote a region rather than a country: a list
# of (target, words). The target is either ("region", slug), a row of
# tables.WORLD_REGIONS or of this module, or ("admin1", ISO country, name), a
# first-level region by its English name as GeoNames writes it. Country
# demonyms (Scottish, Welsh, Palestinian) stay with the countries; words shared
# by several regions or countries (Punjabi, Bengali, Tamil, Galician) are left
# out, and so are political words (Nazi).
REGION_DEMONYMS = [
    # regions of tables.py
    (("region", "kurdistan"), ["Kurdish", "Kurd", "Kurds"]),
    (("region", "siberia"), ["Siberian"]),
    (("region", "kashmir"), ["Kashmiri", "Kashmiris"]),
    (("region", "balkans"), ["Balkan"]),
    (("region", "scandinavia"), ["Scandinavian"]),
    (("region", "middle-east"), ["Middle Eastern"]),
    (("region", "levant"), ["Levantine"]),
    (("region", "maghreb"), ["Maghrebi"]),
    (("region", "sahel"), ["Sahelian"]),
    (("region", "latin-america"), ["Latin American"]),
    (("region", "patagonia"), ["Patagonian"]),
    (("region", "amazon"), ["Amazonian"]),
    (("region", "himalayas"), ["Himalayan"]),
    (("region", "appalachia"), ["Appalachian"]),
    (("region", "midwest"), ["Midwestern", "Midwesterner", "Midwesterners"]),
    (("region", "new-england"), ["New Englander", "New Englanders"]),
    (("region", "darfur"), ["Darfuri", "Darfuris"]),
    (("region", "gaza-strip"), ["Gazan", "Gazans"]),
    # regions of this module
    (("region", "south-ossetia"), ["South Ossetian"]),
    (("region", "somaliland"), ["Somalilander", "Somalilanders"]),
    (("region", "northern-cyprus"), ["Turkish Cypriot", "Turkish Cypriots"]),
    (("region", "east-anglia"), ["East Anglian"]),
    (("region", "soviet-union"), ["Soviet"]),
    (("region", "yugoslavia"), ["Yugoslav", "Yugoslavian"]),
    (("region", "czechoslovakia"), ["Czechoslovak"]),
    (("region", "east-germany"), ["East German", "East Germans"]),
    (("region", "west-germany"), ["West German", "West Germans"]),
    (("region", "prussia"), ["Prussian"]),
    (("region", "austria-hungary"), ["Austro-Hungarian"]),
    (("region", "ottoman-empire"), ["Ottoman"]),
    (("region", "rhodesia"), ["Rhodesian"]),
    (("region", "zaire"), ["Zairean", "Zairian"]),
    (("region", "ceylon"), ["Ceylonese"]),
    (("region", "south-vietnam"), ["South Vietnamese"]),
    (("region", "north-vietnam"), ["North Vietnamese"]),
    (("region", "biafra"), ["Biafran"]),
    # first-level regions
    (("admin1", "CN", "Tibet"), ["Tibetan", "Tibetans"]),
    (("admin1", "CN", "Xinjiang"), ["Uyghur", "Uighur", "Uyghurs", "Uighurs"]),
    (("admin1", "IT", "Sicily"), ["Sicilian"]),
    (("admin1", "IT", "Sardinia"), ["Sardinian"]),
    (("admin1", "IT", "Tuscany"), ["Tuscan"]),
    (("admin1", "IT", "Calabria"), ["Calabrian"]),
    (("admin1", "DE", "Bavaria"), ["Bavarian"]),
    (("admin1", "ES", "Catalonia"), ["Catalan", "Catalans"]),
    (("admin1", "ES", "Basque Country"), ["Basque", "Basques"]),
    (("admin1", "ES", "Andalusia"), ["Andalusian"]),
    (("admin1", "ES", "Canary Islands"), ["Canarian"]),
    (("admin1", "FR", "Corsica"), ["Corsican"]),
    (("admin1", "FR", "Brittany"), ["Breton"]),
    (("admin1", "PT", "Azores"), ["Azorean"]),
    (("admin1", "GB", "Northern Ireland"), ["Northern Irish"]),
    (("admin1", "RU", "Chechnya"), ["Chechen", "Chechens"]),
    (("admin1", "RU", "Dagestan"), ["Dagestani"]),
    (("admin1", "UA", "Crimea"), ["Crimean"]),
    (("admin1", "MD", "Transnistria"), ["Transnistrian"]),
    (("admin1", "GE", "Abkhazia"), ["Abkhaz", "Abkhazian"]),
    (("admin1", "PK", "Balochistan"), ["Baloch", "Balochi", "Baluch"]),
    (("admin1", "PK", "Sindh"), ["Sindhi"]),
    (("admin1", "ET", "Tigray"), ["Tigrayan", "Tigrayans"]),
    (("admin1", "ET", "Oromiya"), ["Oromo"]),
    (("admin1", "MM", "Kachin State"), ["Kachin"]),
    (("admin1", "US", "Texas"), ["Texan", "Texans"]),
    (("admin1", "US", "California"), ["Californian", "Californians"]),
    (("admin1", "US", "Florida"), ["Floridian", "Floridians"]),
    (("admin1", "US", "Hawaii"), ["Hawaiian"]),
    (("admin1", "US", "Alaska"), ["Alaskan", "Alaskans"]),
    (("admin1", "CA", "Quebec"), ["Quebecer", "Quebecker", "Québécois", "Quebecois"]),
    (("admin1", "AU", "Tasmania"), ["Tasmanian"]),
    (("admin1", "AU", "Queensland"), ["Queenslander"]),
]

FEATURE_LISTS = {
    "RIVERS": RIVERS,
    "ISLANDS": ISLANDS,
    "CONFLICT_AREAS": CONFLICT_AREAS,
    "HISTORICAL_STATES": HISTORICAL_STATES,
    "US_REGIONS_MORE": US_REGIONS_MORE,
    "UK_AREAS": UK_AREAS,
}


def _check():
    """Asserts the lists are well formed; returns the number of rows per list."""
    import re
    import tables

    slug_re = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
    code_re = re.compile(r"^[A-Z]{2,5}$")
    slugs = {row[0] for row in tables.WORLD_REGIONS}
    assert len(slugs) == len(tables.WORLD_REGIONS), "duplicate slug in tables.py"
    old_names = {row[3].lower() for row in tables.WORLD_REGIONS}
    old_names |= {a.lower() for row in tables.WORLD_REGIONS for a in row[4]}
    names = {}
    for list_name, rows in FEATURE_LISTS.items():
        for row in rows:
            assert len(row) == 8, (list_name, row)
            slug, fclass, fcode, name, alts, lat, lon, cc = row
            where = "%s %s" % (list_name, slug)
            assert slug_re.match(slug), where
            assert slug not in slugs, "duplicate slug: " + where
            slugs.add(slug)
            assert fclass in ("A", "H", "L", "T"), where
            assert code_re.match(fcode), where
            assert (list_name == "RIVERS") == (fcode == "STM"), where
            assert list_name != "HISTORICAL_STATES" or (fclass, fcode) == ("A", "PCLH"), where
            assert list_name != "ISLANDS" or (fclass == "T" and fcode in ("ISL", "ISLS")), where
            assert isinstance(alts, list), where
            for n in [name] + alts:
                assert n and n == n.strip() and "," not in n and "\t" not in n, (where, n)
                assert n.lower() not in old_names, "name of tables.py: %s %r" % (where, n)
                assert names.get(n.lower(), slug) == slug, "name twice: %s %r" % (where, n)
                names[n.lower()] = slug
            assert len(set(a.lower() for a in alts)) == len(alts), where
            assert name.lower() not in (a.lower() for a in alts), where
            assert isinstance(lat, float) or isinstance(lat, int), where
            assert -90 <= lat <= 90 and -180 <= lon <= 180, where
            assert cc == "" or re.match(r"^[A-Z]{2}$", cc), where
    for target, words in REGION_DEMONYMS:
        assert target[0] in ("region", "admin1"), target
        if target[0] == "region":
            assert len(target) == 2 and target[1] in slugs, target
        else:
            assert len(target) == 3 and re.match(r"^[A-Z]{2}$", target[1]) and target[2], target
        assert words and all(w and w == w.strip() and "," not in w for w in words), target
    demonyms = [w.lower() for _, words in REGION_DEMONYMS for w in words]
    assert len(demonyms) == len(set(demonyms)), "demonym twice"
    counts = {k: len(v) for k, v in FEATURE_LISTS.items()}
    counts["REGION_DEMONYMS"] = len(REGION_DEMONYMS)
    return counts


if __name__ == "__main__":
    for list_name, count in _check().items():
        print("%-18s %3d" % (list_name, count))
    print("%-18s %3d" % ("rows", sum(len(v) for v in FEATURE_LISTS.values())))
