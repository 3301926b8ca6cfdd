import { devUsers, expect, pipelineSettled, shot, test } from "./fixtures";

interface Instruction {
  id: string;
  tenantId: string;
  kind: string;
  status: string;
  warehouseCode: string;
  payload: {
    orderNumber: string;
    trackingNumber: string;
    lines: Array<{ sku: string; title: string; quantity: number }>;
    documentIds: string[];
  };
}

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
    request,
  }, testInfo) => {
    await pipelineSettled(request);
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

  test("works through its pick/pack/label instructions: prints a label and marks one done", async ({
    partnerPage: page,
    context,
    request,
  }, testInfo) => {
    await pipelineSettled(request);
    let open: Instruction[] = [];
    await expect
      .poll(
        async () => {
          const response = await context.request.get("/app/partner/instructions?status=open");
          open = ((await response.json()) as { data: Instruction[] }).data;
          return open.length;
        },
        { timeout: 60_000, message: "the pipeline sends pick/pack/label instructions to the partner's warehouse" },
      )
      .toBeGreaterThan(0);

    await page.goto("/partner/");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Instructions" }).click();
    await expect(page).toHaveURL(/\/partner\/instructions$/);
    await expect(page.getByRole("heading", { level: 1, name: "Instructions" })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "Instruction status" });
    await expect(tabs.getByRole("link", { name: /^Open/ })).toContainText(String(open.length));
    await expect(page.locator("[data-instruction-id]")).toHaveCount(open.length);

    // The oldest open pick/pack/label instruction: first in its merchant's and warehouse's group.
    const instruction = open
      .filter((candidate) => candidate.kind === "pick_pack_label")
      .sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    const card = page.locator(`[data-instruction-id="${instruction.id}"]`);
    await expect(card.getByRole("heading", { name: `Order ${instruction.payload.orderNumber}` })).toBeVisible();
    await expect(card).toContainText(instruction.payload.trackingNumber);
    for (const line of instruction.payload.lines) await expect(card).toContainText(line.sku);
    await expect(page.locator(".cf-instr-group", { has: card }).locator(".cf-instr-group__head")).toContainText(
      instruction.warehouseCode,
    );
    await shot(page, testInfo, "instructions");

    const pdfLink = card.getByRole("link", { name: "Print label (PDF)" });
    const pdf = await context.request.get((await pdfLink.getAttribute("href"))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const zpl = await context.request.get((await card.getByRole("link", { name: "ZPL" }).getAttribute("href"))!);
    expect(zpl.status()).toBe(200);
    expect((await zpl.text()).trimStart().startsWith("^XA")).toBe(true);
    // The label opens in the browser too, through the portal (which forwards the session).
    const popup = page.waitForEvent("popup");
    await pdfLink.click();
    const labelPage = await popup;
    await labelPage.waitForLoadState();
    expect(labelPage.url()).toContain(`/partner/instructions/${instruction.tenantId}/documents/`);
    await labelPage.close();

    await card.getByRole("button", { name: `Mark order ${instruction.payload.orderNumber} done` }).click();
    await expect(page.getByRole("status")).toContainText(
      `Order ${instruction.payload.orderNumber} is marked done and moved to the history.`,
    );
    await expect(page.locator(`[data-instruction-id="${instruction.id}"]`)).toHaveCount(0);
    await expect(tabs.getByRole("link", { name: /^Open/ })).toContainText(String(open.length - 1));

    await tabs.getByRole("link", { name: /^Done/ }).click();
    await expect(page).toHaveURL(/status=done/);
    const row = page.getByRole("row").filter({ hasText: instruction.payload.orderNumber });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Done");
    await shot(page, testInfo, "instructions-done");

    const again = await context.request.post(
      `/app/partner/tenants/${instruction.tenantId}/instructions/${instruction.id}/done`,
    );
    expect(again.status(), "an instruction is marked done once").toBe(409);
  });

  test("a 3PL with an API sets its webhook and sees the signing secret once", async ({
    partnerPage: page,
  }, testInfo) => {
    await page.goto("/partner/instructions");
    const card = page.getByRole("region", { name: "Your API (webhook)" });
    await expect(card.getByText("Not set: instructions are only shown here.")).toBeVisible();
    await card.getByLabel("Webhook URL").fill("https://wms.fastship.example/crossflow");
    await card.getByRole("button", { name: "Save and issue a secret" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your signing secret (shown once)" })).toContainText(
      /whsec_/,
    );
    await shot(page, testInfo, "partner-webhook");
    await page.reload();
    await expect(page.getByText(/whsec_/)).toHaveCount(0);
    await expect(card.getByLabel("Webhook URL")).toHaveValue("https://wms.fastship.example/crossflow");
    await card.getByRole("button", { name: "Stop sending" }).click();
    await expect(card.getByText("Not set: instructions are only shown here.")).toBeVisible();
  });
});
