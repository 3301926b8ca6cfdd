import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { renderCustomerEmail } from "./render";
import { createEmailSender, type EmailMessage, EmailSendError, formatFromAddress } from "./sender";
import { type ResendRecorder, startResendRecorder } from "./testing/resend-recorder";
import { SAMPLE_EMAIL_BRAND, sampleCustomerEmailData } from "./testing/sample-order";

const API_KEY = "re_test_4f9a2c";
let recorder: ResendRecorder;

beforeAll(async () => {
  recorder = await startResendRecorder({ apiKey: API_KEY });
});
afterEach(() => recorder.reset());
afterAll(() => recorder.close());

const sender = () => createEmailSender({ RESEND_API_KEY: API_KEY, RESEND_BASE_URL: recorder.url });

async function shippedMessage(overrides: Partial<EmailMessage> = {}): Promise<EmailMessage> {
  const email = await renderCustomerEmail("shipped", sampleCustomerEmailData(), {
    locale: "zh-CN",
    brand: SAMPLE_EMAIL_BRAND,
  });
  return {
    from: formatFromAddress(SAMPLE_EMAIL_BRAND.senderName, "orders@nordlicht.example"),
    to: "lena@example.com",
    subject: email.subject,
    html: email.html,
    text: email.text,
    replyTo: SAMPLE_EMAIL_BRAND.replyTo,
    tags: [
      { name: "event", value: "shipped" },
      { name: "order", value: "CF-10428 #2" },
    ],
    idempotencyKey: "eml_01HV7Q2M8K",
    ...overrides,
  };
}

describe("createEmailSender with RESEND_API_KEY", () => {
  it("sends the rendered e-mail through the Resend SDK and returns Resend's id", async () => {
    const s = sender();
    expect(s.mode).toBe("resend");
    const message = await shippedMessage();
    const { id } = await s.send(message);

    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(recorder.requests).toHaveLength(1);
    const request = recorder.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/emails");
    expect(request.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.idempotencyKey).toBe("eml_01HV7Q2M8K");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["user-agent"]).toMatch(/^resend-node:6\./);
    expect(request.body).toEqual({
      from: '"Nordlicht Store" <orders@nordlicht.example>',
      to: "lena@example.com",
      subject: "您的订单 CF-10428 已发货",
      html: message.html,
      text: message.text,
      reply_to: "care@nordlicht.example",
      tags: [
        { name: "event", value: "shipped" },
        { name: "order", value: "CF-10428__2" },
      ],
    });
    const html = String(request.body?.html);
    expect(html).toContain('href="https://track.nordlicht.example/o/CF-10428?t=k3Jf9x&amp;l=de"');
    expect(html.replace(/<!--.*?-->/g, "").replace(/<[^>]+>/g, "")).toContain(
      "承运商为 DHL Express，运单号 JD014600003826155490。",
    );
    expect(String(request.body?.text)).toContain("https://track.nordlicht.example/o/CF-10428?t=k3Jf9x&l=de");
  });

  it("sends a message once per idempotency key, and refuses the key for a different message", async () => {
    const s = sender();
    const message = await shippedMessage();
    const first = await s.send(message);
    const replay = await s.send(message);
    expect(replay.id).toBe(first.id);
    expect(recorder.sent).toHaveLength(1);

    const error = await s.send({ ...message, subject: "Something else" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailSendError);
    expect(error).toMatchObject({ status: 409, code: "invalid_idempotent_request", retryable: false });
  });

  it("omits the idempotency header when no key is given", async () => {
    await sender().send(await shippedMessage({ idempotencyKey: undefined, tags: undefined, replyTo: undefined }));
    const request = recorder.requests[0]!;
    expect(request.idempotencyKey).toBeUndefined();
    expect(request.body).not.toHaveProperty("tags");
    expect(request.body).not.toHaveProperty("reply_to");
  });

  it("turns a 429 into a retryable EmailSendError with the retry-after hint", async () => {
    recorder.failNext({ status: 429, message: "Too many requests", headers: { "retry-after": "2" } });
    const error = await sender()
      .send(await shippedMessage())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailSendError);
    expect(error).toMatchObject({ retryable: true, status: 429, code: "rate_limit_exceeded", retryAfterSeconds: 2 });
    expect(recorder.requests[0]!.status).toBe(429);
  });

  it("turns a 500 into a retryable EmailSendError, and the retry with the same key goes through", async () => {
    recorder.failNext({ status: 500 });
    const s = sender();
    const message = await shippedMessage();
    const error = await s.send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailSendError);
    expect(error).toMatchObject({ retryable: true, status: 500, code: "internal_server_error" });
    const { id } = await s.send(message);
    expect(id).toBeTruthy();
    expect(recorder.requests.map((r) => r.status)).toEqual([500, 200]);
    expect(recorder.requests.map((r) => r.idempotencyKey)).toEqual(["eml_01HV7Q2M8K", "eml_01HV7Q2M8K"]);
  });

  it("treats a dropped connection as retryable", async () => {
    recorder.failNext({ drop: true });
    const error = await sender()
      .send(await shippedMessage())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailSendError);
    expect(error).toMatchObject({ retryable: true, status: null });
  });

  it("does not retry what a person has to fix: a rejected key, a validation error, the monthly quota", async () => {
    const wrongKey = createEmailSender({ RESEND_API_KEY: "re_wrong", RESEND_BASE_URL: recorder.url });
    await expect(wrongKey.send(await shippedMessage())).rejects.toMatchObject({
      retryable: false,
      status: 403,
      code: "invalid_api_key",
    });
    recorder.failNext({ status: 422, name: "validation_error", message: "Invalid `to` field." });
    await expect(sender().send(await shippedMessage())).rejects.toMatchObject({ retryable: false, status: 422 });
    recorder.failNext({ status: 429, name: "monthly_quota_exceeded" });
    await expect(sender().send(await shippedMessage())).rejects.toMatchObject({
      retryable: false,
      code: "monthly_quota_exceeded",
    });
  });

  it("checks the message before calling Resend", async () => {
    await expect(sender().send(await shippedMessage({ to: [] }))).rejects.toMatchObject({
      code: "invalid_message",
      retryable: false,
    });
    await expect(sender().send(await shippedMessage({ subject: " " }))).rejects.toBeInstanceOf(EmailSendError);
    expect(recorder.requests).toHaveLength(0);
  });

  it("uses options.baseUrl over RESEND_BASE_URL", async () => {
    const s = createEmailSender(
      { RESEND_API_KEY: API_KEY, RESEND_BASE_URL: "http://127.0.0.1:9" },
      { baseUrl: recorder.url },
    );
    await s.send(await shippedMessage());
    expect(recorder.requests).toHaveLength(1);
  });
});

describe("createEmailSender without RESEND_API_KEY", () => {
  it("is the outbox: nothing leaves the machine", async () => {
    const s = createEmailSender({ RESEND_BASE_URL: recorder.url });
    expect(s.mode).toBe("outbox");
    expect(await s.send(await shippedMessage())).toEqual({ id: null });
    expect(recorder.requests).toHaveLength(0);
    expect(createEmailSender({ RESEND_API_KEY: "  " }).mode).toBe("outbox");
  });

  it("still rejects a message that could never be sent", async () => {
    await expect(createEmailSender({}).send(await shippedMessage({ from: "" }))).rejects.toMatchObject({
      code: "invalid_message",
    });
  });
});

describe("formatFromAddress", () => {
  it("quotes the display name", () => {
    expect(formatFromAddress("Nordlicht Store", "orders@n.example")).toBe('"Nordlicht Store" <orders@n.example>');
    expect(formatFromAddress('Bob "The" Shop, Inc.', "o@b.example")).toBe('"Bob \\"The\\" Shop, Inc." <o@b.example>');
    expect(formatFromAddress("Evil\r\nBcc: x@y", "o@b.example")).toBe('"Evil Bcc: x@y" <o@b.example>');
    expect(formatFromAddress("  ", "o@b.example")).toBe("o@b.example");
  });
});

describe("the recorder", () => {
  it("answers like Resend for a missing field and an unknown route", async () => {
    const missing = await fetch(`${recorder.url}/emails`, {
      method: "POST",
      headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ from: "a@b.example", subject: "x", html: "<p>x</p>" }),
    });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ statusCode: 422, name: "missing_required_field" });
    const unknown = await fetch(`${recorder.url}/domains`, { headers: { authorization: `Bearer ${API_KEY}` } });
    expect(unknown.status).toBe(404);
    const noKey = await fetch(`${recorder.url}/emails`, { method: "POST", body: "{}" });
    expect(noKey.status).toBe(401);
  });
});
