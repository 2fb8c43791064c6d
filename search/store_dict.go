package search

import "strings"

// storeDict is the preset dictionary of the article store's DEFLATE codec
// (codecFlateDict): text an article's JSON is likely to repeat, which
// DEFLATE can then refer back to from the article's first byte instead of
// spelling it out once per article. An article is compressed on its own
// (a Get reads one), so without a dictionary every one of them paid for
// its JSON keys and its most common words in full.
//
// It is made of the JSON keys corpus.Article encodes to and common words
// of English news writing, business and politics, written for Dateline,
// not taken from any corpus. DEFLATE refers back at most 32 KB and the
// nearest text costs the fewest bits, so the keys, which every article
// holds, come last. Changing it changes how articles are encoded: a new
// dictionary needs a new codec tag, and this one must stay as it is for
// the stores written with it.
var storeDict = []byte(strings.Join([]string{
	// Words of business and market news.
	"quarter first second third fourth fiscal year ended results revenue revenues sales profit profits loss losses",
	"earnings income operating net per share shares shareholders stock stocks dividend dividends payable record",
	"cents dollars dollar dlrs mln billion million billions millions pct percent rate rates interest inflation",
	"bank banks central banking credit loans loan debt bonds bond treasury notes bills yield yields money supply",
	"market markets trading traders exchange futures prices price oil crude gas barrels barrel output production",
	"company companies corporation corp inc ltd group unit subsidiary acquisition acquire acquired merger offer bid",
	"tender agreed agreement deal talks board directors chairman president chief executive officer spokesman",
	"analysts analyst economists economy economic growth government minister ministry officials official sources",
	"trade deficit surplus exports imports export import tariffs tariff duties quota quotas agriculture farm farmers",
	"wheat corn grain grains soybeans sugar coffee cocoa cotton rice tonnes tons bushels crop crops harvest weather",
	"gold silver copper metal metals steel aluminium aluminum iron ore coal energy power electricity nuclear",
	"federal reserve budget fiscal monetary policy tax taxes spending parliament congress senate house vote election",
	"party leader leaders prime foreign affairs secretary state states united national international world country",
	"countries nations union european community commission council summit meeting meetings conference week weeks",
	"month months today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday",
	"january february march april may june july august september october november december",
	"increase increased decrease decreased rise rose risen fall fell fallen higher lower up down from to against",
	"compared with year earlier previous last next expected forecast estimate estimated about around approximately",
	"said says told added noted according statement report reported reports news agency newspaper press reporters",
	"would could should will shall might must can may also but however although because while since after before",
	"which that this these those there their they them its it is was were been being have has had not no",
	"Reuters Reuter The A In On At For By With Of And But It He She They We said the of and to in a for on is",
	// The JSON of corpus.Article and corpus.Quote, nearest of all.
	`{"id":"`, `","url":"`, `","title":"`, `","body":"`, `","published":"`, `T00:00:00Z","author":"`,
	`","site":"`, `","dateline":"`, `","language":"en","speakers":[`, `],"regions":[`, `],"quotes":[`,
	`{"text":"`, `","speaker":"`, `","role":"`, `","cue":"said","offset":`, `,"direct":true}`, `,"direct":false}`,
	`],"source":"`, `"speakers":[],"regions":[]}`, `.\n\n`, `\n\n`, ` said. `, ` said on `, `, he said`, ` it said`,
}, " "))
