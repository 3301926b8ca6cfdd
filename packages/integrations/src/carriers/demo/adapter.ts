import { DEMO_TRACKING_CODES, sortTrackingEvents, type TrackingEvent, type TrackingLocation } from "@crossflow/domain";
import {
  type CarrierAdapter,
  type CarrierAddress,
  type CreateShipmentRequest,
  type ShipmentParcel,
  type TrackingQuery,
  toTrackingQueries,
} from "../types";

export interface DemoLabelInput {
  carrier: string;
  service: string;
  trackingNumber: string;
  reference: string;
  shipper: CarrierAddress;
  recipient: CarrierAddress;
  parcels: ShipmentParcel[];
  format: "pdf" | "zpl";
  createdAt: string;
}

/** Draws the label (the documents package provides it); the demo carrier never calls out. */
export type RenderLabel = (input: DemoLabelInput) => Uint8Array | Promise<Uint8Array>;

export interface DemoCarrierOptions {
  /** The code the adapter answers to: "demo", or a real carrier's code it stands in for without credentials. */
  carrier?: string;
  name?: string;
  renderLabel?: RenderLabel;
  /** Milliseconds clock. */
  now?: () => number;
  /** Simulated time: how many real minutes one step of the parcel's journey takes. Default 1. */
  minutesPerStep?: number;
  /** Two letters the tracking numbers start with. Default "CF". */
  prefix?: string;
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** UPU S10 check digit of an eight-digit serial. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new Error(`An S10 serial has eight digits: ${serial}`);
  const sum = S10_WEIGHTS.reduce((total, weight, i) => total + weight * Number(serial[i]), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** "CF" + 8-digit serial + check digit + the origin country: the UPU S10 shape postal items use. */
export function demoTrackingNumber(serial: number, originCountry: string, prefix = "CF"): string {
  const digits = String(Math.abs(Math.trunc(serial)) % 100_000_000).padStart(8, "0");
  return `${prefix}${digits}${s10CheckDigit(digits)}${originCountry.toUpperCase()}`;
}

export function isValidDemoTrackingNumber(trackingNumber: string): boolean {
  const match = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(trackingNumber);
  return match !== null && s10CheckDigit(match[2]!) === Number(match[3]);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export interface DemoScenario {
  customsHold: boolean;
  failedAttempt: boolean;
}

/** What happens to a parcel is decided by its number: about 1 in 4 is held by customs, 1 in 5 misses a delivery. */
export function demoScenario(trackingNumber: string, options: { domestic?: boolean } = {}): DemoScenario {
  const hash = fnv1a(trackingNumber.toUpperCase());
  return {
    customsHold: !options.domestic && hash % 100 < 25,
    failedAttempt: (hash >>> 8) % 100 < 20,
  };
}

export interface DemoTimelineInput {
  carrier?: string;
  trackingNumber: string;
  /** When the label was created: the journey starts there. */
  shippedAt: string;
  now: number | string | Date;
  minutesPerStep?: number;
  origin?: TrackingLocation;
  destination?: TrackingLocation;
}

/**
 * The events a demo parcel has had by `now`: information received at creation, picked up a
 * step later, line haul, a customs hold for some numbers, out for delivery, a failed attempt
 * for some numbers, delivered. Pure: the same number, start and time give the same events.
 */
export function demoTrackingEvents(input: DemoTimelineInput): TrackingEvent[] {
  const carrier = input.carrier ?? "demo";
  const start = Date.parse(input.shippedAt);
  if (Number.isNaN(start)) throw new Error(`Invalid shippedAt: ${input.shippedAt}`);
  const now =
    input.now instanceof Date ? input.now.getTime() : typeof input.now === "string" ? Date.parse(input.now) : input.now;
  const stepMs = (input.minutesPerStep ?? 1) * 60_000;
  const originCountry = input.origin?.country ?? /([A-Z]{2})$/.exec(input.trackingNumber)?.[1];
  const origin: TrackingLocation = { ...input.origin, country: originCountry };
  const destination: TrackingLocation = { ...input.destination };
  const domestic = origin.country !== undefined && origin.country === destination.country;
  const scenario = demoScenario(input.trackingNumber, { domestic });
  const hash = fnv1a(input.trackingNumber);

  const plan: Array<[number, string, TrackingLocation, string?]> = [
    [0, "IR", origin],
    [1, "PU", origin, origin.city ? `Picked up in ${origin.city}` : undefined],
    [2, "DF", origin],
    [3, "AF", destination],
  ];
  let step = 3;
  if (scenario.customsHold) {
    plan.push([step + 1, "CH", destination], [step + 4, "CR", destination]);
    step += 4;
  }
  plan.push([step + 1, "AR", destination], [step + 2, "OD", destination]);
  step += 2;
  if (scenario.failedAttempt) {
    plan.push([step + 1, "FA", destination], [step + 3, "OD", destination]);
    step += 3;
  }
  plan.push([step + 1, "DL", destination]);

  const events: TrackingEvent[] = [];
  for (const [index, [at, code, location, text]] of plan.entries()) {
    // A few seconds of scatter so scans do not all land on the minute.
    const jitter = at === 0 ? 0 : ((hash >>> (index % 24)) % 20) * 1000;
    const occurredAt = start + at * stepMs + jitter;
    if (occurredAt > now) break;
    const meaning = DEMO_TRACKING_CODES[code]!;
    events.push({
      carrier,
      trackingNumber: input.trackingNumber,
      status: meaning.status,
      carrierCode: code,
      description: text ?? meaning.label,
      occurredAt: new Date(occurredAt).toISOString(),
      location: Object.fromEntries(Object.entries(location).filter(([, v]) => v !== undefined)) as TrackingLocation,
      ...(meaning.reason ? { reason: meaning.reason } : {}),
    });
  }
  return events;
}

interface DemoShipment {
  shippedAt: string;
  origin: TrackingLocation;
  destination: TrackingLocation;
  cancelled: boolean;
}

export type DemoCarrierAdapter = CarrierAdapter<unknown> & {
  /** Shipments this instance created (lost on restart: pass `shippedAt` to track() to survive one). */
  readonly shipments: ReadonlyMap<string, Readonly<DemoShipment>>;
};

/**
 * The embedded default's carrier: realistic S10 tracking numbers, labels from the injected
 * renderer, and parcels that move through their journey in simulated minutes. No network.
 */
export function createDemoCarrierAdapter(options: DemoCarrierOptions = {}): DemoCarrierAdapter {
  const carrier = options.carrier ?? "demo";
  const now = options.now ?? Date.now;
  const minutesPerStep = options.minutesPerStep ?? 1;
  const prefix = options.prefix ?? "CF";
  const shipments = new Map<string, DemoShipment>();
  let counter = 0;

  const location = (address: CarrierAddress): TrackingLocation => ({ city: address.city, country: address.country });

  return {
    carrier,
    name: options.name ?? "Crossflow demo carrier",
    shipments,

    async createShipment(_credentials, request: CreateShipmentRequest) {
      const createdAt = new Date(now()).toISOString();
      let trackingNumber: string;
      do {
        counter += 1;
        trackingNumber = demoTrackingNumber(
          fnv1a(`${request.reference}|${createdAt}|${counter}`),
          request.shipper.country,
          prefix,
        );
      } while (shipments.has(trackingNumber));
      shipments.set(trackingNumber, {
        shippedAt: createdAt,
        origin: location(request.shipper),
        destination: location(request.recipient),
        cancelled: false,
      });
      const format = request.labelFormat ?? "pdf";
      const bytes = options.renderLabel
        ? await options.renderLabel({
            carrier,
            service: request.service,
            trackingNumber,
            reference: request.reference,
            shipper: request.shipper,
            recipient: request.recipient,
            parcels: request.parcels,
            format,
            createdAt,
          })
        : null;
      return {
        carrier,
        trackingNumber,
        carrierShipmentId: trackingNumber,
        parcelTrackingNumbers: [trackingNumber],
        label: bytes ? { format, bytes } : null,
      };
    },

    async cancelShipment(_credentials, shipment) {
      const known = shipments.get(shipment.trackingNumber);
      if (!known) return { cancelled: false, detail: `Unknown demo shipment ${shipment.trackingNumber}` };
      const events = demoTrackingEvents({
        trackingNumber: shipment.trackingNumber,
        shippedAt: known.shippedAt,
        now: now(),
        minutesPerStep,
      });
      if (events.some((e) => e.carrierCode === "PU")) {
        return { cancelled: false, detail: "The parcel has been picked up; it can no longer be cancelled" };
      }
      known.cancelled = true;
      return { cancelled: true };
    },

    async track(_credentials, queries: ReadonlyArray<string | TrackingQuery>) {
      const events: TrackingEvent[] = [];
      for (const query of toTrackingQueries(queries)) {
        const known = shipments.get(query.trackingNumber);
        if (known?.cancelled) continue;
        const shippedAt = query.shippedAt ?? known?.shippedAt;
        if (!shippedAt || !isValidDemoTrackingNumber(query.trackingNumber)) continue;
        events.push(
          ...demoTrackingEvents({
            carrier,
            trackingNumber: query.trackingNumber,
            shippedAt,
            now: now(),
            minutesPerStep,
            origin: known?.origin,
            destination: known?.destination,
          }),
        );
      }
      return sortTrackingEvents(events);
    },
  };
}
