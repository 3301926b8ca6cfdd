import { foldForMatch } from "./text";

interface PoBoxPattern {
  label: string;
  pattern: RegExp;
  /** Short abbreviations ("BP 12", "PL 45") mean a PO box only in these countries. */
  countries?: readonly string[];
}

// Matching runs on folded text (lower case, Latin accents removed), so "Boîte Postale" is
// written "boite postale" here. `(?<![\p{L}\p{N}])` is a word start that works beyond ASCII.
const S = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}])";
const rx = (source: string) => new RegExp(source, "u");

const PO_BOX_PATTERNS: readonly PoBoxPattern[] = [
  { label: "PO Box", pattern: rx(`${S}p\\s*\\.?\\s*o\\s*\\.?\\s*(?:box|bx)${E}`) },
  { label: "PO Box", pattern: rx(`${S}p\\s*\\.?\\s*o\\s*\\.?\\s*b\\s*\\.?\\s*\\d`) },
  { label: "PO Box", pattern: rx(`${S}post\\s+office\\s+box${E}`) },
  { label: "Private Bag", pattern: rx(`${S}(?:private|locked)\\s+bag${E}`) },
  { label: "GPO Box", pattern: rx(`${S}gpo\\s+box${E}`) },
  { label: "Postfach", pattern: rx(`${S}postfach${E}`) },
  { label: "Postfach", pattern: rx(`${S}pf\\s*\\.?\\s*\\d`), countries: ["DE", "AT", "CH", "HU", "LI"] },
  { label: "Boîte postale", pattern: rx(`${S}boite\\s+postale${E}`) },
  {
    label: "Boîte postale",
    pattern: rx(`${S}b\\s*\\.?\\s*p\\s*\\.?\\s*\\d`),
    countries: ["FR", "BE", "LU", "MC", "MA", "TN", "DZ", "SN", "CI", "CM", "GA", "BJ", "BF", "ML", "NE", "TG", "MG"],
  },
  { label: "Case postale", pattern: rx(`${S}case\\s+postale${E}`) },
  { label: "Case postale", pattern: rx(`${S}c\\s*\\.?\\s*p\\s*\\.?\\s*\\d`), countries: ["CH"] },
  { label: "Casella postale", pattern: rx(`${S}casella\\s+postale${E}`) },
  { label: "Apartado", pattern: rx(`${S}(?:apartado|apdo\\s*\\.?)(?:\\s+(?:de\\s+correos?|postal))?${E}`) },
  { label: "Casilla", pattern: rx(`${S}casilla\\s+(?:de\\s+correos?|postal${E}|\\d)`) },
  { label: "Caixa Postal", pattern: rx(`${S}(?:caixa|cx)\\s*\\.?\\s*postal${E}`) },
  { label: "Caixa Postal", pattern: rx(`${S}cxp\\s*\\.?\\s*\\d`) },
  { label: "Postbus", pattern: rx(`${S}post?bus${E}`) },
  { label: "Postboks", pattern: rx(`${S}postboks${E}`) },
  { label: "Box", pattern: rx(`${S}box\\s*\\d`), countries: ["SE", "FI", "AX"] },
  { label: "Postilokero", pattern: rx(`${S}postilokero${E}`) },
  { label: "Postilokero", pattern: rx(`${S}pl\\s*\\.?\\s*\\d`), countries: ["FI"] },
  { label: "Skrytka pocztowa", pattern: rx(`${S}(?:skrytka\\s+pocztowa|skr\\s*\\.?\\s*poczt)`) },
  { label: "Postafiók", pattern: rx(`${S}postafiok${E}`) },
  { label: "Poštovní přihrádka", pattern: rx(`${S}postovni\\s+prihradka${E}`) },
  { label: "Posta Kutusu", pattern: rx(`${S}posta\\s+kutusu${E}`) },
  { label: "Posta Kutusu", pattern: rx(`${S}p\\s*\\.?\\s*k\\s*\\.?\\s*\\d`), countries: ["TR"] },
  { label: "Căsuța poștală", pattern: rx(`${S}casuta\\s+postala${E}`) },
  { label: "Kotak Pos", pattern: rx(`${S}kotak\\s+pos${E}`) },
  { label: "Peti Surat", pattern: rx(`${S}peti\\s+surat${E}`) },
  { label: "Hộp thư", pattern: rx(`${S}hop\\s+thu\\s*(?:so\\s*)?\\d`), countries: ["VN"] },
  { label: "Абонентский ящик", pattern: rx(`${S}(?:абонентский\\s+ящик|а\\s*/\\s*я)${E}`) },
  { label: "Ταχυδρομική θυρίδα", pattern: rx(`${S}(?:ταχυδρομικ\\S*\\s+θυριδ|τ\\s*\\.?\\s*θ\\s*\\.?\\s*\\d)`) },
  { label: "صندوق بريد", pattern: rx(`${S}(?:ص\\s*\\.?\\s*ب${E}|صندوق\\s+(?:ال)?بريد)`) },
  { label: "תא דואר", pattern: rx(`${S}(?:ת\\s*[."״'׳]?\\s*ד\\s*[."״'׳]?\\s*\\d|תא\\s+דואר)`) },
  { label: "私書箱", pattern: /私書箱/u },
  { label: "郵政信箱", pattern: /[邮郵]政(?:专用|專用)?信箱/u },
  { label: "사서함", pattern: /사서함/u },
  { label: "ตู้ ปณ.", pattern: /ตู้\s*ป\s*\.?\s*ณ|ตู้ไปรษณีย์/u },
];

/**
 * The PO-box wording found in an address line, or null. Country-specific abbreviations
 * ("BP 12" in France, "PL 45" in Finland) only count for their country.
 */
export function detectPoBox(text: string, country?: string): string | null {
  const folded = foldForMatch(text)
    .replace(/[\u0591-\u05C7]/gu, "")
    .replace(/[\u064B-\u065F]/gu, "")
    .normalize("NFD")
    .replace(/(\p{Script=Greek})\p{M}+/gu, "$1")
    .normalize("NFC");
  for (const { label, pattern, countries } of PO_BOX_PATTERNS) {
    if (countries && (!country || !countries.includes(country))) continue;
    if (pattern.test(folded)) return label;
  }
  return null;
}
