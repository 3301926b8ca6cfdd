import type { EmailContext } from "./context";
import { shipmentDetails } from "./details";
import { EmailLayout } from "./layout";
import { DetailsPanel, Paragraph, SectionHeading, ShipmentProgress } from "./parts";
import { rich } from "./rich";

export function FailedAttemptEmail({ ctx }: { ctx: EmailContext }) {
  const m = ctx.m.failed_attempt;
  const { orderNumber, carrier, failedAttempt } = ctx.data;
  const reason = failedAttempt?.reason?.trim();
  const nextStep = failedAttempt?.nextStep?.trim();
  return (
    <EmailLayout
      ctx={ctx}
      preview={m.preview}
      heading={m.heading}
      buttonLabel={m.button}
      top={<ShipmentProgress ctx={ctx} step={2} attention />}
      after={<DetailsPanel ctx={ctx} rows={shipmentDetails(ctx, { estimate: false })} />}
    >
      <Paragraph ctx={ctx}>
        {carrier ? rich(m.intro, { carrier: carrier.name, orderNumber }) : rich(m.introNoCarrier, { orderNumber })}
      </Paragraph>
      {reason ? <Paragraph ctx={ctx}>{ctx.t(m.reason, { reason })}</Paragraph> : null}
      <SectionHeading ctx={ctx}>{m.nextHeading}</SectionHeading>
      {nextStep ? <Paragraph ctx={ctx}>{ctx.t(m.nextStep, { nextStep })}</Paragraph> : null}
      <Paragraph ctx={ctx}>{m.nextDefault}</Paragraph>
      <SectionHeading ctx={ctx}>{m.rescheduleHeading}</SectionHeading>
      <Paragraph ctx={ctx}>
        {m.reschedule}
        {carrier
          ? [" ", rich(m.contactCarrier, { carrier: carrier.name, trackingNumber: carrier.trackingNumber })]
          : null}
      </Paragraph>
    </EmailLayout>
  );
}
