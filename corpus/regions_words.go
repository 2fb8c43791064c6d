package corpus

// The word lists the place matcher decides by. Keys are folded (lower
// case). Each list says why it exists; none of them names an article.

// set builds a lookup set from words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// stopNames are places whose names are also ordinary English words, month
// names or first names common enough in news that a capital (a sentence's
// first word, a headline, a person) says nothing: Mobile, Nice, Reading,
// Bath, Split, March, Of. They count only in a dateline, which names a
// place by construction.
var stopNames = set(
	// Common words.
	"mobile", "nice", "reading", "bath", "split", "march", "of", "buffalo", "orange", "surprise",
	"independence", "liberty", "union", "same", "sale", "street", "deal", "wells", "bury", "gold",
	"best", "most", "sun", "moron", "hope", "friendship", "concord", "commerce", "progress", "unity",
	"enterprise", "opportunity", "fortune", "eagle", "phoenix", "aurora", "paradise",
	"harmony", "normal", "mission", "pride", "winner", "justice", "federal", "central", "university", "college",
	"temple", "church", "chapel", "globe", "plain", "banks", "marina", "santa", "san", "saint", "may", "june",
	"july", "august", "april", "january", "state", "city", "town", "port", "bay", "lake", "beach", "valley",
	"river", "mount", "fort", "north", "south", "east", "west", "center", "centre", "middle", "new", "old",
	"little", "grand", "great", "cardinal", "bishop", "pastor", "prince", "queen", "king", "dollar", "euro",
	"mark", "pound", "real", "peso", "rand", "franc", "crown", "sterling", "premier", "general", "many",
	"nation", "delta", "alpha", "omega", "eden", "zion", "goodyear", "carmel", "bonus", "sandy",
	"police", "media", "victory", "lens", "tours", "nancy", "angers", "mons", "ede", "marl", "moers",
	"bell", "lowell", "carlsbad", "orem", "bra", "bar", "ski", "gap", "sint", "dun", "mill", "cork", "ore",
	"ash", "oak", "elk", "spring", "summit", "pike", "rock", "stone", "edge", "bridge", "forest", "green",
	"wood", "hill", "field", "ham", "but", "to", "pa", "can", "much", "time", "young", "bank", "gulf",
	"drug", "fleet", "dome", "pre", "est", "sour", "tire", "cars", "sues", "cos", "chi", "pan", "ina", "ida",
	"sama", "alliance", "commonwealth", "white house", "western", "eastern", "northern", "southern",
	"northeast", "northwest", "southeast", "southwest", "asia", "africa", "europe", "oceania",
	"antarctica", "warburg", "lombard", "redland", "man", "sur", "via", "post", "bella", "ada", "ore",
	// Compass regions, and metonyms for institutions rather than places.
	"south west", "north west", "south east", "north east", "west coast", "east coast", "piedmont",
	"southland", "westminster", "whitehall", "midlands",
	"capitol hill", "wall street", "st james", "downing street", "fleet street", "city of london",
	// English counties (not first-level divisions, so not in the
	// gazetteer) whose names are also towns elsewhere, London districts
	// named far more often as football clubs, and the oil benchmark.
	"norfolk", "suffolk", "essex", "surrey", "sussex", "devon", "cornwall", "dorset", "somerset",
	"cheshire", "middlesex", "cumbria", "durham county", "chelsea", "tottenham", "fulham", "everton",
	"west ham", "millwall", "charlton", "brent",
	// Acronyms and brands that are small places' names too.
	"google", "yahoo", "gao", "fao", "ifo", "ico", "irna", "bally", "toyota", "honda", "nissan", "mazda",
	"sharp", "tata",
	// First names and surnames far more often than places in news.
	"florence", "eugene", "regina", "marion", "troy", "carson", "warren", "lawrence", "davis",
	"tyler", "irving", "chandler", "norman", "milton", "gary", "jackson", "clinton", "franklin", "hamilton",
	"murray", "preston", "burton", "howard", "nelson", "madison", "jefferson", "hudson", "quincy", "kent",
	"lincoln", "douglas", "elizabeth", "beaumont", "mesa", "hemet", "lafayette", "arlington",
	"taft", "harper", "wilson", "bush", "david", "michael", "martin", "paul", "lawson", "baker", "james",
	"thomas", "george", "william", "john", "peter", "robert", "charles", "edward", "henry", "albert",
	"frederick", "alexander", "francis", "patrick", "richard", "arthur", "vincent", "leon", "marshall",
	"mary", "kennedy", "evans", "harvey", "stanley", "constantine", "yakubu", "mercedes", "marca",
	"canaries", "buena vista",
)

// leadWords may stand capitalised right before a place without making it
// part of a longer name: sentence openers and prepositions ("In Kyiv"),
// compass and size words ("Eastern Ukraine", "Greater London"), and
// nationality and office words that qualify a place ("Soviet Georgia").
var leadWords = set(
	"a", "an", "the", "in", "at", "on", "to", "from", "for", "with", "by", "and", "or", "but", "as", "of",
	"into", "across", "inside", "outside", "throughout", "near", "around", "over", "under", "after",
	"before", "since", "until", "while", "when", "where", "if", "though", "although", "because", "like",
	"unlike", "both", "neither", "either", "between", "against", "towards", "toward", "via", "beyond",
	"within", "without", "about", "among", "amid", "despite", "during", "than", "then", "so", "yet",
	"also", "even", "only", "now", "still", "meanwhile", "however", "why", "how", "what", "which", "who",
	"this", "that", "these", "those", "all", "every", "each", "some", "most", "many", "its", "his", "her",
	"their", "our", "my", "your", "is", "was", "are", "were", "be", "not", "no", "do", "does", "did",
	"has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "said",
	"says", "told", "says", "visit", "visits", "visited", "visiting", "leave", "left", "leaving", "reach",
	"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "greater",
	"inner", "outer", "upstate", "downtown", "mainland", "occupied", "rural", "urban", "coastal",
	"northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
	"southwestern", "mid", "metropolitan", "suburban", "neighbouring", "neighboring", "soviet", "free",
	"liberated", "annexed", "independent", "communist", "post", "pre", "war", "wartime", "modern",
	"ancient", "old", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "here", "there", "welcome", "please", "dear", "hello", "oh", "yes",
	"next", "last", "first", "second", "third", "new", "continental",
)

// orgHeads are the words that, before "of", make an organisation or a
// title of a place name: "Bank of England", "University of London",
// "Duke of York".
var orgHeads = set(
	"bank", "duchy", "university", "college", "school", "academy", "institute", "institution", "museum", "gallery",
	"church", "diocese", "archbishop", "bishop", "archdiocese", "duke", "duchess", "earl", "marquess",
	"baron", "baroness", "viscount", "prince", "princess", "society", "association", "federation",
	"chamber", "council", "club", "orchestra", "symphony", "theatre", "theater", "opera", "ballet",
	"hospital", "infirmary", "port", "corporation", "company", "times", "tribune", "herald", "journal",
	"league", "order",
	"treaty", "battle", "siege", "sack", "fall", "statute", "book", "bishops", "lady", "lord", "maid",
	"merchant", "history", "taming", "tale", "girl", "boy", "man", "woman", "king", "queen", "emperor",
	"sultan", "emir", "crown", "freedom", "commonwealth",
)

// orgTails are the words that, right after a place, make it part of an
// organisation's or a team's name: "Washington Post", "Manchester
// United", "New York Stock Exchange", "Bristol-Myers".
var orgTails = set(
	"post", "times", "herald", "tribune", "journal", "chronicle", "gazette", "star", "mail", "telegraph",
	"guardian", "observer", "standard", "news", "daily", "globe", "examiner", "courier", "record",
	"united", "city", "rovers", "wanderers", "athletic", "county", "albion", "hotspur", "villa", "forest",
	"rangers", "celtic", "thistle", "orient", "argyle", "wednesday", "town", "alexandra", "stanley",
	"dons", "fc", "afc", "rfc", "cf", "sc", "ac", "bc", "giants", "jets", "knicks", "yankees", "mets",
	"lakers", "bulls", "bears", "packers", "patriots", "cowboys", "dolphins", "redskins", "capitals",
	"wizards", "warriors", "rockets", "spurs", "heat", "nets", "celtics", "red", "blue", "white", "black",
	"stock", "exchange", "mercantile", "futures", "board", "commodity", "cotton", "metal", "bank",
	"banking", "bancorp", "bancshares", "savings", "federal", "trust", "financial", "securities",
	"capital", "investment", "investments", "insurance", "assurance", "mutual", "life", "fund", "funds",
	"corp", "corporation", "co", "company", "companies", "inc", "incorporated", "ltd", "limited", "plc",
	"group", "holdings", "holding", "industries", "industrial", "international", "enterprises",
	"partners", "associates", "brothers", "bros", "electric", "electronics", "power", "light", "energy",
	"gas", "oil", "petroleum", "steel", "mining", "aviation", "minerals", "motors", "motor", "airlines", "airways",
	"air", "railway", "railways", "railroad", "telecom", "telephone", "telegraph", "communications",
	"broadcasting", "television", "tv", "radio", "film", "films", "pictures", "studios", "records",
	"chemical", "chemicals", "pharmaceutical", "pharmaceuticals", "foods", "brewery", "breweries",
	"tobacco", "textile", "textiles", "paper", "cement", "glass", "rubber", "tire", "tyre", "water",
	"university", "college", "school", "institute", "museum", "zoo", "hospital", "orchestra",
	"philharmonic", "symphony", "opera", "ballet", "festival", "marathon", "open", "masters",
	"police", "fire", "council", "assembly", "club", "society", "academy", "agreement", "accord",
	"protocol", "convention", "declaration", "consensus", "round", "summit", "group", "club", "pact",
	"airport", "station", "arena", "stadium", "square", "garden", "gardens", "street", "road", "avenue",
	"bridge", "tower", "center", "centre", "hall", "house", "palace", "castle", "cathedral", "abbey",
	"development", "authority", "agency", "commission", "committee", "institution", "foundation",
	"review", "magazine", "press", "publishing", "books", "chronicle", "metro", "subway", "transit",
	"supreme", "court", "high", "appeals", "district", "circuit", "municipal", "mayoral", "general",
)

// followWords may stand capitalised right after a place without making it
// part of an organisation: division words ("Zaporozhye Region"), offices
// ("US President", "Ukraine Foreign Minister"), and the words of
// headline-like capitals.
var followWords = set(
	"region", "regions", "oblast", "oblasts", "province", "provinces", "state", "governorate",
	"prefecture", "krai", "republic", "republics", "people", "territory", "territories",
	"president", "prime", "premier", "minister", "ministers", "foreign", "defence", "defense", "interior",
	"finance", "trade", "economy", "energy", "secretary", "chancellor", "ambassador", "envoy", "embassy",
	"consulate", "government", "parliament", "congress", "senate", "senator", "governor", "mayor",
	"king", "queen", "army", "navy", "military", "forces", "troops", "war", "border", "crisis", "conflict",
	"peace", "talks", "official", "officials", "leader", "leaders", "team", "squad", "captain", "coach",
	"manager", "cup", "squad", "national", "president's", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "and", "or", "i", "ii",
)

// honorifics before a name make it a person's: "Mr Jordan", "Sir Hamilton".
var honorifics = set(
	"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "gen",
	"general", "col", "colonel", "capt", "captain", "maj", "major", "lt", "sgt", "judge", "justice",
	"senator", "sen", "rep", "gov", "st", "saint", "president", "minister", "coach", "manager", "father",
	"brother", "sister", "uncle", "aunt", "prince", "princess", "king", "queen",
)

// clubLeads are the words that open a club's name before a city ("Real
// Madrid", "Bayern Munich"): the city is no surname there, so the other
// mentions of it in the article still count.
var clubLeads = set(
	"real", "inter", "ac", "as", "atletico", "athletic", "dynamo", "dinamo", "sporting", "olympique",
	"bayern", "borussia", "hertha", "werder", "eintracht", "fortuna", "hamburger", "racing", "deportivo",
	"sparta", "slavia", "lokomotiv", "spartak", "cska", "red", "fc", "afc", "rc", "sv", "psv", "vfb", "vfl",
	"royal", "greater", "new", "port", "air", "radio", "club", "team", "visit", "bank", "central",
)

// currencyWords after a country's name make a currency's name, not a
// place: "US dollar", "Hong Kong dollars".
var currencyWords = set("dollar", "dollars", "pound", "pounds", "franc", "francs", "mark", "marks",
	"yen", "lira", "peso", "pesos", "rupee", "rupees", "rouble", "roubles", "ruble", "rubles", "crown",
	"crowns", "krona", "krone", "guilder", "guilders", "rand", "real", "yuan", "won", "ringgit", "baht",
	"shilling", "shillings", "dinar", "dinars", "riyal", "riyals")

// continentLeads before "America" make it a continent, not the United
// States: "South America", "Latin America".
var continentLeads = set("south", "north", "central", "latin", "middle", "meso", "anglo", "pan")

// divisionWords after a name make it a division rather than its seat:
// "the Zaporozhye region", "Kherson Oblast".
var divisionWords = set("region", "regions", "oblast", "oblasts", "province", "provinces", "governorate",
	"krai", "prefecture", "state")

// governmentNouns after a capital's possessive, and governmentVerbs after
// a capital, make it stand for its country's government: "Beijing's
// policy", "Madrid insists" (the country is meant, and named).
var governmentNouns = set("policy", "policies", "government", "position", "stance", "decision", "response",
	"approach", "insistence", "refusal", "demands", "demand", "plans", "plan", "proposal", "proposals",
	"request", "objections", "support", "backing", "view", "claim", "claims", "relations", "ties")

var governmentVerbs = set("said", "says", "insists", "insisted", "denies", "denied", "accused", "accuses",
	"warned", "warns", "rejected", "rejects", "agreed", "agrees", "announced", "wants", "wanted", "demanded",
	"demands", "urged", "urges", "pledged", "refused", "refuses", "vowed", "threatened", "retaliated",
	"responded", "protested", "condemned", "welcomed", "criticised", "criticized", "argues", "argued",
	"believes", "fears", "hopes", "blamed", "blames", "backed", "backs", "opposes", "opposed", "imposed")

// placePrepositions before "Washington" make it the city rather than the
// government it stands for.
var placePrepositions = set("in", "to", "from", "at", "near", "outside", "into", "around", "visit", "visited",
	"visiting", "across", "arrived", "arrive", "through", "left", "leave", "via", "downtown")

// usStateAbbrevs are the state abbreviations of American datelines
// ("GREENWICH, Conn."), folded.
var usStateAbbrevs = map[string]string{
	"ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO", "conn": "CT",
	"del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS", "ky": "KY",
	"la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO",
	"mont": "MT", "neb": "NE", "nebr": "NE", "nev": "NV", "n.h.": "NH", "n.j.": "NJ", "n.m.": "NM",
	"n.y.": "NY", "n.c.": "NC", "n.d.": "ND", "okla": "OK", "ore": "OR", "pa": "PA", "penn": "PA",
	"r.i.": "RI", "s.c.": "SC", "s.d.": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA",
	"wash": "WA", "w.va": "WV", "wis": "WI", "wyo": "WY", "d.c.": "DC",
}
