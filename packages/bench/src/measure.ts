import { performance } from "node:perf_hooks";

export interface Measurement {
  label: string;
  operations: number;
  seconds: number;
  perSecond: number;
}

export async function measure(label: string, operations: number, fn: () => Promise<void>): Promise<Measurement> {
  const start = performance.now();
  await fn();
  const seconds = (performance.now() - start) / 1000;
  return { label, operations, seconds, perSecond: operations / seconds };
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  });
  await Promise.all(workers);
}
