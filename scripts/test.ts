// The whole test suite, as the README gives it: lint, types, unit + integration tests
// (real PostgreSQL on 127.0.0.1:5432), the web builds, then the Playwright e2e suite.
// Ends with one summary line counting every test that ran.
import { spawn } from "node:child_process";

const stages: Array<{ name: string; cmd: string[] }> = [
  { name: "lint (biome)", cmd: ["pnpm", "exec", "biome", "check", "."] },
  { name: "types (tsc per package)", cmd: ["pnpm", "exec", "turbo", "run", "typecheck", "--output-logs=errors-only"] },
  {
    name: "unit + integration (vitest)",
    cmd: ["pnpm", "exec", "turbo", "run", "test", "--concurrency=2", "--output-logs=full"],
  },
  { name: "web builds", cmd: ["pnpm", "exec", "turbo", "run", "build", "--output-logs=errors-only"] },
  { name: "e2e (playwright)", cmd: ["pnpm", "exec", "playwright", "test", "-c", "e2e/playwright.config.ts"] },
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI colour codes
const ANSI = /\x1b\[[0-9;]*m/g;

function count(line: string) {
  const plain = line.replace(ANSI, "");
  const vitest = /^\s*(?:\S+:\s*)?Tests\s+(.*)\(\d+\)\s*$/.exec(plain);
  if (vitest) {
    for (const [, n, kind] of vitest[1]!.matchAll(/(\d+)\s+(passed|failed|skipped|todo)/g)) {
      if (kind === "passed") passed += Number(n);
      else if (kind === "failed") failed += Number(n);
      else skipped += Number(n);
    }
    return;
  }
  const pw = /^\s+(\d+)\s+(passed|failed|flaky|skipped|did not run)(?:\s+\(.*\))?\s*$/.exec(plain);
  if (pw) {
    const n = Number(pw[1]);
    if (pw[2] === "passed" || pw[2] === "flaky") passed += n;
    else if (pw[2] === "failed") failed += n;
    else skipped += n;
  }
}

function run(cmd: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd[0]!, cmd.slice(1), { stdio: ["ignore", "pipe", "pipe"], env: process.env });
    let pending = "";
    const onData = (chunk: Buffer, out: NodeJS.WriteStream) => {
      out.write(chunk);
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) count(line);
    };
    child.stdout.on("data", (c: Buffer) => onData(c, process.stdout));
    child.stderr.on("data", (c: Buffer) => onData(c, process.stderr));
    child.on("close", (code) => {
      if (pending) count(pending);
      resolve(code ?? 1);
    });
  });
}

let exitCode = 0;
for (const stage of stages) {
  if (only.length && !only.some((o) => stage.name.startsWith(o))) continue;
  console.log(`\n=== ${stage.name}: ${stage.cmd.join(" ")}`);
  const code = await run(stage.cmd);
  if (code !== 0) {
    console.error(`=== ${stage.name} failed (exit ${code})`);
    exitCode = 1;
    if (stage.name.startsWith("lint") || stage.name.startsWith("types") || stage.name.startsWith("web")) break;
  }
}
if (exitCode !== 0 && failed === 0) failed = 1;
console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(exitCode);
