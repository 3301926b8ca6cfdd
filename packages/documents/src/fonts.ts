import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** Debian/Ubuntu `fonts-noto-cjk`; Alpine and Fedora put the same collection elsewhere. */
const DEFAULT_CJK_REGULAR = [
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
];

export class FontUnavailableError extends Error {
  constructor(text: string, tried: string[]) {
    super(
      `Text ${JSON.stringify(text.slice(0, 40))} needs a Unicode (CJK) font, but none was found ` +
        `(tried ${tried.join(", ") || "nothing"}). Install Debian's fonts-noto-cjk or set CROSSFLOW_CJK_FONT ` +
        "to a NotoSansCJK-Regular.ttc/.otf file.",
    );
    this.name = "FontUnavailableError";
  }
}

export interface CjkFont {
  regular: Buffer;
  /** The Bold collection beside the regular one, when installed; bold text falls back to regular. */
  bold: Buffer | null;
  /** True for a .ttc collection, where pdfkit needs a family name to pick a face. */
  collection: boolean;
  path: string;
}

let cached: { key: string; font: CjkFont | null; tried: string[] } | undefined;

function candidatePaths(env: NodeJS.ProcessEnv): string[] {
  const configured = env.CROSSFLOW_CJK_FONT?.trim();
  return configured ? [configured] : DEFAULT_CJK_REGULAR;
}

/** The CJK font, read once per configured path; null when none is installed. */
export function loadCjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont | null {
  const candidates = candidatePaths(env);
  const key = candidates.join("\n");
  if (cached?.key === key) return cached.font;
  let font: CjkFont | null = null;
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    const boldPath = path.join(path.dirname(file), path.basename(file).replace(/Regular/, "Bold"));
    font = {
      regular: readFileSync(file),
      bold: boldPath !== file && existsSync(boldPath) ? readFileSync(boldPath) : null,
      collection: file.toLowerCase().endsWith(".ttc"),
      path: file,
    };
    break;
  }
  cached = { key, font, tried: candidates };
  return font;
}

export function requireCjkFont(text: string, env: NodeJS.ProcessEnv = process.env): CjkFont {
  const font = loadCjkFont(env);
  if (!font) throw new FontUnavailableError(text, candidatePaths(env));
  return font;
}

/** Forget the cached font (tests switch CROSSFLOW_CJK_FONT). */
export function resetFontCache(): void {
  cached = undefined;
}

// Characters the PDF standard fonts (WinAnsiEncoding) can show; anything else needs the Unicode font.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

export function needsUnicodeFont(text: string): boolean {
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 && ch !== "\n" && ch !== "\t") return true;
    if (code <= 0x7e || (code >= 0xa0 && code <= 0xff)) continue;
    if (WIN_ANSI_EXTRA.has(ch)) continue;
    return true;
  }
  return false;
}

export type CjkFace = "jp" | "sc" | "tc" | "kr";

const KANA = /[\u3040-\u30ff\u31f0-\u31ff]/;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

/**
 * Which regional face of the collection to use: kana → Japanese, hangul → Korean, otherwise the
 * destination decides how Han characters are drawn (東京都 in Japanese forms for JP, Simplified
 * forms for CN…).
 */
export function cjkFaceFor(text: string, countryHint?: string): CjkFace {
  if (KANA.test(text)) return "jp";
  if (HANGUL.test(text)) return "kr";
  switch (countryHint) {
    case "JP":
      return "jp";
    case "KR":
      return "kr";
    case "TW":
    case "HK":
    case "MO":
      return "tc";
    default:
      return "sc";
  }
}

export const CJK_FAMILIES: Record<CjkFace, { regular: string; bold: string }> = {
  jp: { regular: "NotoSansCJKjp-Regular", bold: "NotoSansCJKjp-Bold" },
  sc: { regular: "NotoSansCJKsc-Regular", bold: "NotoSansCJKsc-Bold" },
  tc: { regular: "NotoSansCJKtc-Regular", bold: "NotoSansCJKtc-Bold" },
  kr: { regular: "NotoSansCJKkr-Regular", bold: "NotoSansCJKkr-Bold" },
};
