// Country calling code and national trunk prefix (the "0" dialled before an area code at
// home and dropped from abroad; Italy, San Marino and the Vatican keep their leading 0), and
// the international prefix where it is not 00.
const NANP = "US CA PR GU VI AS MP AG AI BB BS BM DM DO GD JM KN KY LC MS SX TC TT VC VG".split(" ");
const DIALLING: Record<string, { code: string; trunk?: string; exit?: string }> = {
  GB: { code: "44", trunk: "0" },
  IE: { code: "353", trunk: "0" },
  DE: { code: "49", trunk: "0" },
  FR: { code: "33", trunk: "0" },
  NL: { code: "31", trunk: "0" },
  BE: { code: "32", trunk: "0" },
  LU: { code: "352" },
  CH: { code: "41", trunk: "0" },
  AT: { code: "43", trunk: "0" },
  IT: { code: "39" },
  SM: { code: "378" },
  VA: { code: "39" },
  ES: { code: "34" },
  PT: { code: "351" },
  DK: { code: "45" },
  NO: { code: "47" },
  SE: { code: "46", trunk: "0" },
  FI: { code: "358", trunk: "0" },
  IS: { code: "354" },
  PL: { code: "48" },
  CZ: { code: "420" },
  SK: { code: "421", trunk: "0" },
  HU: { code: "36", trunk: "06" },
  RO: { code: "40", trunk: "0" },
  BG: { code: "359", trunk: "0" },
  GR: { code: "30" },
  CY: { code: "357" },
  MT: { code: "356" },
  SI: { code: "386", trunk: "0" },
  HR: { code: "385", trunk: "0" },
  EE: { code: "372" },
  LV: { code: "371" },
  LT: { code: "370", trunk: "8" },
  UA: { code: "380", trunk: "0" },
  RU: { code: "7", trunk: "8" },
  KZ: { code: "7", trunk: "8" },
  TR: { code: "90", trunk: "0" },
  IL: { code: "972", trunk: "0" },
  SA: { code: "966", trunk: "0" },
  AE: { code: "971", trunk: "0" },
  QA: { code: "974" },
  KW: { code: "965" },
  EG: { code: "20", trunk: "0" },
  ZA: { code: "27", trunk: "0" },
  NG: { code: "234", trunk: "0" },
  KE: { code: "254", trunk: "0" },
  MA: { code: "212", trunk: "0" },
  IN: { code: "91", trunk: "0" },
  PK: { code: "92", trunk: "0" },
  CN: { code: "86", trunk: "0" },
  HK: { code: "852" },
  MO: { code: "853" },
  TW: { code: "886", trunk: "0" },
  JP: { code: "81", trunk: "0", exit: "010" },
  KR: { code: "82", trunk: "0" },
  SG: { code: "65" },
  MY: { code: "60", trunk: "0" },
  TH: { code: "66", trunk: "0" },
  VN: { code: "84", trunk: "0" },
  PH: { code: "63", trunk: "0" },
  ID: { code: "62", trunk: "0" },
  AU: { code: "61", trunk: "0", exit: "0011" },
  NZ: { code: "64", trunk: "0" },
  MX: { code: "52" },
  BR: { code: "55", trunk: "0" },
  AR: { code: "54", trunk: "0" },
  CL: { code: "56" },
  CO: { code: "57" },
  PE: { code: "51", trunk: "0" },
};
for (const country of NANP) DIALLING[country] = { code: "1", trunk: "1", exit: "011" };

/**
 * A phone number reduced to E.164-style digits for comparison: "+4930123456" when the
 * international form is known (written with + or 00, or national with a known `country`),
 * otherwise the bare national digits. Extensions and the "(0)" some Europeans write after
 * the country code are dropped. Null when there are too few or too many digits to be a number.
 */
export function normalizePhone(phone: string, country?: string): string | null {
  const text = phone
    .normalize("NFKC")
    .trim()
    .replace(/\s*(?:ext\.?|extension|x|#)\s*\d+$/i, "")
    .replace(/\(0\)/g, "");
  const digits = text.replace(/\D/g, "");
  const dialling = country ? DIALLING[country.trim().toUpperCase()] : undefined;
  let international: string | null = null;
  if (text.startsWith("+")) international = digits;
  else if (dialling?.exit && digits.startsWith(dialling.exit)) international = digits.slice(dialling.exit.length);
  else if (digits.startsWith("00")) international = digits.slice(2);
  else if (dialling?.code === "1") {
    if (digits.length === 10) international = `1${digits}`;
    else if (digits.length === 11 && digits.startsWith("1")) international = digits;
  } else if (dialling) {
    const national = dialling.trunk && digits.startsWith(dialling.trunk) ? digits.slice(dialling.trunk.length) : digits;
    international = `${dialling.code}${national}`;
  }
  if (international !== null) {
    return international.length >= 7 && international.length <= 15 ? `+${international}` : null;
  }
  return digits.length >= 5 && digits.length <= 15 ? digits : null;
}
