import type { EmailContext } from "./context";
import { EmailLayout } from "./layout";
import { ItemsTable, Paragraph, ShipmentProgress } from "./parts";
import { rich } from "./rich";

export function DeliveredEmail({ ctx }: { ctx: EmailContext }) {
  const m = ctx.m.delivered;
  return (
    <EmailLayout
      ctx={ctx}
      preview={m.preview}
      heading={m.heading}
      buttonLabel={m.button}
      top={<ShipmentProgress ctx={ctx} step={3} />}
      after={<ItemsTable ctx={ctx} showTotal={false} />}
    >
      <Paragraph ctx={ctx}>{rich(m.intro, { orderNumber: ctx.data.orderNumber })}</Paragraph>
      <Paragraph ctx={ctx}>{m.notFound}</Paragraph>
      <Paragraph ctx={ctx}>{m.returns}</Paragraph>
    </EmailLayout>
  );
}
