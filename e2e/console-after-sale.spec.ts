import type { APIRequestContext } from "@playwright/test";
import { expect, merchantOrders, pipelineSettled, shot, signIn, test } from "./fixtures";

// After the label: the order page's shipments (tracking number, state, label downloads,
// documents, e-mails), the customer e-mail outbox and the tickets page. The e2e server's demo
// tenant runs its orders to label_created with the demo carrier; its e-mails go to the outbox.

interface OrderDetail {
  id: string;
  externalId: string;
  shipments: Array<{ id: string; trackingNumber: string | null; status: string; carrier: string }>;
  documents: Array<{ id: string; kind: string; contentType: string }>;
}

interface OutboxEmail {
  id: string;
  orderId: string | null;
  event: string;
  subject: string;
  status: string;
  toAddress: string;
}

/** An order with a booked label, once the pipeline has got that far. */
async function labelledOrder(request: APIRequestContext): Promise<OrderDetail> {
  await pipelineSettled(request);
  let found: OrderDetail | null = null;
  await expect
    .poll(
      async () => {
        const [order] = await merchantOrders(request, "status=label_created&limit=5");
        if (!order) return false;
        found = (await (await request.get(`/app/orders/${order.id}`)).json()) as OrderDetail;
        return found.shipments.some((shipment) => shipment.trackingNumber);
      },
      { timeout: 60_000, message: "an order reaches label_created" },
    )
    .toBe(true);
  return found!;
}

test.describe("after the sale", () => {
  test("the order page shows the shipment, its tracking number and label downloads", async ({
    merchantPage: page,
    context,
    request,
  }, testInfo) => {
    const order = await labelledOrder(request);
    const shipment = order.shipments.find((candidate) => candidate.trackingNumber)!;
    const labels = order.documents.filter((document) => document.kind.startsWith("shipping_label"));
    expect(labels.length, "the label step stores the label as PDF and ZPL").toBe(2);

    await page.goto(`/console/orders/${order.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(order.externalId);
    const card = page.locator(`[data-shipment-id="${shipment.id}"]`);
    await expect(card).toBeVisible();
    await expect(card.locator(".cf-shipment-card__number")).toHaveText(shipment.trackingNumber!);
    await expect(card.locator("[data-shipment-state]")).not.toBeEmpty();
    await expect(card.getByText("Tracking history", { exact: true })).toBeVisible();

    const pdfLink = card.getByRole("link", { name: "PDF", exact: true });
    const zplLink = card.getByRole("link", { name: "ZPL", exact: true });
    await expect(pdfLink).toBeVisible();
    await expect(zplLink).toBeVisible();

    const pdf = await context.request.get((await pdfLink.getAttribute("href"))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const zpl = await context.request.get((await zplLink.getAttribute("href"))!);
    expect(zpl.status()).toBe(200);
    expect(zpl.headers()["content-type"]).toContain("zpl");
    expect((await zpl.text()).trimStart().startsWith("^XA")).toBe(true);

    // The other documents, grouped, each a working link; the labels are not listed twice.
    const documents = page.locator(".cf-doc-groups");
    for (const document of order.documents.filter((d) => !d.kind.startsWith("shipping_label")))
      await expect(documents.locator(`[data-document-kind="${document.kind}"]`)).toHaveAttribute(
        "href",
        `/app/documents/${document.id}`,
      );
    await expect(documents.locator('[data-document-kind^="shipping_label"]')).toHaveCount(0);

    const emails = (await (await request.get(`/app/outbox?orderId=${order.id}`)).json()) as { emails: OutboxEmail[] };
    const emailCard = page.locator(".cf-order-emails");
    for (const email of emails.emails) await expect(page.getByRole("link", { name: email.subject })).toBeVisible();
    if (emails.emails.length === 0) await expect(page.getByText("No e-mails about this order yet.")).toBeVisible();
    else await expect(emailCard).toBeVisible();
    await shot(page, testInfo, "order-shipment");
  });

  test("the outbox lists the order confirmations and shows one as the shopper sees it", async ({
    merchantPage: page,
    request,
  }, testInfo) => {
    await pipelineSettled(request);
    let emails: OutboxEmail[] = [];
    await expect
      .poll(
        async () => {
          emails = ((await (await request.get("/app/outbox")).json()) as { emails: OutboxEmail[] }).emails;
          return emails.filter((email) => email.event === "order_confirmed").length;
        },
        { timeout: 30_000, message: "order confirmations reach the outbox" },
      )
      .toBeGreaterThan(0);

    await page.goto("/console/");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Outbox" }).click();
    await expect(page).toHaveURL(/\/console\/outbox$/);
    await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
    await expect(page.getByText("Nothing leaves this machine")).toBeVisible();
    const rows = page.locator("table tbody tr");
    await expect(rows).not.toHaveCount(0);
    const confirmation = emails.find((email) => email.event === "order_confirmed")!;
    const row = rows.filter({ has: page.getByRole("link", { name: confirmation.subject }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Order confirmed");
    await expect(row).toContainText(confirmation.toAddress);
    await expect(row.locator(`[data-email-status="${confirmation.status}"]`)).toBeVisible();
    await shot(page, testInfo, "outbox");

    await row.getByRole("link", { name: confirmation.subject }).click();
    await expect(page).toHaveURL(new RegExp(`/console/outbox/${confirmation.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(confirmation.subject);
    const frame = page.frameLocator("iframe.cf-email-frame");
    await expect(frame.locator("body")).toContainText("Thanks for your order");
    await expect(page.locator("iframe.cf-email-frame")).toHaveAttribute("sandbox", "");
    await expect(page.locator(".cf-email-text")).toContainText("/portal/o/");
    // The sandboxed frame paints in its own process and is not redrawn when a full-page shot
    // resizes the page: make the window tall enough first.
    await page.setViewportSize({ width: 1280, height: 1200 });
    await page.waitForTimeout(300);
    await shot(page, testInfo, "outbox-email");
  });

  test("the tickets page lists tickets by status; viewers only read", async ({ page, context, request }, testInfo) => {
    await signIn(context, request, "merchant");
    const counts: Record<string, number> = {};
    for (const status of ["open", "pending", "resolved"]) {
      const response = await context.request.get(`/app/tickets?status=${status}`);
      expect(response.ok()).toBeTruthy();
      counts[status] = ((await response.json()) as { tickets: unknown[] }).tickets.length;
    }

    await page.goto("/console/");
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    // The sidebar shows the open count (none at all when nothing is open).
    const badge = nav.getByRole("link", { name: /^Tickets/ }).locator(".cf-nav__count");
    if (counts.open) await expect(badge).toHaveText(String(counts.open));
    else await expect(badge).toHaveCount(0);
    await nav.getByRole("link", { name: /^Tickets/ }).click();
    await expect(page).toHaveURL(/\/console\/tickets$/);
    await expect(page.getByRole("heading", { level: 1, name: "Tickets" })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "Ticket status" });
    for (const [status, label] of [
      ["open", "Open"],
      ["pending", "Pending"],
      ["resolved", "Resolved"],
    ] as const)
      await expect(tabs.getByRole("link", { name: new RegExp(`^${label}\\s*${counts[status]}$`) })).toBeVisible();
    if (counts.open === 0) await expect(page.getByText("No open tickets")).toBeVisible();
    else await expect(page.locator("[data-ticket-id]")).toHaveCount(counts.open!);
    await shot(page, testInfo, "tickets");

    await tabs.getByRole("link", { name: /^Resolved/ }).click();
    await expect(page).toHaveURL(/status=resolved/);
    if (counts.resolved === 0) await expect(page.getByText("No resolved tickets yet")).toBeVisible();

    await context.clearCookies();
    await signIn(context, request, "merchant", "viewer");
    await page.goto("/console/tickets");
    await expect(page.getByText("You can read tickets; operators and admins work on them.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Assign to me" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Resolve" })).toHaveCount(0);
  });
});
