import { devUsers, expect, shot, test } from "./fixtures";

interface PartnerOverview {
  partner: { id: string; name: string; kind: string };
  merchants: Array<{
    tenantId: string;
    tenantName: string;
    warehouses: Array<{ code: string; name: string }>;
    openOrders: number;
  }>;
}

test.describe("partner portal", () => {
  test("lists only partner users for sign-in", async ({ page, request }, testInfo) => {
    const users = await devUsers(request);
    await page.goto("/partner/");
    await expect(page).toHaveURL(/\/partner\/sign-in/);
    await expect(page.getByRole("heading", { name: "Sign in to the partner portal" })).toBeVisible();
    for (const user of users) {
      const button = page.getByRole("button", { name: `Continue as ${user.name}` });
      if (user.kind === "partner") await expect(button).toBeVisible();
      else await expect(button).toHaveCount(0);
    }
    const partner = users.find((user) => user.kind === "partner")!;
    await shot(page, testInfo, "sign-in");
    await page.getByRole("button", { name: `Continue as ${partner.name}` }).click();
    await expect(page).toHaveURL(/\/partner\/$/);
    await expect(page.getByText(partner.partnerName ?? partner.name).first()).toBeVisible();
  });

  test("sees its merchants and their warehouses", async ({ partnerPage: page, context }, testInfo) => {
    const response = await context.request.get("/app/partner/overview");
    expect(response.ok()).toBeTruthy();
    const overview = (await response.json()) as PartnerOverview;
    expect(overview.merchants.length, "the demo partner is linked to a merchant").toBeGreaterThan(0);

    await page.goto("/partner/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(overview.partner.name);
    for (const merchant of overview.merchants) {
      await expect(page.getByRole("heading", { name: merchant.tenantName })).toBeVisible();
      for (const warehouse of merchant.warehouses) await expect(page.getByText(warehouse.name).first()).toBeVisible();
    }
    await shot(page, testInfo, "overview");
  });

  test("sees the orders allocated to its warehouses, filterable by merchant", async ({
    partnerPage: page,
    context,
  }, testInfo) => {
    const overview = (await (await context.request.get("/app/partner/overview")).json()) as PartnerOverview;
    const orders = (await (await context.request.get("/app/partner/orders")).json()) as {
      data: Array<{ externalId: string; tenantId: string }>;
    };

    await page.goto("/partner/orders");
    await expect(page.getByRole("heading", { level: 1, name: "Allocated orders" })).toBeVisible();
    if (orders.data.length === 0) {
      await expect(page.getByText("No orders allocated to you yet")).toBeVisible();
    } else {
      await expect(page.locator("table tbody tr")).toHaveCount(orders.data.length);
      await expect(page.getByText(orders.data[0]!.externalId, { exact: true }).first()).toBeVisible();
    }
    await shot(page, testInfo, "orders");

    const merchant = overview.merchants[0]!;
    await page.getByRole("combobox", { name: "Merchant" }).selectOption(merchant.tenantId);
    await expect(page).toHaveURL(new RegExp(`tenantId=${merchant.tenantId}`));
    const expected = orders.data.filter((order) => order.tenantId === merchant.tenantId).length;
    if (expected > 0) await expect(page.locator("table tbody tr")).toHaveCount(expected);
    else await expect(page.getByText("No orders from this merchant yet")).toBeVisible();
  });
});
