package corpus

// demonyms maps the nationality adjectives and nouns of English news to
// the ISO code of their country. They never count as a mention of a place
// (a story on "Russian gas" names no place), but Regions counts them
// towards the country where the measured Reuters figures say it helps (see
// useDemonyms). Ambiguous ones are left out: "American" is mostly the
// United States, but "Indian" and "Dominican" are not safe enough to map.
var demonyms = map[string]string{
	"afghan": "AF", "albanian": "AL", "algerian": "DZ", "angolan": "AO", "argentine": "AR", "argentinian": "AR",
	"armenian": "AM", "australian": "AU", "austrian": "AT", "azerbaijani": "AZ", "bahraini": "BH",
	"bangladeshi": "BD", "belarusian": "BY", "belgian": "BE", "bolivian": "BO", "bosnian": "BA",
	"brazilian": "BR", "british": "GB", "bulgarian": "BG", "burmese": "MM", "cambodian": "KH",
	"cameroonian": "CM", "canadian": "CA", "chilean": "CL", "chinese": "CN", "colombian": "CO",
	"congolese": "CD", "croatian": "HR", "cuban": "CU", "cypriot": "CY", "czech": "CZ", "danish": "DK",
	"dutch": "NL", "ecuadorean": "EC", "ecuadorian": "EC", "egyptian": "EG", "english": "GB", "eritrean": "ER",
	"estonian": "EE", "ethiopian": "ET", "filipino": "PH", "philippine": "PH", "finnish": "FI", "french": "FR",
	"georgian": "GE", "german": "DE", "ghanaian": "GH", "greek": "GR", "guatemalan": "GT", "haitian": "HT",
	"honduran": "HN", "hungarian": "HU", "icelandic": "IS", "indonesian": "ID", "iranian": "IR",
	"iraqi": "IQ", "irish": "IE", "israeli": "IL", "italian": "IT", "ivorian": "CI", "jamaican": "JM",
	"japanese": "JP", "jordanian": "JO", "kazakh": "KZ", "kenyan": "KE", "korean": "KR", "kosovar": "XK",
	"kuwaiti": "KW", "kyrgyz": "KG", "latvian": "LV", "lebanese": "LB", "liberian": "LR", "libyan": "LY",
	"lithuanian": "LT", "luxembourgish": "LU", "malaysian": "MY", "maltese": "MT", "mexican": "MX",
	"moldovan": "MD", "mongolian": "MN", "moroccan": "MA", "mozambican": "MZ", "namibian": "NA",
	"nepalese": "NP", "nepali": "NP", "nicaraguan": "NI", "nigerian": "NG", "norwegian": "NO",
	"omani": "OM", "pakistani": "PK", "palestinian": "PS", "panamanian": "PA", "paraguayan": "PY",
	"peruvian": "PE", "polish": "PL", "portuguese": "PT", "qatari": "QA", "romanian": "RO",
	"russian": "RU", "soviet": "RU", "rwandan": "RW", "saudi": "SA", "scottish": "GB", "senegalese": "SN",
	"serbian": "RS", "singaporean": "SG", "slovak": "SK", "slovenian": "SI", "somali": "SO",
	"south african": "ZA", "spanish": "ES", "sri lankan": "LK", "sudanese": "SD", "swedish": "SE", "swiss": "CH",
	"syrian": "SY", "taiwanese": "TW", "tajik": "TJ", "tanzanian": "TZ", "thai": "TH", "tunisian": "TN",
	"turkish": "TR", "turkmen": "TM", "ugandan": "UG", "ukrainian": "UA", "uruguayan": "UY", "uzbek": "UZ",
	"venezuelan": "VE", "vietnamese": "VN", "welsh": "GB", "yemeni": "YE", "zambian": "ZM", "zimbabwean": "ZW",
	"american": "US", "new zealand": "NZ", "kiwi": "NZ", "emirati": "AE", "ecuadoran": "EC", "salvadoran": "SV",
	"lao": "LA", "laotian": "LA", "malian": "ML", "nigerien": "NE", "sierra leonean": "SL",
	"west german": "DE", "east german": "DE", "yugoslav": "RS", "czechoslovak": "CZ", "zairean": "CD",
}
