package corpus

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
