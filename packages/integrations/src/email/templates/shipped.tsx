import type { EmailContext } from "./context";
import { shipmentDetails } from "./details";
import { EmailLayout } from "./layout";
import { DetailsPanel, ItemsTable, Paragraph, ShipmentProgress } from "./parts";
import { rich } from "./rich";

export function ShippedEmail({ ctx }: { ctx: EmailContext }) {
  const m = ctx.m.shipped;
  const { orderNumber, carrier } = ctx.data;
  return (
    <EmailLayout
      ctx={ctx}
      preview={m.preview}
      heading={m.heading}
      buttonLabel={m.button}
      top={<ShipmentProgress ctx={ctx} step={1} />}
      after={<ItemsTable ctx={ctx} showTotal={false} />}
    >
      <Paragraph ctx={ctx}>
        {rich(m.intro, { orderNumber })}
        {carrier ? [" ", rich(m.withCarrier, { carrier: carrier.name, trackingNumber: carrier.trackingNumber })] : null}
      </Paragraph>
      <DetailsPanel ctx={ctx} rows={shipmentDetails(ctx, { estimate: true })} />
      <Paragraph ctx={ctx} muted>
        {m.firstScan}
      </Paragraph>
    </EmailLayout>
  );
}
