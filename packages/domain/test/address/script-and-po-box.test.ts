import { describe, expect, it } from "vitest";
import { checkAddress, detectNonLatinScripts, detectPoBox } from "../../src/index";

describe("script check", () => {
  it.each([
    ["東京都渋谷区", ["Han (Chinese characters)"]],
    ["しぶや", ["Hiragana"]],
    ["シブヤ", ["Katakana"]],
    ["서울특별시", ["Hangul"]],
    ["Москва", ["Cyrillic"]],
    ["Αθήνα", ["Greek"]],
    ["دبي", ["Arabic"]],
    ["תל אביב", ["Hebrew"]],
    ["กรุงเทพ", ["Thai"]],
    ["नई दिल्ली", ["Devanagari"]],
    ["渋谷2-21-1 ビル", ["Han (Chinese characters)", "Katakana"]],
  ])("names the script of %s", (text, scripts) => {
    expect(detectNonLatinScripts(text)).toEqual(scripts);
  });

  it("treats accented Latin, digits and punctuation as Latin", () => {
    expect(detectNonLatinScripts("Łódź, ul. Piotrkowska 5 – Ærøskøbing, Şişli, Đà Nẵng, São Paulo №5")).toEqual([]);
  });

  it("flags each non-Latin field only when the carrier needs Latin", () => {
    const address = {
      name: "山田太郎",
      line1: "渋谷2-21-1",
      city: "渋谷区",
      region: "東京都",
      postalCode: "150-0002",
      country: "JP",
    };
    expect(checkAddress(address)).toMatchObject({ ok: true, issues: [] });
    const strict = checkAddress(address, { carrierRequiresLatin: true });
    expect(strict.ok).toBe(false);
    expect(strict.issues.map((i) => [i.code, i.field])).toEqual([
      ["non_latin_script", "name"],
      ["non_latin_script", "line1"],
      ["non_latin_script", "city"],
    ]);
    expect(strict.issues[1]?.message).toBe(
      "Address line 1 is written in Han (Chinese characters) script; the carrier needs Latin letters — ask the customer for a romanized address",
    );
    expect(strict.normalized.region).toBe("Tokyo");
  });

  it("flags Cyrillic, Arabic and Hangul addresses for a Latin-only carrier", () => {
    const ru = checkAddress(
      { name: "Иван Петров", line1: "ул. Тверская, д. 7", city: "Москва", postalCode: "125009", country: "RU" },
      { carrierRequiresLatin: true },
    );
    expect(ru.issues.every((i) => i.code === "non_latin_script" && i.message.includes("Cyrillic"))).toBe(true);
    const ae = checkAddress(
      { name: "عمر", line1: "شارع الشيخ زايد 1", city: "دبي", country: "AE" },
      { carrierRequiresLatin: true },
    );
    expect(ae.issues.map((i) => i.field)).toEqual(["name", "line1", "city"]);
    const kr = checkAddress(
      { name: "Kim Min-jun", line1: "세종대로 110", city: "Seoul", postalCode: "04524", country: "KR" },
      { carrierRequiresLatin: true },
    );
    expect(kr.issues).toEqual([
      expect.objectContaining({ field: "line1", message: expect.stringContaining("Hangul") }),
    ]);
  });
});

describe("PO boxes", () => {
  it.each([
    ["US", "PO Box 123", "PO Box"],
    ["US", "P.O. Box 77", "PO Box"],
    ["US", "p o box 5", "PO Box"],
    ["US", "POB 991", "PO Box"],
    ["US", "Post Office Box 12", "PO Box"],
    ["AU", "GPO Box 1234", "GPO Box"],
    ["AU", "Locked Bag 7", "Private Bag"],
    ["NZ", "Private Bag 92019", "Private Bag"],
    ["DE", "Postfach 10 11 12", "Postfach"],
    ["DE", "Pf. 1234", "Postfach"],
    ["FR", "Boîte postale 45", "Boîte postale"],
    ["FR", "BP 45", "Boîte postale"],
    ["CH", "Case postale 12", "Case postale"],
    ["CH", "CP 12", "Case postale"],
    ["IT", "Casella Postale 3", "Casella postale"],
    ["ES", "Apartado de Correos 1234", "Apartado"],
    ["MX", "Apdo. 45", "Apartado"],
    ["PT", "Apartado 1000", "Apartado"],
    ["CL", "Casilla 123", "Casilla"],
    ["BR", "Caixa Postal 100", "Caixa Postal"],
    ["BR", "Cx. Postal 9", "Caixa Postal"],
    ["NL", "Postbus 1234", "Postbus"],
    ["ZA", "Posbus 17", "Postbus"],
    ["NO", "Postboks 6", "Postboks"],
    ["DK", "Postboks 14", "Postboks"],
    ["SE", "Box 7065", "Box"],
    ["FI", "PL 123", "Postilokero"],
    ["PL", "Skrytka pocztowa 12", "Skrytka pocztowa"],
    ["HU", "Postafiók 5", "Postafiók"],
    ["CZ", "Poštovní přihrádka 8", "Poštovní přihrádka"],
    ["TR", "Posta Kutusu 45", "Posta Kutusu"],
    ["TR", "P.K. 45", "Posta Kutusu"],
    ["RO", "Căsuța poștală 12", "Căsuța poștală"],
    ["ID", "Kotak Pos 1000", "Kotak Pos"],
    ["MY", "Peti Surat 10", "Peti Surat"],
    ["VN", "Hộp thư số 12", "Hộp thư"],
    ["RU", "а/я 15", "Абонентский ящик"],
    ["RU", "Абонентский ящик 15", "Абонентский ящик"],
    ["GR", "Τ.Θ. 1234", "Ταχυδρομική θυρίδα"],
    ["AE", "ص.ب 12345", "صندوق بريد"],
    ["SA", "صندوق البريد 1", "صندوق بريد"],
    ["IL", 'ת"ד 123', "תא דואר"],
    ["JP", "私書箱 第12号", "私書箱"],
    ["CN", "邮政信箱 100", "郵政信箱"],
    ["HK", "香港郵政信箱 1234號", "郵政信箱"],
    ["KR", "광화문우체국 사서함 12", "사서함"],
    ["TH", "ตู้ ปณ. 12", "ตู้ ปณ."],
  ])("%s: %s is a %s", (country, line, label) => {
    expect(detectPoBox(line, country)).toBe(label);
    const address = { name: "A. Buyer", line1: line, city: "City", country };
    expect(checkAddress(address).issues.some((i) => i.code === "po_box")).toBe(false);
    const refused = checkAddress(address, { carrierRefusesPoBox: true });
    expect(refused.ok).toBe(false);
    expect(refused.issues).toContainEqual(
      expect.objectContaining({ code: "po_box", field: "line1", severity: "error" }),
    );
  });

  it.each([
    ["DE", "Boxhagener Straße 5"],
    ["DE", "Postbusweg 3"],
    ["CZ", "Pobřežní 5"],
    ["BR", "Rua Augusta 10, Apartamento 5"],
    ["DE", "BP 45"],
    ["SE", "Boxvägen 4"],
    ["PL", "pl. Defilad 1"],
    ["FR", "12 Rue Oberkampf"],
  ])("%s: %s is not a PO box", (country, line) => {
    expect(detectPoBox(line, country)).toBeNull();
  });

  it("finds a PO box in line 2 too and says so in words", () => {
    const result = checkAddress(
      {
        name: "A. Buyer",
        line1: "Acme Ltd",
        line2: "P.O. Box 42",
        city: "Leeds",
        postalCode: "LS1 1AA",
        country: "GB",
      },
      { carrierRefusesPoBox: true },
    );
    expect(result.issues).toEqual([
      {
        code: "po_box",
        field: "line2",
        severity: "error",
        message:
          'Address line 2 is a PO box ("PO Box"); the carrier does not deliver to PO boxes — a street address is needed',
      },
    ]);
  });
});
