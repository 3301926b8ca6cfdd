import type { EmailContext } from "./context";
import { EmailLayout } from "./layout";
import { DetailsPanel, Paragraph } from "./parts";
import { rich } from "./rich";

export function RefundIssuedEmail({ ctx }: { ctx: EmailContext }) {
  const m = ctx.m.refund_issued;
  const { orderNumber, refund } = ctx.data;
  return (
    <EmailLayout ctx={ctx} preview={m.preview} heading={m.heading} buttonLabel={m.button}>
      <Paragraph ctx={ctx}>
        {refund ? rich(m.intro, { amount: ctx.money(refund), orderNumber }) : rich(m.introNoAmount, { orderNumber })}
      </Paragraph>
      {refund ? (
        <DetailsPanel
          ctx={ctx}
          rows={[
            { label: ctx.m.common.orderLabel, value: orderNumber },
            { label: m.amountLabel, value: ctx.money(refund) },
          ]}
        />
      ) : null}
      <Paragraph ctx={ctx}>{m.timing}</Paragraph>
    </EmailLayout>
  );
}
