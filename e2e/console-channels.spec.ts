import { createHmac, randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, firstDevUser, shot, signIn, test } from "./fixtures";

// Sales channels in the merchant console: connecting a store, pausing it, syncing the demo
// channel, the dead-letter queue with replay, and a CSV order import with its row errors.

interface ConnectionSummary {
  id: string;
  channel: string;
  name: string;
  status: string;
  ordersToday: number;
  webhookUrl: string | null;
}

/** The API as the first merchant owner (connections are tenant data: the console's own tenant). */
async function merchantApi(request: APIRequestContext): Promise<APIRequestContext> {
  const user = await firstDevUser(request, "merchant");
  const response = await request.post("/app/dev/sign-in", { data: { userId: user.id } });
  expect(response.ok(), "POST /app/dev/sign-in").toBeTruthy();
  return request;
}

async function connections(request: APIRequestContext): Promise<ConnectionSummary[]> {
  const response = await (await merchantApi(request)).get("/app/connections");
  expect(response.ok(), "GET /app/connections").toBeTruthy();
  return ((await response.json()) as { connections: ConnectionSummary[] }).connections;
}

/** A WooCommerce connection made through the API, with the required fields the API lists for it. */
async function createWooConnection(request: APIRequestContext, name: string, secret: string) {
  const api = await merchantApi(request);
  const listed = (await (await api.get("/app/connections")).json()) as {
    channels: Record<string, Array<{ key: string; required: boolean }>>;
  };
  const values = Object.fromEntries(
    (listed.channels.woocommerce ?? [])
      .filter((field) => field.required)
      .map((field) => [
        field.key,
        field.key === "webhookSecret" ? secret : /url/i.test(field.key) ? "https://dl.example.com" : `${field.key}-e2e`,
      ]),
  );
  expect(values.webhookSecret, "WooCommerce connections take a webhook secret").toBe(secret);
  const created = await api.post("/app/connections", { data: { channel: "woocommerce", name, values } });
  expect(created.status(), "POST /app/connections").toBe(201);
  const connection = (await created.json()) as ConnectionSummary & { secretsSet: string[] };
  expect(connection.webhookUrl).toBeTruthy();
  return connection;
}

function card(page: Page, name: string) {
  return page.locator("article.cf-conn").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

function stat(page: Page, connectionId: string, key: string) {
  return page.locator(`[data-connection-id="${connectionId}"] [data-stat="${key}"] dd`);
}

/** Delivers a WooCommerce webhook signed the way WooCommerce signs: base64 HMAC-SHA256 of the raw body. */
async function wooWebhook(request: APIRequestContext, webhookUrl: string, secret: string, body: string) {
  return request.post(new URL(webhookUrl).pathname, {
    data: body,
    headers: {
      "Content-Type": "application/json",
      "X-WC-Webhook-Topic": "order.created",
      "X-WC-Webhook-Delivery-ID": randomUUID(),
      "X-WC-Webhook-Signature": createHmac("sha256", secret).update(body).digest("base64"),
    },
  });
}

test.describe("sales channels", () => {
  test("a missing required field is named next to it, and typed secrets are never sent back (no JavaScript)", async ({
    browser,
    request,
  }, testInfo) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await signIn(context, request, "merchant");
    const page = await context.newPage();
    await page.goto("/console/connections?connect=woocommerce");
    const form = page.getByRole("form", { name: "Connect WooCommerce" });
    await form.getByLabel("Name").fill("Woo without a webhook secret");
    await form.getByLabel("Store URL").fill("https://shop.example.com");
    await form.getByLabel("Consumer key").fill("ck_nojs_key");
    await form.getByLabel("Consumer secret").fill("cs_nojs_secret");
    await form.getByRole("button", { name: "Connect WooCommerce" }).click();

    await expect(form.getByLabel("Webhook signing secret")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#connect-webhookSecret-error")).toHaveText("Required");
    await expect(form.getByLabel("Store URL")).toHaveValue("https://shop.example.com");
    await expect(form.getByLabel("Name")).toHaveValue("Woo without a webhook secret");
    await expect(form.getByLabel("Consumer key")).toHaveValue("");
    await expect(form.getByLabel("Consumer secret")).toHaveValue("");
    const html = await page.content();
    expect(html).not.toContain("ck_nojs_key");
    expect(html).not.toContain("cs_nojs_secret");
    await expect(page.locator("article.cf-conn").filter({ hasText: "Woo without a webhook secret" })).toHaveCount(0);
    await shot(page, testInfo, "connect-field-error");
    await context.close();
  });

  test("connects a WooCommerce store through the form, then pauses and resumes it", async ({
    merchantPage: page,
  }, testInfo) => {
    const name = `Woo shop ${Date.now().toString(36)}`;
    await page.goto("/console/");
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: /Channels/ })
      .click();
    await expect(page).toHaveURL(/\/console\/connections$/);
    await expect(page.getByRole("heading", { level: 1, name: "Channels" })).toBeVisible();
    await shot(page, testInfo, "connections");

    await page
      .getByRole("navigation", { name: "Choose a channel" })
      .getByRole("link", { name: /WooCommerce/ })
      .click();
    await expect(page).toHaveURL(/connect=woocommerce/);
    const form = page.getByRole("form", { name: "Connect WooCommerce" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Store URL").fill("https://shop.example.com");
    await form.getByLabel("Consumer key").fill("ck_e2e_key");
    await form.getByLabel("Consumer secret").fill("cs_e2e_secret");
    // Without the webhook secret the API refuses, naming the field; the answer carries no secret.
    const refusal = page.waitForResponse((response) => response.request().method() === "POST");
    await form.getByRole("button", { name: "Connect WooCommerce" }).click();
    const refused = await refusal;
    expect(refused.status()).toBe(400);
    const refusedBody = await refused.text();
    expect(refusedBody).not.toContain("ck_e2e_key");
    expect(refusedBody).not.toContain("cs_e2e_secret");
    const secretField = form.getByLabel("Webhook signing secret");
    await expect(page.locator("#connect-webhookSecret-error")).toHaveText("Required");
    await expect(card(page, name)).toHaveCount(0);

    await form.getByLabel("Consumer key").fill("ck_e2e_key");
    await form.getByLabel("Consumer secret").fill("cs_e2e_secret");
    await secretField.fill("wc-webhook-secret");
    await form.getByLabel("Safety buffer").fill("2");
    await form.getByRole("button", { name: "Connect WooCommerce" }).click();

    await expect(page).toHaveURL(/created=con_/);
    await expect(page.getByRole("status").filter({ hasText: `${name} is connected` })).toBeVisible();
    const created = card(page, name);
    await expect(created).toBeVisible();
    await expect(created.locator("[data-connection-status]")).toHaveText("Active");
    await expect(created.getByRole("textbox", { name: "Webhook URL" })).toHaveValue(
      /^https?:\/\/[^/]+\/webhooks\/woocommerce\/con_\w+$/,
    );
    await expect(created.getByText("https://shop.example.com", { exact: true })).toBeVisible();
    await expect(created.getByText("2 held back")).toBeVisible();
    const stored = (await connections(page.request)).find((connection) => connection.name === name);
    expect(stored?.channel).toBe("woocommerce");
    await shot(page, testInfo, "connection-created");

    await created.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${name} is paused.` })).toBeVisible();
    await expect(created.locator("[data-connection-status]")).toHaveText("Paused");
    await expect(created.getByRole("button", { name: "Sync now" })).toBeDisabled();
    await shot(page, testInfo, "connection-paused");
    await created.getByRole("button", { name: "Resume" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${name} is active again.` })).toBeVisible();
    await expect(created.locator("[data-connection-status]")).toHaveText("Active");
    expect((await connections(page.request)).find((connection) => connection.name === name)?.status).toBe("active");
  });

  test("“Sync now” on the demo channel brings in orders", async ({ merchantPage: page }, testInfo) => {
    let demo = (await connections(page.request)).find((connection) => connection.channel === "demo");
    await page.goto("/console/connections");
    if (!demo) {
      // An older seed without the demo connection: connect it through the form.
      await page
        .getByRole("navigation", { name: "Choose a channel" })
        .getByRole("link", { name: /Demo channel/ })
        .click();
      const form = page.getByRole("form", { name: "Connect Demo channel" });
      await form.getByLabel("Name").fill("Demo store");
      await form.getByRole("button", { name: "Connect Demo channel" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Demo store is connected" })).toBeVisible();
      demo = (await connections(page.request)).find((connection) => connection.channel === "demo");
    }
    if (!demo) throw new Error("no demo connection");
    if (demo.status !== "active") {
      await card(page, demo.name).getByRole("button", { name: "Resume" }).click();
      await expect(card(page, demo.name).locator("[data-connection-status]")).toHaveText("Active");
    }

    const orders = stat(page, demo.id, "ordersToday");
    const before = Number(await orders.textContent());
    await card(page, demo.name).getByRole("button", { name: "Sync now" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Sync requested for ${demo.name}` })).toBeVisible();
    await expect(async () => {
      await page.reload();
      expect(Number(await orders.textContent()), "orders accepted today after one sync").toBeGreaterThan(before);
    }).toPass({ timeout: 30_000, intervals: [500, 1_000, 2_000] });
    await expect(stat(page, demo.id, "lastSync")).not.toContainText("Never");
    await shot(page, testInfo, "demo-synced");

    await card(page, demo.name).getByRole("link", { name: "Details" }).click();
    await expect(page).toHaveURL(new RegExp(`/console/connections/${demo.id}$`));
    await expect(page.getByRole("heading", { level: 1, name: demo.name })).toBeVisible();
    const deliveries = page.locator("#deliveries");
    const accepted = deliveries.getByRole("row").filter({ has: page.locator('[data-outcome="accepted"]') });
    await expect(accepted.first()).toBeVisible();
    const orderLink = accepted.first().getByRole("link", { name: /^ord_/ });
    await expect(orderLink).toBeVisible();
    await expect(page.getByRole("heading", { name: "What this channel was last told" })).toBeVisible();
    await shot(page, testInfo, "demo-connection-detail");
    await orderLink.click();
    await expect(page).toHaveURL(/\/console\/orders\/ord_/);
  });

  test("a signed but unmappable webhook lands in dead letters, and replay says what happened", async ({
    merchantPage: page,
    request,
  }, testInfo) => {
    const secret = "wc-dead-letter-secret";
    const connection = await createWooConnection(request, `Woo dead letters ${Date.now().toString(36)}`, secret);

    const body = JSON.stringify({ id: 4711, status: "processing", currency: "EUR", line_items: [] });
    const forged = await request.post(new URL(connection.webhookUrl!).pathname, {
      data: body,
      headers: { "Content-Type": "application/json", "X-WC-Webhook-Signature": "bm90IGEgc2lnbmF0dXJl" },
    });
    expect(forged.status(), "a forged signature is refused").toBe(401);
    const delivered = await wooWebhook(request, connection.webhookUrl!, secret, body);
    expect(delivered.status(), "an authentic delivery is acknowledged").toBe(200);
    expect(((await delivered.json()) as { outcome?: string }).outcome).toBe("dead_lettered");

    await page.goto("/console/connections");
    const row = card(page, connection.name);
    await expect(row.locator('[data-stat="rejectedToday"] dd')).toHaveText("1");
    await expect(row.getByText("Last error")).toBeVisible();
    await row.getByRole("link", { name: "Review 1 dead letter" }).click();
    await expect(page).toHaveURL(new RegExp(`/console/dead-letters\\?connection=${connection.id}`));
    await expect(page.getByRole("heading", { level: 1, name: "Dead letters" })).toBeVisible();
    await expect(page.getByText(`Showing dead letters from ${connection.name} only.`)).toBeVisible();
    const rows = page.locator(".cf-dead-letters tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(connection.name);
    await expect(rows.first().locator('[data-dead-letter-status="pending"]')).toBeVisible();
    await shot(page, testInfo, "dead-letters");

    // Replay from the list: the mapping still fails, and the page says why.
    await rows
      .first()
      .getByRole("button", { name: /^Replay/ })
      .click();
    const outcome = page.getByRole("alert").filter({ hasText: "Still cannot be imported" });
    await expect(outcome).toBeVisible();
    await expect(rows.first().locator("td").nth(3)).toHaveText("2");

    // The detail page: payload formatted as JSON, headers, replay again.
    await rows.first().locator("a.cf-row-link").click();
    await expect(page).toHaveURL(/\/console\/dead-letters\/dlq_/);
    const payload = page.locator("pre.cf-payload");
    await expect(payload).toHaveAttribute("data-json", "true");
    await expect(payload).toContainText('"currency": "EUR"');
    await expect(payload).toContainText('"line_items": []');
    await expect(page.getByRole("cell", { name: "x-wc-webhook-topic" })).toBeVisible();
    await page.getByRole("button", { name: "Replay" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Still cannot be imported" })).toBeVisible();
    await expect(
      page.locator(".cf-kv dt", { hasText: "Attempts" }).locator("xpath=following-sibling::dd[1]"),
    ).toHaveText("3");
    await shot(page, testInfo, "dead-letter-detail");

    // Without the connection filter, it is listed among all the waiting ones.
    await page.goto("/console/dead-letters");
    await expect(page.locator(".cf-dead-letters tbody tr").filter({ hasText: connection.name })).toHaveCount(1);
  });

  test("the connection page edits name and stock policy, keeps stored secrets, and lists deliveries", async ({
    merchantPage: page,
    request,
  }, testInfo) => {
    const secret = "wc-detail-secret";
    const connection = await createWooConnection(request, `Woo detail ${Date.now().toString(36)}`, secret);
    const body = JSON.stringify({ id: 99, status: "processing", currency: "EUR", line_items: [] });
    expect((await wooWebhook(request, connection.webhookUrl!, secret, body)).status()).toBe(200);

    await page.goto(`/console/connections/${connection.id}`);
    await expect(page.getByRole("heading", { level: 1, name: connection.name })).toBeVisible();
    const settings = page.getByRole("form", { name: "Settings" });
    const webhookSecret = settings.getByLabel("Webhook signing secret");
    await expect(webhookSecret).toHaveValue("");
    await expect(webhookSecret).toHaveAttribute("type", "password");
    await expect(settings.locator("#edit-webhookSecret-hint")).toHaveText("Stored — leave empty to keep");
    const deliveries = page.locator("#deliveries");
    await expect(deliveries.locator('[data-outcome="dead_lettered"]')).toHaveCount(1);
    await expect(deliveries.getByRole("cell", { name: "order.created" })).toBeVisible();

    const renamed = `${connection.name} EU`;
    await settings.getByLabel("Name").fill(renamed);
    await settings.getByLabel("Share offered (%)").fill("150");
    await settings.getByRole("button", { name: "Save changes" }).click();
    await expect(page.locator("#edit-stock-percentage-error")).toHaveText("Enter a whole number from 0 to 100");
    await settings.getByLabel("Share offered (%)").fill("80");
    await settings.getByLabel("Cap").fill("25");
    await settings.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your changes are saved." })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
    await expect(settings.getByLabel("Share offered (%)")).toHaveValue("80");
    await shot(page, testInfo, "connection-detail");

    const response = await (await merchantApi(request)).get(`/app/connections/${connection.id}`);
    const saved = (await response.json()) as {
      name: string;
      stockPolicy: { percentage?: number; cap?: number };
      secretsSet: string[];
    };
    expect(saved.name).toBe(renamed);
    expect(saved.stockPolicy).toMatchObject({ percentage: 80, cap: 25 });
    expect([...saved.secretsSet].sort()).toEqual([...connection.secretsSet].sort());
    // The stored webhook secret still verifies deliveries.
    expect((await wooWebhook(request, connection.webhookUrl!, secret, body)).status()).toBe(200);
  });

  test("imports a CSV through the page: column mapping, progress, and the row that failed", async ({
    merchantPage: page,
  }, testInfo) => {
    const suffix = Date.now().toString(36).toUpperCase();
    const csv = [
      "Order number,Order date,Email,Customer,Address,City,Postal code,Country,SKU,Quantity,Unit price,Currency",
      `CSV-${suffix}-1,2026-01-10,ana@example.com,Ana Souza,Rua Augusta 12,Lisboa,1100-053,PT,TEE-RED-M,2,19.99,EUR`,
      `CSV-${suffix}-2,2026-01-10,li@example.com,Li Wei,Kurfürstendamm 21,Berlin,10719,DE,TEE-BLK-L,one,19.99,EUR`,
      `CSV-${suffix}-3,2026-01-11,tom@example.com,Tom Baker,1 High Street,London,SW1A 1AA,GB,CAP-NVY,1,24.00,GBP`,
    ].join("\n");

    await page.goto("/console/");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Imports" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Order imports" })).toBeVisible();

    // Uploading nothing names the file field.
    await page.getByRole("button", { name: "Upload and match columns" }).click();
    await expect(page.locator("#import-file-error")).toHaveText("Required");

    await page.getByLabel("Order file").setInputFiles({
      name: `orders-${suffix}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await page.getByRole("button", { name: "Upload and match columns" }).click();

    const mapping = page.getByRole("form", { name: "Match your columns" });
    await expect(mapping).toBeVisible();
    await expect(page.getByText(`orders-${suffix}.csv · 12 columns`)).toBeVisible();
    await expect(mapping.getByLabel(/Order number/)).toHaveValue("Order number");
    await expect(mapping.getByLabel(/Quantity/)).toHaveValue("Quantity");
    await expect(mapping.getByLabel(/Address line 1/)).toHaveValue("Address");
    await expect(mapping.locator('select[data-required="true"]').first()).toBeVisible();
    await expect(mapping.getByRole("cell", { name: "Kurfürstendamm 21" })).toBeVisible();
    await shot(page, testInfo, "import-mapping");

    await mapping.getByRole("button", { name: "Start import" }).click();
    await expect(page).toHaveURL(/\/console\/imports\?id=/);
    await expect(page.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
    // The page reloads itself until the import is done.
    await expect(page.locator("[data-import-status]").first()).toHaveText("Done", { timeout: 30_000 });
    await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100");
    await expect(page.locator('[data-stat="imported"] dd')).toHaveText("2");
    await expect(page.locator('[data-stat="failedRows"] dd')).toHaveText("1");
    await expect(page.getByRole("heading", { name: "1 row was not imported" })).toBeVisible();
    const errorRow = page.locator(".cf-import-errors tbody tr");
    await expect(errorRow).toHaveCount(1);
    await expect(errorRow.locator("td").nth(0)).toHaveText("3");
    await expect(errorRow.locator("td").nth(1)).toContainText(/quantity/i);
    await shot(page, testInfo, "import-done");

    // Listed among previous imports.
    await expect(
      page.getByRole("table", { name: "Previous imports" }).getByRole("link", { name: `orders-${suffix}.csv` }),
    ).toBeVisible();
  });

  test("a viewer sees connections and dead letters but no actions", async ({ browser, request }, testInfo) => {
    const context = await browser.newContext();
    await signIn(context, request, "merchant", "viewer");
    const page = await context.newPage();
    await page.goto("/console/connections");
    await expect(page.getByRole("heading", { level: 1, name: "Channels" })).toBeVisible();
    await expect(page.locator("article.cf-conn").first()).toBeVisible();
    for (const name of ["Sync now", "Pause", "Resume"]) await expect(page.getByRole("button", { name })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Connect a channel" })).toHaveCount(0);
    await shot(page, testInfo, "connections-viewer");
    await page.goto("/console/dead-letters");
    await expect(page.getByRole("button", { name: /^Replay/ })).toHaveCount(0);
    await page.goto("/console/imports");
    await expect(page.getByLabel("Order file")).toHaveCount(0);
    await context.close();
  });
});
