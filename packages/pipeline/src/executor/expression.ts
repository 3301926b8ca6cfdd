/**
 * The subset of CEL (Inngest's expression language) the local executor evaluates, for
 * `idempotency`, `concurrency.key`, trigger `if`, `cancelOn` and `step.waitForEvent`
 * `if`/`match`:
 *
 *   literals      'text' "text" 12 1.5 true false null
 *   paths         event.data.orderId  async.data["order-id"]
 *   operators     + - (numbers; + also joins strings)  == != < <= > >=  && || !  ( )
 *
 * Anything else (function calls, macros, `in`, ternaries) is rejected when compiled, so an
 * unsupported expression fails loudly instead of matching the wrong thing.
 */

type Token =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "ident"; value: string }
  | { kind: "op"; value: string };

type Node =
  | { kind: "literal"; value: unknown }
  | { kind: "path"; root: string; keys: string[] }
  | { kind: "unary"; op: "!" | "-"; arg: Node }
  | { kind: "binary"; op: string; left: Node; right: Node };

export class ExpressionError extends Error {
  override name = "ExpressionError";
}

const OPERATORS = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "+", "-", "!", "(", ")", ".", "[", "]"];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'" || ch === '"') {
      let value = "";
      i++;
      while (i < source.length && source[i] !== ch) {
        if (source[i] === "\\" && i + 1 < source.length) i++;
        value += source[i];
        i++;
      }
      if (source[i] !== ch) throw new ExpressionError(`Unterminated string in expression: ${source}`);
      i++;
      tokens.push({ kind: "string", value });
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(source.slice(i));
    if (number) {
      tokens.push({ kind: "number", value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (ident) {
      tokens.push({ kind: "ident", value: ident[0] });
      i += ident[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
    if (!op) throw new ExpressionError(`Unsupported character "${ch}" in expression: ${source}`);
    tokens.push({ kind: "op", value: op });
    i += op.length;
  }
  return tokens;
}

const PRECEDENCE: Record<string, number> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  "+": 5,
  "-": 5,
};

function parse(source: string): Node {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (value: string) => {
    const t = peek();
    return t?.kind === "op" && t.value === value;
  };
  const expectOp = (value: string) => {
    if (!isOp(value)) throw new ExpressionError(`Expected "${value}" in expression: ${source}`);
    pos++;
  };

  function primary(): Node {
    const t = tokens[pos++];
    if (!t) throw new ExpressionError(`Unexpected end of expression: ${source}`);
    if (t.kind === "string" || t.kind === "number") return { kind: "literal", value: t.value };
    if (t.kind === "op" && (t.value === "!" || t.value === "-")) return { kind: "unary", op: t.value, arg: primary() };
    if (t.kind === "op" && t.value === "(") {
      const inner = binary(0);
      expectOp(")");
      return inner;
    }
    if (t.kind === "ident") {
      if (t.value === "true" || t.value === "false") return { kind: "literal", value: t.value === "true" };
      if (t.value === "null") return { kind: "literal", value: null };
      const keys: string[] = [];
      for (;;) {
        if (isOp(".")) {
          pos++;
          const key = tokens[pos++];
          if (key?.kind !== "ident") throw new ExpressionError(`Expected a field name in expression: ${source}`);
          keys.push(key.value);
        } else if (isOp("[")) {
          pos++;
          const key = tokens[pos++];
          if (key?.kind !== "string" && key?.kind !== "number") {
            throw new ExpressionError(`Expected a literal index in expression: ${source}`);
          }
          keys.push(String(key.value));
          expectOp("]");
        } else break;
      }
      if (isOp("(")) throw new ExpressionError(`Function calls are not supported in expression: ${source}`);
      return { kind: "path", root: t.value, keys };
    }
    throw new ExpressionError(`Unexpected "${t.value}" in expression: ${source}`);
  }

  function binary(minPrecedence: number): Node {
    let left = primary();
    for (;;) {
      const t = peek();
      const precedence = t?.kind === "op" ? PRECEDENCE[t.value] : undefined;
      if (!t || precedence === undefined || precedence < minPrecedence) break;
      pos++;
      const right = binary(precedence + 1);
      left = { kind: "binary", op: t.value as string, left, right };
    }
    return left;
  }

  const tree = binary(0);
  if (pos !== tokens.length)
    throw new ExpressionError(`Unexpected "${String(tokens[pos]?.value)}" in expression: ${source}`);
  return tree;
}

function equal(a: unknown, b: unknown): boolean {
  const left = a === undefined ? null : a;
  const right = b === undefined ? null : b;
  if (typeof left === "object" && left !== null && typeof right === "object" && right !== null) {
    return JSON.stringify(left) === JSON.stringify(right);
  }
  return left === right;
}

function evaluate(node: Node, vars: Record<string, unknown>, source: string): unknown {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "path": {
      if (!(node.root in vars)) throw new ExpressionError(`Unknown variable "${node.root}" in expression: ${source}`);
      let value: unknown = vars[node.root];
      for (const key of node.keys) {
        if (value === null || typeof value !== "object") return undefined;
        value = (value as Record<string, unknown>)[key];
      }
      return value;
    }
    case "unary": {
      const arg = evaluate(node.arg, vars, source);
      if (node.op === "!") return !arg;
      if (typeof arg !== "number") throw new ExpressionError(`Cannot negate a non-number in expression: ${source}`);
      return -arg;
    }
    case "binary": {
      if (node.op === "&&")
        return Boolean(evaluate(node.left, vars, source)) && Boolean(evaluate(node.right, vars, source));
      if (node.op === "||")
        return Boolean(evaluate(node.left, vars, source)) || Boolean(evaluate(node.right, vars, source));
      const left = evaluate(node.left, vars, source);
      const right = evaluate(node.right, vars, source);
      switch (node.op) {
        case "==":
          return equal(left, right);
        case "!=":
          return !equal(left, right);
        case "+":
          if (typeof left === "number" && typeof right === "number") return left + right;
          if (
            (typeof left === "string" || typeof left === "number") &&
            (typeof right === "string" || typeof right === "number")
          ) {
            return `${left}${right}`;
          }
          throw new ExpressionError(`Cannot add ${describe(left)} and ${describe(right)} in expression: ${source}`);
        case "-":
          if (typeof left === "number" && typeof right === "number") return left - right;
          throw new ExpressionError(
            `Cannot subtract ${describe(left)} and ${describe(right)} in expression: ${source}`,
          );
        default: {
          const comparable =
            (typeof left === "number" && typeof right === "number") ||
            (typeof left === "string" && typeof right === "string");
          if (!comparable) return false;
          const l = left as number | string;
          const r = right as number | string;
          if (node.op === "<") return l < r;
          if (node.op === "<=") return l <= r;
          if (node.op === ">") return l > r;
          return l >= r;
        }
      }
    }
  }
}

function describe(value: unknown): string {
  return value === undefined ? "a missing field" : value === null ? "null" : typeof value;
}

export type CompiledExpression = (vars: Record<string, unknown>) => unknown;

const cache = new Map<string, CompiledExpression>();

/** Parses once (cached) and returns an evaluator; throws ExpressionError for unsupported syntax. */
export function compileExpression(source: string): CompiledExpression {
  let compiled = cache.get(source);
  if (!compiled) {
    const tree = parse(source);
    compiled = (vars) => evaluate(tree, vars, source);
    cache.set(source, compiled);
  }
  return compiled;
}

/** A key expression (idempotency, concurrency) evaluated to the string Inngest would use. */
export function evaluateKey(source: string, vars: Record<string, unknown>): string {
  const value = compileExpression(source)(vars);
  if (value === undefined || value === null) {
    throw new ExpressionError(`Key expression evaluated to ${describe(value)}: ${source}`);
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A boolean expression (trigger if, cancel if, waitForEvent if). */
export function evaluateCondition(source: string, vars: Record<string, unknown>): boolean {
  return compileExpression(source)(vars) === true;
}
