import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type APIRequestContext,
  type BrowserContext,
  test as base,
  expect,
  type Page,
  type TestInfo,
} from "@playwright/test";

// Fixtures for the web apps' e2e tests. The server at E2E_BASE_URL runs the API and the three
// apps and is seeded with `pnpm crossflow seed:demo`; tests sign in through the API's dev
// sign-in instead of clicking through the form (that is tested once, in console.spec.ts).

export interface DevUser {
  id: string;
  name: string;
  email: string;
  kind: "merchant" | "partner";
  tenantName: string | null;
  partnerName: string | null;
  role: string | null;
}

export interface OrderSummary {
  id: string;
  externalId: string;
  channel: string;
  status: string;
  currency: string;
  total: number;
  customerName: string;
  customerEmail: string;
  country: string;
  createdAt: string;
  holds: Array<{ code: string; message: string }>;
}

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "artifacts", "screenshots");

export async function devUsers(request: APIRequestContext): Promise<DevUser[]> {
  const response = await request.get("/app/dev/users");
  expect(response.ok(), "GET /app/dev/users").toBeTruthy();
  const body = (await response.json()) as { enabled: boolean; users: DevUser[] };
  expect(body.enabled, "dev sign-in must be enabled on the e2e server").toBe(true);
  return body.users;
}

/** The first dev user of a kind, optionally with a given role ("viewer", "operator", …). */
export async function firstDevUser(request: APIRequestContext, kind: DevUser["kind"], role?: string): Promise<DevUser> {
  const user = (await devUsers(request)).find(
    (candidate) => candidate.kind === kind && (role === undefined || candidate.role === role),
  );
  if (!user) throw new Error(`the demo seed has no ${kind} dev user${role ? ` with role ${role}` : ""}`);
  return user;
}

/** Signs in through POST /app/dev/sign-in and puts the session cookie on the browser context. */
export async function signIn(
  context: BrowserContext,
  request: APIRequestContext,
  kind: DevUser["kind"],
  role?: string,
): Promise<DevUser> {
  const user = await firstDevUser(request, kind, role);
  const response = await request.post("/app/dev/sign-in", { data: { userId: user.id } });
  expect(response.status(), "POST /app/dev/sign-in").toBe(200);
  const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:4311";
  const cookies = response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === "set-cookie")
    .map((header) => {
      const [pair = ""] = header.value.split(";");
      const index = pair.indexOf("=");
      return { name: pair.slice(0, index).trim(), value: pair.slice(index + 1).trim(), url: baseURL };
    })
    .filter((cookie) => cookie.name && cookie.value);
  expect(cookies.length, "the sign-in response sets a session cookie").toBeGreaterThan(0);
  await context.addCookies(cookies);
  return user;
}

/** A full-page screenshot attached to the test report and kept under e2e/artifacts/screenshots. */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${testInfo.project.name}-${name}.png`);
  const body = await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { body, contentType: "image/png" });
}

/** Merchant orders straight from the API, to pick test data without assuming the seed's contents. */
export async function merchantOrders(request: APIRequestContext, query = "limit=50"): Promise<OrderSummary[]> {
  const user = await firstDevUser(request, "merchant");
  const signInResponse = await request.post("/app/dev/sign-in", { data: { userId: user.id } });
  expect(signInResponse.ok()).toBeTruthy();
  const response = await request.get(`/app/orders?${query}`);
  expect(response.ok(), "GET /app/orders").toBeTruthy();
  return ((await response.json()) as { data: OrderSummary[] }).data;
}

/**
 * Waits until the pipeline has finished with every seeded order (none still received,
 * payment-verified or screened), so counts read now do not change under the test.
 */
export async function pipelineSettled(request: APIRequestContext, timeoutMs = 60_000): Promise<void> {
  const user = await firstDevUser(request, "merchant");
  await request.post("/app/dev/sign-in", { data: { userId: user.id } });
  await expect
    .poll(
      async () => {
        const overview = (await (await request.get("/app/overview")).json()) as { counts: Record<string, number> };
        // Every status an order only passes through on its way to a label or a hold.
        return ["received", "payment_verified", "screened", "allocated", "documented"].reduce(
          (sum, status) => sum + (overview.counts[status] ?? 0),
          0,
        );
      },
      { timeout: timeoutMs, message: "orders still moving through the pipeline" },
    )
    .toBe(0);
}

type Fixtures = {
  /** A page whose context is signed in as the first merchant dev user. */
  merchantPage: Page;
  merchant: DevUser;
  /** A page whose context is signed in as the first partner dev user. */
  partnerPage: Page;
  partner: DevUser;
};

export const test = base.extend<Fixtures>({
  merchant: async ({ context, request }, use) => {
    await use(await signIn(context, request, "merchant"));
  },
  merchantPage: async ({ page, merchant }, use) => {
    void merchant;
    await use(page);
  },
  partner: async ({ context, request }, use) => {
    await use(await signIn(context, request, "partner"));
  },
  partnerPage: async ({ page, partner }, use) => {
    void partner;
    await use(page);
  },
});

export { expect };
