import type { Page } from "@playwright/test";
import { expect, shot, signIn, test } from "./fixtures";

// The merchant console's settings page: risk screening and payment policy. The tests put the
// review threshold and the payment policy back the way they found them, so later specs on
// the same server see the seed's settings.

/** Waits until the page's scripts have loaded and run, so typing is not raced by hydration. */
const settled = (page: Page) => page.waitForLoadState("networkidle");

test.describe("settings", () => {
  test("the owner adds a deny-listed email, changes the review threshold and the value lines", async ({
    merchantPage: page,
  }, testInfo) => {
    await page.goto("/console/");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/console\/settings$/);
    await settled(page);
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    const risk = page.getByRole("form", { name: "Risk screening" });
    await expect(risk.getByLabel("Review threshold")).toHaveValue("50");
    await expect(risk.getByRole("list", { name: "Saved high-risk destinations" })).toContainText("Cuba");
    await shot(page, testInfo, "settings");

    await risk.getByLabel("Email addresses").fill("fraud@example.com\nchargeback.king@example.net");
    await risk.getByLabel("Review threshold").fill("65");
    await risk.getByLabel("High-value line", { exact: true }).fill("EUR 1500.00\nJPY 200000\nKWD 300.125");
    await risk.getByRole("button", { name: "Save risk screening" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Risk screening saved" })).toBeVisible();
    await expect(page.getByTestId("settings-updated")).toContainText("Last changed");

    await page.reload();
    await settled(page);
    await expect(risk.getByLabel("Email addresses")).toHaveValue("fraud@example.com\nchargeback.king@example.net");
    await expect(risk.getByLabel("Review threshold")).toHaveValue("65");
    // Major units in, minor units stored, the i18n money formatter out.
    await expect(risk.getByLabel("High-value line", { exact: true })).toHaveValue(
      "EUR 1500.00\nJPY 200000\nKWD 300.125",
    );
    const amounts = risk.getByRole("list", { name: "Saved amounts: High-value line" });
    await expect(amounts).toContainText("€1,500.00");
    await expect(amounts).toContainText("¥200,000");
    await expect(amounts.locator("li")).toHaveCount(3);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, testInfo, "settings-saved");

    // Put the threshold back so orders in later specs are screened as seeded.
    await risk.getByLabel("Review threshold").fill("50");
    await risk.getByRole("button", { name: "Save risk screening" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Risk screening saved" })).toBeVisible();
    await expect(risk.getByLabel("Review threshold")).toHaveValue("50");
  });

  test("an invalid country code and a bad amount show the field errors and keep the input", async ({
    merchantPage: page,
  }, testInfo) => {
    await page.goto("/console/settings");
    await settled(page);
    const risk = page.getByRole("form", { name: "Risk screening" });
    await risk.getByLabel("Country codes").fill("CU, IR, XX");
    await risk.getByRole("button", { name: "Save risk screening" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The risk screening was not saved" })).toBeVisible();
    await expect(risk.getByText("“XX” is not a country code")).toBeVisible();
    await expect(risk.getByLabel("Country codes")).toHaveValue("CU, IR, XX");
    await expect(risk.getByLabel("Country codes")).toHaveAttribute("aria-invalid", "true");
    // The first field at fault has the focus.
    await expect(risk.getByLabel("Country codes")).toBeFocused();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, testInfo, "settings-error");

    // Checked before it is sent: more decimals than the currency has.
    await risk.getByLabel("Country codes").fill("CU, IR");
    await risk.getByLabel("High-value line", { exact: true }).fill("EUR 10.555");
    await risk.getByRole("button", { name: "Save risk screening" }).click();
    await expect(risk.getByText("“EUR 10.555”: EUR has 2 decimal places")).toBeVisible();
    await expect(risk.getByText("is not a country code")).toHaveCount(0);

    // Refused by the API: the record key is not an ISO 4217 code.
    await risk.getByLabel("High-value line", { exact: true }).fill("EUR 1000.00\nXYZ 10.00");
    await risk.getByRole("button", { name: "Save risk screening" }).click();
    await expect(risk.getByText("XYZ is not a currency code")).toBeVisible();
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the owner turns processor verification on and off with a plain form post", async ({
      merchantPage: page,
    }, testInfo) => {
      await page.goto("/console/settings");
      const payment = page.getByRole("form", { name: "Payment policy" });
      const verification = payment.getByLabel("Require verification with the payment processor");
      await expect(verification).not.toBeChecked();
      await verification.check();
      await payment.getByLabel("Hold unpaid orders after (minutes)").fill("0");
      await payment.getByRole("button", { name: "Save payment policy" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "The payment policy was not saved" })).toBeVisible();
      await expect(payment.getByText("Enter a whole number from 1 to 10080")).toBeVisible();
      await expect(payment.getByLabel("Hold unpaid orders after (minutes)")).toBeFocused();
      await expect(payment.getByLabel("Require verification with the payment processor")).toBeChecked();

      await payment.getByLabel("Hold unpaid orders after (minutes)").fill("90");
      await payment.getByRole("button", { name: "Save payment policy" }).click();
      await expect(page.getByText("Payment policy saved")).toBeVisible();
      await page.goto("/console/settings");
      await expect(payment.getByLabel("Require verification with the payment processor")).toBeChecked();
      await expect(payment.getByLabel("Hold unpaid orders after (minutes)")).toHaveValue("90");
      await shot(page, testInfo, "settings-payment-nojs");

      await payment.getByLabel("Require verification with the payment processor").uncheck();
      await payment.getByLabel("Hold unpaid orders after (minutes)").fill("60");
      await payment.getByRole("button", { name: "Save payment policy" }).click();
      await expect(page.getByText("Payment policy saved")).toBeVisible();
      await expect(payment.getByLabel("Require verification with the payment processor")).not.toBeChecked();
    });
  });

  test("a viewer sees the settings read-only", async ({ page, context, request }, testInfo) => {
    await signIn(context, request, "merchant", "viewer");
    await page.goto("/console/settings");
    await expect(page.getByText(/You can view the settings/)).toBeVisible();
    const risk = page.getByRole("form", { name: "Risk screening" });
    await expect(risk.getByLabel("Email addresses")).toHaveValue(/fraud@example\.com/);
    await expect(risk.getByLabel("Email addresses")).toHaveAttribute("readonly", "");
    await expect(risk.getByLabel("Review threshold")).toHaveAttribute("readonly", "");
    await expect(page.getByLabel("Accept authorized payments")).toBeDisabled();
    await expect(page.getByRole("button", { name: /^Save/ })).toHaveCount(0);
    await shot(page, testInfo, "settings-viewer");
  });
});
