import type { Page } from "@playwright/test";
import { expect, shot, test } from "./fixtures";

// The merchant console's catalog: the demo seed's products are all ready for customs, so the
// test first clears one product's HS code through the form, finds it with the issues filter,
// puts the code back with one click on a suggestion, and checks a wrong code's field error.
// It leaves the product as seeded (HS 6109.10), so later specs see the seed's catalog.

const SKU = "TEE-BLK-L";

/** Waits until the page's scripts have loaded and run, so typing is not raced by hydration. */
const settled = (page: Page) => page.waitForLoadState("networkidle");

test.describe("catalog", () => {
  test("a product without an HS code shows up under issues and one click on a suggestion fixes it", async ({
    merchantPage: page,
  }, testInfo) => {
    await page.goto("/console/");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Catalog" }).click();
    await expect(page).toHaveURL(/\/console\/catalog$/);
    await settled(page);
    await expect(page.getByRole("heading", { level: 1, name: "Catalog" })).toBeVisible();
    const table = page.getByRole("table", { name: "Catalog" });
    const tee = table.getByRole("row").filter({ hasText: SKU });
    await expect(tee).toContainText("6109.10");
    await expect(tee).toContainText("China");
    await expect(tee).toContainText("$8.00");
    await expect(tee).toContainText("240 g");
    await expect(tee).toContainText("Customs ready");
    await shot(page, testInfo, "catalog");

    // Search, then open the product.
    await page.getByRole("searchbox", { name: "Search the catalog" }).fill("black");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/q=black/);
    await expect(table.getByRole("row")).toHaveCount(2);
    await table.getByRole("link", { name: SKU }).click();
    await expect(page).toHaveURL(new RegExp(`/console/catalog/${SKU}$`));
    await settled(page);
    await expect(page.getByRole("heading", { level: 1, name: "Cotton T-shirt black L" })).toBeVisible();

    // Clear the HS code: the product now has one customs issue.
    const profile = page.getByRole("form", { name: "Customs profile" });
    await expect(profile.getByLabel("HS code")).toHaveValue("6109.10");
    await profile.getByLabel("HS code").fill("");
    await profile.getByRole("button", { name: "Save customs profile" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Customs profile saved" })).toBeVisible();
    const issues = page.getByRole("list", { name: "What customs still needs" });
    await expect(issues).toContainText("The HS code is missing.");
    await expect(page.getByText("1 issue", { exact: true })).toBeVisible();

    // The issues filter finds it, and only it.
    await page.getByRole("link", { name: "Catalog" }).first().click();
    await page
      .getByRole("navigation", { name: "Show products" })
      .getByRole("link", { name: /Only with issues/ })
      .click();
    await expect(page).toHaveURL(/issues=1/);
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("row").nth(1)).toContainText(SKU);
    await expect(table.getByRole("row").nth(1)).toContainText("1 issue");
    await expect(table.getByRole("row").nth(1)).toContainText("Missing");
    await shot(page, testInfo, "catalog-issues");

    // The suggestions say which words matched; one click stores the code.
    await table.getByRole("link", { name: SKU }).click();
    await settled(page);
    const suggestions = page.getByRole("list", { name: "HS code suggestions" });
    const tShirts = suggestions.locator('li[data-hs-code="610910"]');
    await expect(tShirts).toContainText("6109.10");
    await expect(tShirts).toContainText("T-shirts");
    await expect(tShirts.locator("mark").first()).toBeVisible();
    await expect(tShirts.locator(".cf-catalog__matched mark")).toContainText(["tshirt", "cotton"]);
    await shot(page, testInfo, "catalog-product");

    await tShirts.getByRole("button", { name: "Use this code" }).click();
    await expect(page.getByRole("status").filter({ hasText: "HS code 6109.10 saved" })).toBeVisible();
    await expect(page.getByText("This product is ready for customs.")).toBeVisible();
    await expect(page.getByRole("list", { name: "What customs still needs" })).toHaveCount(0);
    await expect(profile.getByLabel("HS code")).toHaveValue("6109.10");
    await expect(tShirts).toContainText("Current code");
    await shot(page, testInfo, "catalog-accepted");

    await page.goto("/console/catalog?issues=1");
    await expect(page.getByText("Every product is ready for customs")).toBeVisible();
  });

  test("a wrong HS code shows the field error next to the field and changes nothing", async ({
    merchantPage: page,
  }, testInfo) => {
    await page.goto(`/console/catalog/${SKU}`);
    await settled(page);
    const profile = page.getByRole("form", { name: "Customs profile" });
    await profile.getByLabel("HS code").fill("9999.99");
    await profile.getByRole("button", { name: "Save customs profile" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The customs profile was not saved" })).toBeVisible();
    await expect(profile.getByText("This HS code is not valid.")).toBeVisible();
    await expect(profile.getByText(/Chapter 99/)).toBeVisible();
    await expect(profile.getByLabel("HS code")).toHaveValue("9999.99");
    await expect(profile.getByLabel("HS code")).toHaveAttribute("aria-invalid", "true");
    await expect(profile.getByLabel("HS code")).toBeFocused();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, testInfo, "catalog-error");

    await page.reload();
    await expect(profile.getByLabel("HS code")).toHaveValue("6109.10");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the form posts and shows a generic description's error", async ({ merchantPage: page }) => {
      await page.goto(`/console/catalog/${SKU}`);
      const profile = page.getByRole("form", { name: "Customs profile" });
      await profile.getByLabel("Customs description").fill("Gift");
      await profile.getByRole("button", { name: "Save customs profile" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "The customs profile was not saved" })).toBeVisible();
      await expect(profile.getByText("Customs will not accept this description.")).toBeVisible();
      await expect(profile.getByText(/too vague for customs/)).toBeVisible();
      await expect(profile.getByLabel("Customs description")).toHaveValue("Gift");
    });
  });
});
