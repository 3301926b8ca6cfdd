import { describe, expect, it } from "vitest";
import { progressOf } from "./progress";

const events = (...statuses: string[]) => statuses.map((status) => ({ status }));

describe("progressOf", () => {
  it("highlights the status reached on the happy path", () => {
    expect(
      progressOf({ status: "allocated", timeline: events("received", "payment_verified", "screened", "allocated") }),
    ).toEqual({
      current: 3,
      state: "normal",
      complete: false,
    });
    expect(progressOf({ status: "delivered", timeline: [] })).toEqual({ current: 8, state: "normal", complete: true });
  });

  it("pauses a held order at the stage after the last one it reached", () => {
    expect(progressOf({ status: "on_hold", timeline: events("received", "payment_verified", "on_hold") })).toEqual({
      current: 2,
      state: "on_hold",
      complete: false,
    });
    expect(progressOf({ status: "on_hold", timeline: events("on_hold") })).toMatchObject({
      current: 0,
      state: "on_hold",
    });
  });

  it("stops cancelled and returned orders where they were", () => {
    expect(progressOf({ status: "cancelled", timeline: events("received", "cancelled") })).toMatchObject({
      current: 1,
      state: "stopped",
    });
    expect(progressOf({ status: "returned", timeline: events("received", "delivered", "returned") })).toMatchObject({
      current: 8,
      state: "stopped",
    });
  });
});
