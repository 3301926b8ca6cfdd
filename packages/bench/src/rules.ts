import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * (c) Rules evaluations per second: the domain package's own benchmark (a 50-rule set of
 * every kind over 1,000 varied orders), run in a child process so its numbers are not
 * disturbed by the database work above.
 */
export function benchRules(): { perSecond: number; output: string } {
  const script = resolve(dirname(fileURLToPath(import.meta.url)), "../../domain/bench/rules.bench.ts");
  const run = spawnSync("pnpm", ["exec", "tsx", script], { encoding: "utf8", cwd: resolve(dirname(script), "..") });
  if (run.status !== 0) throw new Error(`rules benchmark failed: ${run.stderr}`);
  const match = /evaluations per second\s+([\d,]+)/.exec(run.stdout);
  if (!match) throw new Error(`rules benchmark printed no rate:\n${run.stdout}`);
  return { perSecond: Number(match[1]!.replaceAll(",", "")), output: run.stdout };
}
