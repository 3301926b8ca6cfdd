import { DEFAULT_RATE_CARDS } from "./cards/index";
import type { RateCard } from "./types";

export interface CarrierServices {
  carrier: string;
  carrierName: string;
  services: Array<{ service: string; serviceName: string; origins: string[] }>;
}

/** Every carrier and its services from a set of rate cards, for pickers (rules editor, exception queue). */
export function listCarrierServices(cards: readonly RateCard[] = DEFAULT_RATE_CARDS): CarrierServices[] {
  const byCarrier = new Map<string, CarrierServices>();
  for (const card of cards) {
    const entry = byCarrier.get(card.carrier) ?? { carrier: card.carrier, carrierName: card.carrierName, services: [] };
    byCarrier.set(card.carrier, entry);
    const service = entry.services.find((s) => s.service === card.service);
    if (service) service.origins = [...new Set([...service.origins, ...card.origins])].sort();
    else
      entry.services.push({ service: card.service, serviceName: card.serviceName, origins: [...card.origins].sort() });
  }
  return [...byCarrier.values()];
}

const EXTRA_CARRIER_NAMES: Record<string, string> = { demo: "Crossflow Demo Carrier", cainiao: "Cainiao" };

/** A carrier code as people read it ("dhl_express" → "DHL Express"), from the rate cards. */
export function carrierDisplayName(code: string, cards: readonly RateCard[] = DEFAULT_RATE_CARDS): string {
  return cards.find((card) => card.carrier === code)?.carrierName ?? EXTRA_CARRIER_NAMES[code] ?? code;
}
