import { type ParseArgsConfig, parseArgs } from "node:util";

export class UsageError extends Error {}

export function parse(argv: string[], options: NonNullable<ParseArgsConfig["options"]>) {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
