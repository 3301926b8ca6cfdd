import { describe, expect, it } from "vitest";
import { CUSTOMER_EMAIL_EVENTS, type CustomerEmailEvent } from "./events";
import { renderCustomerEmail } from "./render";
import { EmailTemplateError } from "./templates/context";
import { SAMPLE_EMAIL_BRAND, sampleCustomerEmailData } from "./testing/sample-order";

const data = sampleCustomerEmailData();
const brand = SAMPLE_EMAIL_BRAND;
const render = (event: CustomerEmailEvent, locale: string, overrides = {}) =>
  renderCustomerEmail(event, sampleCustomerEmailData(overrides), { locale, brand });

// React escapes & and ' in HTML; tests read the HTML as a mail client would show it.
const decode = (html: string) =>
  html
    .replace(/&amp;/g, "&")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ");
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ").replace(/[\u200e\u200f\u061c]/g, "");

/** Per event and locale: the subject and a sentence of the body that must appear. */
const EXPECTED: Record<CustomerEmailEvent, Record<"en" | "zh-CN" | "ar", { subject: string; body: string }>> = {
  order_confirmed: {
    en: { subject: "Order CF-10428 confirmed – thank you!", body: "We've received order CF-10428" },
    "zh-CN": { subject: "订单 CF-10428 已确认，感谢您的购买！", body: "我们已收到订单 CF-10428" },
    ar: { subject: "تم تأكيد الطلب CF-10428 – شكرًا لك!", body: "استلمنا الطلب CF-10428" },
  },
  shipped: {
    en: {
      subject: "Your order CF-10428 is on its way",
      body: "It's travelling with DHL Express, tracking number JD014600003826155490.",
    },
    "zh-CN": { subject: "您的订单 CF-10428 已发货", body: "承运商为 DHL Express，运单号 JD014600003826155490。" },
    ar: { subject: "طلبك CF-10428 في الطريق إليك", body: "تنقله شركة DHL Express، ورقم التتبع JD014600003826155490." },
  },
  customs_hold: {
    en: { subject: "Order CF-10428: your parcel is going through customs", body: "held by customs in Germany" },
    "zh-CN": { subject: "订单 CF-10428：您的包裹正在清关", body: "正在德国海关接受常规查验" },
    ar: { subject: "الطلب CF-10428: شحنتك قيد التخليص الجمركي", body: "لدى الجمارك في ألمانيا" },
  },
  out_for_delivery: {
    en: { subject: "Order CF-10428 arrives today", body: "should arrive today" },
    "zh-CN": { subject: "订单 CF-10428 今天送达", body: "预计今天送达" },
    ar: { subject: "يصل الطلب CF-10428 اليوم", body: "ومن المتوقع أن تصل اليوم" },
  },
  failed_attempt: {
    en: {
      subject: "Order CF-10428: we couldn't deliver your parcel",
      body: "Reason given by the carrier: Recipient not at home",
    },
    "zh-CN": { subject: "订单 CF-10428：包裹未能成功派送", body: "承运商给出的原因：Recipient not at home" },
    ar: { subject: "الطلب CF-10428: تعذّر تسليم شحنتك", body: "السبب الذي ذكرته شركة الشحن: Recipient not at home" },
  },
  delivered: {
    en: { subject: "Order CF-10428 has been delivered", body: "has been delivered. We hope you love it!" },
    "zh-CN": { subject: "订单 CF-10428 已送达", body: "订单 CF-10428 的包裹已送达，希望您喜欢！" },
    ar: { subject: "تم تسليم الطلب CF-10428", body: "تم تسليم شحنة طلبك CF-10428." },
  },
  return_approved: {
    en: { subject: "Your return for order CF-10428 is approved", body: "Your return number (RMA) is RMA-7731." },
    "zh-CN": { subject: "订单 CF-10428 的退货申请已通过", body: "退货编号（RMA）为 RMA-7731。" },
    ar: { subject: "تمت الموافقة على إرجاع الطلب CF-10428", body: "رقم الإرجاع (RMA) الخاص بك هو RMA-7731." },
  },
  refund_issued: {
    en: {
      subject: "Your refund for order CF-10428 has been issued",
      body: "We've refunded €44.95 for order CF-10428.",
    },
    "zh-CN": { subject: "订单 CF-10428 的退款已发放", body: "我们已为订单 CF-10428 退款 €44.95。" },
    ar: { subject: "تم إصدار المبلغ المسترد للطلب CF-10428", body: "رددنا إليك 44.95 € عن الطلب CF-10428." },
  },
};

describe.each(["en", "zh-CN", "ar"] as const)("renderCustomerEmail in %s", (locale) => {
  it.each(CUSTOMER_EMAIL_EVENTS)("%s", async (event) => {
    const email = await render(event, locale);
    const expected = EXPECTED[event][locale];
    const html = plain(decode(email.html));
    const text = plain(email.text);

    expect(email.locale).toBe(locale);
    expect(email.subject).toBe(expected.subject);
    expect(text).toContain(expected.body);
    // The HTML shows the same sentence (values sit in no-wrap spans, so compare without tags).
    expect(html.replace(/<!--.*?-->/g, "").replace(/<[^>]+>/g, "")).toContain(expected.body);
    expect(text).toContain(data.orderNumber);
    expect(html).toContain(`href="${data.trackingUrl}"`);
    expect(email.html).toContain('<span style="white-space:nowrap;unicode-bidi:isolate">CF-10428</span>');
    expect(text).toContain(data.trackingUrl);
    expect(html).toContain(`lang="${locale}"`);
    if (locale === "ar") {
      expect(/<html[^>]* dir="rtl"/.test(email.html)).toBe(true);
      expect(/<body[^>]* dir="rtl"/.test(email.html)).toBe(true);
      // Running text starts on the right; only the value column of two-column rows sits on the left.
      expect(/<(p|h1|h2|ul|ol)[^>]*text-align:right/.test(email.html)).toBe(true);
      expect(/<(p|h1|h2|ul|ol)[^>]*text-align:left/.test(email.html)).toBe(false);
    } else {
      expect(/<html[^>]* dir="ltr"/.test(email.html)).toBe(true);
      expect(email.html.includes('dir="rtl"')).toBe(false);
      expect(/<(p|h1|h2|ul|ol)[^>]*text-align:right/.test(email.html)).toBe(false);
    }
    // The brand colour drives the button; the sender name signs the message.
    expect(email.html).toContain("background-color:#0f766e");
    expect(text).toContain("Nordlicht Store");
  });
});

describe("content a shopper can act on", () => {
  it("order confirmation lists the items with localized quantities and the total", async () => {
    const en = await render("order_confirmed", "en");
    expect(en.text).toMatch(/Merino wool scarf – Fjord blue – Qty 2/);
    expect(plain(en.text)).toContain("Total: €89.90");
    const de = await render("order_confirmed", "de");
    expect(plain(de.text)).toContain("Gesamt: 89,90 €");
    expect(de.text).toContain("Freitag, 14. März");
    const ja = await render("order_confirmed", "ja", { total: { amount: 12800, currency: "JPY" } });
    expect(plain(ja.text)).toContain("￥12,800");
    const zh = await render("order_confirmed", "zh-CN");
    expect(zh.text).toContain("数量：2");
    expect(plain(zh.text)).toContain("合计: €89.90");
  });

  it("customs hold explains the hold, the usual delay and what may be asked for", async () => {
    const en = await render("customs_hold", "en");
    expect(en.text).toContain(
      "Since March 10, 2025, your parcel for order CF-10428 has been held by customs in Germany",
    );
    expect(en.text).toContain("Most parcels clear within a few working days");
    expect(en.text).toContain("Proof of identity");
    expect(en.text).toContain("invoice for your order");
    expect(en.text).toContain("(DAP delivery)");
    const fr = await render("customs_hold", "fr", { customsHold: { since: "2025-03-10T08:15:00Z", country: "US" } });
    expect(fr.text).toContain("Depuis le 10 mars 2025");
    expect(fr.text).toContain("la douane (États-Unis)");
  });

  it("failed attempt says what happens next and how to reschedule, with the carrier's own note", async () => {
    const en = await render("failed_attempt", "en");
    expect(en.text).toContain("What happens next");
    expect(en.text).toContain("Carrier's note: Second attempt on the next working day");
    expect(en.text).toContain("choose a new delivery day, pick a pickup point or correct your address");
    expect(en.text).toContain("contact DHL Express directly with tracking number JD014600003826155490");
    expect(en.text).toContain("Reschedule delivery");
    const noCarrier = await render("failed_attempt", "en", { carrier: undefined, failedAttempt: {} });
    expect(noCarrier.text).toContain("The carrier tried to deliver your parcel for order CF-10428");
    expect(noCarrier.text).not.toContain("Reason given");
    expect(noCarrier.text).not.toContain("Carrier's note");
    expect(noCarrier.text).not.toContain("contact DHL");
  });

  it("return approval links the label when there is one and says when it will come otherwise", async () => {
    const withLabel = await render("return_approved", "en");
    expect(decode(withLabel.html)).toContain('href="https://track.nordlicht.example/returns/RMA-7731/label.pdf"');
    expect(withLabel.text).toContain("Write RMA-7731 on the package");
    expect(withLabel.text).toContain("Print the return label");
    const pending = await render("return_approved", "en", { returnInfo: { rma: "RMA-9" } });
    expect(pending.text).toContain("Your return label will appear on your order page shortly.");
    expect(pending.html).not.toContain("label.pdf");
  });

  it("refund amounts use the refund currency's minor units", async () => {
    const kwd = await render("refund_issued", "en", { refund: { amount: 12345, currency: "KWD" } });
    expect(plain(kwd.text)).toContain("We've refunded KWD 12.345 for order CF-10428.");
    const de = await render("refund_issued", "de");
    expect(plain(de.text)).toContain("Wir haben Ihnen 44,95 € für die Bestellung CF-10428 erstattet.");
  });

  it("falls back by language, then to English", async () => {
    expect((await render("shipped", "de-AT")).locale).toBe("de");
    expect((await render("shipped", "zh-HK")).subject).toBe("您的訂單 CF-10428 已出貨");
    expect((await render("shipped", "pt")).locale).toBe("pt-BR");
    expect((await render("shipped", "sv-SE")).subject).toBe("Your order CF-10428 is on its way");
  });
});

describe("branding", () => {
  it("shows the logo when given, the name otherwise, and picks a readable button text colour", async () => {
    const withLogo = await renderCustomerEmail("shipped", data, {
      locale: "en",
      brand: { ...brand, logoUrl: "https://cdn.nordlicht.example/logo.png", color: "#fde047" },
    });
    expect(withLogo.html).toMatch(/<img[^>]+alt="Nordlicht"[^>]+src="https:\/\/cdn\.nordlicht\.example\/logo\.png"/);
    expect(withLogo.html).toMatch(/background-color:#fde047;color:#111827/);
    const dark = await renderCustomerEmail("shipped", data, { locale: "en", brand: { ...brand, color: "#1E3A8A" } });
    expect(dark.html).toMatch(/background-color:#1e3a8a;color:#ffffff/);
    expect(dark.html).not.toContain("<img");
  });

  it("does not let a bad colour or a script URL into the markup", async () => {
    const email = await renderCustomerEmail("shipped", data, {
      locale: "en",
      brand: { ...brand, color: "red;background:url(x)", logoUrl: "javascript:alert(1)" },
    });
    expect(email.html).not.toContain("url(x)");
    expect(email.html).not.toContain("javascript:");
    expect(email.html).toContain("background-color:#111827");
  });

  it("offers reply-to help only when the brand has a reply-to address", async () => {
    const reply = await render("delivered", "en");
    expect(reply.text).toContain("Just reply to this email");
    const noReply = await renderCustomerEmail("delivered", data, {
      locale: "en",
      brand: { ...brand, replyTo: undefined },
    });
    expect(noReply.text).toContain("You can reach Nordlicht from your order page.");
  });

  it("escapes shopper- and merchant-supplied text", async () => {
    const email = await render("order_confirmed", "en", {
      customerName: "<script>x</script>",
      items: [{ title: 'Mug "Big" <b>', quantity: 1 }],
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
    expect(email.html).not.toContain("<b>");
  });
});

describe("invalid input", () => {
  it("rejects a tracking link that is not http(s) and events missing their data", async () => {
    await expect(render("shipped", "en", { trackingUrl: "javascript:alert(1)" })).rejects.toBeInstanceOf(
      EmailTemplateError,
    );
    await expect(render("customs_hold", "en", { customsHold: undefined })).rejects.toThrow(/customsHold/);
    await expect(render("return_approved", "en", { returnInfo: undefined })).rejects.toThrow(/returnInfo/);
    await expect(render("refund_issued", "en", { refund: { amount: 1, currency: "NOPE" } })).rejects.toThrow(
      /Unknown currency/,
    );
  });
});
