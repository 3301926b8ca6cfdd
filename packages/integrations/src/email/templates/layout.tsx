import { Body, Container, Head, Heading, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { EmailContext } from "./context";
import { BODY_TEXT, FONT_STACK, HAIRLINE, INK, MUTED, PrimaryButton } from "./parts";

export interface EmailLayoutProps {
  ctx: EmailContext;
  preview: string;
  heading: string;
  /** Main call to action: always the customer portal link. */
  buttonLabel: string;
  /** Shown between the heading and the body: a progress bar, a status badge. */
  top?: ReactNode;
  children: ReactNode;
  /** Shown after the button: details, items. */
  after?: ReactNode;
}

/** Shared frame: brand header, greeting, body, the portal button with its fallback link, sign-off and footer. */
export function EmailLayout({ ctx, preview, heading, buttonLabel, top, children, after }: EmailLayoutProps) {
  const { brand, data, m } = ctx;
  const name = data.customerName.trim();
  return (
    <Html lang={ctx.locale} dir={ctx.dir}>
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body
        dir={ctx.dir}
        style={{
          backgroundColor: "#f3f4f6",
          margin: 0,
          padding: "32px 12px",
          fontFamily: FONT_STACK,
          direction: ctx.dir,
        }}
      >
        <Container
          dir={ctx.dir}
          style={{
            maxWidth: "600px",
            backgroundColor: "#ffffff",
            borderRadius: "12px",
            border: `1px solid ${HAIRLINE}`,
            borderTop: `4px solid ${brand.color}`,
            overflow: "hidden",
          }}
        >
          <Section style={{ padding: "28px 36px 0", textAlign: ctx.start }}>
            {brand.logoUrl ? (
              <Img
                src={brand.logoUrl}
                alt={brand.name}
                height="36"
                style={{ height: "36px", width: "auto", display: "inline-block", border: 0 }}
              />
            ) : (
              <Text
                style={{
                  margin: 0,
                  fontSize: "20px",
                  lineHeight: "28px",
                  fontWeight: 800,
                  color: INK,
                  textAlign: ctx.start,
                }}
              >
                {brand.name}
              </Text>
            )}
          </Section>
          <Section style={{ padding: "28px 36px 8px" }}>
            <Text
              style={{
                margin: "0 0 6px",
                fontSize: "13px",
                lineHeight: "20px",
                color: MUTED,
                fontWeight: 600,
                textAlign: ctx.start,
              }}
            >
              {m.common.orderLabel} {data.orderNumber}
            </Text>
            <Heading
              as="h1"
              style={{
                margin: "0 0 24px",
                fontSize: "26px",
                lineHeight: "34px",
                fontWeight: 700,
                color: INK,
                textAlign: ctx.start,
              }}
            >
              {heading}
            </Heading>
            {top}
            <Text
              style={{
                margin: "0 0 16px",
                fontSize: "15px",
                lineHeight: "24px",
                color: BODY_TEXT,
                textAlign: ctx.start,
              }}
            >
              {name ? ctx.t(m.common.greeting, { name }) : m.common.greetingAnonymous}
            </Text>
            {children}
            <PrimaryButton ctx={ctx} href={data.trackingUrl} label={buttonLabel} />
            {after}
            <Text
              style={{
                margin: "0 0 4px",
                fontSize: "15px",
                lineHeight: "24px",
                color: BODY_TEXT,
                textAlign: ctx.start,
              }}
            >
              {m.common.regards}
            </Text>
            <Text
              style={{
                margin: "0 0 28px",
                fontSize: "15px",
                lineHeight: "24px",
                color: INK,
                fontWeight: 600,
                textAlign: ctx.start,
              }}
            >
              {ctx.t(m.common.team, { brand: brand.senderName || brand.name })}
            </Text>
          </Section>
          <Hr style={{ borderColor: HAIRLINE, margin: 0 }} />
          <Section style={{ padding: "20px 36px 28px", backgroundColor: "#fafafa" }}>
            <Text
              style={{ margin: "0 0 12px", fontSize: "13px", lineHeight: "20px", color: MUTED, textAlign: ctx.start }}
            >
              {brand.replyTo
                ? ctx.t(m.common.questionsReply, { brand: brand.name })
                : ctx.t(m.common.questionsPortal, { brand: brand.name })}
            </Text>
            <Text
              style={{ margin: "0 0 12px", fontSize: "12px", lineHeight: "18px", color: MUTED, textAlign: ctx.start }}
            >
              {m.common.buttonFallback} {/* A URL reads left to right, also inside Arabic text. */}
              <Link
                href={data.trackingUrl}
                dir="ltr"
                style={{ color: MUTED, textDecoration: "underline", wordBreak: "break-all", unicodeBidi: "embed" }}
              >
                {data.trackingUrl}
              </Link>
            </Text>
            <Text style={{ margin: 0, fontSize: "12px", lineHeight: "18px", color: MUTED, textAlign: ctx.start }}>
              {ctx.t(m.common.footer, { orderNumber: data.orderNumber, brand: brand.name })}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
