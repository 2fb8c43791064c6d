package corpus

// The word tables behind speaker finding. They are small on purpose: the
// rules look only at the words around a speech verb, so a few hundred words
// of English news usage decide who speaks, and nothing is loaded at run
// time. Every key is lower case.

// wordSet builds a set from space-separated words.
func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words)*8)
	for _, ws := range words {
		start := -1
		for i := 0; i <= len(ws); i++ {
			if i == len(ws) || ws[i] == ' ' || ws[i] == '\n' || ws[i] == '\t' {
				if start >= 0 {
					m[ws[start:i]] = true
				}
				start = -1
			} else if start < 0 {
				start = i
			}
		}
	}
	return m
}

// cueVerbs maps each form of a verb of saying to whether it is a participle
// ("adding", "saying") that takes the subject of its main clause.
var cueVerbs = func() map[string]bool {
	m := map[string]bool{}
	// Each line: base, -s form, past, -ing form.
	forms := [][4]string{
		{"say", "says", "said", "saying"},
		{"tell", "tells", "told", "telling"},
		{"state", "states", "stated", "stating"},
		{"add", "adds", "added", "adding"},
		{"argue", "argues", "argued", "arguing"},
		{"warn", "warns", "warned", "warning"},
		{"announce", "announces", "announced", "announcing"},
		{"claim", "claims", "claimed", "claiming"},
		{"insist", "insists", "insisted", "insisting"},
		{"explain", "explains", "explained", "explaining"},
		{"emphasize", "emphasizes", "emphasized", "emphasizing"},
		{"emphasise", "emphasises", "emphasised", "emphasising"},
		{"stress", "stresses", "stressed", "stressing"},
		{"indicate", "indicates", "indicated", "indicating"},
		{"describe", "describes", "described", "describing"},
		{"note", "notes", "noted", "noting"},
		{"suggest", "suggests", "suggested", "suggesting"},
		{"urge", "urges", "urged", "urging"},
		{"admit", "admits", "admitted", "admitting"},
		{"deny", "denies", "denied", "denying"},
		{"reply", "replies", "replied", "replying"},
		{"respond", "responds", "responded", "responding"},
		{"comment", "comments", "commented", "commenting"},
		{"maintain", "maintains", "maintained", "maintaining"},
		{"acknowledge", "acknowledges", "acknowledged", "acknowledging"},
		{"concede", "concedes", "conceded", "conceding"},
		{"confirm", "confirms", "confirmed", "confirming"},
		{"predict", "predicts", "predicted", "predicting"},
		{"write", "writes", "wrote", "writing"},
		{"question", "questions", "questioned", "questioning"},
		{"propose", "proposes", "proposed", "proposing"},
		{"apologise", "apologises", "apologised", "apologising"},
		{"apologize", "apologizes", "apologized", "apologizing"},
		{"condemn", "condemns", "condemned", "condemning"},
		{"report", "reports", "reported", "reporting"},
		{"recommend", "recommends", "recommended", "recommending"},
		{"attack", "attacks", "attacked", "attacking"},
		{"tweet", "tweets", "tweeted", "tweeting"},
		{"declare", "declares", "declared", "declaring"},
		{"assert", "asserts", "asserted", "asserting"},
		{"contend", "contends", "contended", "contending"},
		{"complain", "complains", "complained", "complaining"},
		{"reveal", "reveals", "revealed", "revealing"},
		{"ask", "asks", "asked", "asking"},
		{"promise", "promises", "promised", "promising"},
		{"pledge", "pledges", "pledged", "pledging"},
		{"vow", "vows", "vowed", "vowing"},
		{"accuse", "accuses", "accused", "accusing"},
		{"call", "calls", "called", "calling"},
		{"express", "expresses", "expressed", "expressing"},
		{"share", "shares", "shared", "sharing"},
		{"post", "posts", "posted", "posting"},
		{"continue", "continues", "continued", "continuing"},
		{"recall", "recalls", "recalled", "recalling"},
		{"remark", "remarks", "remarked", "remarking"},
		{"observe", "observes", "observed", "observing"},
		{"conclude", "concludes", "concluded", "concluding"},
		{"appeal", "appeals", "appealed", "appealing"},
		{"demand", "demands", "demanded", "demanding"},
		{"criticise", "criticises", "criticised", "criticising"},
		{"criticize", "criticizes", "criticized", "criticizing"},
		{"welcome", "welcomes", "welcomed", "welcoming"},
		{"dismiss", "dismisses", "dismissed", "dismissing"},
		{"downplay", "downplays", "downplayed", "downplaying"},
		{"estimate", "estimates", "estimated", "estimating"},
		{"forecast", "forecasts", "forecast", "forecasting"},
	}
	m["written"] = false
	for _, f := range forms {
		m[f[0]] = false
		m[f[1]] = false
		m[f[2]] = false
		m[f[3]] = true
	}
	// Their other forms are nouns far more often than verbs of saying
	// ("Piedmont shares", "his Treasury post").
	for _, w := range []string{"share", "shares", "sharing", "post", "posts", "report", "reports"} {
		delete(m, w)
	}
	return m
}()

// weakCues are verbs that report a statement only when a quotation or a
// "that" clause follows: "Mr X called the plan 'absurd'" is speech, "Mr X
// called his office" is not; "X shared his view that" is, "X shared the
// prize" is not.
var weakCues = wordSet(`
call calls called calling express expresses expressed expressing
share shares shared sharing post posts posted posting continue continues
continued continuing observe observes observed observing note notes noted
welcome welcomes welcomed welcoming dismiss dismisses dismissed dismissing
downplay downplays downplayed downplaying estimate estimates estimated
forecast forecasts forecasting appeal appeals appealed appealing demand demands demanded
demanding criticise criticises criticised criticising criticize criticizes
criticized criticizing describe describes described describing reveal
reveals revealed revealing 
condemn condemns condemned
condemning report reports reported reporting recommend recommends
recommended recommending attack attacks attacked attacking`)

// auxWords may stand between a subject and its speech verb ("Witkoff has
// also said") without changing who speaks.
var auxWords = wordSet(`has have had also later earlier previously then
again further recently repeatedly publicly privately reportedly
subsequently yesterday today now once first last already originally
separately himself herself itself just even still instead too did does do
all both each jointly together`)

// blockWords before a speech verb mean that no statement was made: it is
// negated ("has not commented"), passive ("was described as"), future or
// hypothetical ("will announce", "is expected to say").
var blockWords = wordSet(`not never n't no was were is are be been being
will would could may might should must shall can cannot to won't wouldn't
couldn't didn't doesn't don't hasn't haven't hadn't isn't wasn't weren't
unlikely yet`)

// notNames are capitalised words that open sentences or clauses and are
// never part of a name.
var notNames = wordSet(`the a an in on at according following after
before but however and or he she it they we i you this that these those
his her its their our my your there here when while if as so since
although though because meanwhile also yet still then now last next
speaking asked writing earlier later today yesterday tomorrow monday
tuesday wednesday thursday friday saturday sunday january february march
april june july august september october november december
mr mrs ms dr sir for with from by of to not no some many most
what why how where who which whose both all each other another one two
three despite during under over among between against instead such
only even just while whether`)

// stopBeforeNP ends a subject noun phrase read leftwards: a clause word.
var stopBeforeNP = wordSet(`and or but that which who whom whose when
while if as because although though since after before where than so
then also said says told with from by for on in at to of about into
over under against between among during without within per via like
is are was were be been has have had will would could should may might
can must do does did not`)

// personPronouns resolve to the nearest fitting named person.
var personPronouns = map[string]byte{"he": 'm', "she": 'f'}

// determiners open a noun phrase.
var determiners = wordSet(`the a an some many several most all both other
two three four five few these those its their`)

// prepositions before a name make it an object, not the "he" of the next
// sentence.
var prepositions = wordSet(`with by from to of for on about against at in
into than including like among between over toward towards upon onto
beside besides via after before`)

// abbrevs end with a dot that does not end a sentence.
var abbrevs = wordSet(`mr mrs ms dr st jr sr gen col lt sgt prof rev inc
corp co ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec gov
sen rep capt maj adm cmdr messrs mt ft`)

// possessives before a verb form make it a noun ("his claims").
var possessives = wordSet(`his her its their our my your the a an`)

// clauseStarters before a name put it at the start of a clause, where the
// "he" of a later sentence may point back to it.
var clauseStarters = wordSet(`and but or that while as when though although
because since if after before then so yet where whereas once until who
which whom quoted`)

// speakerHonorifics are titles that say nothing of a speaker's role.
var speakerHonorifics = wordSet(`mr mrs ms miss dr sir dame lord lady prof
professor rev`)
