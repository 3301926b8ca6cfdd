import type { EmailContext } from "./context";
import { shipmentDetails } from "./details";
import { EmailLayout } from "./layout";
import { DetailsPanel, Paragraph, ShipmentProgress } from "./parts";
import { rich } from "./rich";

export function OutForDeliveryEmail({ ctx }: { ctx: EmailContext }) {
  const m = ctx.m.out_for_delivery;
  return (
    <EmailLayout
      ctx={ctx}
      preview={m.preview}
      heading={m.heading}
      buttonLabel={m.button}
      top={<ShipmentProgress ctx={ctx} step={2} />}
      after={<DetailsPanel ctx={ctx} rows={shipmentDetails(ctx, { estimate: false })} />}
    >
      <Paragraph ctx={ctx}>{rich(m.intro, { orderNumber: ctx.data.orderNumber })}</Paragraph>
      <Paragraph ctx={ctx}>{m.tip}</Paragraph>
    </EmailLayout>
  );
}
