import { type EmailContext, EmailTemplateError } from "./context";
import { EmailLayout } from "./layout";
import { BulletList, ItemsTable, Paragraph, SecondaryButton, SectionHeading } from "./parts";
import { rich } from "./rich";

export function ReturnApprovedEmail({ ctx }: { ctx: EmailContext }) {
  const m = ctx.m.return_approved;
  const { orderNumber, returnInfo } = ctx.data;
  if (!returnInfo) throw new EmailTemplateError("return_approved e-mail needs data.returnInfo");
  const { rma, labelUrl } = returnInfo;
  return (
    <EmailLayout
      ctx={ctx}
      preview={m.preview}
      heading={m.heading}
      buttonLabel={m.button}
      after={<ItemsTable ctx={ctx} showTotal={false} />}
    >
      <Paragraph ctx={ctx}>{rich(m.intro, { orderNumber, rma })}</Paragraph>
      <SectionHeading ctx={ctx}>{m.stepsHeading}</SectionHeading>
      <BulletList
        ctx={ctx}
        ordered
        items={[m.stepPack, rich(m.stepRma, { rma }), labelUrl ? m.stepLabel : m.stepLabelPending, m.stepDropOff]}
      />
      {labelUrl ? <SecondaryButton ctx={ctx} href={labelUrl} label={m.labelButton} /> : null}
      <Paragraph ctx={ctx}>{m.refundNote}</Paragraph>
    </EmailLayout>
  );
}
