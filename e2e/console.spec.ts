import { devUsers, expect, merchantOrders, shot, test } from "./fixtures";

test.describe("merchant console", () => {
  test("signs in with a dev user and lands on the overview", async ({ page, request }, testInfo) => {
    const merchants = (await devUsers(request)).filter((user) => user.kind === "merchant");
    const partners = (await devUsers(request)).filter((user) => user.kind === "partner");
    const first = merchants[0];
    if (!first) throw new Error("no merchant dev user");

    await page.goto("/console/orders");
    await expect(page).toHaveURL(/\/console\/sign-in\?redirectTo=%2Forders/);
    await expect(page.getByRole("heading", { name: "Sign in to your merchant console" })).toBeVisible();
    for (const user of merchants)
      await expect(page.getByRole("button", { name: `Continue as ${user.name}` })).toBeVisible();
    for (const user of partners)
      await expect(page.getByRole("button", { name: `Continue as ${user.name}` })).toHaveCount(0);
    await shot(page, testInfo, "sign-in");

    await page.getByRole("button", { name: `Continue as ${first.name}` }).click();
    await expect(page).toHaveURL(/\/console\/orders$/);
    await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
    await expect(page.getByText(first.name).first()).toBeVisible();

    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Overview" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    for (const label of ["Orders", "On hold", "Last 24 hours", "Automation rate"]) {
      await expect(page.locator(".cf-stat__label", { hasText: label })).toBeVisible();
    }
    await expect(page.getByRole("heading", { name: "Orders by status" })).toBeVisible();
    await shot(page, testInfo, "overview");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/console\/sign-in/);
    await page.goto("/console/");
    await expect(page).toHaveURL(/\/console\/sign-in/);
  });

  test("lists orders and filters them by country", async ({ merchantPage: page, request }, testInfo) => {
    const orders = await merchantOrders(request, "limit=100");
    expect(orders.length, "the demo seed has orders").toBeGreaterThan(0);
    const country = orders[0]!.country;
    const expected = (await merchantOrders(request, `country=${country}&limit=25`)).length;

    await page.goto("/console/orders");
    const rows = page.locator("table tbody tr");
    await expect(rows.first()).toBeVisible();
    await expect(rows.first().locator(".cf-badge[class*='cf-tone-']").first()).toBeVisible();
    await shot(page, testInfo, "orders");

    await page.getByRole("combobox", { name: "Destination" }).selectOption(country);
    await expect(page).toHaveURL(new RegExp(`country=${country}`));
    await expect(rows.first()).toBeVisible();
    await expect(async () => {
      const codes = await rows.locator("td:nth-child(3) .cf-badge").allInnerTexts();
      expect(codes.length).toBe(expected);
      expect(new Set(codes)).toEqual(new Set([country]));
    }).toPass();
    await shot(page, testInfo, "orders-by-country");

    await page.getByRole("link", { name: "Clear filters" }).first().click();
    await expect(page).toHaveURL(/\/console\/orders$/);
  });

  test("works without JavaScript: filter form and next page are plain GETs", async ({ browser, request }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const { signIn } = await import("./fixtures");
    await signIn(context, request, "merchant");
    const page = await context.newPage();
    const orders = await merchantOrders(request, "limit=100");
    await page.goto("/console/orders");
    await page.getByRole("combobox", { name: "Destination" }).selectOption(orders[0]!.country);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`country=${orders[0]!.country}`));
    await expect(page.locator("table tbody tr").first()).toBeVisible();
    if (orders.length > 25) {
      await page.goto("/console/orders");
      await page.getByRole("link", { name: /Next page/ }).click();
      await expect(page).toHaveURL(/cursor=/);
      await expect(page.getByText("Page 2")).toBeVisible();
    }
    await context.close();
  });

  test("opens an order with its decisions and timeline", async ({ merchantPage: page, request }, testInfo) => {
    const orders = await merchantOrders(request, "limit=100");
    // Prefer an order that went furthest through the pipeline: it has the most decisions.
    const order =
      orders.find((o) =>
        ["documented", "label_created", "handed_over", "in_transit", "delivered", "allocated"].includes(o.status),
      ) ?? orders[0]!;

    await page.goto(`/console/orders?q=${encodeURIComponent(order.externalId)}`);
    await page.getByRole("link", { name: order.externalId, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/console/orders/${order.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(order.externalId);
    await expect(page.getByRole("heading", { name: "Lines" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Customer", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: order.customerEmail })).toBeVisible();

    await expect(page.getByRole("heading", { name: "Decisions" })).toBeVisible();
    const decisions = page.locator(".cf-decision");
    await expect(decisions.first()).toBeVisible();
    await expect(decisions.first().locator(".cf-decision__reason")).not.toBeEmpty();
    const facts = decisions.locator("summary", { hasText: "Show facts" }).first();
    if (await facts.count()) {
      await facts.click();
      await expect(decisions.locator(".cf-facts").first()).toBeVisible();
    }

    await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Timeline" }).getByRole("listitem").first()).toBeVisible();
    await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Received");
    await shot(page, testInfo, "order");
  });

  test("shows a not-found page for an unknown order", async ({ merchantPage: page }, testInfo) => {
    const response = await page.goto("/console/orders/ord_00000000000000000000000000");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Order not found" })).toBeVisible();
    await page.getByRole("link", { name: "Back to orders" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
    await shot(page, testInfo, "order-not-found");
  });

  test("switches to Simplified Chinese and remembers it", async ({ merchantPage: page }, testInfo) => {
    await page.goto("/console/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await page.locator(".cf-menu summary").click();
    await page.getByRole("link", { name: "简体中文" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "概览" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "订单" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "订单" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "目的地" })).toBeVisible();
    await shot(page, testInfo, "orders-zh-CN");
  });
});
