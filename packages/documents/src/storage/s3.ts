import { EMPTY_PAYLOAD_HASH, type SigV4Credentials, sha256Hex, signRequest, uriEncode } from "./sigv4";
import { assertValidKey, type DocumentStorage, type StoredDocument } from "./types";

export interface S3StorageOptions {
  /** e.g. https://s3.eu-central-1.amazonaws.com, https://<account>.r2.cloudflarestorage.com, http://127.0.0.1:9000 */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Path-style URLs (endpoint/bucket/key), as MinIO and most S3-compatible servers want. */
  forcePathStyle?: boolean;
  /** Prefix prepended to every key, e.g. "documents/". */
  prefix?: string;
  fetch?: typeof fetch;
}

export class S3StorageError extends Error {
  constructor(
    readonly status: number,
    readonly operation: string,
    readonly key: string,
    body: string,
  ) {
    super(`S3 ${operation} ${key} failed with HTTP ${status}: ${body.slice(0, 300)}`);
    this.name = "S3StorageError";
  }
}

/** S3 (or any S3-compatible store) over fetch, signed with AWS Signature Version 4; no AWS SDK. */
export class S3Storage implements DocumentStorage {
  private readonly options: S3StorageOptions;
  private readonly credentials: SigV4Credentials;
  private readonly fetch: typeof fetch;

  constructor(options: S3StorageOptions) {
    if (!options.bucket) throw new Error("S3Storage needs a bucket");
    if (!options.accessKeyId || !options.secretAccessKey) throw new Error("S3Storage needs access key id and secret");
    this.options = options;
    this.credentials = {
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      sessionToken: options.sessionToken,
    };
    this.fetch = options.fetch ?? fetch;
  }

  /** The object URL for a key: virtual-hosted style unless forcePathStyle. */
  objectUrl(key: string): URL {
    assertValidKey(key);
    const { bucket, region } = this.options;
    const endpoint = new URL(this.options.endpoint ?? `https://s3.${region}.amazonaws.com`);
    const objectPath = uriEncode(`${this.options.prefix ?? ""}${key}`, false);
    const base = endpoint.pathname.replace(/\/+$/, "");
    if (this.options.forcePathStyle) {
      endpoint.pathname = `${base}/${uriEncode(bucket)}/${objectPath}`;
    } else {
      endpoint.hostname = `${bucket}.${endpoint.hostname}`;
      endpoint.pathname = `${base}/${objectPath}`;
    }
    return endpoint;
  }

  private async send(method: "GET" | "PUT", key: string, body?: Uint8Array<ArrayBuffer>, contentType?: string) {
    const url = this.objectUrl(key);
    const payloadHash = body ? sha256Hex(body) : EMPTY_PAYLOAD_HASH;
    const signed = signRequest(
      { method, url, payloadHash, headers: contentType ? { "content-type": contentType } : {} },
      this.credentials,
      this.options.region,
    );
    // fetch sets Host itself from the URL (same value that was signed).
    const { host: _host, ...headers } = signed;
    return this.fetch(url, { method, headers, body });
  }

  async put(key: string, bytes: Buffer | Uint8Array, contentType: string): Promise<void> {
    const response = await this.send("PUT", key, Uint8Array.from(bytes), contentType);
    if (!response.ok) throw new S3StorageError(response.status, "PUT", key, await response.text());
    await response.arrayBuffer();
  }

  async get(key: string): Promise<StoredDocument | null> {
    const response = await this.send("GET", key);
    if (response.status === 404) {
      await response.arrayBuffer();
      return null;
    }
    if (!response.ok) throw new S3StorageError(response.status, "GET", key, await response.text());
    return {
      bytes: Buffer.from(await response.arrayBuffer()),
      contentType: response.headers.get("content-type") ?? "application/octet-stream",
    };
  }
}
