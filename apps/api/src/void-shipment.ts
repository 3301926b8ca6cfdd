import type { ShipmentRow } from "@crossflow/db";
import type { AppDeps } from "./context";
import { ApiError } from "./errors";

/** Cancels a booked shipment with its carrier (or the demo carrier); a refusal is a 409 with the carrier's reason. */
export function shipmentVoider(deps: AppDeps) {
  return async (shipment: ShipmentRow) => {
    const connected = deps.carriers?.[shipment.carrier] ?? deps.carriers?.demo;
    if (!connected || !shipment.trackingNumber) return;
    const result = await connected.adapter.cancelShipment(connected.credentials, {
      trackingNumber: shipment.trackingNumber,
      carrierShipmentId: shipment.carrierShipmentId ?? undefined,
    });
    if (!result.cancelled)
      throw new ApiError(
        "invalid_state",
        `${connected.adapter.name} could not cancel shipment ${shipment.trackingNumber}${result.detail ? `: ${result.detail}` : ""}`,
      );
  };
}
