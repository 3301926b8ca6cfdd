import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { memberRoleFromClerk, verifyClerkSession } from "../src/clerk";

let privateKey: CryptoKey;
let jwtKey: string;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  privateKey = pair.privateKey;
  jwtKey = await exportSPKI(pair.publicKey);
});

function mint(claims: Record<string, unknown>, opts: { expiresIn?: string; key?: CryptoKey } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ azp: "http://localhost:3000", sid: "sess_1", ...claims })
    .setProtectedHeader({ alg: "RS256", kid: "ins_test" })
    .setSubject("user_2abc")
    .setIssuer("https://clerk.example.accounts.dev")
    .setIssuedAt(now - 5)
    .setNotBefore(now - 5)
    .setExpirationTime(opts.expiresIn ?? "5m")
    .sign(opts.key ?? privateKey);
}

describe("Clerk session verification (offline, with the PEM jwtKey)", () => {
  it("accepts a valid v2 token and reads the organization", async () => {
    const token = await mint({ v: 2, o: { id: "org_123", rol: "admin" } });
    expect(await verifyClerkSession(token, { jwtKey, authorizedParties: ["http://localhost:3000"] })).toEqual({
      userId: "user_2abc",
      orgId: "org_123",
      orgRole: "org:admin",
    });
  });

  it("reads v1 org claims", async () => {
    const token = await mint({ org_id: "org_9", org_role: "org:member" });
    expect(await verifyClerkSession(token, { jwtKey })).toMatchObject({ orgId: "org_9", orgRole: "org:member" });
  });

  it("rejects a token signed by another key", async () => {
    const other = await generateKeyPair("RS256");
    const token = await mint({ o: { id: "org_1", rol: "admin" } }, { key: other.privateKey });
    expect(await verifyClerkSession(token, { jwtKey })).toBeNull();
  });

  it("rejects an expired token and one from an unauthorized party", async () => {
    const expired = await mint({}, { expiresIn: "-1m" });
    expect(await verifyClerkSession(expired, { jwtKey })).toBeNull();
    const foreign = await mint({ azp: "https://evil.example" });
    expect(await verifyClerkSession(foreign, { jwtKey, authorizedParties: ["http://localhost:3000"] })).toBeNull();
  });

  it("maps Clerk org roles to member roles", () => {
    expect(memberRoleFromClerk("org:admin")).toBe("admin");
    expect(memberRoleFromClerk("org:member")).toBe("operator");
    expect(memberRoleFromClerk(null)).toBe("operator");
  });
});
