/** The order fields a file's columns can map to: one row per order line, order fields repeated or left blank. */
export const IMPORT_FIELDS = [
  {
    key: "externalId",
    required: true,
    synonyms: [
      "order number",
      "order no",
      "order id",
      "order",
      "order ref",
      "order reference",
      "bestellnummer",
      "bestell nr",
      "bestellung",
      "auftragsnummer",
      "auftrags nr",
      "订单号",
      "订单编号",
      "订单id",
    ],
  },
  {
    key: "placedAt",
    required: false,
    synonyms: [
      "order date",
      "date",
      "placed at",
      "created at",
      "purchase date",
      "bestelldatum",
      "datum",
      "auftragsdatum",
      "下单时间",
      "下单日期",
      "订单日期",
      "订单时间",
      "创建时间",
    ],
  },
  {
    key: "email",
    required: false,
    synonyms: [
      "email",
      "e mail",
      "email address",
      "buyer email",
      "customer email",
      "e mail adresse",
      "kunden e mail",
      "邮箱",
      "电子邮件",
      "电子邮箱",
      "买家邮箱",
      "客户邮箱",
    ],
  },
  {
    key: "customerName",
    required: false,
    synonyms: [
      "customer",
      "customer name",
      "buyer",
      "buyer name",
      "kunde",
      "kundenname",
      "käufer",
      "买家",
      "买家姓名",
      "客户",
      "客户名称",
      "客户姓名",
    ],
  },
  {
    key: "shipName",
    required: false,
    synonyms: [
      "name",
      "ship to name",
      "ship name",
      "shipping name",
      "recipient",
      "recipient name",
      "empfänger",
      "empfängername",
      "lieferung an",
      "收件人",
      "收货人",
      "收件人姓名",
    ],
  },
  {
    key: "company",
    required: false,
    synonyms: ["company", "company name", "firma", "unternehmen", "公司", "公司名称"],
  },
  {
    key: "line1",
    required: true,
    synonyms: [
      "address",
      "address 1",
      "address1",
      "address line 1",
      "street",
      "street address",
      "shipping address",
      "straße",
      "strasse",
      "straße und hausnummer",
      "adresse",
      "anschrift",
      "地址",
      "地址1",
      "收货地址",
      "详细地址",
      "街道",
    ],
  },
  {
    key: "line2",
    required: false,
    synonyms: ["address 2", "address2", "address line 2", "adresszusatz", "zusatz", "地址2", "地址行2"],
  },
  { key: "city", required: true, synonyms: ["city", "town", "stadt", "ort", "城市", "市"] },
  {
    key: "region",
    required: false,
    synonyms: [
      "state",
      "province",
      "region",
      "county",
      "state province",
      "bundesland",
      "provinz",
      "省",
      "省份",
      "州",
      "地区",
    ],
  },
  {
    key: "postalCode",
    required: false,
    synonyms: ["zip", "zip code", "postal code", "postcode", "post code", "plz", "postleitzahl", "邮编", "邮政编码"],
  },
  {
    key: "country",
    required: true,
    synonyms: ["country", "country code", "land", "ländercode", "国家", "国家代码", "国家地区"],
  },
  {
    key: "phone",
    required: false,
    synonyms: [
      "phone",
      "telephone",
      "phone number",
      "mobile",
      "telefon",
      "telefonnummer",
      "handy",
      "电话",
      "手机",
      "联系电话",
      "手机号",
    ],
  },
  { key: "locale", required: false, synonyms: ["language", "locale", "sprache", "语言"] },
  {
    key: "sku",
    required: true,
    synonyms: [
      "sku",
      "item sku",
      "product sku",
      "article number",
      "artikelnummer",
      "art nr",
      "artikel nr",
      "商品编码",
      "货号",
      "sku编码",
      "商品sku",
    ],
  },
  {
    key: "title",
    required: false,
    synonyms: [
      "product",
      "product name",
      "item",
      "item name",
      "title",
      "description",
      "artikel",
      "artikelname",
      "produkt",
      "bezeichnung",
      "商品名称",
      "产品名称",
      "商品",
      "品名",
    ],
  },
  {
    key: "quantity",
    required: true,
    synonyms: ["qty", "quantity", "units", "menge", "anzahl", "stückzahl", "数量", "件数"],
  },
  {
    key: "unitPrice",
    required: true,
    synonyms: [
      "price",
      "unit price",
      "item price",
      "price per unit",
      "preis",
      "einzelpreis",
      "stückpreis",
      "单价",
      "价格",
      "商品单价",
    ],
  },
  { key: "tax", required: false, synonyms: ["tax", "vat", "line tax", "steuer", "mwst", "ust", "税", "税额", "税费"] },
  {
    key: "discount",
    required: false,
    synonyms: ["discount", "line discount", "rabatt", "nachlass", "折扣", "优惠", "优惠金额"],
  },
  { key: "currency", required: true, synonyms: ["currency", "currency code", "währung", "币种", "货币"] },
  {
    key: "shippingPaid",
    required: false,
    synonyms: [
      "shipping",
      "shipping cost",
      "shipping paid",
      "shipping fee",
      "delivery",
      "versand",
      "versandkosten",
      "porto",
      "运费",
    ],
  },
  {
    key: "paymentStatus",
    required: false,
    synonyms: ["payment status", "paid", "financial status", "zahlungsstatus", "bezahlt", "支付状态", "付款状态"],
  },
  {
    key: "paymentProvider",
    required: false,
    synonyms: [
      "payment method",
      "payment provider",
      "gateway",
      "zahlungsart",
      "zahlungsmethode",
      "支付方式",
      "付款方式",
    ],
  },
  {
    key: "paymentReference",
    required: false,
    synonyms: [
      "payment reference",
      "transaction id",
      "payment id",
      "zahlungsreferenz",
      "transaktions id",
      "transaktionsnummer",
      "交易号",
      "支付流水号",
      "交易编号",
    ],
  },
] as const;

export type ImportFieldKey = (typeof IMPORT_FIELDS)[number]["key"];

/** Which column (by its header text) feeds each field. */
export type ColumnMapping = Partial<Record<ImportFieldKey, string>>;

/** Lower case, punctuation to spaces, whitespace collapsed: "E-Mail-Adresse" → "e mail adresse". */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[._\-#:/()[\]*]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const BY_SYNONYM = new Map<string, ImportFieldKey>();
for (const field of IMPORT_FIELDS) {
  for (const synonym of field.synonyms) BY_SYNONYM.set(normalizeHeader(synonym), field.key);
}

/** Fields recognised from header names in English, German or Chinese; each column and field used once. */
export function detectColumnMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const key = BY_SYNONYM.get(normalizeHeader(header));
    if (key && mapping[key] === undefined) mapping[key] = header;
  }
  return mapping;
}

export function isImportField(key: string): key is ImportFieldKey {
  return IMPORT_FIELDS.some((f) => f.key === key);
}
