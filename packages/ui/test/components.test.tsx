import { ORDER_STATUSES } from "@crossflow/i18n";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { Chips, DataTable, initials, LocaleMenu, StatusProgress, statusTone } from "../src";

function html(node: ReactNode, url = "/", basename = "/console"): string {
  return renderToStaticMarkup(
    <MemoryRouter basename={basename} initialEntries={[`${basename}${url}`]}>
      {node}
    </MemoryRouter>,
  );
}

describe("statusTone", () => {
  it("gives every order status a tone, exceptions stand out", () => {
    for (const status of ORDER_STATUSES) expect(statusTone(status)).toBeTruthy();
    expect(statusTone("on_hold")).toBe("warning");
    expect(statusTone("cancelled")).toBe("danger");
    expect(statusTone("delivered")).toBe("success");
    expect(statusTone("something_new")).toBe("neutral");
  });
});

describe("initials", () => {
  it("takes the first letters of two words, or one CJK character", () => {
    expect(initials("Mia Chen")).toBe("MC");
    expect(initials("lukas weber jr")).toBe("LW");
    expect(initials("王芳 Wang Fang")).toBe("王");
    expect(initials("鈴木 一郎")).toBe("鈴");
    expect(initials("  ")).toBe("?");
  });
});

describe("StatusProgress", () => {
  const steps = ["a", "b", "c", "d"].map((key) => ({ key, label: key.toUpperCase() }));
  const sr = { done: "done", current: "current", upcoming: "upcoming" };

  it("marks the steps before the current one done and the current one as the step", () => {
    const markup = html(<StatusProgress steps={steps} current={2} label="Progress" srLabels={sr} />);
    expect(markup.match(/cf-progress__step--done/g)).toHaveLength(2);
    expect(markup.match(/aria-current="step"/g)).toHaveLength(1);
    expect(markup).toContain("(current)");
  });

  it("completes the last step and colours holds and stops", () => {
    const delivered = html(<StatusProgress steps={steps} current={3} complete label="Progress" srLabels={sr} />);
    expect(delivered.match(/cf-progress__step--done/g)).toHaveLength(4);
    expect(html(<StatusProgress steps={steps} current={1} state="on_hold" label="P" srLabels={sr} />)).toContain(
      "cf-progress--on_hold",
    );
    expect(html(<StatusProgress steps={steps} current={1} state="stopped" label="P" srLabels={sr} />)).toContain(
      "cf-progress--stopped",
    );
  });
});

describe("DataTable", () => {
  const columns = [{ key: "name", header: "Name", cell: (row: { id: string; name: string }) => row.name }];

  it("shows the empty state when there are no rows", () => {
    expect(html(<DataTable columns={columns} rows={[]} rowKey={(r) => r.id} empty={<p>Nothing here</p>} />)).toBe(
      "<p>Nothing here</p>",
    );
  });

  it("links rows inside the app's base path", () => {
    const markup = html(
      <DataTable
        columns={columns}
        rows={[{ id: "ord_1", name: "Ana" }]}
        rowKey={(r) => r.id}
        rowLink={(r) => ({ to: `/orders/${r.id}`, label: r.id })}
      />,
    );
    expect(markup).toContain('href="/console/orders/ord_1"');
    expect(markup).toContain("Ana");
  });
});

describe("Chips", () => {
  it("shows scalars and short lists, and leaves nested objects to the facts", () => {
    const markup = html(
      <Chips
        value={{
          carrier: "dhl",
          price: 2350,
          split: false,
          reasons: [],
          tags: ["a", "b"],
          parts: [{ x: 1 }],
          nested: { a: 1 },
        }}
      />,
    );
    expect(markup).toContain("dhl");
    expect(markup).toContain("2350");
    expect(markup).toContain("false");
    expect(markup).toContain("a, b");
    expect(markup).toContain("[1]");
    expect(markup).not.toContain("nested");
  });
});

describe("LocaleMenu", () => {
  it("links to the current page with ?lng= set and other parameters kept", () => {
    const markup = html(
      <LocaleMenu
        label="Language"
        current="de"
        locales={[
          { code: "en", name: "English" },
          { code: "de", name: "Deutsch" },
        ]}
      />,
      "/orders?status=on_hold&lng=de",
    );
    expect(markup).toContain('href="/console/orders?status=on_hold&amp;lng=en"');
    expect(markup).toMatch(/aria-current="true"[^>]*>Deutsch|Deutsch.*aria-current/);
  });
});
