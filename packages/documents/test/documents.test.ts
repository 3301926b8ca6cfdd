import { describe, expect, it } from "vitest";
import {
  DOCUMENT_KINDS,
  MissingDocumentFieldsError,
  renderCn22,
  renderCn23,
  renderCommercialInvoice,
  renderCustomerInvoice,
  renderDocument,
  renderPackingList,
  renderProformaInvoice,
  type ShipmentDocumentInput,
} from "../src/index";
import { chineseOrder, germanOrder, manyLinesOrder, ukOrder } from "./fixtures";
import { pdfFonts, pdfPageCount, pdfText, squash } from "./pdf-text";

describe("commercial invoice", () => {
  it("EU (DE) order under IOSS: parties, HS codes, origin, quantities, totals and IOSS number", async () => {
    const text = pdfText(await renderCommercialInvoice(germanOrder), "ci-de");
    expect(text).toContain("COMMERCIAL INVOICE");
    expect(text).toContain("INV-2025-000184");
    expect(text).toContain("ORD-DE-10042");
    expect(text).toContain("Jürgen Müller");
    expect(text).toContain("Friedrichstraße 123");
    expect(text).toContain("6109.10");
    expect(text).toContain("7323.94.00");
    expect(text).toContain("China (CN)");
    expect(text).toMatch(/Men's T-shirt, knitted, 100% cotton\s+6109\.10\s+CN\s+2\s+0\.180 kg\s+€19\.90\s+€39\.80/);
    expect(text).toMatch(/Goods value \(3 units\)\s+€54\.30/);
    expect(text).toMatch(/Freight\s+€7\.99/);
    expect(text).toMatch(/Total invoice value \(EUR\)\s+€62\.29/);
    expect(text).toContain("IOSS number: IM2760000742");
    expect(text).toContain("EORI: GB123456789000");
    expect(text).toContain("DAP Berlin");
    expect(text).toContain("Sale of goods");
    expect(text).toContain("1234567890");
  });

  it("Chinese recipient with Chinese and Japanese product names renders the CJK text with an embedded font", async () => {
    const pdf = await renderCommercialInvoice(chineseOrder);
    const text = pdfText(pdf, "ci-cn");
    for (const s of [
      "棉质T恤",
      "宇治抹茶 100g 缶入り",
      "箸セット 5膳 天然竹",
      "王小明",
      "浦东新区世纪大道100号",
      "上海市",
      "東京都",
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain("Resident ID number: 310115199001011234");
    expect(text).toMatch(/Total invoice value \(JPY\)\s+JP¥17,200/);
    expect(text).toContain("Duties and taxes paid by the seller (DDP): duty JP¥1,050, VAT 9.1% JP¥1,565");
    const fonts = pdfFonts(pdf);
    expect(fonts).toMatch(/NotoSansCJK(sc|jp)-Regular\s+CID Type 0C\s+Identity-H\s+yes/);
  });

  it("UK order: EORI but not the IOSS number; HS 10 digits formatted", async () => {
    const text = pdfText(await renderCommercialInvoice(ukOrder), "ci-uk");
    expect(text).toContain("9405.21.00.90");
    expect(text).toContain("8539.52");
    expect(text).toContain("Poland (PL)");
    expect(text).toContain("UK VAT number: GB987654321");
    expect(text).not.toContain("IOSS");
    expect(text).toMatch(/Total invoice value \(GBP\)\s+£111\.95/);
  });

  it("forty long lines wrap and continue over pages with the table header repeated", async () => {
    const pdf = await renderCommercialInvoice(manyLinesOrder);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = pdfText(pdf, "ci-many");
    const pageTexts = text.split("\f").filter((p) => p.trim());
    expect(pageTexts).toHaveLength(pages);
    for (const page of pageTexts) expect(page).toMatch(/Description of goods\s+HS code\s+Origin\s+Qty/);
    expect(pageTexts[1]).toContain("Commercial invoice INV-2025-000190 (continued)");
    expect(text).toContain(`Page ${pages} of ${pages}`);
    for (let i = 1; i <= 40; i++) expect(text).toContain(`SKU-${String(i).padStart(3, "0")}`);
    // The long description wraps inside its column instead of running into the HS code column.
    expect(text).toMatch(/Handwoven merino wool throw blanket in\s*\n/);
  });

  it("refuses to produce customs documents when the destination's required fields are missing", async () => {
    const brazil: ShipmentDocumentInput = {
      ...germanOrder,
      buyer: { ...germanOrder.buyer, country: "BR", city: "São Paulo", postalCode: "01310-100", taxId: undefined },
    };
    await expect(renderCommercialInvoice(brazil)).rejects.toThrow(MissingDocumentFieldsError);
    await expect(renderCn23(brazil)).rejects.toThrow(/BR need buyer\.taxId/);
    const text = pdfText(
      await renderCommercialInvoice({ ...brazil, buyer: { ...brazil.buyer, taxId: "123.456.789-09" } }),
    );
    expect(text).toContain("CPF / CNPJ: 123.456.789-09");
    expect(text).toContain("Remessa Conforme");
  });
});

describe("pro forma invoice", () => {
  it("is titled pro forma, says no payment is due and carries the customs values", async () => {
    const gift = { ...germanOrder, reasonForExport: "gift" as const, landedCost: undefined };
    expect(pdfText(await renderCn23(gift))).toMatch(/X\s+Gift/);
    const text = pdfText(await renderProformaInvoice(gift), "proforma-de");
    expect(text).toContain("PRO FORMA INVOICE");
    expect(text).toContain("no payment is due");
    expect(text).toContain("Gift");
    expect(text).toContain("6109.10");
    expect(text).toMatch(/Total invoice value \(EUR\)\s+€62\.29/);
  });

  it("renders CJK lines", async () => {
    const text = pdfText(await renderProformaInvoice(chineseOrder), "proforma-cn");
    expect(text).toContain("PRO FORMA INVOICE");
    expect(text).toContain("棉质T恤");
  });
});

describe("packing list", () => {
  it("lists each parcel's contents, weights and dimensions without prices", async () => {
    const text = pdfText(await renderPackingList(ukOrder), "pl-uk");
    expect(text).toContain("PACKING LIST");
    expect(text).toContain("ORD-UK-30015");
    expect(text).toContain("Package 1 of 2 — gross 2.300 kg — 40 × 30 × 30 cm");
    expect(text).toContain("Package 2 of 2 — gross 0.250 kg — 15 × 10 × 10 cm");
    expect(text).toMatch(/LAMP-DESK-OAK\s+Oak desk lamp with linen shade\s+9405\.21\.00\.90\s+DE\s+1\s+1\.800 kg/);
    expect(text).toMatch(/BULB-E27-LED\s+LED bulb E27 warm white\s+8539\.52\s+PL\s+2\s+0\.120 kg/);
    expect(text).toMatch(/Total gross weight\s+2\.550 kg/);
    expect(text).not.toContain("£");
  });

  it("single parcel holds every line; CJK descriptions", async () => {
    const text = pdfText(await renderPackingList(chineseOrder), "pl-cn");
    expect(text).toContain("Package 1 of 1");
    expect(text).toContain("棉质T恤");
    expect(text).toContain("箸セット");
    expect(text).toMatch(/Total units\s+6/);
  });

  it("DE order", async () => {
    const text = pdfText(await renderPackingList(germanOrder), "pl-de");
    expect(text).toContain("TS-ORG-M-BLK");
    expect(text).toMatch(/Total net weight\s+0\.600 kg/);
  });
});

describe("CN22", () => {
  it("is a 4x6 form with the item table, category ticked, totals and the signature line", async () => {
    const pdf = await renderCn22(germanOrder);
    const text = pdfText(pdf, "cn22-de");
    expect(text).toContain("CUSTOMS DECLARATION");
    expect(text).toContain("CN 22");
    expect(text).toContain("May be opened officially");
    expect(text).toContain("Item no. 1234567890 · Ref ORD-DE-10042");
    expect(text).toContain("2 × Men's T-shirt,");
    expect(text).toMatch(/X\s+Sale of goods/);
    expect(text).not.toMatch(/X\s+(Gift|Commercial sample|Documents|Returned goods|Other)/);
    expect(text).toMatch(/0\.360\s+39\.80\s+6109\.10\s+CN/);
    expect(text).toMatch(/0\.240\s+14\.50\s+7323\.94\.00\s+CN/);
    expect(text).toContain("Total value (7) EUR");
    expect(text).toContain("54.30");
    expect(text).toContain("Date and sender's signature (8)");
    expect(text).toContain("2025-03-14 Lumen Goods Ltd");
    for (const label of ["Gift", "Commercial sample", "Documents", "Returned goods", "Sale of goods", "Other"]) {
      expect(text).toContain(label);
    }
  });

  it("CJK contents and JPY values without decimals", async () => {
    const text = pdfText(await renderCn22(chineseOrder), "cn22-cn");
    expect(text).toContain("棉质T恤");
    expect(text).toMatch(/0\.570\s+7500\s+6109\.10\s+CN/);
    expect(text).toContain("15700");
  });

  it("UK order", async () => {
    const text = pdfText(await renderCn22(ukOrder), "cn22-uk");
    expect(text).toMatch(/1\.800\s+89\.00\s+9405\.21\.00\.90\s+DE/);
  });
});

describe("CN23", () => {
  it("has the UPU blocks: sender, addressee, items, totals, category, licence, certificate, invoice, declaration", async () => {
    const text = pdfText(
      await renderCn23({ ...ukOrder, customs: { licenceNumbers: ["LIC-42"], certificateNumbers: ["CERT-7"] } }),
      "cn23-uk",
    );
    for (const s of [
      "CN 23",
      "FROM",
      "TO",
      "Importer's reference",
      "Detailed description of contents (1)",
      "Total gross weight (kg) (4)",
      "Postal charges/Fees (9) GBP",
      "Category of item (10)",
      "Licence (12)",
      "LIC-42",
      "Certificate (13)",
      "CERT-7",
      "Invoice (14)",
      "INV-2025-000186",
      "Nordlicht Design GmbH",
      "Amelia Clarke",
      "1Z999AA10123456784",
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/Electric table lamp, wooden base\s+1\s+1\.800\s+89\.00\s+9405\.21\.00\.90\s+DE/);
    expect(text).toContain("UK VAT number: GB987654321");
    expect(squash(text)).toContain("9.95");
  });

  it("Chinese addressee and Japanese sender", async () => {
    const text = pdfText(await renderCn23(chineseOrder), "cn23-cn");
    for (const s of ["王小明", "上海市", "東京都", "棉质T恤", "宇治抹茶"]) expect(text).toContain(s);
    expect(text).toContain("310115199001011234");
  });

  it("DE order ticks sale of goods and shows EORI/IOSS", async () => {
    const text = pdfText(await renderCn23(germanOrder), "cn23-de");
    expect(text).toContain("IOSS number: IM2760000742");
    expect(text).toMatch(/Men's T-shirt, knitted, 100% cotton\s+2\s+0\.360\s+39\.80\s+6109\.10\s+CN/);
  });
});

describe("customer invoice", () => {
  it("EU IOSS: VAT line, IOSS number and the IOSS note", async () => {
    const text = pdfText(await renderCustomerInvoice(germanOrder), "inv-de");
    expect(text).toContain("INVOICE");
    expect(text).toContain("ORD-DE-10042");
    expect(text).toMatch(/IOSS number\s+IM2760000742/);
    expect(text).toMatch(/Subtotal\s+€54\.30/);
    expect(text).toMatch(/Shipping\s+€7\.99/);
    expect(text).toMatch(/VAT 19%\s+€11\.84/);
    expect(text).toMatch(/Total paid\s+€74\.13/);
    expect(text).toContain("Import One-Stop Shop (IOSS)");
    expect(text).not.toContain("(DDP)");
  });

  it("UK ≤ £135: seller's UK VAT number, VAT 20% and DDP", async () => {
    const text = pdfText(await renderCustomerInvoice(ukOrder), "inv-uk");
    expect(text).toContain("UK VAT number: GB987654321");
    expect(text).toMatch(/VAT 20%\s+£22\.39/);
    expect(text).toMatch(/Total paid\s+£134\.34/);
    expect(text).toContain("Duties and taxes paid (DDP)");
    expect(text).not.toContain("IOSS");
  });

  it("CN DDP in JPY: duty and VAT lines, CJK item names", async () => {
    const text = pdfText(await renderCustomerInvoice(chineseOrder), "inv-cn");
    expect(text).toContain("棉质T恤 (L)");
    expect(text).toMatch(/Import duty\s+JP¥1,050/);
    expect(text).toMatch(/VAT 9\.1%\s+JP¥1,565/);
    expect(text).toMatch(/Total paid\s+JP¥19,815/);
    expect(text).toContain("Duties and taxes paid (DDP)");
  });

  it("DAP without a collect-at-sale regime warns that import taxes are due on delivery", async () => {
    const text = pdfText(await renderCustomerInvoice(manyLinesOrder), "inv-us");
    expect(text).toContain("Delivered at place (DAP)");
    expect(text).toContain("Sales tax are not included");
  });
});

describe("renderDocument", () => {
  it("renders every kind of the list for every fixture", async () => {
    for (const input of [germanOrder, chineseOrder, ukOrder]) {
      for (const kind of DOCUMENT_KINDS) {
        if (kind === "return_label" && !input.returnLabel) {
          await expect(renderDocument(kind, input)).rejects.toThrow(/no return authorization/);
          continue;
        }
        const text = pdfText(await renderDocument(kind, input), kind);
        expect(text, `${kind} ${input.orderReference}`).toMatch(new RegExp(input.orderReference));
      }
    }
  });

  it("rejects an unknown kind", async () => {
    await expect(renderDocument("bogus" as never, germanOrder)).rejects.toThrow(/Unknown document kind/);
  });
});
