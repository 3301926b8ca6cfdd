// Renders the OpenAPI document as a self-contained HTML page (no CDN: it must work offline).

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  description?: string;
  example?: unknown;
  anyOf?: Schema[];
  nullable?: boolean;
  pattern?: string;
  format?: string;
};
type Doc = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema; description?: string }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string }>;
};

const esc = (s: unknown) =>
  String(s ?? "").replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );

function resolve(doc: Doc, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc, doc.components?.schemas?.[schema.$ref.split("/").pop()!]);
  return schema;
}

function typeLabel(doc: Doc, raw: Schema): string {
  const s = resolve(doc, raw);
  if (raw.$ref) return raw.$ref.split("/").pop()!;
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.anyOf) return s.anyOf.map((x) => typeLabel(doc, x)).join(" | ");
  if (s.type === "array") return `${typeLabel(doc, s.items ?? {})}[]`;
  return Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
}

function fieldRows(doc: Doc, raw: Schema, prefix = "", depth = 0): string {
  const s = resolve(doc, raw);
  const item = s.type === "array" ? resolve(doc, s.items) : s;
  if (!item.properties || depth > 3) return "";
  const base = s.type === "array" ? `${prefix}[]` : prefix;
  return Object.entries(item.properties)
    .map(([name, child]) => {
      const path = base ? `${base}.${name}` : name;
      const c = resolve(doc, child);
      const required = item.required?.includes(name) ? '<span class="req">required</span>' : "";
      const note = [
        c.description,
        c.pattern ? `pattern ${c.pattern}` : "",
        c.example !== undefined ? `e.g. ${JSON.stringify(c.example)}` : "",
      ]
        .filter(Boolean)
        .join(" · ");
      return `<tr><td><code>${esc(path)}</code> ${required}</td><td>${esc(typeLabel(doc, child))}</td><td>${esc(note)}</td></tr>${fieldRows(doc, child, path, depth + 1)}`;
    })
    .join("");
}

export function renderDocsPage(doc: Doc): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? "Other";
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code> <span class="muted">${esc(p.in)}</span> ${p.required ? '<span class="req">required</span>' : ""}</td><td>${esc(typeLabel(doc, p.schema ?? {}))}</td><td>${esc(p.description ?? resolve(doc, p.schema).description ?? "")}</td></tr>`,
        )
        .join("");
      const body = op.requestBody?.content?.["application/json"]?.schema;
      const responses = Object.entries(op.responses ?? {})
        .map(([code, r]) => `<li><code>${esc(code)}</code> ${esc(r.description)}</li>`)
        .join("");
      const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-");
      byTag.set(tag, [
        ...(byTag.get(tag) ?? []),
        `<section class="op" id="${esc(id)}">
          <h3><span class="method ${esc(method)}">${esc(method.toUpperCase())}</span> <code>/v1${esc(path)}</code></h3>
          <p>${esc(op.summary)}</p>${op.description ? `<p class="muted">${esc(op.description)}</p>` : ""}
          ${params ? `<h4>Parameters</h4><table><tbody>${params}</tbody></table>` : ""}
          ${body ? `<h4>Request body <span class="muted">${esc(typeLabel(doc, body))}</span></h4><table><tbody>${fieldRows(doc, body)}</tbody></table>` : ""}
          <h4>Responses</h4><ul>${responses}</ul>
        </section>`,
      ]);
    }
  }
  const nav = [...byTag.keys()].map((t) => `<a href="#tag-${esc(t)}">${esc(t)}</a>`).join("");
  const sections = [...byTag.entries()]
    .map(([t, ops]) => `<h2 id="tag-${esc(t)}">${esc(t)}</h2>${ops.join("")}`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)} — API reference</title>
<style>
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#0f172a;background:#f8fafc}
header{background:#0f172a;color:#fff;padding:24px 40px}header p{color:#cbd5e1;margin:4px 0 0}
nav{padding:12px 40px;background:#fff;border-bottom:1px solid #e2e8f0;position:sticky;top:0}nav a{margin-right:18px;color:#4338ca;text-decoration:none;font-weight:600}
main{max-width:1000px;margin:0 auto;padding:16px 40px 60px}h2{margin-top:36px;border-bottom:2px solid #e2e8f0;padding-bottom:6px}
.op{background:#fff;border:1px solid #e2e8f0;border-radius:10px;padding:16px 20px;margin:16px 0}.op h3{margin:0 0 6px;font-size:16px}
.method{display:inline-block;min-width:54px;text-align:center;border-radius:6px;padding:2px 8px;font-size:12px;color:#fff;background:#64748b}
.method.get{background:#0369a1}.method.post{background:#15803d}.method.delete{background:#b91c1c}
table{border-collapse:collapse;width:100%;font-size:13px}td{border-top:1px solid #f1f5f9;padding:5px 8px;vertical-align:top}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12.5px}.muted{color:#64748b}.req{color:#b45309;font-size:11px;font-weight:600}
h4{margin:14px 0 6px;font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#475569}
</style></head><body>
<header><h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1><p>${esc(doc.info.description)}</p>
<p>Machine-readable: <a style="color:#a5b4fc" href="/v1/openapi.json">/v1/openapi.json</a></p></header>
<nav>${nav}</nav><main>${sections}</main></body></html>`;
}
