import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDocumentStorage,
  documentContentType,
  InvalidStorageKeyError,
  LocalDiskStorage,
  S3Storage,
  S3StorageError,
  signatureParts,
} from "../src/index";

const tempRoot = () => mkdtempSync(path.join(tmpdir(), "crossflow-storage-"));

describe("LocalDiskStorage", () => {
  it("round-trips bytes and content type, and returns null for a missing key", async () => {
    const root = tempRoot();
    const storage = new LocalDiskStorage(root);
    const bytes = Buffer.from("%PDF-1.7 test \u0000\u00ff", "latin1");
    await storage.put("ten_1/shp_2/commercial_invoice.pdf", bytes, "application/pdf");
    const got = await storage.get("ten_1/shp_2/commercial_invoice.pdf");
    expect(got?.contentType).toBe("application/pdf");
    expect(got?.bytes.equals(bytes)).toBe(true);
    expect(readFileSync(path.join(root, "ten_1/shp_2/commercial_invoice.pdf")).equals(bytes)).toBe(true);
    expect(await storage.get("ten_1/shp_2/missing.pdf")).toBeNull();
    await storage.put("ten_1/shp_2/commercial_invoice.pdf", Buffer.from("v2"), "application/pdf");
    expect((await storage.get("ten_1/shp_2/commercial_invoice.pdf"))?.bytes.toString()).toBe("v2");
    expect(readdirSync(path.join(root, "ten_1/shp_2")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("rejects keys that could leave the root", async () => {
    const root = tempRoot();
    const storage = new LocalDiskStorage(path.join(root, "docs"));
    for (const key of [
      "../escape.pdf",
      "a/../../escape.pdf",
      "/etc/passwd",
      "a\\..\\..\\escape.pdf",
      "a//b.pdf",
      "./a.pdf",
      "",
      "a/\u0000.pdf",
      "x.pdf.meta.json",
    ]) {
      await expect(storage.put(key, Buffer.from("x"), "text/plain"), key).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.get(key), key).rejects.toThrow(InvalidStorageKeyError);
    }
    expect(readdirSync(root)).toEqual([]);
  });
});

/**
 * A tiny S3: PUT/GET objects by path-style URL, after checking the SigV4 signature from the
 * request as received (raw path, headers, body hash), with its own copy of the secret.
 */
class FakeS3 {
  readonly objects = new Map<string, { bytes: Buffer; contentType: string }>();
  readonly requests: Array<{ method: string; url: string; status: number }> = [];
  private server!: Server;
  endpoint = "";

  constructor(
    private readonly accessKeyId: string,
    private readonly secret: string,
    private readonly region: string,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        const status = this.handle(req, body, res);
        this.requests.push({ method: req.method!, url: req.url!, status });
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private verify(req: IncomingMessage, body: Buffer): string | null {
    const auth = req.headers.authorization ?? "";
    const match =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
        auth,
      );
    if (!match) return "malformed Authorization";
    const [, keyId, day, region, signedHeaders, signature] = match;
    if (keyId !== this.accessKeyId) return "unknown access key";
    if (region !== this.region) return "wrong region";
    const amzDate = String(req.headers["x-amz-date"] ?? "");
    if (!amzDate.startsWith(day!)) return "date mismatch";
    const payloadHash = String(req.headers["x-amz-content-sha256"] ?? "");
    if (payloadHash !== createHash("sha256").update(body).digest("hex")) return "payload hash mismatch";
    const names = signedHeaders!.split(";");
    if (!names.includes("host") || !names.includes("x-amz-date")) return "host and x-amz-date must be signed";
    const headers: Record<string, string> = {};
    for (const name of names) headers[name] = String(req.headers[name] ?? "");
    const url = new URL(req.url!, "http://placeholder");
    const expected = signatureParts(
      { method: req.method!, url, headers, payloadHash },
      { accessKeyId: this.accessKeyId, secretAccessKey: this.secret },
      this.region,
      "s3",
      amzDate,
    );
    return expected.signature === signature ? null : "SignatureDoesNotMatch";
  }

  private handle(req: IncomingMessage, body: Buffer, res: import("node:http").ServerResponse): number {
    const problem = this.verify(req, body);
    if (problem) {
      res.writeHead(403, { "content-type": "application/xml" }).end(`<Error><Code>${problem}</Code></Error>`);
      return 403;
    }
    const key = decodeURIComponent(new URL(req.url!, "http://x").pathname);
    if (req.method === "PUT") {
      this.objects.set(key, { bytes: body, contentType: String(req.headers["content-type"]) });
      res.writeHead(200).end();
      return 200;
    }
    const object = this.objects.get(key);
    if (!object) {
      res.writeHead(404, { "content-type": "application/xml" }).end("<Error><Code>NoSuchKey</Code></Error>");
      return 404;
    }
    res.writeHead(200, { "content-type": object.contentType }).end(object.bytes);
    return 200;
  }
}

describe("S3Storage", () => {
  const fake = new FakeS3("AKIDCROSSFLOW", "s3cr3t/key+value", "eu-central-1");
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  const storage = (secret = "s3cr3t/key+value") =>
    new S3Storage({
      endpoint: fake.endpoint,
      region: "eu-central-1",
      bucket: "crossflow-docs",
      accessKeyId: "AKIDCROSSFLOW",
      secretAccessKey: secret,
      forcePathStyle: true,
    });

  it("round-trips a PDF through a signed PUT and GET", async () => {
    const s3 = storage();
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 255]);
    await s3.put("ten_1/shp 2/账单 (1).pdf", bytes, "application/pdf");
    expect([...fake.objects.keys()]).toContain("/crossflow-docs/ten_1/shp 2/账单 (1).pdf");
    const got = await s3.get("ten_1/shp 2/账单 (1).pdf");
    expect(got?.contentType).toBe("application/pdf");
    expect(got?.bytes.equals(bytes)).toBe(true);
    expect(await s3.get("ten_1/none.pdf")).toBeNull();
    expect(fake.requests.every((r) => r.status !== 403)).toBe(true);
  });

  it("a request signed with the wrong secret is rejected", async () => {
    const error = await storage("wrong-secret")
      .put("ten_1/x.pdf", Buffer.from("x"), "application/pdf")
      .catch((e) => e);
    expect(error).toBeInstanceOf(S3StorageError);
    expect((error as S3StorageError).status).toBe(403);
    expect((error as Error).message).toContain("SignatureDoesNotMatch");
    expect(fake.objects.has("/crossflow-docs/ten_1/x.pdf")).toBe(false);
  });

  it("rejects traversal keys before sending anything", async () => {
    const before = fake.requests.length;
    await expect(storage().put("../other-bucket/x", Buffer.from("x"), "text/plain")).rejects.toThrow(
      InvalidStorageKeyError,
    );
    expect(fake.requests.length).toBe(before);
  });

  it("builds virtual-hosted URLs unless path style is forced", () => {
    const s3 = new S3Storage({ region: "eu-west-1", bucket: "docs", accessKeyId: "a", secretAccessKey: "b" });
    expect(s3.objectUrl("ten_1/a b.pdf").toString()).toBe("https://docs.s3.eu-west-1.amazonaws.com/ten_1/a%20b.pdf");
  });
});

describe("SigV4", () => {
  it("matches AWS's published S3 GET Object example", () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html (example GET Object)
    const parts = signatureParts(
      {
        method: "GET",
        url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
        headers: {
          host: "examplebucket.s3.amazonaws.com",
          range: "bytes=0-9",
          "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          "x-amz-date": "20130524T000000Z",
        },
        payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      },
      { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
      "us-east-1",
      "s3",
      "20130524T000000Z",
    );
    expect(createHash("sha256").update(parts.canonicalRequest).digest("hex")).toBe(
      "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
    );
    expect(parts.signature).toBe("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  });
});

describe("createDocumentStorage", () => {
  it("uses local disk by default and S3 when S3_BUCKET and credentials are set", () => {
    const local = createDocumentStorage({}, "/tmp/crossflow-docs-default");
    expect(local).toBeInstanceOf(LocalDiskStorage);
    expect((local as LocalDiskStorage).rootDir).toBe("/tmp/crossflow-docs-default");
    const configured = createDocumentStorage({ DOCUMENTS_DIR: "/tmp/elsewhere" }, "/tmp/x");
    expect((configured as LocalDiskStorage).rootDir).toBe("/tmp/elsewhere");
    const s3 = createDocumentStorage({
      S3_BUCKET: "docs",
      S3_REGION: "eu-central-1",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_ACCESS_KEY_ID: "a",
      S3_SECRET_ACCESS_KEY: "b",
      S3_FORCE_PATH_STYLE: "true",
    });
    expect(s3).toBeInstanceOf(S3Storage);
    expect((s3 as S3Storage).objectUrl("k.pdf").toString()).toBe("http://127.0.0.1:9000/docs/k.pdf");
    expect(() => createDocumentStorage({ S3_BUCKET: "docs" })).toThrow(/S3_ACCESS_KEY_ID/);
  });

  it("maps extensions to content types", () => {
    expect(documentContentType("a/b.pdf")).toBe("application/pdf");
    expect(documentContentType("a/b.zpl")).toBe("application/x-zpl");
  });
});
