import { type EmailContext, EmailTemplateError } from "./context";
import { shipmentDetails } from "./details";
import { EmailLayout } from "./layout";
import { BulletList, DetailsPanel, Paragraph, SectionHeading, ShipmentProgress } from "./parts";
import { rich } from "./rich";

export function CustomsHoldEmail({ ctx }: { ctx: EmailContext }) {
  const m = ctx.m.customs_hold;
  const { orderNumber, customsHold } = ctx.data;
  if (!customsHold) throw new EmailTemplateError("customs_hold e-mail needs data.customsHold");
  return (
    <EmailLayout
      ctx={ctx}
      preview={m.preview}
      heading={m.heading}
      buttonLabel={m.button}
      top={<ShipmentProgress ctx={ctx} step={1} attention />}
      after={<DetailsPanel ctx={ctx} rows={shipmentDetails(ctx, { estimate: false })} />}
    >
      <Paragraph ctx={ctx}>
        {rich(m.intro, { date: ctx.date(customsHold.since), orderNumber, country: ctx.country(customsHold.country) })}
      </Paragraph>
      <SectionHeading ctx={ctx}>{m.meaningHeading}</SectionHeading>
      <Paragraph ctx={ctx}>{m.meaning}</Paragraph>
      <SectionHeading ctx={ctx}>{m.askedHeading}</SectionHeading>
      <BulletList ctx={ctx} items={[m.askedId, m.askedInvoice, m.askedDuties]} />
      <Paragraph ctx={ctx}>{m.respond}</Paragraph>
    </EmailLayout>
  );
}
