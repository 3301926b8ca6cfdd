import { currentTrackingStatus } from "@crossflow/domain";
import { describe, expect, it } from "vitest";
import { sampleShipment } from "../testing/sample-shipment";
import {
  createDemoCarrierAdapter,
  type DemoLabelInput,
  demoScenario,
  demoTrackingEvents,
  demoTrackingNumber,
  isValidDemoTrackingNumber,
  s10CheckDigit,
} from "./adapter";

const START = Date.parse("2025-03-03T09:00:00Z");
const MINUTE = 60_000;

function clock(at = START) {
  let now = at;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** Numbers from a run of serials, for finding parcels with a given fate. */
function numbers(count: number, country = "CN"): string[] {
  return Array.from({ length: count }, (_, i) => demoTrackingNumber(10_000_000 + i * 7919, country));
}

describe("S10 tracking numbers", () => {
  it("computes the UPU check digit", () => {
    // The S10 standard's worked example: AA 47312482 9 GB (weights 8 6 4 2 3 5 9 7, sum 200, 11 − 200 mod 11 = 9).
    expect(s10CheckDigit("47312482")).toBe(9);
    expect(demoTrackingNumber(47312482, "gb", "AA")).toBe("AA473124829GB");
    expect(isValidDemoTrackingNumber("AA473124829GB")).toBe(true);
    expect(isValidDemoTrackingNumber("AA473124828GB")).toBe(false);
    // A remainder of 0 gives 11, written 5; a remainder of 1 gives 10, written 0 (3 × 4 = 12).
    expect(s10CheckDigit("00000000")).toBe(5);
    expect(s10CheckDigit("00004000")).toBe(0);
  });
});

describe("demo carrier", () => {
  it("creates a shipment with a realistic number and the injected label, without any network", async () => {
    const rendered: DemoLabelInput[] = [];
    const adapter = createDemoCarrierAdapter({
      now: clock().now,
      renderLabel: (input) => {
        rendered.push(input);
        return new TextEncoder().encode(`%PDF-1.7 label ${input.trackingNumber}`);
      },
    });
    const created = await adapter.createShipment({}, sampleShipment());
    expect(created.trackingNumber).toMatch(/^CF\d{9}CN$/);
    expect(isValidDemoTrackingNumber(created.trackingNumber)).toBe(true);
    expect(created.carrierShipmentId).toBe(created.trackingNumber);
    expect(created.label?.format).toBe("pdf");
    expect(new TextDecoder().decode(created.label!.bytes)).toBe(`%PDF-1.7 label ${created.trackingNumber}`);
    expect(rendered[0]).toMatchObject({ carrier: "demo", service: "express_worldwide", format: "pdf" });

    const second = await adapter.createShipment({}, sampleShipment());
    expect(second.trackingNumber).not.toBe(created.trackingNumber);
  });

  it("returns no label when no renderer is wired", async () => {
    const created = await createDemoCarrierAdapter({ now: clock().now }).createShipment({}, sampleShipment());
    expect(created.label).toBeNull();
  });

  it("moves a parcel along over simulated minutes, so polling shows progress", async () => {
    const time = clock();
    const adapter = createDemoCarrierAdapter({ now: time.now });
    const { trackingNumber } = await adapter.createShipment({}, sampleShipment());

    const seen: Array<string | null> = [];
    for (let minute = 0; minute <= 20; minute += 1) {
      seen.push(currentTrackingStatus(await adapter.track({}, [trackingNumber])));
      time.advance(MINUTE);
    }
    expect(seen[0]).toBe("info_received");
    expect(seen[2]).toBe("in_transit");
    expect(seen.at(-1)).toBe("delivered");
    const events = await adapter.track({}, [trackingNumber]);
    expect(events[0]).toMatchObject({
      carrier: "demo",
      carrierCode: "IR",
      location: { city: "Shenzhen", country: "CN" },
    });
    expect(events.at(-1)).toMatchObject({ carrierCode: "DL", location: { city: "Berlin", country: "DE" } });
    expect(events.map((e) => e.occurredAt)).toEqual([...events.map((e) => e.occurredAt)].sort());
  });

  it("puts some parcels through a customs hold and some through a failed attempt, deterministically", () => {
    const fates = numbers(400).map((n) => demoScenario(n));
    const held = fates.filter((f) => f.customsHold).length;
    const missed = fates.filter((f) => f.failedAttempt).length;
    expect(held).toBeGreaterThan(60);
    expect(held).toBeLessThan(140);
    expect(missed).toBeGreaterThan(45);
    expect(missed).toBeLessThan(120);
    expect(numbers(400).map((n) => demoScenario(n))).toEqual(fates);
    expect(demoScenario(numbers(400).find((n) => demoScenario(n).customsHold)!, { domestic: true }).customsHold).toBe(
      false,
    );
  });

  it("shows the hold, its release, the failed attempt and the redelivery in the timeline", () => {
    const both = numbers(2000).find((n) => demoScenario(n).customsHold && demoScenario(n).failedAttempt)!;
    const shippedAt = new Date(START).toISOString();
    const all = demoTrackingEvents({ trackingNumber: both, shippedAt, now: START + 60 * MINUTE });
    expect(all.map((e) => e.carrierCode)).toEqual(["IR", "PU", "DF", "AF", "CH", "CR", "AR", "OD", "FA", "OD", "DL"]);
    expect(all.find((e) => e.carrierCode === "FA")).toMatchObject({
      status: "failed_attempt",
      reason: "recipient_unavailable",
    });

    const during = demoTrackingEvents({ trackingNumber: both, shippedAt, now: START + 5 * MINUTE + 30_000 });
    expect(currentTrackingStatus(during)).toBe("customs_hold");

    const plain = numbers(2000).find((n) => !demoScenario(n).customsHold && !demoScenario(n).failedAttempt)!;
    expect(
      demoTrackingEvents({ trackingNumber: plain, shippedAt, now: START + 60 * MINUTE }).map((e) => e.carrierCode),
    ).toEqual(["IR", "PU", "DF", "AF", "AR", "OD", "DL"]);
  });

  it("is deterministic and scales with the step length", () => {
    const n = numbers(1)[0]!;
    const shippedAt = new Date(START).toISOString();
    const a = demoTrackingEvents({ trackingNumber: n, shippedAt, now: START + 30 * MINUTE });
    expect(demoTrackingEvents({ trackingNumber: n, shippedAt, now: START + 30 * MINUTE })).toEqual(a);
    const slow = demoTrackingEvents({ trackingNumber: n, shippedAt, now: START + 30 * MINUTE, minutesPerStep: 10 });
    expect(slow.length).toBeLessThan(a.length);
    expect(slow.length).toBeGreaterThanOrEqual(3);
  });

  it("tracks after a restart from the creation time the caller stored, and not without it", async () => {
    const time = clock(START + 30 * MINUTE);
    const fresh = createDemoCarrierAdapter({ now: time.now });
    const n = numbers(1)[0]!;
    expect(await fresh.track({}, [n])).toEqual([]);
    const events = await fresh.track({}, [{ trackingNumber: n, shippedAt: new Date(START).toISOString() }]);
    expect(currentTrackingStatus(events)).toBe("delivered");
    expect(
      await fresh.track({}, [{ trackingNumber: "CF123456789CN", shippedAt: new Date(START).toISOString() }]),
    ).toEqual([]);
  });

  it("cancels before pickup only", async () => {
    const time = clock();
    const adapter = createDemoCarrierAdapter({ now: time.now });
    const early = await adapter.createShipment({}, sampleShipment());
    expect(await adapter.cancelShipment({}, { trackingNumber: early.trackingNumber })).toEqual({ cancelled: true });
    expect(await adapter.track({}, [early.trackingNumber])).toEqual([]);
    const late = await adapter.createShipment({}, sampleShipment());
    time.advance(3 * MINUTE);
    expect((await adapter.cancelShipment({}, { trackingNumber: late.trackingNumber })).cancelled).toBe(false);
  });

  it("can stand in for a real carrier code", async () => {
    const adapter = createDemoCarrierAdapter({ carrier: "ups", now: clock().now });
    const created = await adapter.createShipment({}, sampleShipment());
    expect(created.carrier).toBe("ups");
    expect((await adapter.track({}, [created.trackingNumber]))[0]?.carrier).toBe("ups");
  });
});
