import bwipjs from "bwip-js/node";
import { describe, expect, it } from "vitest";
import {
  CARRIER_LABEL_PROFILES,
  gs1ZplData,
  ReturnLabelUnavailableError,
  renderReturnLabelPdf,
  renderReturnLabelZpl,
  renderShippingLabelPdf,
  renderShippingLabelZpl,
  type ShipmentDocumentInput,
} from "../src/index";
import { code128Modules } from "../src/labels/label-zpl";
import { chineseOrder, germanOrder, manyLinesOrder, ukOrder } from "./fixtures";
import { pdfPageCount, pdfText } from "./pdf-text";

function pageSize(pdf: Buffer): string {
  return /\/MediaBox \[0 0 (\d+) (\d+)\]/.exec(pdf.toString("latin1"))?.slice(1).join("x") ?? "";
}

/** Field data of every barcode command (^BC / ^BX) in a ZPL label. */
function zplBarcodes(zpl: string): Array<{ command: string; data: string }> {
  return [...zpl.matchAll(/\^(BC|BX)[^^]*(?:\^FS)?\^FD([^^]*)\^FS/g)].map((m) => ({ command: m[1]!, data: m[2]! }));
}

describe("PDF shipping label", () => {
  it("DHL Express to Germany: 4x6, sender, recipient, service, weight, references, tracking, date", async () => {
    const pdf = await renderShippingLabelPdf(germanOrder);
    expect(pageSize(pdf)).toBe("288x432");
    const text = pdfText(pdf, "label-de");
    for (const s of [
      "DHL Express",
      "Express Worldwide",
      "2025-03-14",
      "Parcel 1 of 1",
      "FROM",
      "Lumen Goods Ltd, Crossflow Fulfilment Shenzhen",
      "SHIP TO",
      "Jürgen Müller",
      "Friedrichstraße 123",
      "10117 Berlin",
      "Germany (DE)",
      "0.720 kg",
      "ORD-DE-10042",
      "INV-2025-000184",
      "2LDE10117",
      "1234567890",
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain("RETURN");
  });

  it("Chinese recipient in CJK with the Cainiao DataMatrix", async () => {
    const text = pdfText(await renderShippingLabelPdf(chineseOrder), "label-cn");
    for (const s of [
      "王小明",
      "浦东新区世纪大道100号",
      "200120 上海市 上海",
      "China (CN)",
      "江東区有明3-7-1",
      "LP00654321987CN",
    ]) {
      expect(text).toContain(s);
    }
  });

  it("UK order in two parcels: one page per parcel with its own weight", async () => {
    const pdf = await renderShippingLabelPdf(ukOrder);
    expect(pdfPageCount(pdf)).toBe(2);
    const [first, second] = pdfText(pdf, "label-uk").split("\f");
    expect(first).toContain("Parcel 1 of 2");
    expect(first).toContain("2.300 kg");
    expect(second).toContain("Parcel 2 of 2");
    expect(second).toContain("0.250 kg");
    expect(first).toContain("(420)SW1A1AA");
    expect(first).toContain("1Z999AA10123456784");
    expect(first).toContain("SW1A 1AA");
  });

  it("USPS IMpb prints the tracking number in groups of four", async () => {
    const text = pdfText(await renderShippingLabelPdf(manyLinesOrder), "label-usps");
    expect(text).toContain("9205 5901 6491 7312 7510 89");
    expect(text).toContain("New York NY 10001");
  });
});

describe("PDF return label", () => {
  it("swaps sender and recipient, shows the RETURN banner, RMA and the return tracking number", async () => {
    const text = pdfText(await renderReturnLabelPdf(ukOrder), "return-uk");
    expect(text).toContain("RETURN");
    expect(text).toContain("RMA RMA-7781");
    expect(text).toMatch(/FROM \(CUSTOMER\)\s*\n\s*Amelia Clarke, Flat 2, 14 Elm Grove, London, SW1A 1AA/);
    expect(text).toContain("RETURN TO");
    expect(text).toContain("Nordlicht Design GmbH");
    expect(text).toContain("20539 Hamburg");
    expect(text).toContain("1Z999AA10123456795");
    expect(text).toContain("(420)20539");
    expect(text).not.toContain("1Z999AA10123456784");
  });

  it("a CJK customer returning to a Japanese warehouse", async () => {
    const input = { ...chineseOrder, returnLabel: { rmaNumber: "RMA-0042" } };
    const text = pdfText(await renderReturnLabelPdf(input), "return-cn");
    expect(text).toContain("RMA RMA-0042");
    expect(text).toContain("王小明");
    expect(text).toContain("江東区有明3-7-1");
    expect(text).toContain("135-0063 東京都");
  });

  it("DE order with an explicit return address", async () => {
    const input: ShipmentDocumentInput = {
      ...germanOrder,
      returnLabel: {
        rmaNumber: "RMA-1",
        trackingNumber: "9876543210",
        returnTo: {
          name: "Returns Centre EU",
          lines: ["Retourenweg 1"],
          city: "Leipzig",
          postalCode: "04109",
          country: "DE",
        },
      },
    };
    const text = pdfText(await renderReturnLabelPdf(input), "return-de");
    expect(text).toContain("Returns Centre EU");
    expect(text).toContain("04109 Leipzig");
    expect(text).toContain("2LDE04109");
    expect(text).toContain("9876543210");
    expect(text).toMatch(/FROM \(CUSTOMER\)\s*\n\s*Jürgen Müller/);
  });

  it("needs an RMA number", async () => {
    await expect(renderReturnLabelPdf(germanOrder)).rejects.toThrow(ReturnLabelUnavailableError);
    expect(() => renderReturnLabelZpl(germanOrder)).toThrow(ReturnLabelUnavailableError);
  });
});

describe("ZPL labels", () => {
  it("DHL Express: one ^XA…^XZ at 203 dpi 4x6, UTF-8, Code 128 routing and tracking", () => {
    const zpl = renderShippingLabelZpl(germanOrder);
    expect(zpl.startsWith("^XA\n^CI28\n^PW812\n^LL1218")).toBe(true);
    expect(zpl.trimEnd().endsWith("^XZ")).toBe(true);
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
    expect(zplBarcodes(zpl)).toEqual([
      { command: "BC", data: "2LDE10117" },
      { command: "BC", data: "1234567890" },
    ]);
    expect(zpl).toContain("^FDJürgen Müller^FS");
    expect(zpl).toContain("^FD10117 Berlin^FS");
    expect(zpl).toContain("^FDDHL Express^FS");
    expect(zpl).toContain("^FD0.720 kg^FS");
    expect(zpl).not.toContain("RETURN");
  });

  it("Cainiao: DataMatrix (^BX) with the tracking number; CJK text in the printer's Unicode font", () => {
    const zpl = renderShippingLabelZpl(chineseOrder, { unicodeFont: "E:NOTOCJK.TTF" });
    expect(zplBarcodes(zpl)).toEqual([{ command: "BX", data: "LP00654321987CN" }]);
    expect(zpl).toMatch(/\^BXN,\d+,200\^FDLP00654321987CN\^FS/);
    expect(zpl).toContain("^A@N,40,40,E:NOTOCJK.TTF^FB764,1,0,L^FH_^FD王小明^FS");
    expect(zpl).toContain("^FD浦东新区世纪大道100号^FS");
    expect(zpl).toMatch(/\^A0N,[^^]*\^FB[^^]*\^FH_\^FDChina \(CN\)\^FS/);
    expect(zpl).toContain("^CI28");
  });

  it("UPS in two parcels: two labels, GS1-128 (420) routing with FNC1 and Code 128 tracking", () => {
    const zpl = renderShippingLabelZpl(ukOrder);
    expect(zpl.match(/\^XA/g)).toHaveLength(2);
    expect(zpl.match(/\^XZ/g)).toHaveLength(2);
    const barcodes = zplBarcodes(zpl);
    expect(barcodes.slice(0, 2)).toEqual([
      { command: "BC", data: ">;>842>60SW1A1AA" },
      { command: "BC", data: "1Z999AA10123456784" },
    ]);
    expect(zpl).toContain("Parcel 2 of 2");
  });

  it("USPS IMpb: (420) ZIP and (92) tracking in one GS1-128 starting in subset C with FNC1", () => {
    const zpl = renderShippingLabelZpl(manyLinesOrder);
    expect(zplBarcodes(zpl)[0]).toEqual({ command: "BC", data: ">;>842010001>89205590164917312751089" });
  });

  it("Yanwen: DataMatrix beside the Code 128, both with the tracking number; FedEx: (420) routing", () => {
    const yanwen = {
      ...germanOrder,
      carrier: { code: "yanwen", service: "Special Line", trackingNumber: "UG123456789YP" },
    };
    expect(zplBarcodes(renderShippingLabelZpl(yanwen))).toEqual([
      { command: "BX", data: "UG123456789YP" },
      { command: "BC", data: "UG123456789YP" },
    ]);
    const fedex = {
      ...manyLinesOrder,
      carrier: { code: "fedex", service: "International Priority", trackingNumber: "794644790138" },
    };
    expect(zplBarcodes(renderShippingLabelZpl(fedex)).slice(0, 2)).toEqual([
      { command: "BC", data: ">;>842010001" },
      { command: "BC", data: "794644790138" },
    ]);
  });

  it("return label: RETURN banner, RMA, swapped addresses, return tracking number", () => {
    const zpl = renderReturnLabelZpl(ukOrder);
    expect(zpl).toContain("^FDRETURN^FS");
    expect(zpl).toContain("RMA RMA-7781");
    expect(zpl).toContain("^FDRETURN TO^FS");
    expect(zpl).toContain("^FDNordlicht Design GmbH^FS");
    expect(zplBarcodes(zpl).map((b) => b.data)).toContain("1Z999AA10123456795");
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
  });

  it("escapes ZPL control characters in field data", () => {
    const input = { ...germanOrder, buyer: { ...germanOrder.buyer, name: "A^B~C_D" } };
    expect(renderShippingLabelZpl(input)).toContain("^FH_^FDA_5EB_7EC_5FD^FS");
  });
});

/** Every field inside the 812 × 1218 dot label, on integer coordinates; Code 128 symbols fit the width. */
function assertInsideLabel(zpl: string): void {
  for (const m of zpl.matchAll(/\^FO([^,^]+),([^,^]+)/g)) {
    const [x, y] = [Number(m[1]), Number(m[2])];
    expect(Number.isInteger(x) && Number.isInteger(y), m[0]).toBe(true);
    expect(x >= 0 && x < 812 && y >= 0 && y < 1218, m[0]).toBe(true);
  }
  for (const m of zpl.matchAll(/\^FO(\d+),\d+\^BY(\d),3,\d+\^BCN,\d+,N,N,N,A\^FD([^^]+)\^FS/g)) {
    expect(Number(m[1]) + code128Modules(m[3]!) * Number(m[2]), m[0]).toBeLessThanOrEqual(812 - 24);
  }
}

describe("ZPL geometry", () => {
  it("keeps every field on the label for each fixture and variant", () => {
    for (const input of [germanOrder, chineseOrder, ukOrder, manyLinesOrder])
      assertInsideLabel(renderShippingLabelZpl(input));
    assertInsideLabel(renderReturnLabelZpl(ukOrder));
  });

  it("estimates Code 128 widths no smaller than the real symbol (checked against bwip-js)", async () => {
    for (const text of ["1Z999AA10123456784", "1234567890", "LP00654321987CN", "2LDE10117", "JJD0001234567890"]) {
      const png = await bwipjs.toBuffer({ bcid: "code128", text, scale: 1, height: 5, paddingwidth: 0 });
      const actual = png.readUInt32BE(16);
      expect(code128Modules(text), text).toBeGreaterThanOrEqual(actual);
      expect(code128Modules(text), text).toBeLessThanOrEqual(actual + 22);
    }
  });
});

describe("carrier barcode table", () => {
  it("covers every carrier the rating knows, with its symbology", () => {
    for (const code of ["dhl_express", "ups", "fedex", "usps", "fourpx", "yanwen", "cainiao", "demo"]) {
      expect(CARRIER_LABEL_PROFILES[code], code).toBeDefined();
    }
    expect(CARRIER_LABEL_PROFILES.usps!.tracking).toBe("gs1-128");
    expect(CARRIER_LABEL_PROFILES.cainiao!.tracking).toBe("datamatrix");
    expect(CARRIER_LABEL_PROFILES.ups!.routing).toBe("gs1-420");
  });

  it("GS1 ZPL data: subset switches for odd digit runs and letters, FNC1 only after variable-length AIs", () => {
    expect(gs1ZplData([["420", "12345"]])).toBe(">;>842012345");
    expect(gs1ZplData([["420", "1234"]])).toBe(">;>8420123>64");
    expect(
      gs1ZplData([
        ["00", "123456789012345675"],
        ["420", "12345"],
      ]),
    ).toBe(">;>80012345678901234567542012345");
    expect(
      gs1ZplData([
        ["420", "10001"],
        ["92", "123"],
      ]),
    ).toBe(">;>842010001>89212>63");
  });
});
