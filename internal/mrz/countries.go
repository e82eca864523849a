package mrz

// countries holds the codes an MRZ may carry in its issuing-country and
// nationality fields: ISO 3166-1 alpha-3, plus the codes ICAO Doc 9303 Part 3
// adds (D for Germany; GBD, GBN, GBO, GBP, GBS for British nationals; EUE; UNO,
// UNA, UNK; XBA, XCC, XCE, XCO, XDC, XEC, XES, XIM, XOM, XPO; XXA, XXB, XXC, XXX
// for the stateless, refugees and unspecified; RKS and XXK for Kosovo) and two
// historical ones still seen (ANT, NTZ). It is the same set as the npm mrz
// package's state list, so the two parsers agree on what is a country. ICAO's
// specimen country UTO (Utopia) is deliberately absent: a specimen is not a
// real document.
var countries = map[string]bool{
	"ABW": true, "AFG": true, "AGO": true, "AIA": true, "ALA": true, "ALB": true, "AND": true, "ANT": true,
	"ARE": true, "ARG": true, "ARM": true, "ASM": true, "ATA": true, "ATF": true, "ATG": true, "AUS": true,
	"AUT": true, "AZE": true, "BDI": true, "BEL": true, "BEN": true, "BES": true, "BFA": true, "BGD": true,
	"BGR": true, "BHR": true, "BHS": true, "BIH": true, "BLM": true, "BLR": true, "BLZ": true, "BMU": true,
	"BOL": true, "BRA": true, "BRB": true, "BRN": true, "BTN": true, "BVT": true, "BWA": true, "CAF": true,
	"CAN": true, "CCK": true, "CHE": true, "CHL": true, "CHN": true, "CIV": true, "CMR": true, "COD": true,
	"COG": true, "COK": true, "COL": true, "COM": true, "CPV": true, "CRI": true, "CUB": true, "CUW": true,
	"CXR": true, "CYM": true, "CYP": true, "CZE": true, "D": true, "DEU": true, "DJI": true, "DMA": true,
	"DNK": true, "DOM": true, "DZA": true, "ECU": true, "EGY": true, "ERI": true, "ESH": true, "ESP": true,
	"EST": true, "ETH": true, "EUE": true, "FIN": true, "FJI": true, "FLK": true, "FRA": true, "FRO": true,
	"FSM": true, "GAB": true, "GBD": true, "GBN": true, "GBO": true, "GBP": true, "GBR": true, "GBS": true,
	"GEO": true, "GGY": true, "GHA": true, "GIB": true, "GIN": true, "GLP": true, "GMB": true, "GNB": true,
	"GNQ": true, "GRC": true, "GRD": true, "GRL": true, "GTM": true, "GUF": true, "GUM": true, "GUY": true,
	"HKG": true, "HMD": true, "HND": true, "HRV": true, "HTI": true, "HUN": true, "IDN": true, "IMN": true,
	"IND": true, "IOT": true, "IRL": true, "IRN": true, "IRQ": true, "ISL": true, "ISR": true, "ITA": true,
	"JAM": true, "JEY": true, "JOR": true, "JPN": true, "KAZ": true, "KEN": true, "KGZ": true, "KHM": true,
	"KIR": true, "KNA": true, "KOR": true, "KWT": true, "LAO": true, "LBN": true, "LBR": true, "LBY": true,
	"LCA": true, "LIE": true, "LKA": true, "LSO": true, "LTU": true, "LUX": true, "LVA": true, "MAC": true,
	"MAF": true, "MAR": true, "MCO": true, "MDA": true, "MDG": true, "MDV": true, "MEX": true, "MHL": true,
	"MKD": true, "MLI": true, "MLT": true, "MMR": true, "MNE": true, "MNG": true, "MNP": true, "MOZ": true,
	"MRT": true, "MSR": true, "MTQ": true, "MUS": true, "MWI": true, "MYS": true, "MYT": true, "NAM": true,
	"NCL": true, "NER": true, "NFK": true, "NGA": true, "NIC": true, "NIU": true, "NLD": true, "NOR": true,
	"NPL": true, "NRU": true, "NTZ": true, "NZL": true, "OMN": true, "PAK": true, "PAN": true, "PCN": true,
	"PER": true, "PHL": true, "PLW": true, "PNG": true, "POL": true, "PRI": true, "PRK": true, "PRT": true,
	"PRY": true, "PSE": true, "PYF": true, "QAT": true, "REU": true, "RKS": true, "ROU": true, "RUS": true,
	"RWA": true, "SAU": true, "SDN": true, "SEN": true, "SGP": true, "SGS": true, "SHN": true, "SJM": true,
	"SLB": true, "SLE": true, "SLV": true, "SMR": true, "SOM": true, "SPM": true, "SRB": true, "SSD": true,
	"STP": true, "SUR": true, "SVK": true, "SVN": true, "SWE": true, "SWZ": true, "SXM": true, "SYC": true,
	"SYR": true, "TCA": true, "TCD": true, "TGO": true, "THA": true, "TJK": true, "TKL": true, "TKM": true,
	"TLS": true, "TON": true, "TTO": true, "TUN": true, "TUR": true, "TUV": true, "TWN": true, "TZA": true,
	"UGA": true, "UKR": true, "UMI": true, "UNA": true, "UNK": true, "UNO": true, "URY": true, "USA": true,
	"UZB": true, "VAT": true, "VCT": true, "VEN": true, "VGB": true, "VIR": true, "VNM": true, "VUT": true,
	"WLF": true, "WSM": true, "XBA": true, "XCC": true, "XCE": true, "XCO": true, "XDC": true, "XEC": true,
	"XES": true, "XIM": true, "XOM": true, "XPO": true, "XXA": true, "XXB": true, "XXC": true, "XXK": true,
	"XXX": true, "YEM": true, "ZAF": true, "ZMB": true, "ZWE": true,
}
