import { afterEach, describe, expect, it, vi } from "vitest";
import { api, safeRedirect, signInRedirect } from "./api.server";

afterEach(() => vi.unstubAllGlobals());

describe("safeRedirect", () => {
  it("allows only app-relative paths", () => {
    expect(safeRedirect("/orders?status=on_hold")).toBe("/orders?status=on_hold");
    expect(safeRedirect("//evil.example/x")).toBe("/");
    expect(safeRedirect("https://evil.example/")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect("/sign-in")).toBe("/");
    expect(safeRedirect(null)).toBe("/");
  });
});

describe("API calls", () => {
  it("forward the viewer's cookie to the API", async () => {
    const fetch = vi.fn(async () => Response.json({ counts: {}, total: 0, onHold: 0, last24h: 0, automationRate: 0 }));
    vi.stubGlobal("fetch", fetch);
    await api.overview(new Request("http://app/console/", { headers: { Cookie: "cf_session=abc" } }));
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toMatch(/\/app\/overview$/);
    expect(new Headers(init.headers).get("Cookie")).toBe("cf_session=abc");
  });

  it("turn a 401 into a sign-in redirect that remembers the page", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Response.json({ error: { code: "unauthorized" } }, { status: 401 })),
    );
    const thrown = await api
      .orders(new Request("http://app/orders?status=on_hold"), {})
      .catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("Location")).toBe("/sign-in?redirectTo=%2Forders%3Fstatus%3Don_hold");
    expect(signInRedirect(new Request("http://app/")).headers.get("Location")).toBe("/sign-in");
  });

  it("turn a 404 into a route error response for the not-found page", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Response.json({ error: { code: "not_found", message: "No order" } }, { status: 404 })),
    );
    const thrown = await api.order(new Request("http://app/orders/x"), "x").catch((error: unknown) => error);
    expect(thrown).toMatchObject({ init: { status: 404 }, data: { code: "not_found" } });
  });

  it("relay Set-Cookie from dev sign-in", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        const headers = new Headers({ "Content-Type": "application/json" });
        headers.append("Set-Cookie", "cf_session=tok; Path=/; HttpOnly");
        return new Response(JSON.stringify({ user: { id: "u" } }), { status: 200, headers });
      }),
    );
    const result = await api.devSignIn(new Request("http://app/sign-in", { method: "POST" }), "usr_1");
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.headers.getSetCookie()).toEqual(["cf_session=tok; Path=/; HttpOnly"]);
  });
});
