export interface StoredDocument {
  bytes: Buffer;
  contentType: string;
}

/** Where rendered documents and labels are kept, by key such as `ten_1/shp_2/commercial_invoice.pdf`. */
export interface DocumentStorage {
  put(key: string, bytes: Buffer | Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<StoredDocument | null>;
}

export class InvalidStorageKeyError extends Error {
  constructor(key: string, reason: string) {
    super(`Invalid document key ${JSON.stringify(key)}: ${reason}`);
    this.name = "InvalidStorageKeyError";
  }
}

/**
 * Keys are relative, slash-separated paths of plain segments: no absolute paths, no `.`/`..`
 * segments, no backslashes or control characters, so a key can never leave its root or prefix.
 */
export function assertValidKey(key: string): void {
  if (typeof key !== "string" || key.length === 0) throw new InvalidStorageKeyError(String(key), "empty");
  if (key.length > 1024) throw new InvalidStorageKeyError(key, "longer than 1024 characters");
  if (key.startsWith("/")) throw new InvalidStorageKeyError(key, "absolute path");
  if (key.includes("\\")) throw new InvalidStorageKeyError(key, "backslash");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(key)) throw new InvalidStorageKeyError(key, "control character");
  for (const segment of key.split("/")) {
    if (segment === "") throw new InvalidStorageKeyError(key, "empty path segment");
    if (segment === "." || segment === "..") throw new InvalidStorageKeyError(key, "relative path segment");
  }
}
