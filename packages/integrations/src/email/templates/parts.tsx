import { Button, Column, Heading, Row, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import type { EmailContext } from "./context";

export const INK = "#111827";
export const BODY_TEXT = "#374151";
export const MUTED = "#6b7280";
export const HAIRLINE = "#e5e7eb";
export const PANEL = "#f9fafb";
export const ATTENTION = "#d97706";

export const FONT_STACK =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans", "Microsoft YaHei", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans", "Noto Sans CJK SC", "Noto Sans Arabic", Tahoma, sans-serif';

export function Paragraph({ ctx, children, muted }: { ctx: EmailContext; children: ReactNode; muted?: boolean }) {
  return (
    <Text
      style={{
        margin: "0 0 16px",
        fontSize: muted ? "14px" : "15px",
        lineHeight: muted ? "22px" : "24px",
        color: muted ? MUTED : BODY_TEXT,
        textAlign: ctx.start,
      }}
    >
      {children}
    </Text>
  );
}

export function SectionHeading({ ctx, children }: { ctx: EmailContext; children: ReactNode }) {
  return (
    <Heading
      as="h2"
      style={{
        margin: "24px 0 8px",
        fontSize: "16px",
        lineHeight: "24px",
        fontWeight: 700,
        color: INK,
        textAlign: ctx.start,
      }}
    >
      {children}
    </Heading>
  );
}

export function BulletList({ ctx, items, ordered }: { ctx: EmailContext; items: ReactNode[]; ordered?: boolean }) {
  const padding: CSSProperties =
    ctx.dir === "rtl" ? { paddingRight: "22px", paddingLeft: 0 } : { paddingLeft: "22px", paddingRight: 0 };
  const style: CSSProperties = { margin: "0 0 16px", ...padding, color: BODY_TEXT, textAlign: ctx.start };
  const children = items.map((item, index) => (
    <li key={index} style={{ margin: "0 0 8px", fontSize: "15px", lineHeight: "24px" }}>
      {item}
    </li>
  ));
  return ordered ? <ol style={style}>{children}</ol> : <ul style={style}>{children}</ul>;
}

export function PrimaryButton({ ctx, href, label }: { ctx: EmailContext; href: string; label: string }) {
  return (
    <Section style={{ margin: "8px 0 24px", textAlign: ctx.start }}>
      <Button
        href={href}
        style={{
          backgroundColor: ctx.brand.color,
          color: ctx.brand.onColor,
          borderRadius: "8px",
          fontSize: "15px",
          fontWeight: 600,
          lineHeight: "20px",
          padding: "13px 24px",
          textDecoration: "none",
          display: "inline-block",
        }}
      >
        {label}
      </Button>
    </Section>
  );
}

/** An outlined button for a second action (the return label); ink text so pale brand colours stay readable. */
export function SecondaryButton({ ctx, href, label }: { ctx: EmailContext; href: string; label: string }) {
  return (
    <Section style={{ margin: "0 0 20px", textAlign: ctx.start }}>
      <Button
        href={href}
        style={{
          backgroundColor: "#ffffff",
          color: INK,
          border: `2px solid ${ctx.brand.color}`,
          borderRadius: "8px",
          fontSize: "14px",
          fontWeight: 600,
          lineHeight: "20px",
          padding: "9px 18px",
          textDecoration: "none",
          display: "inline-block",
        }}
      >
        {label}
      </Button>
    </Section>
  );
}

export interface DetailRow {
  label: string;
  value: string;
}

export function DetailsPanel({ ctx, rows }: { ctx: EmailContext; rows: DetailRow[] }) {
  const end = ctx.start === "left" ? "right" : "left";
  return (
    <Section style={{ backgroundColor: PANEL, borderRadius: "8px", padding: "8px 20px", margin: "0 0 24px" }}>
      {rows.map((row, index) => (
        <Row key={row.label} style={{ borderTop: index === 0 ? "none" : `1px solid ${HAIRLINE}` }}>
          <Column
            data-text-suffix=": "
            style={{ padding: "10px 0", fontSize: "13px", lineHeight: "20px", color: MUTED, textAlign: ctx.start }}
          >
            {row.label}
          </Column>
          <Column
            style={{
              padding: "10px 0",
              fontSize: "14px",
              lineHeight: "20px",
              color: INK,
              fontWeight: 600,
              textAlign: end,
            }}
          >
            {row.value}
          </Column>
        </Row>
      ))}
    </Section>
  );
}

export function ItemsTable({ ctx, showTotal }: { ctx: EmailContext; showTotal: boolean }) {
  const { data, m } = ctx;
  if (data.items.length === 0) return null;
  const end = ctx.start === "left" ? "right" : "left";
  return (
    <Section style={{ margin: "0 0 24px" }}>
      <Text
        style={{
          margin: "0 0 4px",
          fontSize: "12px",
          lineHeight: "18px",
          letterSpacing: ctx.locale === "ar" ? "0" : "0.06em",
          textTransform: "uppercase",
          color: MUTED,
          fontWeight: 600,
          textAlign: ctx.start,
        }}
      >
        {m.common.itemsHeading}
      </Text>
      {data.items.map((item, index) => (
        <Row key={`${index}-${item.title}`} style={{ borderBottom: `1px solid ${HAIRLINE}` }}>
          <Column
            data-text-suffix=" – "
            style={{ padding: "12px 0", fontSize: "15px", lineHeight: "22px", color: INK, textAlign: ctx.start }}
          >
            {item.title}
          </Column>
          <Column
            style={{
              padding: "12px 0",
              fontSize: "14px",
              lineHeight: "22px",
              color: MUTED,
              textAlign: end,
              whiteSpace: "nowrap",
              width: "120px",
            }}
          >
            {ctx.t(m.common.quantity, { quantity: ctx.integer(item.quantity) })}
          </Column>
        </Row>
      ))}
      {showTotal && data.total ? (
        <Row>
          <Column
            data-text-suffix=": "
            style={{ padding: "12px 0 0", fontSize: "15px", color: INK, fontWeight: 700, textAlign: ctx.start }}
          >
            {m.common.total}
          </Column>
          <Column style={{ padding: "12px 0 0", fontSize: "15px", color: INK, fontWeight: 700, textAlign: end }}>
            {ctx.money(data.total)}
          </Column>
        </Row>
      ) : null}
    </Section>
  );
}

export type ProgressStep = 0 | 1 | 2 | 3;

/** Ordered → shipped → out for delivery → delivered; the current step turns amber when it needs attention. */
export function ShipmentProgress({
  ctx,
  step,
  attention,
}: {
  ctx: EmailContext;
  step: ProgressStep;
  attention?: boolean;
}) {
  const labels = [
    ctx.m.progress.ordered,
    ctx.m.progress.shipped,
    ctx.m.progress.outForDelivery,
    ctx.m.progress.delivered,
  ];
  return (
    <Section style={{ margin: "0 0 24px" }} dir={ctx.dir} data-skip-in-text="true">
      <Row>
        {labels.map((label, index) => {
          const reached = index <= step;
          const current = index === step;
          const color = current && attention ? ATTENTION : reached ? ctx.brand.color : HAIRLINE;
          return (
            <Column key={label} style={{ width: "25%", padding: "0 2px", verticalAlign: "top" }}>
              <div
                style={{
                  height: "4px",
                  lineHeight: "4px",
                  fontSize: "1px",
                  borderRadius: "2px",
                  backgroundColor: color,
                }}
              >
                &nbsp;
              </div>
              <Text
                style={{
                  margin: "8px 0 0",
                  fontSize: "12px",
                  lineHeight: "16px",
                  color: current ? (attention ? ATTENTION : INK) : reached ? BODY_TEXT : MUTED,
                  fontWeight: current ? 700 : 400,
                  textAlign: ctx.start,
                }}
              >
                {label}
              </Text>
            </Column>
          );
        })}
      </Row>
    </Section>
  );
}
