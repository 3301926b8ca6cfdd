import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { detectColumnMapping } from "./columns";
import { parseCsv } from "./csv";
import { createOrderFileParser, importOrderFile, importOrdersCsv, previewOrderFile } from "./import";
import { fileImportAdapter } from "./index";
import { parseAmountCell, parseDateCell } from "./values";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const NOW = new Date("2025-03-20T00:00:00Z");

describe("CSV reading (RFC 4180)", () => {
  it("handles quotes, doubled quotes, embedded delimiters and line breaks, CRLF and a BOM", () => {
    const table = parseCsv('\ufeffa,b,c\r\n"x, y","he said ""hi""","two\r\nlines"\r\n\r\n1,,3\n');
    expect(table.delimiter).toBe(",");
    expect(table.rows).toEqual([
      ["a", "b", "c"],
      ["x, y", 'he said "hi"', "two\r\nlines"],
      ["1", "", "3"],
    ]);
  });

  it("detects ';', tab and '|' delimiters, ignoring those inside quotes", () => {
    expect(parseCsv('"a,b";c;d\n1;2;3').delimiter).toBe(";");
    expect(parseCsv("a\tb\tc\n").delimiter).toBe("\t");
    expect(parseCsv("a|b|c\n").delimiter).toBe("|");
    expect(parseCsv("a;b,c,d\n").delimiter).toBe(",");
  });

  it("keeps a trailing empty field and a last line without a newline", () => {
    expect(parseCsv("a,b,\n1,2,").rows).toEqual([
      ["a", "b", ""],
      ["1", "2", ""],
    ]);
  });
});

describe("column detection", () => {
  it("recognises English, German and Chinese headers", () => {
    expect(detectColumnMapping(["Order Number", "E-Mail", "Qty", "Unit Price", "Zip"])).toEqual({
      externalId: "Order Number",
      email: "E-Mail",
      quantity: "Qty",
      unitPrice: "Unit Price",
      postalCode: "Zip",
    });
    expect(detectColumnMapping(["Bestellnummer", "Straße", "PLZ", "Menge", "Währung"])).toEqual({
      externalId: "Bestellnummer",
      line1: "Straße",
      postalCode: "PLZ",
      quantity: "Menge",
      currency: "Währung",
    });
    expect(detectColumnMapping(["订单号", "收货地址", "数量", "单价", "国家"])).toEqual({
      externalId: "订单号",
      line1: "收货地址",
      quantity: "数量",
      unitPrice: "单价",
      country: "国家",
    });
  });
});

describe("cell values", () => {
  it("reads amounts with either decimal mark, currency signs and exponents", () => {
    expect(parseAmountCell("1,250.00", "USD", false)).toEqual({ ok: true, value: 125000 });
    expect(parseAmountCell("1.234,56", "EUR", true)).toEqual({ ok: true, value: 123456 });
    expect(parseAmountCell("19,99", "EUR", false)).toEqual({ ok: true, value: 1999 });
    expect(parseAmountCell("1.000", "EUR", true)).toEqual({ ok: true, value: 100000 });
    expect(parseAmountCell("€ 4,90", "EUR", true)).toEqual({ ok: true, value: 490 });
    expect(parseAmountCell("2500", "JPY", false)).toEqual({ ok: true, value: 2500 });
    expect(parseAmountCell(19.99, "USD", false)).toEqual({ ok: true, value: 1999 });
    expect(parseAmountCell("19.999", "USD", false).ok).toBe(false);
    expect(parseAmountCell("abc", "USD", false).ok).toBe(false);
  });

  it("reads dates in ISO, German and Chinese forms and refuses impossible ones", () => {
    expect(parseDateCell("14.03.2025 10:15")).toEqual({ ok: true, value: new Date("2025-03-14T10:15:00Z") });
    expect(parseDateCell("2025/03/14 08:00")).toEqual({ ok: true, value: new Date("2025-03-14T08:00:00Z") });
    expect(parseDateCell("2025年3月15日")).toEqual({ ok: true, value: new Date("2025-03-15T00:00:00Z") });
    expect(parseDateCell("2025-03-14T09:30:00+01:00")).toEqual({ ok: true, value: new Date("2025-03-14T08:30:00Z") });
    expect(parseDateCell("31.02.2025").ok).toBe(false);
    expect(parseDateCell("yesterday").ok).toBe(false);
  });
});

describe("importing an English CSV export", () => {
  it("keeps the orders that pass and reports each failing row with its column", () => {
    const progress: Array<[number, number]> = [];
    const result = importOrdersCsv(fixture("orders-en.csv"), {
      now: NOW,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result.totalRows).toBe(7);
    expect(result.orders.map((o) => [o.order.externalId, o.rows])).toEqual([
      ["A-1001", [2, 3]],
      ["A-1002", [4]],
      ["A-1004", [8]],
    ]);
    expect(result.errors).toEqual([
      { row: 5, column: "Qty", message: '"two" is not a whole number of at least 1' },
      { row: 6, column: null, message: "order A-1003 was not imported: row 5 of the same order has errors" },
      { row: 7, column: "Order Number", message: "the order number is empty" },
    ]);
    expect(progress.at(-1)).toEqual([7, 7]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));

    const first = result.orders[0]!.order;
    expect(first).toEqual({
      channel: "csv",
      externalId: "A-1001",
      status: "open",
      currency: "USD",
      buyer: { email: "emily@example.com", name: "Emily Johnson", phone: "(415) 555-0100" },
      shippingAddress: {
        name: "Emily Johnson",
        company: "Johnson Design, LLC",
        line1: "500 Market St",
        line2: "Suite 200\r\nAttn: Receiving",
        city: "San Francisco",
        region: "CA",
        postalCode: "94105",
        country: "US",
        phone: "(415) 555-0100",
      },
      lines: [
        { sku: "TEE-RED-M", title: 'Cotton T-shirt, red "M"', quantity: 2, unitPrice: 2495, tax: 0, discount: 100 },
        { sku: "TOTE-NAT", title: "Canvas tote bag", quantity: 1, unitPrice: 125000, tax: 0, discount: 0 },
      ],
      shippingPaid: 699,
      shippingTax: 0,
      taxesIncluded: true,
      payment: { provider: "manual", reference: "pi_3QxYzA2eZvKYlo2C", status: "paid" },
      placedAt: new Date("2025-03-14T09:30:00Z"),
      flags: {},
      restrictedFields: [],
    });
    expect(result.orders[1]!.order).toMatchObject({
      currency: "JPY",
      shippingAddress: { name: "Kenji Tanaka", country: "JP", region: "Tokyo" },
      lines: [{ sku: "MUG-BLK", quantity: 3, unitPrice: 2500 }],
      shippingPaid: 1100,
    });
  });

  it("lets a mapping override what was detected", () => {
    const result = importOrdersCsv(fixture("orders-en.csv"), {
      now: NOW,
      mapping: { shipName: "Company", email: "Transaction ID" },
    });
    // A-1001's "Transaction ID" is no e-mail address; the orders without one still import.
    expect(result.orders.map((o) => o.order.externalId)).toEqual(["A-1002", "A-1004"]);
    expect(result.orders[0]!.order.shippingAddress.name).toBe("Kenji Tanaka");
    expect(result.errors.filter((e) => e.row <= 3)).toEqual([
      { row: 2, column: "Transaction ID", message: "must be an e-mail address" },
      { row: 3, column: null, message: "order A-1001 was not imported: row 2 of the same order has errors" },
    ]);
  });

  it("refuses a mapping to a missing column and reports unmapped required fields once", () => {
    const result = importOrdersCsv("Order,SKU\nA-1,X\n", { mapping: { city: "Town" } });
    expect(result.orders).toEqual([]);
    expect(result.errors).toEqual([
      { row: 1, column: "Town", message: "the mapping for city names a column the file does not have" },
      { row: 1, column: null, message: "no column is mapped to line1" },
      { row: 1, column: null, message: "no column is mapped to city" },
      { row: 1, column: null, message: "no column is mapped to country" },
      { row: 1, column: null, message: "no column is mapped to quantity" },
      { row: 1, column: null, message: "no column is mapped to unitPrice" },
      { row: 1, column: null, message: "no column is mapped to currency" },
    ]);
  });
});

describe("importing German and Chinese exports", () => {
  it("reads a ';' file with a BOM, decimal commas, German dates and country names", () => {
    const result = importOrdersCsv(fixture("orders-de.csv"), { now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.orders.map((o) => o.order)).toMatchObject([
      {
        externalId: "B-2001",
        currency: "EUR",
        placedAt: new Date("2025-03-14T10:15:00Z"),
        shippingAddress: { name: "Lena Fischer", line1: "Schönhauser Allee 36", postalCode: "10435", country: "DE" },
        lines: [
          { sku: "TEE-RED-M", title: "T-Shirt rot, M", quantity: 2, unitPrice: 2495, discount: 90 },
          { sku: "LAMP-XL", title: 'Stehlampe "Nordlicht"', quantity: 1, unitPrice: 123456 },
        ],
        shippingPaid: 490,
        payment: { status: "paid" },
        status: "open",
      },
      { externalId: "B-2002", shippingAddress: { country: "AT" }, payment: { status: "pending" }, status: "pending" },
    ]);
  });

  it("reads Chinese headers, dates and country names", () => {
    const result = importOrdersCsv(fixture("orders-zh.csv"), { now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.orders.map((o) => o.order)).toMatchObject([
      {
        externalId: "C-3001",
        placedAt: new Date("2025-03-14T08:00:00Z"),
        buyer: { name: "王小明", email: "xiaoming@example.cn", phone: "13800138000" },
        shippingAddress: { line1: "浦东新区世纪大道100号", city: "上海", region: "上海市", country: "CN" },
        lines: [{ sku: "TEE-RED-M", quantity: 1, unitPrice: 12900 }],
        shippingPaid: 1000,
        currency: "CNY",
      },
      { externalId: "C-3002", shippingAddress: { country: "CN" }, lines: [{ quantity: 2, unitPrice: 5990 }] },
    ]);
  });
});

describe("importing XLSX", () => {
  it("reads typed cells (numbers, dates) and reports bad rows the same way", async () => {
    const header = [
      "Order Number",
      "Order Date",
      "Name",
      "Address",
      "City",
      "Zip",
      "Country",
      "SKU",
      "Qty",
      "Price",
      "Currency",
    ];
    const bytes = await writeXlsxFile(
      [
        header,
        [
          "X-1",
          new Date("2025-03-14T00:00:00Z"),
          "Sofia Rossi",
          "Via Roma 12",
          "Milano",
          "20121",
          "IT",
          "CAP-NAVY",
          2,
          19.99,
          "EUR",
        ],
        ["X-2", "2025-03-15", "Tom Berg", "Storgatan 1", "Stockholm", "111 51", "SE", "MUG-BLK", 1, 249, "SEK"],
        ["X-3", "2025-03-15", "Bad Row", "Main St 1", "Austin", "73301", "US", "", 1, 10, "USD"],
      ],
      { dateFormat: "yyyy-mm-dd" },
    ).toBuffer();
    const progress: number[] = [];
    const result = await importOrderFile(bytes, "orders.xlsx", { now: NOW, onProgress: (done) => progress.push(done) });
    expect(result.totalRows).toBe(3);
    expect(result.orders.map((o) => o.order)).toMatchObject([
      {
        externalId: "X-1",
        placedAt: new Date("2025-03-14T00:00:00Z"),
        lines: [{ sku: "CAP-NAVY", quantity: 2, unitPrice: 1999 }],
        shippingAddress: { name: "Sofia Rossi", country: "IT", postalCode: "20121" },
      },
      { externalId: "X-2", currency: "SEK", lines: [{ unitPrice: 24900 }] },
    ]);
    expect(result.errors).toEqual([{ row: 4, column: "SKU", message: "sku is required" }]);
    expect(progress).toEqual([1, 2, 3]);
  });
});

describe("the file parser the console and CLI use", () => {
  it("previews columns, samples and the detected mapping", async () => {
    const preview = await previewOrderFile(fixture("orders-de.csv"), "orders-de.csv", 1);
    expect(preview.columns[0]).toBe("Bestellnummer");
    expect(preview.sampleRows).toEqual([
      [
        "B-2001",
        "14.03.2025 10:15",
        "Lena Fischer",
        "lena@example.de",
        "Schönhauser Allee 36",
        "10435",
        "Berlin",
        "Deutschland",
        "TEE-RED-M",
        "T-Shirt rot, M",
        "2",
        "24,95",
        "0,90",
        "EUR",
        "4,90",
        "bezahlt",
      ],
    ]);
    expect(preview.suggestedMapping).toMatchObject({ externalId: "Bestellnummer", unitPrice: "Einzelpreis" });
    expect(preview.fields.filter((f) => f.required).map((f) => f.key)).toEqual([
      "externalId",
      "line1",
      "city",
      "country",
      "sku",
      "quantity",
      "unitPrice",
      "currency",
    ]);
  });

  it("parses into intake inputs with the rows each order came from", async () => {
    const parser = createOrderFileParser({ now: NOW });
    const parsed = await parser.parse(fixture("orders-en.csv"), "orders-en.csv", {});
    expect(parsed.orders[0]).toEqual({
      rows: [2, 3],
      order: expect.objectContaining({
        channel: "csv",
        externalId: "A-1001",
        customer: { email: "emily@example.com", name: "Emily Johnson", phone: "(415) 555-0100", locale: null },
        lines: [
          { sku: "TEE-RED-M", title: 'Cotton T-shirt, red "M"', quantity: 2, unitPrice: 2445 },
          { sku: "TOTE-NAT", title: "Canvas tote bag", quantity: 1, unitPrice: 125000 },
        ],
      }),
    });
    expect(parsed.errors).toHaveLength(3);
  });

  it("revalidates a stored normalized order for replay", () => {
    const { orders } = importOrdersCsv(fixture("orders-en.csv"), { now: NOW });
    const replayed = fileImportAdapter.mapOrder(JSON.parse(JSON.stringify(orders[0]!.order)));
    expect(replayed).toEqual({ ok: true, order: orders[0]!.order });
    const broken = fileImportAdapter.mapOrder({ ...JSON.parse(JSON.stringify(orders[0]!.order)), lines: [] });
    expect(broken).toEqual({ ok: false, errors: [{ path: "lines", message: "an order needs at least one line" }] });
  });
});
