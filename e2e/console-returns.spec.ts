import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import { expect, merchantOrders, type OrderSummary, shot, signIn, test } from "./fixtures";

// The console's returns: the policy form (a low four-eyes threshold), a return a shopper
// started in the portal, the warehouse's inspection and the computed refund, the refund
// requested by Lukas (operator), who cannot approve it himself, and approved by Mia (owner).

test.describe.configure({ mode: "serial" });

async function as(context: BrowserContext, request: APIRequestContext, role: "owner" | "operator") {
  await context.clearCookies();
  return signIn(context, request, "merchant", role);
}

/** A shipped order (the demo carrier has picked it up), waited for if none is yet. */
async function shippedOrder(request: APIRequestContext): Promise<OrderSummary> {
  let found: OrderSummary | undefined;
  await expect
    .poll(
      async () => {
        const orders = await merchantOrders(request, "limit=200");
        found = orders.find((o) => ["handed_over", "in_transit", "delivered"].includes(o.status));
        return Boolean(found);
      },
      { timeout: 200_000, intervals: [5_000], message: "the demo carrier picks a parcel up" },
    )
    .toBe(true);
  return found!;
}

/** The shopper's side through the portal API: the signed link from the lookup, then the return. */
async function shopperReturn(request: APIRequestContext, order: OrderSummary) {
  const lookup = await request.post("/app/portal/lookup", {
    data: { orderNumber: order.externalId, email: order.customerEmail },
  });
  expect(lookup.status()).toBe(200);
  const { token } = (await lookup.json()) as { token: string };
  const options = (await (await request.get(`/app/portal/orders/${token}/returns/options`)).json()) as {
    eligible: boolean;
    lines: Array<{ sku: string; returnableQuantity: number }>;
  };
  expect(options.eligible).toBe(true);
  const line = options.lines.find((l) => l.returnableQuantity > 0)!;
  const created = await request.post(`/app/portal/orders/${token}/returns`, {
    data: { lines: [{ sku: line.sku, quantity: 1, reason: "damaged", note: "Cracked on arrival" }] },
  });
  expect(created.status()).toBe(201);
  return { ...((await created.json()) as { id: string; rma: string; labelUrl: string }), sku: line.sku };
}

async function openReturn(page: Page, rma: string) {
  await page.goto("/console/returns");
  await page.getByRole("link", { name: rma }).click();
  await expect(page.getByRole("heading", { level: 1, name: rma })).toBeVisible();
}

test("returns: policy, inspection, refund with a second approver", async ({ page, context, request }, testInfo) => {
  test.setTimeout(300_000);
  const order = await shippedOrder(request);

  // Mia (owner) sets the policy: every refund needs a second person.
  await as(context, request, "owner");
  await page.goto("/console/returns");
  await expect(page.getByRole("heading", { level: 1, name: "Returns" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Returns" }),
  ).toHaveAttribute("aria-current", "page");
  for (const currency of ["EUR", "GBP", "USD"]) await page.locator(`#rp-threshold-${currency}`).fill("1.00");
  await page.locator("#rp-window").fill("45");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Return policy saved")).toBeVisible();
  await expect(page.locator("#rp-window")).toHaveValue("45");
  await expect(page.locator("#rp-threshold-EUR")).toHaveValue("1.00");
  await shot(page, testInfo, "returns-policy");

  const ret = await shopperReturn(request, order);
  expect(ret.rma).toMatch(new RegExp(`^RMA-${order.externalId}-\\d+$`));

  // Lukas (operator) inspects what arrived and asks for the refund.
  await as(context, request, "operator");
  await page.goto("/console/returns?status=approved");
  const row = page.getByRole("row").filter({ hasText: ret.rma });
  await expect(row).toContainText("Approved");
  await expect(row).toContainText(order.externalId);
  await shot(page, testInfo, "returns-list");
  await openReturn(page, ret.rma);
  await expect(page.getByText("Arrived damaged")).toBeVisible();
  await expect(page.getByText("“Cracked on arrival”")).toBeVisible();
  await expect(page.getByRole("link", { name: "Return label (PDF)" })).toBeVisible();
  const label = await request.get(
    (await page.getByRole("link", { name: "Return label (PDF)" }).getAttribute("href")) ?? "",
  );
  expect(label.headers()["content-type"]).toBe("application/pdf");

  await page.locator("#received-0").fill("1");
  await page.locator("#condition-0").selectOption("damaged");
  await page.getByRole("button", { name: "Record the inspection" }).click();
  await expect(page.getByText("Refund total")).toBeVisible();
  await expect(page.getByTestId("refund-total")).not.toHaveText("");
  await expect(page.getByText(/a second person has to approve the refund/)).toBeVisible();
  await page.getByRole("button", { name: "Request refund" }).click();
  await expect(page.getByText("Waiting for a second approver")).toBeVisible();
  await expect(page.getByTestId("four-eyes-own")).toHaveText(/cannot approve it yourself/);
  await expect(page.getByRole("button", { name: "Approve refund" })).toHaveCount(0);
  await shot(page, testInfo, "return-four-eyes-own-request");

  // The refund cannot be approved by Lukas through the API either.
  const refused = await request.post(`/app/returns/${ret.id}/approve-refund`);
  expect(refused.status()).toBe(403);

  // Mia approves; the demo orders' payments are not Stripe-connected here, so the refund is flagged.
  await as(context, request, "owner");
  await openReturn(page, ret.rma);
  await expect(page.getByText("Requested by Lukas Weber.")).toBeVisible();
  await page.getByRole("button", { name: "Approve refund" }).click();
  await expect(page.getByText("Refund flagged: not sent from here")).toBeVisible();
  await expect(page.getByText(/Stripe not connected|Flagged for the channel/)).toBeVisible();
  await shot(page, testInfo, "return-refund-flagged");
  await page.locator("#refund-reference").fill("MANUAL-REFUND-1");
  await page.getByRole("button", { name: "Mark as refunded" }).click();
  await expect(page.locator(".cf-page-header").getByText("Refunded")).toBeVisible();
  await expect(page.getByText("Reference MANUAL-REFUND-1")).toBeVisible();
  await expect(page.getByText("Refund approved by")).toBeVisible();
  await shot(page, testInfo, "return-refunded");
});

test("returns: viewers read the policy but cannot change it", async ({ page, context, request }, testInfo) => {
  await as(context, request, "operator");
  await page.goto("/console/returns");
  await expect(page.getByText("Only owners and admins can change the return policy.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save policy" })).toHaveCount(0);
  await expect(page.locator("#rp-window")).toBeDisabled();
  await page.goto("/console/returns?status=refunded");
  await expect(page.getByRole("row").filter({ hasText: "Refunded" }).first()).toBeVisible();
  await shot(page, testInfo, "returns-operator-readonly");
});
