import { useFormat } from "@crossflow/i18n/react";
import { Badge, StatusBadge } from "../Badge";

/** Localized status badge; hold reasons, when given, become its tooltip. */
export function OrderStatusBadge({
  status,
  holds,
  size,
}: {
  status: string;
  holds?: Array<{ message: string }>;
  size?: "lg";
}) {
  const format = useFormat();
  const title = holds && holds.length > 0 ? holds.map((hold) => hold.message).join("\n") : undefined;
  return <StatusBadge status={status} label={format.status(status)} size={size} title={title} />;
}

/** ISO code plus the localized country name. */
export function CountryLabel({ code }: { code: string }) {
  const format = useFormat();
  return (
    <span className="cf-nowrap" title={format.country(code)}>
      <Badge square>{code}</Badge> <span className="cf-country-name">{format.country(code)}</span>
    </span>
  );
}
