import type { EmailContext } from "./context";
import { shipmentDetails } from "./details";
import { EmailLayout } from "./layout";
import { DetailsPanel, ItemsTable, Paragraph, ShipmentProgress } from "./parts";
import { rich } from "./rich";

export function OrderConfirmedEmail({ ctx }: { ctx: EmailContext }) {
  const m = ctx.m.order_confirmed;
  const { orderNumber } = ctx.data;
  return (
    <EmailLayout
      ctx={ctx}
      preview={m.preview}
      heading={m.heading}
      buttonLabel={m.button}
      top={<ShipmentProgress ctx={ctx} step={0} />}
      after={
        <>
          <ItemsTable ctx={ctx} showTotal />
          <DetailsPanel ctx={ctx} rows={shipmentDetails(ctx, { estimate: true })} />
        </>
      }
    >
      <Paragraph ctx={ctx}>{rich(m.intro, { orderNumber })}</Paragraph>
      <Paragraph ctx={ctx}>{m.next}</Paragraph>
    </EmailLayout>
  );
}
