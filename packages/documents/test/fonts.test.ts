import { afterEach, describe, expect, it } from "vitest";
import { cjkFaceFor, needsUnicodeFont } from "../src/fonts";
import {
  FontUnavailableError,
  loadCjkFont,
  renderCommercialInvoice,
  renderShippingLabelPdf,
  resetFontCache,
} from "../src/index";
import { chineseOrder, germanOrder } from "./fixtures";
import { pdfFonts, pdfText } from "./pdf-text";

const original = process.env.CROSSFLOW_CJK_FONT;

afterEach(() => {
  if (original === undefined) delete process.env.CROSSFLOW_CJK_FONT;
  else process.env.CROSSFLOW_CJK_FONT = original;
  resetFontCache();
});

describe("CJK font", () => {
  it("is found at the Debian path by default and read once", () => {
    delete process.env.CROSSFLOW_CJK_FONT;
    const font = loadCjkFont();
    expect(font?.path).toBe("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    expect(font?.collection).toBe(true);
    expect(font?.bold).not.toBeNull();
    expect(loadCjkFont()).toBe(font);
  });

  it("fails with a clear error, never tofu, when CJK text must be drawn and no font exists", async () => {
    process.env.CROSSFLOW_CJK_FONT = "/nonexistent/NotoSansCJK-Regular.ttc";
    resetFontCache();
    const error = await renderCommercialInvoice(chineseOrder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FontUnavailableError);
    expect((error as Error).message).toMatch(/CROSSFLOW_CJK_FONT/);
    expect((error as Error).message).toContain("/nonexistent/NotoSansCJK-Regular.ttc");
    await expect(renderShippingLabelPdf(chineseOrder)).rejects.toThrow(FontUnavailableError);
  });

  it("Latin text (umlauts, ß, €) needs no CJK font and embeds none", async () => {
    process.env.CROSSFLOW_CJK_FONT = "/nonexistent/font.ttc";
    resetFontCache();
    const pdf = await renderCommercialInvoice(germanOrder);
    expect(pdfText(pdf)).toContain("Friedrichstraße 123");
    expect(pdfFonts(pdf)).not.toContain("CJK");
  });

  it("honours CROSSFLOW_CJK_FONT", async () => {
    process.env.CROSSFLOW_CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
    resetFontCache();
    expect(loadCjkFont()?.path).toBe("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc");
    const pdf = await renderCommercialInvoice(chineseOrder);
    expect(pdfText(pdf)).toContain("棉质T恤");
  });

  it("picks the regional face: kana → JP, hangul → KR, Han by destination", () => {
    expect(cjkFaceFor("宇治抹茶 缶入り", "CN")).toBe("jp");
    expect(cjkFaceFor("서울특별시", "US")).toBe("kr");
    expect(cjkFaceFor("東京都", "JP")).toBe("jp");
    expect(cjkFaceFor("上海市", "CN")).toBe("sc");
    expect(cjkFaceFor("臺北市", "TW")).toBe("tc");
  });

  it("knows which text the standard fonts cannot show", () => {
    expect(needsUnicodeFont("Jürgen Müller, Friedrichstraße – €12")).toBe(false);
    expect(needsUnicodeFont("棉质T恤")).toBe(true);
    expect(needsUnicodeFont("Łódź")).toBe(true);
    expect(needsUnicodeFont("Москва")).toBe(true);
  });

  it("renders Korean and Cyrillic through the same font", async () => {
    const input = {
      ...germanOrder,
      buyer: { ...germanOrder.buyer, name: "김민준", city: "서울특별시", country: "KR", taxId: "P123456789012" },
      lines: [{ ...germanOrder.lines[0]!, description: "Футболка хлопковая" }],
    };
    const text = pdfText(await renderCommercialInvoice(input));
    expect(text).toContain("김민준");
    expect(text).toContain("서울특별시");
    expect(text).toContain("Футболка хлопковая");
    expect(text).toContain("Personal Customs Clearance Code");
    expect(text).toContain("P123456789012");
  });
});
