import { describe, expect, it } from "vitest";
import { notificationSettingsSchema } from "./settings";

describe("notification settings", () => {
  it("defaults to every e-mail on with no branding", () => {
    expect(notificationSettingsSchema.parse({})).toEqual({ brand: {}, disabled: [] });
  });
  it("names the field at fault", () => {
    const result = notificationSettingsSchema.safeParse({
      brand: { color: "blue", logoUrl: "ftp://x", replyTo: "nope" },
      disabled: ["shipped", "sms"],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["brand.color", "brand.logoUrl", "brand.replyTo", "disabled.1"]));
  });
});
