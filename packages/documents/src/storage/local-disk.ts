import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertValidKey, type DocumentStorage, InvalidStorageKeyError, type StoredDocument } from "./types";

const META_SUFFIX = ".meta.json";

/** Documents as files under `rootDir`, each with a `.meta.json` sidecar holding its content type. */
export class LocalDiskStorage implements DocumentStorage {
  readonly rootDir: string;

  constructor(rootDir: string) {
    this.rootDir = path.resolve(rootDir);
  }

  private pathFor(key: string): string {
    assertValidKey(key);
    if (key.endsWith(META_SUFFIX)) throw new InvalidStorageKeyError(key, `ends with ${META_SUFFIX}`);
    const file = path.resolve(this.rootDir, ...key.split("/"));
    // Belt and braces after the key check: the resolved file must stay inside the root.
    if (!file.startsWith(this.rootDir + path.sep)) throw new InvalidStorageKeyError(key, "outside the storage root");
    return file;
  }

  async put(key: string, bytes: Buffer | Uint8Array, contentType: string): Promise<void> {
    const file = this.pathFor(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a PDF.
    const suffix = `.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(file + suffix, bytes);
    await writeFile(file + META_SUFFIX + suffix, JSON.stringify({ contentType }));
    await rename(file + META_SUFFIX + suffix, file + META_SUFFIX);
    await rename(file + suffix, file);
  }

  async get(key: string): Promise<StoredDocument | null> {
    const file = this.pathFor(key);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    let contentType = "application/octet-stream";
    try {
      contentType = JSON.parse(await readFile(file + META_SUFFIX, "utf8")).contentType ?? contentType;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    return { bytes, contentType };
  }
}
