import { describe, expect, it } from "vitest";
import { readTracking, trackingCookie } from "./tracking.server";

describe("tracking cookie", () => {
  it("round-trips the lookup, HttpOnly and scoped to the portal", () => {
    const cookie = trackingCookie(new Request("http://x/portal/"), {
      orderNumber: "DEMO-1001",
      email: "ana.müller@example.de",
    });
    expect(cookie).toMatch(/; HttpOnly; SameSite=Lax$/);
    const value = cookie.split(";")[0];
    expect(value).not.toContain("@");
    expect(
      readTracking(new Request("http://x/portal/track/DEMO-1001", { headers: { Cookie: `a=1; ${value}` } })),
    ).toEqual({
      orderNumber: "DEMO-1001",
      email: "ana.müller@example.de",
    });
  });

  it("is Secure over HTTPS and ignores a damaged cookie", () => {
    expect(trackingCookie(new Request("https://x/portal/"), { orderNumber: "1", email: "a@b.c" })).toContain(
      "; Secure",
    );
    expect(readTracking(new Request("http://x/", { headers: { Cookie: "cf_track=not-base64-json" } }))).toBeNull();
    expect(readTracking(new Request("http://x/"))).toBeNull();
  });
});
