package corpus

// titleWords precede a name and belong to the speaker's role, not name.
var titleWords = wordSet(`mr mrs ms miss dr prof professor sir dame lord exchequer
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
chamber shipping logistics party government bank bureau agency authority institute institution
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

// orgAcronyms are the orgWords that are acronyms and, in lower case or
// title case, a surname or a word: "John Fa", "who".
var orgAcronyms = wordSet(`fa un eu imf wto who cbi tuc snp ukip nhs uefa
fifa ioc opec nato itv bbc`)

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
carlos jorge ali amir mohammed muhammad mohamed ahmed hassan hamid nouri
benjamin binyamin shimon yitzhak menachem rudolph rudy wolfgang
helmut horst joschka franz klaus hans friedrich olaf`)

// orgNouns head a lower-case phrase that stands for an organisation ("the
// ministry said"); the article's nearest organisation of that kind is meant.
var orgNouns = wordSet(`government ministry company firm group bank
department agency council commission authority office party union
association board committee court regulator watchdog administration
cabinet embassy police army military airline carrier operator
retailer maker producer club team`)

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

// orgNameHeads end the name of an institution; "and" joins two halves of one
// name only before one ("Securities and Exchange Commission").
var orgNameHeads = wordSet(`commission association organisation organization
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
document documents figures poll analysis paper review data statistics
estimates forecast forecasts`)

// committees head the names of bodies that keep lower-case words in their
// names ("the Commons public accounts committee").
var committees = wordSet(`committee commission inquiry council panel
tribunal`)

// familyNamesFirst are the commonest Chinese, Korean and Vietnamese family
// names, which open a full name ("Chen Rui", "Kim Jong-un", "Nguyen Van
// An") and stand alone for it later ("Chen said").
var familyNamesFirst = wordSet(`wang li zhang liu chen yang huang zhao wu
zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie tang han cao deng
feng xiao cheng cai peng pan yuan yu dong su ye lu wei jiang tian du ding
shen fan fu zhong dai cui ren yao tan liao zou xiong jin hao kong bai kang
mao qiu qin jia xue yan hou lei long duan shao wan gu lai mo ng wong chan
leung lam cheung chow lau tsang kwok
kim lee park choi jung jeong kang cho yoon jang lim shin han oh seo kwon
hwang ahn song ryu hong jeon moon
nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly`)
