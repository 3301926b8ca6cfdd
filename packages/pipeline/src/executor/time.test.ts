import { describe, expect, it } from "vitest";
import { exponentialBackoff, parseRetryAfter, parseTimeString, resolveDeadline } from "./time";

describe("time strings", () => {
  it("parses Inngest durations", () => {
    expect(parseTimeString("300ms")).toBe(300);
    expect(parseTimeString("2h45m")).toBe(9_900_000);
    expect(parseTimeString("1d")).toBe(86_400_000);
    expect(parseTimeString("1w1s")).toBe(604_801_000);
    expect(parseTimeString("soon")).toBeUndefined();
  });

  it("resolves sleep and sleepUntil deadlines", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    expect(resolveDeadline("1m", now).toISOString()).toBe("2030-01-01T00:01:00.000Z");
    expect(resolveDeadline("2030-02-01T10:00:00.000Z", now).toISOString()).toBe("2030-02-01T10:00:00.000Z");
    expect(() => resolveDeadline("whenever", now)).toThrow();
  });

  it("reads Retry-After and backs off exponentially", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter("2030-01-01T00:00:05.000Z", now)).toBe(5_000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    const backoff = exponentialBackoff(1000, 5000);
    for (let i = 0; i < 20; i++) {
      expect(backoff(1)).toBeGreaterThanOrEqual(800);
      expect(backoff(1)).toBeLessThanOrEqual(1200);
      expect(backoff(10)).toBeLessThanOrEqual(6000);
    }
  });
});
