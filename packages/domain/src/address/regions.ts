import { compactKey, foldForMatch } from "./text";

export interface Subdivision {
  /** ISO 3166-2 code without the country prefix ("NY", "ON", "13"). */
  code: string;
  /** English or romanized name ("New York", "Tokyo"). */
  name: string;
}

interface RegionTable {
  /** What the field is called in that country, for messages. */
  label: string;
  /** "error": required and validated; "warning": checked, but only ever a warning. */
  strictness: "error" | "warning";
  /** Whether the normalized address carries the code (NY) or the romanized name (Tokyo). */
  normalizeTo: "code" | "name";
  byKey: Map<string, Subdivision>;
  example: string;
}

// Each entry: "CODE:Name|alias|alias". Aliases include older codes, local-language names and
// the abbreviations channels actually send (Shopify's Mexican codes, for example).
const US = `AL:Alabama;AK:Alaska;AZ:Arizona;AR:Arkansas;CA:California;CO:Colorado;CT:Connecticut;DE:Delaware;
DC:District of Columbia|Washington DC|Washington D.C.;FL:Florida;GA:Georgia;HI:Hawaii;ID:Idaho;IL:Illinois;IN:Indiana;
IA:Iowa;KS:Kansas;KY:Kentucky;LA:Louisiana;ME:Maine;MD:Maryland;MA:Massachusetts;MI:Michigan;MN:Minnesota;
MS:Mississippi;MO:Missouri;MT:Montana;NE:Nebraska;NV:Nevada;NH:New Hampshire;NJ:New Jersey;NM:New Mexico;NY:New York;
NC:North Carolina;ND:North Dakota;OH:Ohio;OK:Oklahoma;OR:Oregon;PA:Pennsylvania;RI:Rhode Island;SC:South Carolina;
SD:South Dakota;TN:Tennessee;TX:Texas;UT:Utah;VT:Vermont;VA:Virginia;WA:Washington;WV:West Virginia;WI:Wisconsin;
WY:Wyoming;AS:American Samoa;GU:Guam;MP:Northern Mariana Islands;PR:Puerto Rico;
VI:U.S. Virgin Islands|US Virgin Islands|Virgin Islands;UM:U.S. Minor Outlying Islands|United States Minor Outlying Islands;
AA:Armed Forces Americas;AE:Armed Forces Europe;AP:Armed Forces Pacific`;

const CA = `AB:Alberta;BC:British Columbia|Colombie-Britannique;MB:Manitoba;NB:New Brunswick|Nouveau-Brunswick;
NL:Newfoundland and Labrador|Newfoundland|Terre-Neuve-et-Labrador|NF;NS:Nova Scotia|Nouvelle-Écosse;
NT:Northwest Territories|Territoires du Nord-Ouest;NU:Nunavut;ON:Ontario;PE:Prince Edward Island|Île-du-Prince-Édouard;
QC:Quebec|Québec|PQ;SK:Saskatchewan;YT:Yukon|YK`;

const AU = `NSW:New South Wales;VIC:Victoria;QLD:Queensland;SA:South Australia;WA:Western Australia;TAS:Tasmania;
ACT:Australian Capital Territory;NT:Northern Territory`;

const BR = `AC:Acre;AL:Alagoas;AP:Amapá;AM:Amazonas;BA:Bahia;CE:Ceará;DF:Distrito Federal;ES:Espírito Santo;GO:Goiás;
MA:Maranhão;MT:Mato Grosso;MS:Mato Grosso do Sul;MG:Minas Gerais;PA:Pará;PB:Paraíba;PR:Paraná;PE:Pernambuco;PI:Piauí;
RJ:Rio de Janeiro;RN:Rio Grande do Norte;RS:Rio Grande do Sul;RO:Rondônia;RR:Roraima;SC:Santa Catarina;SP:São Paulo;
SE:Sergipe;TO:Tocantins`;

const MX = `AGU:Aguascalientes|AGS;BCN:Baja California|BC;BCS:Baja California Sur;CAM:Campeche|CAMP;CHP:Chiapas|CHIS;
CHH:Chihuahua|CHIH;CMX:Ciudad de México|CDMX|DF|Distrito Federal|Mexico City;COA:Coahuila|Coahuila de Zaragoza|COAH;
COL:Colima;DUR:Durango|DGO;GUA:Guanajuato|GTO;GRO:Guerrero;HID:Hidalgo|HGO;JAL:Jalisco;
MEX:Estado de México|México|Edomex|State of Mexico;MIC:Michoacán|Michoacán de Ocampo|MICH;MOR:Morelos;NAY:Nayarit;
NLE:Nuevo León|NL;OAX:Oaxaca;PUE:Puebla;QUE:Querétaro|QRO;ROO:Quintana Roo|QROO|Q Roo;SLP:San Luis Potosí;
SIN:Sinaloa;SON:Sonora;TAB:Tabasco;TAM:Tamaulipas|TAMPS;TLA:Tlaxcala|TLAX;VER:Veracruz|Veracruz de Ignacio de la Llave;
YUC:Yucatán;ZAC:Zacatecas`;

const IN = `AN:Andaman and Nicobar Islands;AP:Andhra Pradesh;AR:Arunachal Pradesh;AS:Assam;BR:Bihar;CH:Chandigarh;
CG:Chhattisgarh|CT;DH:Dadra and Nagar Haveli and Daman and Diu|Dadra and Nagar Haveli|Daman and Diu|DN|DD;
DL:Delhi|NCT of Delhi|New Delhi;GA:Goa;GJ:Gujarat;HR:Haryana;HP:Himachal Pradesh;JK:Jammu and Kashmir;JH:Jharkhand;
KA:Karnataka;KL:Kerala;LA:Ladakh;LD:Lakshadweep;MP:Madhya Pradesh;MH:Maharashtra;MN:Manipur;ML:Meghalaya;MZ:Mizoram;
NL:Nagaland;OD:Odisha|Orissa|OR;PB:Punjab;PY:Puducherry|Pondicherry;RJ:Rajasthan;SK:Sikkim;TN:Tamil Nadu;
TS:Telangana|TG;TR:Tripura;UP:Uttar Pradesh;UK:Uttarakhand|Uttaranchal|UT;WB:West Bengal`;

// Code, romaji, kanji. Romaji also accepted with the -to/-fu/-ken/-do suffix and in the
// long-vowel spellings people type (Toukyou, Oosaka).
const JP = `01:Hokkaido:北海道|Hokkaidou;02:Aomori:青森県;03:Iwate:岩手県;04:Miyagi:宮城県;05:Akita:秋田県;06:Yamagata:山形県;
07:Fukushima:福島県;08:Ibaraki:茨城県;09:Tochigi:栃木県;10:Gunma:群馬県|Gumma;11:Saitama:埼玉県;12:Chiba:千葉県;
13:Tokyo:東京都|Toukyou;14:Kanagawa:神奈川県;15:Niigata:新潟県;16:Toyama:富山県;17:Ishikawa:石川県;18:Fukui:福井県;
19:Yamanashi:山梨県;20:Nagano:長野県;21:Gifu:岐阜県;22:Shizuoka:静岡県;23:Aichi:愛知県;24:Mie:三重県;25:Shiga:滋賀県;
26:Kyoto:京都府|Kyouto;27:Osaka:大阪府|Oosaka;28:Hyogo:兵庫県|Hyougo;29:Nara:奈良県;30:Wakayama:和歌山県;31:Tottori:鳥取県;
32:Shimane:島根県;33:Okayama:岡山県;34:Hiroshima:広島県;35:Yamaguchi:山口県;36:Tokushima:徳島県;37:Kagawa:香川県;
38:Ehime:愛媛県;39:Kochi:高知県|Kouchi;40:Fukuoka:福岡県;41:Saga:佐賀県;42:Nagasaki:長崎県;43:Kumamoto:熊本県;
44:Oita:大分県|Ooita|Ohita;45:Miyazaki:宮崎県;46:Kagoshima:鹿児島県;47:Okinawa:沖縄県`;

// ISO 3166-2:CN (2017 letter codes), pinyin, simplified name, and traditional where it differs.
const CN = `AH:Anhui:安徽;BJ:Beijing:北京;CQ:Chongqing:重庆|重慶;FJ:Fujian:福建;GD:Guangdong:广东|廣東;GS:Gansu:甘肃|甘肅;
GX:Guangxi:广西|廣西;GZ:Guizhou:贵州|貴州;HA:Henan:河南;HB:Hubei:湖北;HE:Hebei:河北;HI:Hainan:海南;
HL:Heilongjiang:黑龙江|黑龍江;HN:Hunan:湖南;JL:Jilin:吉林;JS:Jiangsu:江苏|江蘇;JX:Jiangxi:江西;LN:Liaoning:辽宁|遼寧;
NM:Inner Mongolia:内蒙古|內蒙古|Nei Mongol|Neimenggu;NX:Ningxia:宁夏|寧夏;QH:Qinghai:青海;SC:Sichuan:四川;SD:Shandong:山东|山東;
SH:Shanghai:上海;SN:Shaanxi:陕西|陝西;SX:Shanxi:山西;TJ:Tianjin:天津;XJ:Xinjiang:新疆;XZ:Tibet:西藏|Xizang;
YN:Yunnan:云南|雲南;ZJ:Zhejiang:浙江`;

function parseEntries(source: string): Array<{ subdivision: Subdivision; aliases: string[] }> {
  return source
    .replace(/\n/g, "")
    .split(";")
    .map((entry) => {
      const [code = "", rest = ""] = entry.split(/:(.*)/s);
      const names = rest.split(/[:|]/);
      return { subdivision: { code, name: names[0] ?? code }, aliases: [code, ...names] };
    });
}

function table(
  country: string,
  source: string,
  settings: Omit<RegionTable, "byKey">,
  extraAliases: (s: Subdivision, aliases: string[]) => string[] = () => [],
): RegionTable {
  const byKey = new Map<string, Subdivision>();
  for (const { subdivision, aliases } of parseEntries(source)) {
    for (const alias of [...aliases, ...extraAliases(subdivision, aliases), `${country}-${subdivision.code}`]) {
      const key = compactKey(alias);
      if (key && !byKey.has(key)) byKey.set(key, subdivision);
    }
  }
  return { ...settings, byKey };
}

const JP_SUFFIXES: Record<string, string[]> = { "13": ["to"], "26": ["fu"], "27": ["fu"], "01": [] };

export const REGION_TABLES: Readonly<Record<string, RegionTable>> = {
  US: table("US", US, { label: "State", strictness: "error", normalizeTo: "code", example: "NY" }),
  CA: table("CA", CA, { label: "Province or territory", strictness: "error", normalizeTo: "code", example: "ON" }),
  AU: table("AU", AU, { label: "State or territory", strictness: "error", normalizeTo: "code", example: "NSW" }),
  BR: table("BR", BR, { label: "State (UF)", strictness: "error", normalizeTo: "code", example: "SP" }),
  MX: table("MX", MX, { label: "State", strictness: "error", normalizeTo: "code", example: "JAL" }),
  IN: table("IN", IN, { label: "State or union territory", strictness: "error", normalizeTo: "code", example: "MH" }),
  JP: table(
    "JP",
    JP,
    { label: "Prefecture", strictness: "error", normalizeTo: "name", example: "Tokyo" },
    (s, aliases) => {
      const suffixes = JP_SUFFIXES[s.code] ?? ["ken"];
      // Kanji names are also written without their 都/府/県 suffix (東京, 大阪); 北海道 keeps its 道.
      const bareKanji = aliases.filter((a) => /^\p{Script=Han}+[都府県]$/u.test(a)).map((a) => a.slice(0, -1));
      return [...suffixes.map((suffix) => s.name + suffix), String(Number(s.code)), ...bareKanji];
    },
  ),
  CN: table("CN", CN, { label: "Province", strictness: "warning", normalizeTo: "name", example: "Guangdong" }),
};

const TRAILING_WORDS =
  /\s+(?:province|prefecture|pref|state|sheng|shi|municipality|(?:(?:zhuang|hui|uyghur|uygur)\s+)?(?:autonomous region|zizhiqu)|territory)$/u;
const CN_SUFFIXES = /(?:壮族自治区|回族自治区|维吾尔自治区|壯族自治區|回族自治區|維吾爾自治區|自治区|自治區|省|市)$/u;

/** Finds the subdivision a region value names, in any accepted spelling, or null. */
export function resolveRegion(country: string, value: string): Subdivision | null {
  const regions = REGION_TABLES[country];
  if (!regions) return null;
  const folded = foldForMatch(value).trim();
  const candidates = [folded, folded.replace(TRAILING_WORDS, ""), folded.replace(CN_SUFFIXES, "")];
  for (const candidate of candidates) {
    const found = regions.byKey.get(compactKey(candidate));
    if (found) return found;
  }
  return null;
}

// For countries where the prefecture or province is usually written inside the city or street
// line ("東京都渋谷区"), only full forms with their suffix are searched, so 京都 in 東京都 does not match.
const JP_IN_TEXT = parseEntries(JP).map(({ subdivision, aliases }) => ({
  subdivision,
  kanji: aliases.filter((a) => /\p{Script=Han}/u.test(a)),
  romaji: aliases.filter((a) => /^[A-Za-z]+$/.test(a) && a !== subdivision.code).map((a) => a.toLowerCase()),
}));
const CN_IN_TEXT = parseEntries(CN).map(({ subdivision, aliases }) => ({
  subdivision,
  han: aliases.filter((a) => /\p{Script=Han}/u.test(a)),
}));

/** A prefecture (JP) or province (CN) named inside free text such as the city line. */
export function findRegionInText(country: string, text: string): Subdivision | null {
  if (country === "JP") {
    const folded = foldForMatch(text);
    const words = new Set(folded.split(/[^a-z]+/).filter(Boolean));
    for (const entry of JP_IN_TEXT) {
      if (entry.kanji.some((k) => folded.includes(k))) return entry.subdivision;
    }
    for (const entry of JP_IN_TEXT) {
      if (entry.romaji.some((r) => words.has(r) || words.has(`${r}ken`))) return entry.subdivision;
    }
    return null;
  }
  if (country === "CN") {
    for (const entry of CN_IN_TEXT) {
      if (entry.han.some((h) => text.includes(`${h}省`) || text.includes(`${h}市`) || text.includes(`${h}自治`))) {
        return entry.subdivision;
      }
      if (entry.han.some((h) => text.startsWith(h))) return entry.subdivision;
    }
  }
  return null;
}

export function regionTable(country: string): RegionTable | undefined {
  return REGION_TABLES[country];
}

const CA_POSTAL_FIRST_LETTER: Record<string, string[]> = {
  A: ["NL"],
  B: ["NS"],
  C: ["PE"],
  E: ["NB"],
  G: ["QC"],
  H: ["QC"],
  J: ["QC"],
  K: ["ON"],
  L: ["ON"],
  M: ["ON"],
  N: ["ON"],
  P: ["ON"],
  R: ["MB"],
  S: ["SK"],
  T: ["AB"],
  V: ["BC"],
  X: ["NT", "NU"],
  Y: ["YT"],
};

const AU_POSTCODE_RANGES: Array<[number, number, string]> = [
  [200, 299, "ACT"],
  [800, 999, "NT"],
  [1000, 2599, "NSW"],
  [2600, 2618, "ACT"],
  [2619, 2899, "NSW"],
  [2900, 2920, "ACT"],
  [2921, 2999, "NSW"],
  [3000, 3999, "VIC"],
  [4000, 4999, "QLD"],
  [5000, 5999, "SA"],
  [6000, 6999, "WA"],
  [7000, 7999, "TAS"],
  [8000, 8999, "VIC"],
  [9000, 9999, "QLD"],
];

/**
 * The regions a (valid, canonical) postal code belongs to, where that is cheap to know:
 * Canada by the first letter, Australia by number ranges. Undefined elsewhere.
 */
export function regionsForPostalCode(country: string, canonicalPostalCode: string): string[] | undefined {
  if (country === "CA") return CA_POSTAL_FIRST_LETTER[canonicalPostalCode.charAt(0)];
  if (country === "AU") {
    const n = Number(canonicalPostalCode);
    const range = AU_POSTCODE_RANGES.find(([from, to]) => n >= from && n <= to);
    return range ? [range[2]] : undefined;
  }
  return undefined;
}
