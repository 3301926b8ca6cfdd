import { describe, expect, it } from "vitest";
import { DEFAULT_PAYMENT_POLICY } from "./assess";
import { defaultPaymentPolicy, paymentPolicySchema } from "./policy";

const issuePaths = (input: unknown) => {
  const parsed = paymentPolicySchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join("."));
};

describe("paymentPolicySchema", () => {
  it("fills everything left out with the defaults, verification off", () => {
    expect(paymentPolicySchema.parse({})).toEqual({ ...DEFAULT_PAYMENT_POLICY, requireVerification: false });
    expect(defaultPaymentPolicy()).toEqual({
      unpaidHoldAfterMinutes: 60,
      amountToleranceMinor: 0,
      acceptAuthorized: true,
      requireVerification: false,
    });
  });

  it("keeps what the tenant set and defaults the rest", () => {
    expect(paymentPolicySchema.parse({ requireVerification: true, amountToleranceMinor: 5 })).toEqual({
      unpaidHoldAfterMinutes: 60,
      amountToleranceMinor: 5,
      acceptAuthorized: true,
      requireVerification: true,
    });
  });

  it("accepts the edges of the hold window: one minute to one week", () => {
    expect(paymentPolicySchema.parse({ unpaidHoldAfterMinutes: 1 }).unpaidHoldAfterMinutes).toBe(1);
    expect(paymentPolicySchema.parse({ unpaidHoldAfterMinutes: 10080 }).unpaidHoldAfterMinutes).toBe(10080);
  });

  it("names the field at fault", () => {
    expect(issuePaths({ unpaidHoldAfterMinutes: 0 })).toEqual(["unpaidHoldAfterMinutes"]);
    expect(issuePaths({ unpaidHoldAfterMinutes: 10081 })).toEqual(["unpaidHoldAfterMinutes"]);
    expect(issuePaths({ unpaidHoldAfterMinutes: 30.5 })).toEqual(["unpaidHoldAfterMinutes"]);
    expect(issuePaths({ amountToleranceMinor: -1 })).toEqual(["amountToleranceMinor"]);
    expect(issuePaths({ amountToleranceMinor: 0.5 })).toEqual(["amountToleranceMinor"]);
    expect(issuePaths({ acceptAuthorized: "yes" })).toEqual(["acceptAuthorized"]);
    expect(issuePaths({ requireVerification: 1 })).toEqual(["requireVerification"]);
  });

  it("rejects what is not an object", () => {
    expect(paymentPolicySchema.safeParse(null).success).toBe(false);
    expect(paymentPolicySchema.safeParse([]).success).toBe(false);
  });
});
