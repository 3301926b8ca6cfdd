import { render } from "@react-email/components";
import type { CustomerEmailData, CustomerEmailEvent, EmailBrand } from "./events";
import { isCustomerEmailEvent } from "./events";
import { type EmailLocale, formattingLocale, resolveEmailLocale } from "./locales";
import { EMAIL_MESSAGES } from "./messages/index";
import { createEmailContext, EmailTemplateError, isHttpUrl } from "./templates/context";
import { EMAIL_TEMPLATES } from "./templates/index";

export interface RenderCustomerEmailOptions {
  /** Any BCP 47 tag; resolved to a catalog locale (see `resolveEmailLocale`). */
  locale: string | null | undefined;
  brand: EmailBrand;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** The catalog locale the e-mail was written in. */
  locale: EmailLocale;
}

interface TextBuilder {
  addInline(text: string): void;
}
interface TextElement {
  attribs: Record<string, string>;
  children: unknown;
}

/**
 * Plain-text part: headings keep their case (upper-casing reads as shouting and does nothing for
 * CJK or Arabic), and table cells marked `data-text-suffix` get a separator so "Carrier" and
 * "DHL" do not run together.
 */
const htmlToTextOptions = {
  selectors: [
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
    { selector: "td[data-text-suffix]", format: "withSuffix" },
  ],
  formatters: {
    withSuffix: (elem: TextElement, walk: (nodes: unknown, builder: TextBuilder) => void, builder: TextBuilder) => {
      walk(elem.children, builder);
      builder.addInline(elem.attribs["data-text-suffix"] ?? "");
    },
  },
};

function validate(event: CustomerEmailEvent, data: CustomerEmailData): void {
  if (!isCustomerEmailEvent(event)) throw new EmailTemplateError(`Unknown customer e-mail event: ${String(event)}`);
  if (!data.orderNumber?.trim()) throw new EmailTemplateError("orderNumber is required");
  if (!isHttpUrl(data.trackingUrl))
    throw new EmailTemplateError(`trackingUrl must be an http(s) URL: ${data.trackingUrl}`);
  if (data.returnInfo?.labelUrl !== undefined && !isHttpUrl(data.returnInfo.labelUrl)) {
    throw new EmailTemplateError(`returnInfo.labelUrl must be an http(s) URL: ${data.returnInfo.labelUrl}`);
  }
  if (event === "customs_hold" && !data.customsHold)
    throw new EmailTemplateError("customs_hold needs data.customsHold");
  if (event === "return_approved" && !data.returnInfo)
    throw new EmailTemplateError("return_approved needs data.returnInfo");
}

/** Subject, HTML and plain text of one customer e-mail, in the shopper's locale and the tenant's branding. */
export async function renderCustomerEmail(
  event: CustomerEmailEvent,
  data: CustomerEmailData,
  options: RenderCustomerEmailOptions,
): Promise<RenderedEmail> {
  validate(event, data);
  const locale = resolveEmailLocale(options.locale);
  const messages = EMAIL_MESSAGES[locale];
  const ctx = createEmailContext({
    locale,
    intlLocale: formattingLocale(options.locale, locale),
    messages,
    brand: options.brand,
    data,
  });
  const Template = EMAIL_TEMPLATES[event];
  const element = <Template ctx={ctx} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true, htmlToTextOptions })]);
  return {
    subject: ctx.t(messages[event].subject, { orderNumber: data.orderNumber }),
    html,
    text,
    locale,
  };
}
