import { expect, merchantOrders, type OrderSummary, shot, test } from "./fixtures";

async function someOrder(request: Parameters<typeof merchantOrders>[0]): Promise<OrderSummary> {
  const orders = await merchantOrders(request, "limit=50");
  const order = orders.find((o) => o.status === "in_transit" || o.status === "handed_over") ?? orders[0];
  if (!order) throw new Error("the demo seed has no orders");
  return order;
}

test.describe("customer portal", () => {
  test("says so when the email does not match", async ({ page, request }, testInfo) => {
    const order = await someOrder(request);
    await page.goto("/portal/");
    await expect(page.getByRole("heading", { name: "Track your order" })).toBeVisible();
    await page.getByLabel("Order number").fill(order.externalId);
    await page.getByLabel("Email address").fill("someone.else@example.com");
    await page.getByRole("button", { name: "Track order" }).click();
    await expect(page.getByRole("alert")).toContainText("We couldn't find an order with that number and email address");
    await expect(page.getByLabel("Order number")).toHaveValue(order.externalId);
    await shot(page, testInfo, "not-found");
  });

  test("shows the tracking view for the right email", async ({ page, request }, testInfo) => {
    const order = await someOrder(request);
    await page.goto("/portal/");
    await page.getByLabel("Order number").fill(order.externalId);
    await page.getByLabel("Email address").fill(order.customerEmail);
    await page.getByRole("button", { name: "Track order" }).click();

    await expect(page).toHaveURL(new RegExp(`/portal/track/${order.externalId}`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order ${order.externalId}`);
    await expect(page.getByText(/^Your order from /)).toBeVisible();
    const progress = page.getByRole("list", { name: "Progress" });
    await expect(progress.getByRole("listitem")).toHaveCount(9);
    await expect(progress).toContainText("Order received");
    await expect(progress).toContainText("Delivered");
    await expect(page.getByRole("heading", { name: "Tracking history" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Tracking history" }).getByRole("listitem").first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Items" })).toBeVisible();
    await expect(page.getByText(order.customerEmail)).toHaveCount(0);
    await shot(page, testInfo, "tracking");

    // A reload keeps the view: the lookup is remembered in an HttpOnly cookie, not the URL.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order ${order.externalId}`);

    await page.locator(".cf-menu summary").click();
    await page.getByRole("link", { name: "简体中文" }).click();
    await expect(page).toHaveURL(/lng=zh-CN/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`订单 ${order.externalId}`);
    await expect(page.getByRole("heading", { name: "物流记录" })).toBeVisible();
    await shot(page, testInfo, "tracking-zh-CN");
  });

  test("switches the lookup page to Chinese and to the browser's language", async ({ browser }, testInfo) => {
    const chinese = await browser.newPage();
    await chinese.goto("/portal/?lng=zh-CN");
    await expect(chinese.getByRole("heading", { name: "跟踪你的订单" })).toBeVisible();
    await expect(chinese.getByRole("button", { name: "查询订单" })).toBeVisible();
    await chinese.close();

    const context = await browser.newContext({ locale: "de-DE" });
    const german = await context.newPage();
    await german.goto("/portal/");
    await expect(german.getByRole("heading", { name: "Bestellung verfolgen" })).toBeVisible();
    await shot(german, testInfo, "lookup-de");
    await context.close();
  });

  test("works without JavaScript on a phone", async ({ browser, request }, testInfo) => {
    const order = await someOrder(request);
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
    await page.getByLabel("注文番号").fill(order.externalId);
    await page.getByLabel("メールアドレス").fill(order.customerEmail);
    await page.getByRole("button", { name: "注文を追跡" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`注文 ${order.externalId}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, "no horizontal scrolling on a phone").toBeLessThanOrEqual(390);
    expect(scripts, "the portal ships no JavaScript bundle").toEqual([]);
    await shot(page, testInfo, "tracking-mobile-ja");
    await context.close();
  });
});
