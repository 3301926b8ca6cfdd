const CODES =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

const COUNTRIES: ReadonlySet<string> = new Set(CODES.split(" "));

/** ISO 3166-1 alpha-2, upper case. */
export function isCountry(code: string): boolean {
  return COUNTRIES.has(code);
}

const EU = new Set("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" "));

export type Region = "EU" | "EUROPE" | "NORTH_AMERICA" | "LATAM" | "ASIA" | "OCEANIA" | "MIDDLE_EAST" | "AFRICA";

const REGION_OF: Record<string, Region> = {};
for (const c of EU) REGION_OF[c] = "EU";
for (const c of "GB CH NO IS LI UA RS BA ME MK AL MD BY RU TR GI AD MC SM VA FO GL JE GG IM XK".split(" "))
  REGION_OF[c] = "EUROPE";
for (const c of "US CA MX PR".split(" ")) REGION_OF[c] = "NORTH_AMERICA";
for (const c of "BR AR CL CO PE EC UY PY BO VE CR PA GT HN SV NI DO CU JM TT BS BB".split(" ")) REGION_OF[c] = "LATAM";
for (const c of "CN HK MO TW JP KR SG MY TH VN PH ID IN PK BD LK NP KH LA MM MN KZ UZ".split(" "))
  REGION_OF[c] = "ASIA";
for (const c of "AU NZ FJ PG NC PF WS TO VU SB".split(" ")) REGION_OF[c] = "OCEANIA";
for (const c of "AE SA QA KW BH OM IL JO LB IQ IR YE SY PS".split(" ")) REGION_OF[c] = "MIDDLE_EAST";

export function isEuMember(code: string): boolean {
  return EU.has(code);
}

/** Coarse trade region used for "nearest warehouse" choices. */
export function regionOf(code: string): Region {
  return REGION_OF[code] ?? "AFRICA";
}
