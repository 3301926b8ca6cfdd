import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const VERSION = "v1";

/**
 * Seals secrets at rest (channel credentials, webhook secrets) with AES-256-GCM under a key
 * from the environment. A sealed value is `v1.<key id>.<iv>.<ciphertext+tag>` in base64url:
 * the key id lets a new key be introduced while old values are still readable, and the
 * tenant id is bound as associated data so a sealed value copied to another tenant's row
 * does not open.
 */
export interface SecretBox {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}

export class SecretBoxError extends Error {}

export function createSecretBox(keys: Record<string, Buffer>, currentKeyId: string): SecretBox {
  for (const [id, key] of Object.entries(keys)) {
    if (key.length !== 32) throw new SecretBoxError(`Secret key ${id} must be 32 bytes`);
  }
  const current = keys[currentKeyId];
  if (!current) throw new SecretBoxError(`No secret key ${currentKeyId}`);
  return {
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return [VERSION, currentKeyId, iv.toString("base64url"), body.toString("base64url")].join(".");
    },
    open(sealed, context) {
      const [version, keyId, ivText, bodyText] = sealed.split(".");
      if (version !== VERSION || !keyId || !ivText || !bodyText) throw new SecretBoxError("Not a sealed value");
      const key = keys[keyId];
      if (!key) throw new SecretBoxError(`Sealed with unknown key ${keyId}`);
      const body = Buffer.from(bodyText, "base64url");
      if (body.length < 16) throw new SecretBoxError("Sealed value is truncated");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(ivText, "base64url"));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(body.subarray(body.length - 16));
      try {
        return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
      } catch {
        throw new SecretBoxError("Sealed value does not open with this key and context");
      }
    },
  };
}

/**
 * The box from `CROSSFLOW_SECRET_KEYS` ("id:base64key,id2:base64key", the first is used to
 * seal). Outside production, with the variable unset, a key is generated once into
 * `fallbackFile` so the embedded default works with no setup.
 */
export function loadSecretBox(fallbackFile: string, env: NodeJS.ProcessEnv = process.env): SecretBox {
  const spec = env.CROSSFLOW_SECRET_KEYS?.trim();
  if (spec) {
    const entries = spec.split(",").map((part) => {
      const [id, key] = part.trim().split(":");
      if (!id || !key) throw new SecretBoxError('CROSSFLOW_SECRET_KEYS must look like "k1:<base64 32 bytes>"');
      return [id, Buffer.from(key, "base64")] as const;
    });
    return createSecretBox(Object.fromEntries(entries), entries[0]![0]);
  }
  if (env.NODE_ENV === "production") throw new SecretBoxError("CROSSFLOW_SECRET_KEYS must be set in production");
  if (!existsSync(fallbackFile)) {
    mkdirSync(dirname(fallbackFile), { recursive: true });
    writeFileSync(fallbackFile, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return createSecretBox({ dev: Buffer.from(readFileSync(fallbackFile, "utf8").trim(), "base64") }, "dev");
}
