import { expect, shot, signIn, test } from "./fixtures";

// The merchant console's rules page. The demo seed publishes 5 rules as version 1; the
// editing test publishes a new version, so it needs a freshly seeded server (the default
// e2e web server is one).

test.describe("rules", () => {
  test("shows the published rules in words, grouped by kind", async ({ merchantPage: page }, testInfo) => {
    await page.goto("/console/");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Rules" }).click();
    await expect(page).toHaveURL(/\/console\/rules$/);
    await expect(page.getByRole("heading", { level: 1, name: /Rules/ })).toBeVisible();
    await expect(page.getByTestId("rules-published")).toContainText("Version 1 published");

    const routing = page.getByRole("list", { name: "Routing" });
    await expect(routing.locator("[data-rule-id=heavy_by_dhl]")).toContainText(
      "When weight > 2,000 g → use DHL Express",
    );
    await expect(page.getByRole("list", { name: "Allocation" })).toContainText(
      "When destination in the EU → ship from FRA1 → SZX1",
    );
    await expect(page.getByRole("list", { name: "Exceptions" })).toContainText(
      "SKU tags include battery and destination region is OCEANIA → hold for review",
    );
    await expect(page.getByRole("list", { name: "Actions" })).toContainText("When SKU tags include electronics");
    await expect(page.locator("[data-rule-id]")).toHaveCount(5);
    await shot(page, testInfo, "rules");
  });

  test("viewers see the rules read-only", async ({ page, context, request }) => {
    await signIn(context, request, "merchant", "viewer");
    await page.goto("/console/rules");
    await expect(page.locator("[data-rule-id=heavy_by_dhl]")).toContainText("use DHL Express");
    await expect(page.getByText(/You can view the rules/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
  });

  test("adds an exception rule, tries it and publishes version 2", async ({ merchantPage: page }, testInfo) => {
    await page.goto("/console/rules");
    await page.getByRole("button", { name: "Add Exceptions rule" }).click();
    const editor = page.getByRole("region", { name: "Rule editor" });
    await editor.getByLabel("Name").fill("Hold orders over 100 EUR");
    await editor.getByLabel("Fact").selectOption("orderValue");
    // Only the operators of a money fact are offered.
    await expect(editor.getByLabel("Comparison").locator("option", { hasText: "contains" })).toHaveCount(0);
    await editor.getByLabel("Comparison").selectOption("gt");
    await editor.getByLabel("Value", { exact: true }).fill("100");
    await expect(editor.getByLabel("Currency")).toHaveValue("EUR");

    // A hold without a code: the API's error shows next to the field.
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The draft was not saved" })).toBeVisible();
    await expect(editor.getByText("a hold needs a message for the reviewer")).toBeVisible();

    await editor.getByLabel("Hold code").fill("big_order_review");
    await editor.getByLabel("Message for the reviewer").fill("Orders over 100 EUR need a second look");
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("list", { name: "Exceptions" })).toContainText(
      "When order value > €100.00 → hold for review: Orders over 100 EUR need a second look",
    );

    await page.getByRole("button", { name: "Try on last 100 orders" }).click();
    await expect(page.getByRole("heading", { name: "Trial run on recent orders" })).toBeVisible();
    const changed = Number(await page.locator(".cf-dryrun-stats div").nth(1).locator("dd").textContent());
    expect(changed, "some demo orders are over 100 EUR").toBeGreaterThan(0);
    await expect(page.locator("table").first().locator("tbody tr")).toHaveCount(changed);
    await expect(page.locator("table").first().locator("tbody tr").first()).toContainText(
      "hold big_order_review: Orders over 100 EUR need a second look",
    );
    await shot(page, testInfo, "rules-dry-run");

    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText("Version 2 published", { exact: true })).toBeVisible();
    await expect(page.getByTestId("rules-published")).toContainText("Version 2 published");
    await expect(page.locator("[data-rule-id=hold_orders_over_100_eur]")).toBeVisible();

    // Publishing the same rules again is refused with the API's 409 message.
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Nothing was published" })).toBeVisible();
    await shot(page, testInfo, "rules-published");
  });
});
