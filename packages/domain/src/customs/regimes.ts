import { isEuMember } from "../country";
import type { LandedCostLineResult } from "./landed-cost-types";
import { thresholdOn } from "./low-value-thresholds";
import { allDutyKnown, formatMoney, knownDuty, type QuoteContext, type RegimeOutcome } from "./quote-context";

const NO_DUTY_SOURCE = "no duty under this regime";

interface TaxedOutcome {
  regime: string;
  description: string;
  country: string;
  lines: LandedCostLineResult[];
  /** Whether shipping and insurance belong to the tax base (they do, except in Canada). */
  taxIncludesFreight?: boolean;
  taxAtPointOfSale: boolean;
}

/** VAT/GST on goods (+ freight) + duty at the country's standard rate. */
function withTax(ctx: QuoteContext, o: TaxedOutcome): RegimeOutcome {
  const rate = ctx.taxRate(o.country);
  const duty = knownDuty(o.lines);
  const dutyKnown = allDutyKnown(o.lines);
  const taxBase = ctx.goods + (o.taxIncludesFreight === false ? 0 : ctx.freight) + duty;
  let tax = 0;
  let taxKnown = rate !== null;
  if (rate && rate.taxName !== "none") {
    tax = ctx.applyTax(taxBase, rate);
    const parts = [
      "goods",
      ...(o.taxIncludesFreight === false ? [] : ["shipping", "insurance"]),
      ...(duty ? ["duty"] : []),
    ];
    ctx.explanation.push(
      `${o.country} ${rate.taxName} ${rate.ratePercent} % (in force since ${rate.validFrom}) on ${parts.join(" + ")} ${ctx.money(taxBase)} = ${ctx.money(tax)}, ${o.taxAtPointOfSale ? "charged by the seller at checkout" : "collected at import"}.`,
    );
    if (!dutyKnown) {
      taxKnown = false;
      ctx.warn("The tax base includes the unknown duty: the tax shown covers the known part only.");
    }
    ctx.warn(
      `${o.country} ${rate.taxName}: the standard rate is applied; goods with a reduced or zero rate (books, food, children's goods in some countries) pay less.`,
    );
  } else if (rate) {
    ctx.explanation.push(`${o.country} levies no VAT or GST on imports (${rate.source}).`);
  }
  return {
    regime: o.regime,
    description: o.description,
    lines: o.lines,
    taxRate: rate,
    taxBase: rate && rate.taxName !== "none" ? taxBase : 0,
    tax,
    taxKnown,
    taxAtPointOfSale: o.taxAtPointOfSale,
    fees: [],
  };
}

function noTax(regime: string, description: string, lines: LandedCostLineResult[]): RegimeOutcome {
  return {
    regime,
    description,
    lines,
    taxRate: null,
    taxBase: 0,
    tax: 0,
    taxKnown: true,
    taxAtPointOfSale: false,
    fees: [],
  };
}

function european(ctx: QuoteContext): RegimeOutcome {
  const destination = ctx.request.destination;
  const ioss = ctx.options.iossRegistered ?? true;
  const iossRule = thresholdOn("EU_IOSS_150", ctx.date);
  const limit = iossRule ?? thresholdOn("EU_DUTY_RELIEF_150", ctx.date);
  const lowValue = limit ? ctx.compareToThreshold(ctx.goods, limit, "Intrinsic value of the goods") : false;
  if (!lowValue) {
    ctx.explanation.push(
      "Above EUR 150: customs duty at the tariff rate on the customs value (goods + shipping + insurance to the EU border), then import VAT on customs value + duty.",
    );
    if (ioss) ctx.explanation.push("IOSS cannot be used above EUR 150; VAT is paid at import.");
    ctx.warn(
      "All shipping is counted in the customs value as carriage to the EU border; the leg inside the EU would strictly be excluded from the duty base.",
    );
    return withTax(ctx, {
      regime: "EU_STANDARD_IMPORT",
      description: "EU import above EUR 150: duty + import VAT at the border",
      country: destination,
      lines: ctx.dutyFromTable(destination, "CIF"),
      taxAtPointOfSale: false,
    });
  }

  let lines: LandedCostLineResult[];
  const relief = thresholdOn("EU_DUTY_RELIEF_150", ctx.date);
  const flat = thresholdOn("EU_FLAT_DUTY_3", ctx.date);
  if (relief) {
    ctx.applyRule(relief);
    ctx.explanation.push(`No customs duty: consignments up to EUR 150 are relieved until 2026-06-30 (${relief.id}).`);
    lines = ctx.dutyRelief("EUR 150 duty relief", relief.source);
  } else if (flat && ioss) {
    ctx.applyRule(flat);
    const perCategory = ctx.convert(flat.amount, flat.currency, ctx.currency);
    const counted = new Set<string>();
    lines = ctx.lines.map((line) => {
      const first = !counted.has(line.subheading);
      counted.add(line.subheading);
      return {
        index: line.index,
        hsCode: line.input.hsCode,
        subheading: line.subheading,
        quantity: line.input.quantity,
        lineValue: line.lineValue,
        dutiableValue: 0,
        dutyKnown: true,
        duty: first ? perCategory : 0,
        dutyRatePercent: null,
        dutyBasis: "flat_per_tariff_subheading" as const,
        dutySource: flat.source,
        note: first
          ? `EUR 3 for tariff subheading ${line.subheading}`
          : `subheading ${line.subheading} already counted on an earlier line`,
      };
    });
    ctx.explanation.push(
      `Interim flat duty from 2026-07-01: ${formatMoney(flat.amount, flat.currency)} × ${counted.size} distinct tariff subheading${counted.size === 1 ? "" : "s"} (${[...counted].join(", ")}) = ${ctx.money(perCategory * counted.size)}${flat.currency === ctx.currency ? "" : ` (EUR 3 = ${ctx.money(perCategory)})`}.`,
    );
  } else {
    ctx.explanation.push(
      "The EUR 150 duty relief no longer applies on this date: duty at the tariff rates on the customs value.",
    );
    if (flat) {
      ctx.warn(
        "Without IOSS the interim EUR 3 flat duty covers postal consignments only; a courier consignment is charged the normal tariff rates computed here. If this parcel goes by post, the flat EUR 3 per tariff subheading applies instead.",
      );
    }
    lines = ctx.dutyFromTable(destination, "CIF");
  }

  if (ioss && iossRule) {
    ctx.applyRule(iossRule);
    ctx.explanation.push(
      `IOSS: the seller charges ${destination} VAT at checkout on the price including delivery${knownDuty(lines) ? " and the duty passed on to the buyer" : ""}; the parcel clears without further VAT.`,
    );
    return withTax(ctx, {
      regime: "EU_IOSS",
      description: "EU Import One-Stop Shop: consignment ≤ EUR 150, VAT charged at sale",
      country: destination,
      lines,
      taxAtPointOfSale: true,
    });
  }
  ctx.warn(
    "The seller is not registered for IOSS: import VAT is collected from the recipient at the border, usually with a carrier clearance fee (not included), and parcels can be refused.",
  );
  return withTax(ctx, {
    regime: "EU_LOW_VALUE_IMPORT",
    description: "EU consignment ≤ EUR 150 without IOSS: import VAT at the border",
    country: destination,
    lines,
    taxAtPointOfSale: false,
  });
}

function unitedKingdom(ctx: QuoteContext): RegimeOutcome {
  const region = ctx.request.destinationRegion?.toUpperCase();
  if (region === "NIR" || region === "NI" || region === "GB-NIR") {
    ctx.warn(
      "Northern Ireland follows EU VAT and customs rules for goods (Windsor Framework); this quote applies Great Britain rules.",
    );
  }
  const threshold = thresholdOn("GB_LOW_VALUE_135", ctx.date);
  if (threshold && ctx.compareToThreshold(ctx.goods, threshold, "Consignment value")) {
    ctx.explanation.push(
      "Up to GBP 135: no customs duty; the seller charges UK VAT at the point of sale on the price including delivery.",
    );
    return withTax(ctx, {
      regime: "UK_LOW_VALUE",
      description: "UK consignment ≤ GBP 135: VAT at sale, no duty",
      country: "GB",
      lines: ctx.dutyRelief("UK consignment ≤ GBP 135: no customs duty", threshold.source),
      taxAtPointOfSale: true,
    });
  }
  ctx.explanation.push(
    "Above GBP 135: customs duty on the customs value (goods + shipping + insurance), import VAT on customs value + duty.",
  );
  return withTax(ctx, {
    regime: "UK_STANDARD_IMPORT",
    description: "UK import above GBP 135: duty + import VAT at the border",
    country: "GB",
    lines: ctx.dutyFromTable("GB", "CIF"),
    taxAtPointOfSale: false,
  });
}

function pointOfSaleGst(
  ctx: QuoteContext,
  country: "AU" | "NZ",
  thresholdId: string,
  lowRegime: string,
  highRegime: string,
): RegimeOutcome {
  const threshold = thresholdOn(thresholdId, ctx.date);
  if (threshold && ctx.compareToThreshold(ctx.goods, threshold, "Customs value of the goods")) {
    ctx.explanation.push(
      `Up to ${formatMoney(threshold.amount, threshold.currency)}: no duty; the seller charges GST at checkout on the price including delivery.`,
    );
    return withTax(ctx, {
      regime: lowRegime,
      description: `${country} low value goods: GST at sale, no duty`,
      country,
      lines: ctx.dutyRelief("low value goods: no duty", threshold.source),
      taxAtPointOfSale: true,
    });
  }
  ctx.explanation.push(
    "Above the low-value limit: duty on the customs value (FOB: the goods, freight excluded), GST on customs value + duty + international transport and insurance.",
  );
  if (country === "AU") {
    ctx.warn(
      "Australian import processing charges and broker fees apply to import declarations above AUD 1,000; they are not included.",
    );
  } else {
    ctx.warn(
      "New Zealand Customs and MPI goods levies (restructured from 1 Apr 2026) and broker fees apply to import entries above NZD 1,000; they are not included.",
    );
  }
  return withTax(ctx, {
    regime: highRegime,
    description: `${country} import above the low-value limit: duty + GST at the border`,
    country,
    lines: ctx.dutyFromTable(country, "FOB"),
    taxAtPointOfSale: false,
  });
}

function canada(ctx: QuoteContext): RegimeOutcome {
  const origin = ctx.request.origin;
  const cusmaDuty = thresholdOn("CA_CUSMA_DUTY_150", ctx.date, origin);
  const cusmaTax = thresholdOn("CA_CUSMA_TAX_40", ctx.date, origin);
  const general = thresholdOn("CA_LOW_VALUE_20", ctx.date);
  const dutyLimit = cusmaDuty ?? general;
  const taxLimit = cusmaTax ?? general;
  const dutyFree = dutyLimit ? ctx.compareToThreshold(ctx.goods, dutyLimit, "Shipment value") : false;
  const taxFree =
    taxLimit && taxLimit !== dutyLimit ? ctx.compareToThreshold(ctx.goods, taxLimit, "Shipment value") : dutyFree;
  if (cusmaDuty)
    ctx.explanation.push(`Shipped from ${origin}: the CUSMA courier thresholds apply (CAD 150 duty, CAD 40 tax).`);
  ctx.warn(
    `Only the federal GST (5 %) is included; provincial HST or PST${ctx.request.destinationRegion ? ` for ${ctx.request.destinationRegion}` : ""} is not modelled.`,
  );
  const lines = dutyFree
    ? ctx.dutyRelief("within the duty-free low value shipment threshold", dutyLimit?.source ?? NO_DUTY_SOURCE)
    : ctx.dutyFromTable("CA", "FOB");
  if (dutyFree && taxFree) {
    ctx.explanation.push("Free of duty and GST.");
    return noTax("CA_DE_MINIMIS", "Canada low value shipment: no duty or tax", lines);
  }
  if (!taxFree) ctx.explanation.push("GST applies to the value for duty (goods, freight excluded) + duty.");
  return withTax(ctx, {
    regime: dutyFree ? "CA_CUSMA_DUTY_FREE" : "CA_STANDARD_IMPORT",
    description: dutyFree
      ? "Canada CUSMA shipment ≤ CAD 150: duty-free, GST at the border"
      : "Canada import: duty + GST at the border",
    country: "CA",
    lines,
    taxIncludesFreight: false,
    taxAtPointOfSale: false,
  });
}

function unitedStates(ctx: QuoteContext): RegimeOutcome {
  const origin = ctx.request.origin;
  const withdrawn = thresholdOn("US_DE_MINIMIS_SUSPENDED_CN_HK", ctx.date, origin);
  const deMinimis = withdrawn
    ? undefined
    : (thresholdOn("US_DE_MINIMIS_800", ctx.date) ?? thresholdOn("US_DE_MINIMIS_200", ctx.date));
  ctx.warn(
    "Additional US tariffs (Section 301, Section 232, IEEPA and similar) are not computed unless a duty override carries them; only the MFN rate of the table is applied.",
  );
  ctx.warn("No federal VAT on US imports; state and local sales tax is not included.");
  if (withdrawn) {
    ctx.applyRule(withdrawn);
    ctx.explanation.push(`De minimis does not apply to shipments from ${origin} on ${ctx.date}.`);
  }
  if (deMinimis && ctx.compareToThreshold(ctx.goods, deMinimis, "Shipment value")) {
    return noTax(
      "US_DE_MINIMIS",
      "US Section 321 de minimis: no duty",
      ctx.dutyRelief("Section 321 de minimis", deMinimis.source),
    );
  }
  if (!deMinimis && !withdrawn && ctx.date >= "2025-08-29") {
    ctx.applyRule({
      id: "US_DE_MINIMIS_SUSPENDED",
      summary: "Duty-free de minimis treatment suspended for all countries: duty applies from the first dollar",
      source: "Executive Order 14324 (30 Jul 2025), effective 29 Aug 2025",
      validFrom: "2025-08-29",
    });
    ctx.explanation.push("De minimis has been suspended since 2025-08-29: duty applies whatever the value.");
  }
  const usd = ctx.convert(ctx.goods, ctx.currency, "USD");
  ctx.explanation.push(
    `Entry type: ${usd > 2500_00 ? "formal entry (over USD 2,500)" : "informal entry (up to USD 2,500)"}; customs value is the goods value (international freight excluded).`,
  );
  ctx.warn("Merchandise processing fees and carrier brokerage fees are not included.");
  return noTax("US_IMPORT", "US import: MFN duty, no federal VAT", ctx.dutyFromTable("US", "FOB"));
}

function switzerland(ctx: QuoteContext): RegimeOutcome {
  const lines = ctx.dutyFromTable("CH", "CIF");
  if (ctx.date < "2024-01-01") {
    ctx.warn("Before 2024 Swiss duties were charged per 100 kg gross weight by tariff line; they are not modelled.");
  } else {
    ctx.explanation.push("Switzerland abolished customs duties on industrial goods (chapters 25–97) on 2024-01-01.");
  }
  const outcome = withTax(ctx, {
    regime: "CH_IMPORT",
    description: "Swiss import: VAT at the border (duty-free for industrial goods since 2024)",
    country: "CH",
    lines,
    taxAtPointOfSale: false,
  });
  const notLevied = thresholdOn("CH_TAX_NOT_LEVIED_5", ctx.date);
  if (notLevied && outcome.tax > 0) {
    const limit = ctx.convert(notLevied.amount, notLevied.currency, ctx.currency);
    if (outcome.tax <= limit) {
      ctx.applyRule(notLevied);
      ctx.explanation.push(
        `Import VAT ${ctx.money(outcome.tax)} is not more than CHF 5 (${ctx.money(limit)}): not levied.`,
      );
      outcome.tax = 0;
    }
  }
  ctx.warn(
    "Sellers with CHF 100,000 a year of small consignments to Switzerland must register for Swiss VAT and charge it at sale (mail-order rule); this quote assumes VAT is collected at import.",
  );
  return outcome;
}

function norway(ctx: QuoteContext): RegimeOutcome {
  const voec = ctx.options.voecRegistered ?? true;
  const threshold = thresholdOn("NO_VOEC_3000", ctx.date);
  const food = ctx.lines.some((l) => Number(l.subheading.slice(0, 2)) <= 24);
  if (voec && threshold) {
    const limit = ctx.convert(threshold.amount, threshold.currency, ctx.currency);
    const everyItemUnder = ctx.lines.every((l) => l.input.value < limit);
    ctx.explanation.push(
      `VOEC: each item must be under ${formatMoney(threshold.amount, threshold.currency)} (${ctx.money(limit)}); ${everyItemUnder ? "every item is" : "at least one item is not"}.`,
    );
    if (food) ctx.explanation.push("Food and drink (chapters 01–24) cannot be sold under VOEC.");
    if (everyItemUnder && !food) {
      ctx.applyRule(threshold);
      return withTax(ctx, {
        regime: "NO_VOEC",
        description: "Norway VOEC: VAT 25 % at sale, no customs duty",
        country: "NO",
        lines: ctx.dutyRelief("VOEC: no customs duty", threshold.source),
        taxAtPointOfSale: true,
      });
    }
  }
  const exempt = thresholdOn("NO_EXEMPT_350", ctx.date);
  if (exempt && !food && ctx.compareToThreshold(ctx.goods + ctx.freight, exempt, "Shipment value with freight")) {
    return noTax(
      "NO_LOW_VALUE_EXEMPT",
      "Norway shipment under NOK 350: no duty or VAT",
      ctx.dutyRelief("under NOK 350", exempt.source),
    );
  }
  ctx.explanation.push(
    "Import into Norway: duty on the customs value (goods + freight), VAT 25 % on customs value + duty.",
  );
  return withTax(ctx, {
    regime: "NO_STANDARD_IMPORT",
    description: "Norway import: duty + VAT at the border",
    country: "NO",
    lines: ctx.dutyFromTable("NO", "CIF"),
    taxAtPointOfSale: false,
  });
}

function japan(ctx: QuoteContext): RegimeOutcome {
  const threshold = thresholdOn("JP_EXEMPT_10000", ctx.date);
  ctx.warn(
    "Japan values goods imported for personal use at 60 % of the overseas retail price; this quote uses the full price, which may overstate duty and tax.",
  );
  if (threshold && ctx.compareToThreshold(ctx.goods + ctx.freight, threshold, "Taxable value (goods + freight)")) {
    return noTax(
      "JP_LOW_VALUE_EXEMPT",
      "Japan: taxable value ≤ JPY 10,000, no duty or consumption tax",
      ctx.dutyRelief("small-value exemption", threshold.source),
    );
  }
  return withTax(ctx, {
    regime: "JP_IMPORT",
    description: "Japan import: duty + consumption tax at the border",
    country: "JP",
    lines: ctx.dutyFromTable("JP", "CIF"),
    taxAtPointOfSale: false,
  });
}

function korea(ctx: QuoteContext): RegimeOutcome {
  const threshold =
    thresholdOn("KR_EXEMPT_200_US", ctx.date, ctx.request.origin) ?? thresholdOn("KR_EXEMPT_150", ctx.date);
  ctx.warn(
    "Food, cosmetics, medicines and supplements go through general clearance in Korea and keep the USD 150 limit even from the US.",
  );
  if (threshold && ctx.compareToThreshold(ctx.goods, threshold, "Goods value (international freight excluded)")) {
    return noTax(
      "KR_LOW_VALUE_EXEMPT",
      "Korea list clearance: no duty or VAT",
      ctx.dutyRelief("personal-use exemption", threshold.source),
    );
  }
  return withTax(ctx, {
    regime: "KR_IMPORT",
    description: "Korea import: duty + VAT 10 % at the border",
    country: "KR",
    lines: ctx.dutyFromTable("KR", "CIF"),
    taxAtPointOfSale: false,
  });
}

function singapore(ctx: QuoteContext): RegimeOutcome {
  const threshold = thresholdOn("SG_LOW_VALUE_400", ctx.date);
  if (threshold && ctx.compareToThreshold(ctx.goods, threshold, "Value of the goods")) {
    ctx.explanation.push(
      "Low-value goods: a GST-registered overseas vendor charges GST at checkout (Overseas Vendor Registration).",
    );
    return withTax(ctx, {
      regime: "SG_LOW_VALUE_GST",
      description: "Singapore low-value goods: GST at sale, no duty",
      country: "SG",
      lines: ctx.dutyRelief("low-value goods: no duty", threshold.source),
      taxAtPointOfSale: true,
    });
  }
  return withTax(ctx, {
    regime: "SG_IMPORT",
    description: "Singapore import: GST at the border (duty only on liquor, tobacco, motor vehicles, petroleum)",
    country: "SG",
    lines: ctx.dutyFromTable("SG", "CIF"),
    taxAtPointOfSale: false,
  });
}

function gulf(ctx: QuoteContext): RegimeOutcome {
  const destination = ctx.request.destination;
  const threshold = thresholdOn("GCC_DUTY_EXEMPT_1000", ctx.date);
  const dutyFree = threshold
    ? ctx.compareToThreshold(ctx.goods + ctx.shipping, threshold, "Consignment value with shipping")
    : false;
  if (destination === "BH" || destination === "OM") {
    ctx.warn(
      `${destination}: whether import VAT is collected on every low-value parcel could not be verified; VAT is quoted on all values.`,
    );
  }
  if (destination === "SA")
    ctx.warn("Saudi Arabia applies many tariff rates above the GCC 5 %; unknown lines are reported as unknown.");
  ctx.warn("Gulf clearance: carriers add administration fees that are not included.");
  return withTax(ctx, {
    regime: "GCC_IMPORT",
    description: "GCC import: 5 % common external tariff above SAR 1,000, VAT at the border",
    country: destination,
    lines: dutyFree
      ? ctx.dutyRelief("consignment ≤ SAR 1,000: duty-exempt", threshold?.source ?? NO_DUTY_SOURCE)
      : ctx.dutyFromTable(destination, "CIF"),
    taxAtPointOfSale: false,
  });
}

function notAnImport(ctx: QuoteContext, regime: string, description: string): RegimeOutcome {
  ctx.explanation.push(`${description}: no customs duty or import VAT.`);
  ctx.warn(
    "Domestic or intra-EU VAT (charged by the seller, e.g. through the EU OSS) is not part of this landed-cost quote.",
  );
  return { ...noTax(regime, description, ctx.dutyRelief(description, "not an import")), taxKnown: false };
}

const GCC = new Set(["AE", "SA", "BH", "OM", "QA", "KW"]);

/** The destination's rules, chosen by country; every rule inside is dated. */
export function applyDestinationRules(ctx: QuoteContext): RegimeOutcome {
  const { origin, destination } = ctx.request;
  if (origin === destination) return notAnImport(ctx, "DOMESTIC", "Domestic shipment");
  if (isEuMember(origin) && isEuMember(destination))
    return notAnImport(ctx, "EU_INTRA_UNION", "Shipment within the EU customs union");
  if (isEuMember(destination)) return european(ctx);
  if (GCC.has(destination)) {
    if (GCC.has(origin)) return notAnImport(ctx, "GCC_INTRA_UNION", "Shipment within the GCC customs union");
    return gulf(ctx);
  }
  switch (destination) {
    case "GB":
      return unitedKingdom(ctx);
    case "AU":
      return pointOfSaleGst(ctx, "AU", "AU_LOW_VALUE_1000", "AU_LOW_VALUE_GST", "AU_STANDARD_IMPORT");
    case "NZ":
      return pointOfSaleGst(ctx, "NZ", "NZ_LOW_VALUE_1000", "NZ_LOW_VALUE_GST", "NZ_STANDARD_IMPORT");
    case "CA":
      return canada(ctx);
    case "US":
      return unitedStates(ctx);
    case "CH":
    case "LI":
      return switzerland(ctx);
    case "NO":
      return norway(ctx);
    case "JP":
      return japan(ctx);
    case "KR":
      return korea(ctx);
    case "SG":
      return singapore(ctx);
    default: {
      ctx.warn(`Import rules for ${destination} are not modelled: duty and tax are unknown.`);
      const lines = ctx.lines.map((line) => ({
        index: line.index,
        hsCode: line.input.hsCode,
        subheading: line.subheading,
        quantity: line.input.quantity,
        lineValue: line.lineValue,
        dutiableValue: 0,
        dutyKnown: false,
        duty: null,
        dutyRatePercent: null,
        dutyBasis: "unknown" as const,
        dutySource: "destination not modelled",
      }));
      return { ...noTax("NOT_MODELLED", `No import rules for ${destination}`, lines), taxKnown: false };
    }
  }
}
