import type { APIRequestContext, Page } from "@playwright/test";
import { expect, firstDevUser, merchantOrders, type OrderSummary, shot, test } from "./fixtures";

// The customer portal end to end, as a shopper: look the order up, follow it, change the
// delivery address while the parcel is still in the warehouse, then start a return once it
// has left. Each language gets its own fresh order (imported through the console API), so
// the steps do not depend on where the demo carrier has taken the seeded parcels by now.

type Locale = "en" | "zh-CN" | "ar";

/** Order numbers and RMAs are bidi-isolated in the page text, so they stay one run in Arabic. */
const iso = (id: string) => `\u2068${id}\u2069`;

const WORDS: Record<
  Locale,
  {
    lookupTitle: string;
    order: (n: string) => string;
    preparing: string;
    tracking: string;
    invalidPostcode: string;
    saved: string;
    locked: string;
    startReturn: string;
    returnReady: RegExp;
    downloadLabel: string;
  }
> = {
  en: {
    lookupTitle: "Track your order",
    order: (n) => `Order ${iso(n)}`,
    preparing: "We're preparing your order",
    tracking: "Tracking history",
    invalidPostcode: "This postal code doesn't look right for the country.",
    saved: "Address updated. Your parcel will be prepared for the new address.",
    locked: "Your parcel has left the warehouse, so the address can no longer be changed.",
    startReturn: "Start a return",
    returnReady: /^Return \u2068RMA-\S+\u2069 is ready$/,
    downloadLabel: "Download return label",
  },
  "zh-CN": {
    lookupTitle: "跟踪你的订单",
    order: (n) => `订单 ${iso(n)}`,
    preparing: "正在为你备货",
    tracking: "物流记录",
    invalidPostcode: "该邮政编码与所选国家/地区不符。",
    saved: "地址已更新，我们会按新地址为你准备包裹。",
    locked: "你的包裹已离开仓库，收货地址无法再更改。",
    startReturn: "申请退货",
    returnReady: /^退货 \u2068RMA-\S+\u2069 已创建$/,
    downloadLabel: "下载退货运单",
  },
  ar: {
    lookupTitle: "تتبّع طلبك",
    order: (n) => `الطلب ${iso(n)}`,
    preparing: "نجهّز طلبك",
    tracking: "سجل التتبع",
    invalidPostcode: "لا يبدو هذا الرمز البريدي صحيحًا لهذه الدولة.",
    saved: "تم تحديث العنوان. سيُجهَّز طردك للعنوان الجديد.",
    locked: "غادر طردك المستودع، لذا لم يعد بالإمكان تغيير العنوان.",
    startReturn: "بدء عملية إرجاع",
    returnReady: /^طلب الإرجاع \u2068RMA-\S+\u2069 جاهز$/,
    downloadLabel: "تنزيل ملصق الإرجاع",
  },
};

async function signedInMerchant(request: APIRequestContext) {
  const user = await firstDevUser(request, "merchant");
  expect((await request.post("/app/dev/sign-in", { data: { userId: user.id } })).ok()).toBeTruthy();
}

async function orderNamed(request: APIRequestContext, externalId: string): Promise<OrderSummary | undefined> {
  return (await merchantOrders(request, `q=${encodeURIComponent(externalId)}&limit=5`)).find(
    (o) => o.externalId === externalId,
  );
}

/** A fresh paid order to Berlin, imported like a merchant's CSV and run through the pipeline to its label. */
async function freshOrder(request: APIRequestContext, tag: string): Promise<OrderSummary> {
  const suffix = `${tag}-${Date.now().toString(36)}`.toUpperCase();
  const externalId = `PORTAL-${suffix}`;
  const email = `shopper.${suffix.toLowerCase()}@example.de`;
  const csv = [
    "Order number,Order date,Email,Customer,Address,City,Postal code,Country,SKU,Quantity,Unit price,Currency",
    `${externalId},${new Date().toISOString().slice(0, 10)},${email},Lena Hoffmann,Invalidenstraße 117,Berlin,10115,DE,TEE-RED-M,2,19.99,EUR`,
  ].join("\n");
  await signedInMerchant(request);
  const upload = await request.post("/app/imports", {
    multipart: { file: { name: `portal-${suffix}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) } },
  });
  expect(upload.status(), "POST /app/imports").toBe(202);
  await expect
    .poll(async () => (await orderNamed(request, externalId))?.status, {
      timeout: 60_000,
      message: `${externalId} reaches its label`,
    })
    .toBe("label_created");
  return (await orderNamed(request, externalId))!;
}

async function lookUp(page: Page, order: OrderSummary, email = order.customerEmail) {
  await page.locator("#orderNumber").fill(order.externalId);
  await page.locator("#email").fill(email);
  await page.locator("form button[type=submit]").click();
}

async function expectPdf(page: Page, href: string | null) {
  expect(href).toBeTruthy();
  const response = await page.request.get(new URL(href!, page.url()).toString());
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
}

test.describe("customer portal", () => {
  for (const locale of ["en", "zh-CN", "ar"] as const) {
    test(`lookup → tracking → address change → return (${locale})`, async ({ page, request }, testInfo) => {
      test.setTimeout(300_000);
      const words = WORDS[locale];
      const order = await freshOrder(request, locale);

      // The picker's choice (here in the link) is remembered in a cookie for the next pages.
      await page.goto(`/portal/?lng=${locale}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.lookupTitle);
      await lookUp(page, order);

      // Tracking: the signed link, the progress view, the timeline, the invoice.
      await expect(page).toHaveURL(/\/portal\/o\/[\w-]+\.[\w-]+(\?lng=[\w-]+)?$/);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.order(order.externalId));
      await expect(page.locator(".cf-po-headline")).toHaveText(words.preparing);
      const progress = page.locator("ol.cf-po-progress");
      await expect(progress.getByRole("listitem")).toHaveCount(5);
      await expect(progress.locator('[aria-current="step"]')).toHaveCount(1);
      await expect(page.getByRole("heading", { name: words.tracking })).toBeVisible();
      await expect(page.locator(".cf-po-timeline__item").first()).toBeVisible();
      await expect(page.getByText(order.customerEmail)).toHaveCount(0);
      await expectPdf(page, await page.locator('a[href$="/invoice"]').getAttribute("href"));
      const html = page.locator("html");
      if (locale === "ar") {
        // Right to left, and the layout mirrors: the delivery estimate sits left of the title,
        // the first progress step right of the last.
        await expect(html).toHaveAttribute("dir", "rtl");
        const title = (await page.locator(".cf-po-hero__who").boundingBox())!;
        const eta = (await page.locator(".cf-po-eta").boundingBox())!;
        expect(eta.x + eta.width).toBeLessThanOrEqual(title.x + 1);
        const steps = progress.getByRole("listitem");
        const first = (await steps.first().boundingBox())!;
        const last = (await steps.last().boundingBox())!;
        expect(first.x).toBeGreaterThan(last.x);
      } else {
        await expect(html).toHaveAttribute("dir", "ltr");
      }
      await shot(page, testInfo, `tracking-${locale}`);

      // Address change: a plain form; the obvious mistake is caught per field, then it goes through.
      const addressCard = page.locator("section", { has: page.locator("#address-title") });
      await addressCard.locator("summary").click();
      await page.locator("#address-line1").fill("Karl-Marx-Allee 90");
      await page.locator("#address-postalCode").fill("ABC");
      await page.locator("#address-city").fill("Berlin");
      await addressCard.locator("form button[type=submit]").click();
      await expect(page.locator("#address-postalCode-error")).toHaveText(words.invalidPostcode);
      await expect(page.locator("#address-postalCode")).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator("#address-line1")).toHaveValue("Karl-Marx-Allee 90");
      await shot(page, testInfo, `address-error-${locale}`);
      await page.locator("#address-postalCode").fill("10243");
      await addressCard.locator("form button[type=submit]").click();
      await expect(page.getByRole("status").filter({ hasText: words.saved })).toBeVisible();
      await expect(page.locator(".cf-po-address")).toContainText("Karl-Marx-Allee 90");
      await expect(page.locator(".cf-po-address")).toContainText("10243 Berlin");
      await shot(page, testInfo, `address-changed-${locale}`);

      // The order runs again with the new address: the old label is voided, a new one booked.
      await expect
        .poll(async () => (await orderNamed(request, order.externalId))?.status, { timeout: 60_000 })
        .toBe("label_created");
      // Once the carrier has the parcel, the address is locked and a return can start.
      await expect
        .poll(async () => (await orderNamed(request, order.externalId))?.status, {
          timeout: 180_000,
          intervals: [5_000],
          message: "the demo carrier picks the parcel up",
        })
        .toMatch(/^(handed_over|in_transit|delivered)$/);
      await page.goto(page.url().split("?")[0]!);
      await expect(addressCard.locator(".cf-muted").filter({ hasText: words.locked })).toBeVisible();
      await expect(addressCard.locator("summary")).toHaveCount(0);

      const returnsCard = page.locator("section", { has: page.locator("#returns-title") });
      await returnsCard.getByText(words.startReturn).click();
      await returnsCard.locator("#return-qty-0").selectOption("1");
      await returnsCard.locator("#return-reason-0").selectOption("wrong_size");
      await returnsCard.locator("form button[type=submit]").click();
      await expect(page.locator("#return-created")).toHaveText(words.returnReady);
      const label = page.getByRole("link", { name: words.downloadLabel }).first();
      await expectPdf(page, await label.getAttribute("href"));
      await expect(returnsCard.locator(".cf-po-returns__item")).toHaveCount(1);
      await shot(page, testInfo, `return-${locale}`);

      if (locale === "ar") {
        await page.setViewportSize({ width: 390, height: 844 });
        // A refresh after the return was created repeats nothing: the form post was answered with a redirect.
        await page.reload();
        await expect(returnsCard.locator(".cf-po-returns__item")).toHaveCount(1);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, "no horizontal scrolling on a phone").toBeLessThanOrEqual(390);
        await shot(page, testInfo, "order-mobile-ar");
      }
    });
  }

  test("says so when the email does not match, and when a link is no longer valid", async ({
    page,
    request,
  }, testInfo) => {
    const [order] = await merchantOrders(request, "limit=5");
    if (!order) throw new Error("the demo seed has no orders");
    await page.goto("/portal/?lng=en");
    await lookUp(page, order, "someone.else@example.com");
    await expect(page.getByRole("alert")).toContainText("We couldn't find an order with that number and email address");
    await expect(page.locator("#orderNumber")).toHaveValue(order.externalId);
    await shot(page, testInfo, "not-found");

    await page.goto("/portal/o/eyJ0IjoidGVuXzEiLCJvIjoib3JkXzEiLCJleHAiOjk5OTk5OTk5OTl9.forged");
    await expect(page).toHaveURL(/\/portal\/\?expired=1$/);
    await expect(page.getByRole("status")).toContainText("That order link is no longer valid");
  });

  test("an e-mail link opens the order in its language; without JavaScript, on a phone", async ({
    browser,
    request,
  }, testInfo) => {
    const orders = await merchantOrders(request, "limit=50");
    const order = orders.find((o) => o.status === "in_transit" || o.status === "delivered") ?? orders[0]!;
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
      locale: "ja-JP",
    });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(r.url());
    });
    await page.goto("/portal/");
    await expect(page.getByRole("heading", { name: "ご注文を追跡" })).toBeVisible();
    await lookUp(page, order);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`注文 ${iso(order.externalId)}`);
    const link = page.url();

    // The same link with ?lang= (as the e-mails send it) opens in that language, even in a fresh browser.
    const korean = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const opened = await korean.newPage();
    await opened.goto(`${link}?lang=ko`);
    await expect(opened.getByRole("heading", { level: 1 })).toHaveText(`주문 ${iso(order.externalId)}`);
    await expect(opened.locator("ol.cf-po-progress").getByRole("listitem")).toHaveCount(5);
    const width = await opened.evaluate(() => document.documentElement.scrollWidth);
    expect(width, "no horizontal scrolling on a phone").toBeLessThanOrEqual(390);
    expect(scripts, "the portal ships no JavaScript bundle").toEqual([]);
    await shot(page, testInfo, "tracking-mobile-ja");
    await shot(opened, testInfo, "tracking-mobile-ko");
    await korean.close();
    await context.close();
  });
});
