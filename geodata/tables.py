"""Hand-written name tables for conflictmap's gazetteer build.

Everything here is general knowledge written for this project (no third-party
data): names that news uses for countries but that the packaged sources lack,
AP-style US state abbreviations, and continents, oceans, seas and well-known
world regions with a representative point. The points are rounded centres of
the area a reader would picture, not survey values. Continents carry their
GeoNames ids so that an exact-id comparison with GeoNames-annotated text can
match.
"""

# ISO alpha-2 -> names in common use that country-info-list, Natural Earth and
# the JDK do not all give: short and colloquial names, former names and the
# abbreviations written in news. Names of two or three capitals only appear
# here, never derived automatically: "CAN", "AND" or "PER" would read as words.
COUNTRY_ALIASES = {
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "BiH"],
    "BO": ["Bolivia"],
    "BN": ["Brunei"],
    "BS": ["The Bahamas", "Bahamas"],
    "BY": ["Belarus", "Byelorussia"],
    "CD": ["DRC", "D.R.C.", "DR Congo", "D.R. Congo", "Congo-Kinshasa",
           "Democratic Republic of Congo", "Democratic Republic of the Congo"],
    "CF": ["Central African Republic", "CAR"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Republic of the Congo"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CN": ["China", "PRC", "People's Republic of China", "Mainland China"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "CZ": ["Czech Republic", "Czechia"],
    "FM": ["Micronesia"],
    "GB": ["Britain", "Great Britain", "United Kingdom", "UK", "U.K."],
    "GM": ["The Gambia", "Gambia"],
    "HK": ["Hong Kong"],
    "IE": ["Ireland", "Republic of Ireland", "Eire"],
    "IR": ["Iran", "Persia", "Islamic Republic of Iran"],
    "KG": ["Kyrgyzstan", "Kirghizia"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "KP": ["North Korea", "N. Korea", "DPRK", "D.P.R.K."],
    "KR": ["South Korea", "S. Korea", "ROK", "Republic of Korea"],
    "LA": ["Laos"],
    "LC": ["St Lucia", "St. Lucia"],
    "MD": ["Moldova"],
    "MK": ["North Macedonia", "Macedonia"],
    "MM": ["Myanmar", "Burma"],
    "MO": ["Macau", "Macao"],
    "NL": ["Netherlands", "The Netherlands", "Holland"],
    "NZ": ["New Zealand", "NZ"],
    "PG": ["Papua New Guinea", "PNG"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian territories",
           "Occupied Palestinian Territories", "State of Palestine"],
    "RU": ["Russia", "Russian Federation"],
    "SA": ["Saudi Arabia", "Saudi", "KSA", "Kingdom of Saudi Arabia"],
    "SY": ["Syria", "Syrian Arab Republic"],
    "SZ": ["Eswatini", "Swaziland"],
    "TL": ["East Timor", "Timor-Leste"],
    "TR": ["Turkey", "Turkiye", "Türkiye"],
    "TT": ["Trinidad and Tobago", "Trinidad"],
    "TW": ["Taiwan"],
    "TZ": ["Tanzania"],
    "US": ["United States", "United States of America", "U.S.", "U.S.A.", "US", "USA",
           "America"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "VE": ["Venezuela"],
    "VN": ["Vietnam", "Viet Nam"],
}

# ISO alpha-2 -> demonyms and nationality words country-info-list lacks, and
# names of languages spoken mainly in one country ("in Hebrew", "Farsi-language").
DEMONYM_ALIASES = {
    "GB": ["English", "Scottish", "Scots", "Welsh", "Briton", "Brit"],
    "IR": ["Persian", "Farsi"],
    "IL": ["Hebrew"],
    "PK": ["Urdu"],
    "IN": ["Hindi"],
    "AF": ["Pashto", "Dari"],
    "CN": ["Mandarin"],
    "SA": ["Saudi"],
    "PH": ["Philippine"],
    "NZ": ["Kiwi"],
    "KR": ["Korean"],
}

# GeoNames id of a town -> abbreviations news writes for it; the packaged
# alternate names drop ASCII names of one or two letters, which would
# otherwise turn every "LA" into Los Angeles.
CITY_ALIASES = {
    "5368361": ["LA", "L.A."],  # Los Angeles
    "5128581": ["NYC", "N.Y.C.", "New York City"],  # New York City
    "4140963": ["D.C.", "DC", "Washington, D.C.", "Washington D.C."],  # Washington
    "5391959": ["SF", "San Fran"],  # San Francisco
}

# US state (GeoNames admin1 code) -> AP style-book abbreviations and other
# written forms. AP abbreviates a state after a town name ("Alexandria, Va.");
# eight states are never abbreviated and only get their postal-code-free name.
US_STATE_ALIASES = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."],
    "CO": ["Colo."], "CT": ["Conn."], "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."],
    "IL": ["Ill."], "IN": ["Ind."], "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."],
    "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."],
    "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."],
    "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M.", "N.Mex."], "NY": ["N.Y.", "New York State"],
    "NC": ["N.C."], "ND": ["N.D.", "N.Dak."], "OK": ["Okla."], "OR": ["Ore.", "Oreg."],
    "PA": ["Pa.", "Penn.", "Penna."], "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D.", "S.Dak."],
    "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."], "WA": ["Wash.",
    "Washington State"], "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
    "DC": ["D.C.", "DC", "Washington, D.C.", "Washington D.C.", "Washington DC"],
}

# First-level regions outside the US (GeoNames admin1 code) -> the abbreviations news writes.
# Canadian Press style and the postal codes that do not read as words; Australia's state
# abbreviations that are not also another place's ("WA", "SA" and "NT" are left out).
ADMIN1_ALIASES = {
    "CA.01": ["Alta."], "CA.02": ["B.C.", "BC"], "CA.03": ["Man."], "CA.04": ["N.B."],
    "CA.05": ["N.L.", "Nfld.", "Newfoundland"], "CA.07": ["N.S."], "CA.08": ["Ont."],
    "CA.09": ["P.E.I.", "PEI"], "CA.10": ["Que.", "Québec"], "CA.11": ["Sask."],
    "CA.12": ["Y.T."], "CA.13": ["N.W.T.", "NWT"],
    "AU.02": ["NSW", "N.S.W."], "AU.04": ["Qld", "QLD"], "AU.06": ["Tas."], "AU.07": ["Vic."],
}

# Countries whose first-level units are called states: news writes "Borno State", "Oaxaca
# state", so "X State" is a name of admin1 X there. (Not the US: "Ohio State" is a university.)
STATE_COUNTRIES = {"BR", "IN", "MM", "MX", "MY", "NG", "SD", "SS", "VE"}

# Second-level areas of the United Kingdom and Ireland (GeoNames name) -> the short and
# English forms in everyday use.
UK_COUNTY_ALIASES = {
    "Buckinghamshire": ["Bucks"], "Cambridgeshire": ["Cambs"],
    "Derbyshire": ["Derbys"], "East Riding of Yorkshire": ["East Yorkshire"],
    "Gloucestershire": ["Glos", "Gloucs"], "Hampshire": ["Hants"],
    "Hertfordshire": ["Herts"], "Lancashire": ["Lancs"], "Leicestershire": ["Leics"],
    "Lincolnshire": ["Lincs"], "Nottinghamshire": ["Notts"], "Oxfordshire": ["Oxon"],
    "Staffordshire": ["Staffs"], "Wiltshire": ["Wilts"], "Worcestershire": ["Worcs"],
    # GeoNames writes these in Welsh or Irish, or with the council's name
    "Sir Powys": ["Powys"], "Mayo County": ["Mayo"], "An Longfort": ["Longford"],
    "Uíbh Fhailí": ["Offaly"], "An Cabhán": ["Cavan"],
    "Limerick City and County Council": ["County Limerick"], "Dublin City": ["County Dublin"],
}

# GeoNames continent code -> (GeoNames id, name, alternate names, lat, lon).
CONTINENTS = [
    ("AF", 6255146, "Africa", [], 7.18805, 21.09375),
    ("AS", 6255147, "Asia", [], 29.84064, 89.29688),
    ("EU", 6255148, "Europe", [], 48.69096, 9.14062),
    ("NA", 6255149, "North America", [], 46.07323, -100.54688),
    ("SA", 6255150, "South America", [], -14.60485, -57.65625),
    ("OC", 6255151, "Oceania", ["Australasia"], -18.31281, 138.51562),
    ("AN", 6255152, "Antarctica", [], -78.15856, 16.40625),
]

# (slug, feature class, feature code, name, alternate names, lat, lon, country or "").
# Class L = area or region, H = water, T = land form (GeoNames classes).
WORLD_REGIONS = [
    # world regions
    ("european-union", "L", "RGN", "European Union", ["EU", "E.U."], 48.69096, 9.14062, ""),
    ("middle-east", "L", "RGN", "Middle East", ["Mideast", "Near East"], 29.3, 42.5, ""),
    ("levant", "L", "RGN", "Levant", [], 33.5, 36.0, ""),
    ("maghreb", "L", "RGN", "Maghreb", ["Maghrib"], 31.0, 3.0, ""),
    ("north-africa", "L", "RGN", "North Africa", ["Northern Africa"], 27.0, 14.0, ""),
    ("west-africa", "L", "RGN", "West Africa", ["Western Africa"], 12.0, -3.0, ""),
    ("east-africa", "L", "RGN", "East Africa", ["Eastern Africa"], 1.0, 37.0, ""),
    ("central-africa", "L", "RGN", "Central Africa", ["Middle Africa"], 2.0, 20.0, ""),
    ("southern-africa", "L", "RGN", "Southern Africa", [], -24.0, 25.0, ""),
    ("horn-of-africa", "L", "RGN", "Horn of Africa", [], 8.0, 45.0, ""),
    ("sub-saharan-africa", "L", "RGN", "Sub-Saharan Africa", ["Subsaharan Africa"],
     2.0, 22.0, ""),
    ("sahel", "L", "RGN", "Sahel", [], 14.5, 5.0, ""),
    ("sahara", "T", "DSRT", "Sahara", ["Sahara Desert"], 23.0, 12.0, ""),
    ("central-asia", "L", "RGN", "Central Asia", [], 43.0, 65.0, ""),
    ("south-asia", "L", "RGN", "South Asia", ["Southern Asia", "Indian subcontinent",
                                               "Subcontinent"], 23.0, 80.0, ""),
    ("southeast-asia", "L", "RGN", "Southeast Asia", ["South-East Asia", "South East Asia"],
     5.0, 110.0, ""),
    ("east-asia", "L", "RGN", "East Asia", ["Eastern Asia", "Far East"], 35.0, 115.0, ""),
    ("asia-pacific", "L", "RGN", "Asia-Pacific", ["Asia Pacific", "Pacific Rim"],
     5.0, 120.0, ""),
    ("indochina", "L", "RGN", "Indochina", [], 15.0, 103.0, ""),
    ("caucasus", "L", "RGN", "Caucasus", ["Caucasia", "South Caucasus", "North Caucasus"],
     42.5, 44.5, ""),
    ("siberia", "L", "RGN", "Siberia", [], 62.0, 100.0, "RU"),
    ("kurdistan", "L", "RGN", "Kurdistan", [], 36.5, 44.0, ""),
    ("kashmir", "L", "RGN", "Kashmir", [], 34.0, 75.5, ""),
    ("arabian-peninsula", "T", "PEN", "Arabian Peninsula", ["Arabia"], 23.0, 46.0, ""),
    ("korean-peninsula", "T", "PEN", "Korean Peninsula", [], 37.5, 127.5, ""),
    ("iberian-peninsula", "T", "PEN", "Iberian Peninsula", ["Iberia"], 40.0, -4.0, ""),
    ("balkans", "L", "RGN", "Balkans", ["Balkan Peninsula", "Western Balkans"], 43.0, 21.0, ""),
    ("scandinavia", "L", "RGN", "Scandinavia", ["Nordic countries"], 63.0, 15.0, ""),
    ("western-europe", "L", "RGN", "Western Europe", [], 48.0, 4.0, ""),
    ("eastern-europe", "L", "RGN", "Eastern Europe", [], 50.0, 28.0, ""),
    ("central-europe", "L", "RGN", "Central Europe", [], 49.5, 15.5, ""),
    ("southern-europe", "L", "RGN", "Southern Europe", [], 41.0, 14.0, ""),
    ("northern-europe", "L", "RGN", "Northern Europe", [], 60.0, 15.0, ""),
    ("latin-america", "L", "RGN", "Latin America", [], -4.0, -65.0, ""),
    ("central-america", "L", "RGN", "Central America", [], 13.5, -86.0, ""),
    ("caribbean", "L", "RGN", "Caribbean", ["West Indies"], 17.0, -72.0, ""),
    ("americas", "L", "RGN", "Americas", [], 15.0, -85.0, ""),
    ("patagonia", "L", "RGN", "Patagonia", [], -45.0, -69.0, ""),
    ("amazon", "L", "RGN", "Amazon", ["Amazonia", "Amazon rainforest", "Amazon Basin"],
     -4.0, -62.0, ""),
    ("arctic", "L", "RGN", "Arctic", [], 80.0, 0.0, ""),
    ("himalayas", "T", "MTS", "Himalayas", ["Himalaya"], 28.5, 84.0, ""),
    ("alps", "T", "MTS", "Alps", [], 46.5, 10.0, ""),
    ("andes", "T", "MTS", "Andes", [], -15.0, -70.0, ""),
    # the Middle East's disputed and named areas
    ("west-bank", "L", "RGN", "West Bank", [], 31.95, 35.25, "PS"),
    ("gaza-strip", "L", "RGN", "Gaza Strip", [], 31.42, 34.37, "PS"),
    ("golan-heights", "T", "PLAT", "Golan Heights", ["Golan"], 33.0, 35.75, ""),
    ("sinai", "T", "PEN", "Sinai", ["Sinai Peninsula"], 29.5, 33.8, "EG"),
    ("donbas", "L", "RGN", "Donbas", ["Donbass"], 48.0, 38.5, "UA"),
    ("darfur", "L", "RGN", "Darfur", [], 13.5, 24.0, "SD"),
    # United States regions
    ("midwest", "L", "RGN", "Midwest", ["Middle West", "American Midwest"], 42.0, -91.0, "US"),
    ("new-england", "L", "RGN", "New England", [], 44.0, -71.5, "US"),
    ("pacific-northwest", "L", "RGN", "Pacific Northwest", [], 46.0, -121.0, "US"),
    ("deep-south", "L", "RGN", "Deep South", ["American South"], 32.5, -88.0, "US"),
    ("gulf-coast", "L", "RGN", "Gulf Coast", [], 30.0, -90.0, "US"),
    ("appalachia", "L", "RGN", "Appalachia", ["Appalachian Mountains", "Appalachians"],
     37.5, -81.5, "US"),
    ("great-plains", "L", "RGN", "Great Plains", [], 41.0, -100.0, "US"),
    ("rocky-mountains", "T", "MTS", "Rocky Mountains", ["Rockies"], 43.0, -110.0, ""),
    ("silicon-valley", "L", "RGN", "Silicon Valley", [], 37.4, -122.05, "US"),
    ("bay-area", "L", "RGN", "Bay Area", ["San Francisco Bay Area"], 37.8, -122.3, "US"),
    ("southern-california", "L", "RGN", "Southern California", ["SoCal"], 34.0, -117.5, "US"),
    ("northern-california", "L", "RGN", "Northern California", ["NorCal"], 39.5, -121.5,
     "US"),
    ("northern-virginia", "L", "RGN", "Northern Virginia", [], 38.8, -77.3, "US"),
    ("upstate-new-york", "L", "RGN", "Upstate New York", [], 43.0, -75.5, "US"),
    ("hampton-roads", "L", "RGN", "Hampton Roads", [], 36.9, -76.3, "US"),
    ("twin-cities", "L", "RGN", "Twin Cities", [], 44.96, -93.2, "US"),
    ("inland-empire", "L", "RGN", "Inland Empire", [], 34.0, -117.2, "US"),
    ("upper-peninsula", "T", "PEN", "Upper Peninsula", [], 46.5, -87.0, "US"),
    ("cape-cod", "T", "CAPE", "Cape Cod", [], 41.7, -70.3, "US"),
    ("florida-keys", "T", "ISLS", "Florida Keys", [], 24.7, -81.2, "US"),
    ("outer-banks", "T", "ISLS", "Outer Banks", [], 35.5, -75.5, "US"),
    ("long-island", "T", "ISL", "Long Island", [], 40.8, -73.1, "US"),
    # oceans, seas, gulfs, straits and great lakes
    ("atlantic-ocean", "H", "OCN", "Atlantic Ocean", ["Atlantic"], 10.0, -25.0, ""),
    ("pacific-ocean", "H", "OCN", "Pacific Ocean", ["Pacific"], 0.0, -160.0, ""),
    ("indian-ocean", "H", "OCN", "Indian Ocean", [], -10.0, 80.0, ""),
    ("arctic-ocean", "H", "OCN", "Arctic Ocean", [], 85.0, 0.0, ""),
    ("southern-ocean", "H", "OCN", "Southern Ocean", [], -60.0, 90.0, ""),
    ("mediterranean-sea", "H", "SEA", "Mediterranean Sea", ["Mediterranean"], 35.0, 18.0, ""),
    ("red-sea", "H", "SEA", "Red Sea", [], 20.0, 38.5, ""),
    ("black-sea", "H", "SEA", "Black Sea", [], 43.5, 34.0, ""),
    ("caspian-sea", "H", "LK", "Caspian Sea", ["Caspian"], 41.5, 50.5, ""),
    ("baltic-sea", "H", "SEA", "Baltic Sea", ["Baltic", "Baltics", "Baltic states"],
     58.0, 20.0, ""),
    ("north-sea", "H", "SEA", "North Sea", [], 56.0, 3.0, ""),
    ("aegean-sea", "H", "SEA", "Aegean Sea", ["Aegean"], 39.0, 25.0, ""),
    ("adriatic-sea", "H", "SEA", "Adriatic Sea", ["Adriatic"], 43.0, 15.0, ""),
    ("sea-of-azov", "H", "SEA", "Sea of Azov", [], 46.0, 36.5, ""),
    ("south-china-sea", "H", "SEA", "South China Sea", [], 12.0, 114.0, ""),
    ("east-china-sea", "H", "SEA", "East China Sea", [], 29.0, 125.0, ""),
    ("yellow-sea", "H", "SEA", "Yellow Sea", [], 36.0, 123.0, ""),
    ("sea-of-japan", "H", "SEA", "Sea of Japan", ["East Sea"], 40.0, 135.0, ""),
    ("arabian-sea", "H", "SEA", "Arabian Sea", [], 15.0, 65.0, ""),
    ("caribbean-sea", "H", "SEA", "Caribbean Sea", [], 15.0, -75.0, ""),
    ("persian-gulf", "H", "GULF", "Persian Gulf", ["Arabian Gulf", "Gulf"],
     26.5, 52.0, ""),
    ("gulf-of-oman", "H", "GULF", "Gulf of Oman", [], 24.5, 58.5, ""),
    ("gulf-of-aden", "H", "GULF", "Gulf of Aden", [], 12.5, 48.0, ""),
    ("gulf-of-mexico", "H", "GULF", "Gulf of Mexico", [], 25.0, -90.0, ""),
    ("bay-of-bengal", "H", "BAY", "Bay of Bengal", [], 15.0, 88.0, ""),
    ("strait-of-hormuz", "H", "STRT", "Strait of Hormuz", ["Hormuz"], 26.6, 56.3, ""),
    ("bosphorus", "H", "STRT", "Bosphorus", ["Bosporus"], 41.1, 29.05, "TR"),
    ("english-channel", "H", "CHN", "English Channel", [], 50.2, -1.0, ""),
    ("suez-canal", "H", "CNL", "Suez Canal", [], 30.7, 32.34, "EG"),
    ("panama-canal", "H", "CNL", "Panama Canal", [], 9.1, -79.7, "PA"),
    ("dead-sea", "H", "LK", "Dead Sea", [], 31.5, 35.5, ""),
    ("lake-victoria", "H", "LK", "Lake Victoria", [], -1.0, 33.0, ""),
    ("lake-michigan", "H", "LK", "Lake Michigan", [], 44.0, -87.0, "US"),
    ("lake-erie", "H", "LK", "Lake Erie", [], 42.2, -81.2, ""),
    ("lake-superior", "H", "LK", "Lake Superior", [], 47.7, -87.5, ""),
    ("lake-huron", "H", "LK", "Lake Huron", [], 44.8, -82.4, ""),
    ("lake-ontario", "H", "LK", "Lake Ontario", [], 43.7, -77.9, ""),
    ("great-lakes", "H", "LKS", "Great Lakes", [], 45.0, -84.0, ""),
    ("chesapeake-bay", "H", "BAY", "Chesapeake Bay", [], 37.8, -76.1, "US"),
    ("puget-sound", "H", "SD", "Puget Sound", [], 47.6, -122.4, "US"),
]
