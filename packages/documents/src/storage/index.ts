import path from "node:path";
import { LocalDiskStorage } from "./local-disk";
import { S3Storage } from "./s3";
import type { DocumentStorage } from "./types";

export { LocalDiskStorage } from "./local-disk";
export { S3Storage, S3StorageError, type S3StorageOptions } from "./s3";
export { amzDate, signatureParts, signRequest } from "./sigv4";
export { assertValidKey, type DocumentStorage, InvalidStorageKeyError, type StoredDocument } from "./types";

/**
 * S3 when `S3_BUCKET` is set (with `S3_ACCESS_KEY_ID`/`S3_SECRET_ACCESS_KEY`, or the AWS_*
 * equivalents; `S3_REGION` default us-east-1; `S3_ENDPOINT` for R2/MinIO; `S3_FORCE_PATH_STYLE=1`;
 * `S3_PREFIX`), else files under `DOCUMENTS_DIR` or `defaultDir`.
 */
export function createDocumentStorage(
  env: Record<string, string | undefined> = process.env,
  defaultDir = path.resolve(".data/documents"),
): DocumentStorage {
  const bucket = env.S3_BUCKET?.trim();
  if (bucket) {
    const accessKeyId = env.S3_ACCESS_KEY_ID ?? env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.S3_SECRET_ACCESS_KEY ?? env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) {
      throw new Error("S3_BUCKET is set but S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY (or AWS_*) are missing");
    }
    return new S3Storage({
      bucket,
      region: env.S3_REGION ?? env.AWS_REGION ?? "us-east-1",
      endpoint: env.S3_ENDPOINT || undefined,
      accessKeyId,
      secretAccessKey,
      sessionToken: env.S3_SESSION_TOKEN ?? env.AWS_SESSION_TOKEN,
      forcePathStyle: ["1", "true", "yes"].includes((env.S3_FORCE_PATH_STYLE ?? "").toLowerCase()),
      prefix: env.S3_PREFIX,
    });
  }
  return new LocalDiskStorage(env.DOCUMENTS_DIR?.trim() || defaultDir);
}

/** Content type of a rendered document or label by file extension. */
export function documentContentType(key: string): string {
  if (key.endsWith(".pdf")) return "application/pdf";
  if (key.endsWith(".zpl")) return "application/x-zpl";
  if (key.endsWith(".png")) return "image/png";
  return "application/octet-stream";
}
