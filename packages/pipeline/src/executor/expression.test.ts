import { describe, expect, it } from "vitest";
import { compileExpression, ExpressionError, evaluateCondition, evaluateKey } from "./expression";

const event = { name: "order/received", data: { tenantId: "ten_1", orderId: "ord_1", total: 1200, tags: ["vip"] } };

describe("expressions", () => {
  it("builds idempotency and concurrency keys", () => {
    expect(evaluateKey("event.data.tenantId + '-' + event.data.orderId", { event })).toBe("ten_1-ord_1");
    expect(evaluateKey('event.data["tenantId"]', { event })).toBe("ten_1");
    expect(evaluateKey("event.data.total + 1", { event })).toBe("1201");
    expect(() => evaluateKey("event.data.missing + '-'", { event })).toThrow(ExpressionError);
  });

  it("evaluates match and if conditions against event and async", () => {
    const async = { name: "order/cancelled", data: { orderId: "ord_1", tenantId: "ten_2" } };
    expect(evaluateCondition("event.data.orderId == async.data.orderId", { event, async })).toBe(true);
    expect(evaluateCondition("event.data.tenantId == async.data.tenantId", { event, async })).toBe(false);
    expect(
      evaluateCondition("async.data.orderId == 'ord_1' && (event.data.total >= 1000 || false)", { event, async }),
    ).toBe(true);
    expect(evaluateCondition("!(event.data.total < 10) && event.data.nothing == null", { event })).toBe(true);
    expect(evaluateCondition("event.data.total != 1200", { event })).toBe(false);
    expect(evaluateCondition("event.data.function_id == 'crossflow-x'", { event })).toBe(false);
  });

  it("rejects what it does not support instead of guessing", () => {
    expect(() => compileExpression("size(event.data.tags) > 0")).toThrow(/Function calls/);
    expect(() => compileExpression("event.data.x ? 1 : 2")).toThrow(ExpressionError);
    expect(() => compileExpression("event.data.x == 'open")).toThrow(/Unterminated/);
    expect(() => evaluateCondition("other.data.x == 1", { event })).toThrow(/Unknown variable/);
  });
});
