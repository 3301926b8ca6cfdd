import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, loadSecretBox, SecretBoxError } from "./secret-box";

const key = () => randomBytes(32);

describe("secret box", () => {
  it("round-trips and never stores the plaintext", () => {
    const box = createSecretBox({ k1: key() }, "k1");
    const sealed = box.seal('{"apiKey":"shpat_123"}', "ten_a");
    expect(sealed).not.toContain("shpat_123");
    expect(box.open(sealed, "ten_a")).toBe('{"apiKey":"shpat_123"}');
    expect(box.seal("x", "ten_a")).not.toBe(box.seal("x", "ten_a"));
  });

  it("refuses another tenant's context, a flipped byte and a wrong key", () => {
    const box = createSecretBox({ k1: key() }, "k1");
    const sealed = box.seal("secret", "ten_a");
    expect(() => box.open(sealed, "ten_b")).toThrow(SecretBoxError);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    expect(() => box.open([...parts.slice(0, 3), body.toString("base64url")].join("."), "ten_a")).toThrow(
      SecretBoxError,
    );
    expect(() => createSecretBox({ k1: key() }, "k1").open(sealed, "ten_a")).toThrow(SecretBoxError);
  });

  it("opens values sealed with an older key after rotation", () => {
    const old = key();
    const sealed = createSecretBox({ k1: old }, "k1").seal("secret", "t");
    const rotated = createSecretBox({ k2: key(), k1: old }, "k2");
    expect(rotated.open(sealed, "t")).toBe("secret");
    expect(rotated.seal("secret", "t").split(".")[1]).toBe("k2");
  });

  it("reads keys from the environment and insists on them in production", () => {
    const k = key().toString("base64");
    const box = loadSecretBox("/nonexistent/never-written", { CROSSFLOW_SECRET_KEYS: `prod:${k}` });
    expect(box.open(box.seal("v", "c"), "c")).toBe("v");
    expect(() => loadSecretBox("/nonexistent/x", { NODE_ENV: "production" })).toThrow(/CROSSFLOW_SECRET_KEYS/);
  });
});
