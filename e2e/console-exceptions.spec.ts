import type { Page } from "@playwright/test";
import { expect, merchantOrders, type OrderSummary, pipelineSettled, shot, signIn, test } from "./fixtures";

// The exception queue of the merchant console. The demo seed holds orders whose payment is
// still pending; the tests accept one of them and cancel another, so they need a freshly
// seeded server (the default e2e web server is one).

/** Where a released order ends up on its own: labelled, then moving with the demo carrier. */
const PAST_THE_LABEL = /^(label_created|handed_over|in_transit|delivered)$/;

const heldOrders = async (request: Parameters<typeof merchantOrders>[0]) => {
  await pipelineSettled(request);
  return merchantOrders(request, "status=on_hold&limit=200");
};

/** Held only because the payment is not confirmed: accepting that lets it run to allocation. */
function paymentHeld(orders: OrderSummary[]): OrderSummary[] {
  return orders.filter(
    (order) => order.holds.length > 0 && order.holds.every((h) => h.code === "payment_not_confirmed"),
  );
}

function queueRow(page: Page, externalId: string) {
  return page.getByRole("row").filter({ has: page.getByRole("link", { name: externalId, exact: true }) });
}

test.describe("exception queue", () => {
  test("lists held orders with their reasons and filters them", async ({ merchantPage: page, request }, testInfo) => {
    const held = await heldOrders(request);
    expect(held.length, "the demo seed holds some orders").toBeGreaterThan(0);

    await page.goto("/console/");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "On hold" }).click();
    await expect(page).toHaveURL(/\/console\/exceptions$/);
    await expect(page.getByRole("heading", { level: 1, name: "Exception queue" })).toBeVisible();
    await expect(page.getByText(`${held.length} ${held.length === 1 ? "order" : "orders"} on hold`)).toBeVisible();

    for (const order of held.slice(0, 10)) {
      const row = queueRow(page, order.externalId);
      await expect(row).toBeVisible();
      for (const hold of order.holds) {
        await expect(row.locator(`[data-hold-code="${hold.code}"]`)).toContainText(hold.message);
      }
      await expect(row.locator("time.cf-age")).toHaveText(/\d/);
    }
    const tabs = page.getByRole("navigation", { name: "Hold reasons" });
    if (held.some((order) => order.holds.some((hold) => hold.code === "payment_not_confirmed")))
      await expect(tabs.getByRole("link", { name: /Payment not confirmed/ })).toBeVisible();
    await shot(page, testInfo, "exceptions");

    // Reason tabs: only orders held for that reason remain.
    await tabs
      .getByRole("link")
      .filter({ hasNot: page.getByText("All reasons") })
      .first()
      .click();
    await expect(page).toHaveURL(/reason=/);
    const reason = new URL(page.url()).searchParams.get("reason")!;
    const expected = held.filter((order) => order.holds.some((hold) => hold.code === reason));
    await expect(page.locator("tbody tr")).toHaveCount(expected.length);
    for (const row of await page.locator("tbody tr").all())
      await expect(row.locator(`[data-hold-code="${reason}"]`)).toBeVisible();

    // Destination filter (a GET form): only that country's held orders.
    await tabs.getByRole("link", { name: /All reasons/ }).click();
    await expect(page).not.toHaveURL(/reason=/);
    await expect(page.locator("tbody tr")).toHaveCount(held.length);
    const country = held[0]!.country;
    await page.getByRole("combobox", { name: "Destination" }).selectOption(country);
    await expect(page).toHaveURL(new RegExp(`country=${country}`));
    await expect(page.locator("tbody tr")).toHaveCount(held.filter((order) => order.country === country).length);
    await shot(page, testInfo, "exceptions-by-country");
  });

  test("a viewer sees the queue and the holds but no actions", async ({ browser, request }, testInfo) => {
    const held = await heldOrders(request);
    expect(held.length, "the demo seed holds some orders").toBeGreaterThan(0);
    const context = await browser.newContext();
    await signIn(context, request, "merchant", "viewer");
    const page = await context.newPage();

    await page.goto("/console/exceptions");
    await expect(page.getByRole("heading", { level: 1, name: "Exception queue" })).toBeVisible();
    await expect(page.getByText("You can look at the queue.")).toBeVisible();
    await expect(queueRow(page, held[0]!.externalId)).toBeVisible();
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    for (const name of ["Accept and continue", "Retry", "Cancel selected"])
      await expect(page.getByRole("button", { name })).toHaveCount(0);
    await shot(page, testInfo, "exceptions-viewer");

    await page.goto(`/console/orders/${held[0]!.id}`);
    await expect(page.getByRole("heading", { name: "This order is on hold" })).toBeVisible();
    await expect(page.locator(`[data-hold-code="${held[0]!.holds[0]!.code}"]`)).toBeVisible();
    await expect(page.getByText("Only operators, admins and owners can release or cancel orders.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
    await expect(page.getByLabel("Reason for cancelling")).toHaveCount(0);
    await shot(page, testInfo, "order-on-hold-viewer");
    await context.close();
  });

  test("accepting a payment hold lets the order continue to its label", async ({
    merchantPage: page,
    request,
  }, testInfo) => {
    const order = paymentHeld(await heldOrders(request))[0];
    expect(order, "the demo seed holds an order for its pending payment").toBeTruthy();
    if (!order) return;

    await page.goto(`/console/orders/${order.id}`);
    await expect(page.getByRole("heading", { name: "This order is on hold" })).toBeVisible();
    await expect(page.locator('[data-hold-code="payment_not_confirmed"]')).toContainText(order.holds[0]!.message);
    await page
      .getByRole("form", { name: "Decide" })
      .getByLabel("Note (optional)")
      .fill("Paid by bank transfer, checked by hand");
    await shot(page, testInfo, "order-on-hold");
    await page.getByRole("button", { name: "Accept the payment as it stands" }).click();

    await expect(page).toHaveURL(new RegExp(`/console/orders/${order.id}$`));
    await expect(page.getByRole("status").filter({ hasText: "Hold released" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "This order is on hold" })).toHaveCount(0);

    // The pipeline continues on its own; reload until the order shows where it went.
    const status = page.locator(".cf-page-title [data-status]");
    await expect(async () => {
      await page.reload();
      await expect(status).toHaveAttribute("data-status", PAST_THE_LABEL, { timeout: 1_000 });
    }).toPass({ timeout: 15_000, intervals: [500, 1_000] });
    await expect(page.getByText("Paid by bank transfer, checked by hand").first()).toBeVisible();
    await shot(page, testInfo, "order-released");

    await page.goto("/console/exceptions");
    await expect(queueRow(page, order.externalId)).toHaveCount(0);
  });

  test("cancels a held order from the queue with a plain form post (no JavaScript)", async ({
    browser,
    request,
  }, testInfo) => {
    const held = await heldOrders(request);
    const order = paymentHeld(held)[0] ?? held[0];
    expect(order, "the demo seed still holds an order to cancel").toBeTruthy();
    if (!order) return;
    const context = await browser.newContext({ javaScriptEnabled: false });
    await signIn(context, request, "merchant");
    const page = await context.newPage();

    await page.goto("/console/exceptions");
    await page.getByRole("checkbox", { name: `Select order ${order.externalId}` }).check();
    await page.getByLabel("Reason for cancelling").fill("Customer asked to cancel");
    await page.getByRole("button", { name: "Cancel selected" }).click();

    const results = page.getByRole("status").filter({ hasText: "1 of 1 order updated" });
    await expect(results).toBeVisible();
    await expect(results.getByRole("listitem").filter({ hasText: order.externalId })).toContainText("Cancelled");
    await expect(queueRow(page, order.externalId)).toHaveCount(0);
    await shot(page, testInfo, "exceptions-cancelled");

    const after = (await merchantOrders(request, `q=${encodeURIComponent(order.externalId)}`)).find(
      (o) => o.id === order.id,
    );
    expect(after?.status).toBe("cancelled");
    await page.goto(`/console/orders/${order.id}`);
    await expect(page.locator(".cf-page-title [data-status]")).toHaveAttribute("data-status", "cancelled");
    await expect(page.getByText("Customer asked to cancel").first()).toBeVisible();
    await context.close();
  });
  test("correcting a vague address from the order page lets the order continue", async ({
    merchantPage: page,
    request,
  }, testInfo) => {
    const order = (await heldOrders(request)).find((o) => o.externalId === "DEMO-9002");
    expect(order, "the demo seed holds DEMO-9002 for its address").toBeTruthy();
    if (!order) return;

    await page.goto(`/console/orders/${order.id}`);
    const form = page.getByRole("form", { name: "Correct and release" });
    await form.getByText("Edit the shipping address").click();
    await expect(form.getByLabel("Postal code")).toHaveValue("1011");
    await form.getByLabel("Name", { exact: true }).fill("Karin Becker");
    await form.getByLabel("Street and number").fill("Unter den Linden 77");
    await form.getByLabel("Postal code").fill("10117");
    await expect(form.getByLabel("Ship with carrier")).toContainText("DHL Express");
    await shot(page, testInfo, "order-correct-address");
    await form.getByRole("button", { name: "Apply and release" }).click();

    await expect(page.getByRole("status").filter({ hasText: "Hold released" })).toBeVisible();
    const status = page.locator(".cf-page-title [data-status]");
    await expect(async () => {
      await page.reload();
      await expect(status).toHaveAttribute("data-status", PAST_THE_LABEL, { timeout: 1_000 });
    }).toPass({ timeout: 20_000, intervals: [500, 1_000] });
    await expect(page.getByText("Unter den Linden 77").first()).toBeVisible();
    await expect(page.getByText(/Corrected by a person: address → Unter den Linden 77/).first()).toBeVisible();
    await shot(page, testInfo, "order-corrected");
  });
});
