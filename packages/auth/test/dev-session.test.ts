import { describe, expect, it } from "vitest";
import { createSessionToken, devSignInAllowed, readSessionToken } from "../src/dev-session";
import { parseCookies } from "../src/session";

describe("dev session cookie", () => {
  const secret = "test-secret";

  it("round-trips the user id", () => {
    expect(readSessionToken(createSessionToken("usr_1", secret), secret)).toBe("usr_1");
  });

  it("rejects a tampered, foreign or expired token", () => {
    const token = createSessionToken("usr_1", secret);
    const [body, sig] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ sub: "usr_admin", exp: 9e9 })).toString("base64url")}.${sig}`;
    expect(readSessionToken(forged, secret)).toBeNull();
    expect(readSessionToken(`${body}.${sig}x`, secret)).toBeNull();
    expect(readSessionToken(token, "other-secret")).toBeNull();
    expect(readSessionToken(createSessionToken("usr_1", secret, 0), secret)).toBeNull();
    expect(readSessionToken("garbage", secret)).toBeNull();
  });

  it("is refused in production and when Clerk is configured", () => {
    expect(devSignInAllowed({ NODE_ENV: "development" })).toBe(true);
    expect(devSignInAllowed({ NODE_ENV: "production" })).toBe(false);
    expect(devSignInAllowed({ CLERK_JWT_KEY: "pem" })).toBe(false);
  });

  it("parses cookie headers", () => {
    expect(parseCookies("a=1; cf_session=x.y; b=%20z")).toEqual({ a: "1", cf_session: "x.y", b: " z" });
  });
});
