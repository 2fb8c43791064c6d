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

// titleWords precede a name and belong to the speaker's role, not name.
var titleWords = wordSet(`mr mrs ms miss dr prof professor sir dame lord
lady baroness baron president vice prime minister ministers premier
chancellor secretary senator sen rep representative governor gov general
gen colonel col major maj captain capt lieutenant lt sergeant sgt admiral
judge justice king queen prince princess pope cardinal bishop archbishop
rev reverend treasurer rabbi imam father sheikh emir sultan ayatollah chairman co-chairman chairwoman
chairperson chair chief executive ceo director spokesman spokeswoman
spokesperson envoy ambassador mayor commissioner deputy leader head
speaker councillor mp mep msp am economist analyst minister's
foreign home finance interior defence defense trade health education
justice energy culture transport shadow special senior acting
local government opposition regional national
former ex-president ex-minister ex-labour ex-leader
founder co-founder managing officer president-elect attorney
superintendent inspector constable detective coach manager striker
chancellor's adviser advisor aide negotiator diplomat official
spokesmen correspondent editor commentator presenter
singer musician rapper songwriter dj actor actress producer comedian
writer author novelist guitarist drummer bassist frontman farmer
lawyer barrister solicitor campaigner activist
`)

// personTitles mark the word after them as a person's name and give a
// gender where they have one.
var personTitles = map[string]byte{
	"mr": 'm', "mrs": 'f', "ms": 'f', "miss": 'f', "sir": 'm', "dame": 'f',
	"lord": 'm', "lady": 'f', "baroness": 'f', "baron": 'm', "king": 'm',
	"queen": 'f', "prince": 'm', "princess": 'f', "dr": 0, "prof": 0,
	"professor": 0, "president": 0, "senator": 0, "sen": 0, "rep": 0,
	"governor": 0, "general": 0, "gen": 0, "judge": 0, "pope": 'm',
	"chancellor": 0, "minister": 0, "premier": 0, "secretary": 0,
	"sheikh": 'm', "ayatollah": 'm', "cardinal": 'm', "rev": 0,
	"father": 'm', "rabbi": 'm', "imam": 'm', "spokesman": 'm', "spokeswoman": 'f', "mayor": 0,
	"envoy": 0, "ambassador": 0, "commissioner": 0, "leader": 0,
	"chairman": 'm', "chairwoman": 'f', "captain": 0, "colonel": 0,
	"coach": 0, "manager": 0, "director": 0, "executive": 0, "mp": 0,
	"mep": 0, "councillor": 0, "spokesperson": 0, "aide": 0, "adviser": 0,
	"advisor": 0, "deputy": 0, "chief": 0, "economist": 0, "analyst": 0,
	"officer": 0, "negotiator": 0, "founder": 0, "editor": 0,
}

// personRoles are role nouns that name one person ("the envoy said"): an
// article's earlier "Steve Witkoff, the US special envoy" tells who.
var personRoles = wordSet(`president minister premier chancellor secretary
senator governor general judge king queen prince princess pope envoy
ambassador mayor commissioner leader chairman chairwoman chair chief
executive spokesman spokeswoman spokesperson director head speaker
co-chairman commissioner
official adviser advisor aide negotiator diplomat economist analyst
founder officer manager coach striker editor correspondent boss mp
candidate lawyer attorney spokesmen captain prosecutor chairperson
governor-general archbishop bishop cardinal sheikh emir sultan`)

// anonHeads are nouns that, unresolved, stand for unnamed sources.
var anonHeads = wordSet(`official officials source sources analyst
analysts expert experts economist economists critic critics observer
observers diplomat diplomats spokesman spokeswoman spokesperson
aide aides insider insiders people residents witnesses witness
campaigners campaigner opponents supporters dealers dealer traders
trader bankers banker investors investor executives executive
lawyers lawyer officers officer police doctors scientists researchers
residents parties unions members member mps ministers leaders
protesters activists others some many most few both observers
commentators reports report survey study figures statement poll
government`)

// orgWords in a capitalised name make it an organisation's.
var orgWords = wordSet(`programme program research studies standard guardian independent observer mirror
express gazette tribune chronicle telegraph scotsman centre center executive lib dem dems fein cymru ukip snp kremlin treasury ministry department office
association confederation federation union council commission committee
party government bank bureau agency authority institute institution
foundation trust society organisation organization corporation corp co
inc ltd plc llc group company companies holdings industries airlines
airways motors engineers games foods brands systems services service board fund forum court
parliament assembly senate congress house commons lords cabinet police
army navy force forces command university college school hospital
church league club network channel newspaper times post herald journal
news press reuters bbc itv channel network telecom communications
energy petroleum oil gas railways railway mail exchange markets market
securities capital partners management insurance brewery stores
labour tories tory conservatives democrats republicans liberals
socialists greens movement front alliance coalition watchdog regulator
ofcom ofwat ofgem opec nato un eu imf wto who cbi tuc ftse nasdaq
commons whitehall downing pentagon nhs fa uefa fifa ioc
`)

// nationalities are adjectives of place that may open a role ("Russian
// President") but are no one's name.
var nationalities = wordSet(`american british english scottish welsh irish
russian ukrainian french german italian spanish portuguese dutch belgian
swiss austrian polish czech hungarian greek turkish chinese japanese
korean indian pakistani afghan iraqi iranian israeli palestinian syrian
lebanese egyptian saudi jordanian libyan nigerian kenyan african
european asian canadian mexican brazilian argentine australian
swedish norwegian danish finnish icelandic serbian croatian bosnian
romanian bulgarian georgian armenian belarusian kazakh uzbek
western eastern northern southern us u.s. uk u.k. eu un
western-backed pro-russian arab muslim christian jewish catholic
cuban venezuelan colombian chilean peruvian thai vietnamese indonesian
malaysian filipino singaporean taiwanese zimbabwean sudanese somali
ethiopian ghanaian moroccan algerian tunisian yemeni kuwaiti qatari`)

// places are countries and capitals that stand for a state when they speak
// ("Russia has stated", "Moscow points to"): kept apart from the named
// organisations and people.
var places = wordSet(`russia ukraine america britain england scotland
wales ireland france germany italy spain portugal netherlands holland
belgium switzerland austria poland greece turkey china japan korea india
pakistan afghanistan iraq iran israel palestine syria lebanon egypt
saudi jordan libya nigeria kenya canada mexico brazil argentina
australia sweden norway denmark finland serbia croatia romania bulgaria
georgia belarus cuba venezuela colombia chile peru thailand vietnam
indonesia malaysia philippines singapore taiwan zimbabwe sudan somalia
ethiopia ghana morocco algeria tunisia yemen kuwait qatar europe asia
africa moscow kyiv kiev washington london paris berlin beijing tokyo
brussels rome madrid tehran baghdad damascus jerusalem ankara delhi
islamabad kabul cairo riyadh ottawa canberra us u.s. usa uk u.k.
the-us minsk warsaw athens lisbon dublin edinburgh cardiff belfast
seoul pyongyang havana caracas afghanistan albania andorra angola
antigua armenia azerbaijan bahamas bahrain bangladesh barbados belize
benin bhutan bolivia bosnia botswana brunei burkina burundi cambodia
cameroon chad comoros congo croatia cyprus djibouti dominica ecuador
eritrea estonia eswatini fiji gabon gambia grenada guatemala guinea
guyana haiti honduras hungary iceland jamaica kazakhstan kiribati
kosovo kyrgyzstan laos latvia lesotho liberia liechtenstein lithuania
luxembourg madagascar malawi maldives mali malta mauritania mauritius
micronesia moldova monaco mongolia montenegro mozambique myanmar burma
namibia nauru nepal nicaragua niger oman palau panama paraguay rwanda
samoa senegal seychelles slovakia slovenia suriname swaziland
tajikistan tanzania togo tonga trinidad turkmenistan tuvalu uganda
uruguay uzbekistan vanuatu zambia austria czechia macedonia
chechnya tibet kurdistan gaza crimea donbas
nairobi lagos abuja johannesburg pretoria harare kampala accra dakar
addis karachi lahore mumbai bombay kolkata calcutta dhaka kathmandu
bangkok hanoi jakarta manila kuala taipei shanghai beirut amman
baku tbilisi yerevan tashkent almaty astana bishkek kiev vienna prague
budapest bucharest sofia belgrade zagreb sarajevo tirana skopje riga
tallinn vilnius helsinki stockholm oslo copenhagen reykjavik bern
geneva zurich luxembourg amsterdam hague brasilia bogota lima quito
santiago montevideo asuncion lapaz mexico panama nassau
canberra sydney melbourne auckland`)

// femaleNames and maleNames give a gender to a first name, so that "she
// said" skips the men mentioned in between. Common names of news usage only.
var femaleNames = wordSet(`mary patricia jennifer linda elizabeth barbara
susan sue jessica sarah karen nancy lisa margaret betty sandra ashley
dorothy kimberly emily donna michelle carol amanda melissa deborah
stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen
anna brenda pamela nicole ruth katherine samantha christine emma
catherine debra virginia rachel carolyn janet maria heather diane julie
joyce victoria kelly christina joan evelyn lauren judith olivia martha
cheryl megan andrea hannah jacqueline ann jean alice kathryn gloria
teresa doris sara janice julia marie madison grace judy theresa beverly
denise marilyn amber danielle abigail brittany rose diana natalie sophia
alexis lori kayla jane tessa hazel clare claire patsy estelle harriet
hillary condoleezza condi angela theresa nicola yvette glenda ruth
margaret baroness jacqui ségolène segolene yulia julia ursula kamala
nancy madeleine hilary caroline charlotte fiona gillian jill joanna
kate lucy louise penny sally sheila sian siân tracey valerie wendy
edwina anne annette mo beatrice camilla carla cherie estelle gwyneth`)

var maleNames = wordSet(`james john robert michael william david richard
joseph thomas charles christopher daniel matthew anthony tony donald mark
paul steven steve andrew kenneth joshua kevin brian george edward ronald
timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen
larry justin scott brandon benjamin samuel frank gregory raymond
alexander patrick jack dennis jerry tyler aaron jose adam henry nathan
douglas zachary peter kyle walter ethan jeremy harold keith christian
roger noah gerald carl terry sean austin arthur lawrence jesse dylan
bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne
roy ralph randy eugene vincent russell elijah louis bobby philip johnny
gordon tony alastair alistair charles gerhard jacques silvio vladimir
dmitry dmitri sergei sergey volodymyr viktor mikhail boris nikolai
ivan igor yuri yury oleg alexei alexey barack joe jim bill bob dick
ken ed ted tom tim rob nick ben sam dan ian iain hugh neil nigel
gerry geoff geoffrey graham howard jeremy jonathan kofi ariel ehud
yasser mahmoud hosni saddam osama recep emmanuel nicolas francois
françois jean-claude jean-pierre angelo lionel xi hu wen junichiro
shinzo kim ban vladimir stanislav giorgio mario matteo pedro luis
carlos jorge ali mohammed muhammad mohamed ahmed hassan hamid nouri
benjamin binyamin shimon yitzhak menachem rudolph rudy wolfgang
helmut horst joschka franz klaus hans friedrich olaf`)

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

// orgNouns head a lower-case phrase that stands for an organisation ("the
// ministry said"); the article's nearest organisation of that kind is meant.
var orgNouns = wordSet(`government ministry company firm group bank
department agency council commission authority office party union
association board committee court regulator watchdog administration
cabinet embassy police army military airline carrier operator
retailer maker producer club team`)

// determiners open a noun phrase.
var determiners = wordSet(`the a an some many several most all both other
two three four five few these those its their`)

// prepositions before a name make it an object, not the "he" of the next
// sentence.
var prepositions = wordSet(`with by from to of for on about against at in
into than including like among between over toward towards upon onto
beside besides via after before`)

// placeWords in a capitalised name make it a place's ("Downing Street" is
// an office, listed with the organisations; "Edo State" is a place).
var placeWords = wordSet(`street road square airport station island
islands river sea ocean mountains mountain bay valley park stadium hall
palace cathedral abbey republic republics region regions
province state county city kingdom coast east west north south gulf
peninsula strait lake`)

// multiPlaces are places of more than one word that look like a name.
var multiPlaces = wordSet(`new-york united-states hong-kong south-africa
north-korea south-korea saudi-arabia new-zealand united-kingdom
middle-east sri-lanka el-salvador costa-rica puerto-rico new-delhi
los-angeles san-francisco las-vegas buenos-aires sierra-leone
ivory-coast burkina-faso czech-republic great-britain northern-ireland
soviet-union`)

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

// genericPlurals are capitalised only at the start of a sentence:
// "Airlines have attacked" is airlines in general, no organisation.
var genericPlurals = wordSet(`airlines companies banks unions police markets
firms carriers governments ministries parties forces councils authorities
agencies groups retailers manufacturers insurers lenders schools
universities hospitals`)

// royals are known by title and first name: "Prince Harry" keeps "Prince".
var royals = wordSet(`prince princess king queen`)

// partyWords open a politician's role ("Liberal Democrat Sarah Teather",
// "Tory leader") and are no part of a person's name.
var partyWords = wordSet(`tory conservative labour liberal democrat
democratic republican green unionist nationalist socialist lib dem snp
ukip`)

// honorifics are titles that say nothing of a speaker's role.
var honorifics = wordSet(`mr mrs ms miss dr sir dame lord lady prof
professor rev`)

// orgHeads end the name of an institution; "and" joins two halves of one
// name only before one ("Securities and Exchange Commission").
var orgHeads = wordSet(`commission association organisation organization
institute institution authority agency council committee board bureau
department ministry office union federation confederation corporation
company fund foundation society trust group service services bank
exchange research studies court league alliance coalition programme
program industry industries development centre center co corp inc ltd
plc limited llc executive`)

// parties are party names in the plural: "Tories and Lib Dems" are two.
var parties = wordSet(`tories conservatives democrats dems republicans
liberals socialists greens nationalists unionists`)

// partyAdjectives name no one when they stand alone.
var partyAdjectives = wordSet(`tory conservative liberal democratic
republican socialist nationalist unionist`)

// documents speak for the body they come from: "the joint report from the
// Food and Agriculture Organisation said" is the organisation's statement.
var documents = wordSet(`report reports statement study survey letter
document documents figures poll analysis paper review`)
