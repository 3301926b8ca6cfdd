// The demo merchant's catalog: apparel and small electronics made in China, sold worldwide.
export interface DemoProduct {
  sku: string;
  title: string;
  hsCode: string;
  originCountry: string;
  customsDescription: string;
  /** USD cents */
  customsValue: number;
  weightGrams: number;
  dimensionsMm: { length: number; width: number; height: number };
  tags: string[];
  /** Retail price in USD cents; converted per destination currency. */
  retailUsd: number;
}

export const DEMO_CATALOG: DemoProduct[] = [
  {
    sku: "TEE-RED-M",
    title: "Cotton T-shirt red M",
    hsCode: "610910",
    originCountry: "CN",
    customsDescription: "Men's cotton knitted T-shirt",
    customsValue: 800,
    weightGrams: 220,
    dimensionsMm: { length: 300, width: 250, height: 20 },
    tags: ["apparel"],
    retailUsd: 2400,
  },
  {
    sku: "TEE-BLK-L",
    title: "Cotton T-shirt black L",
    hsCode: "610910",
    originCountry: "CN",
    customsDescription: "Men's cotton knitted T-shirt",
    customsValue: 800,
    weightGrams: 240,
    dimensionsMm: { length: 300, width: 250, height: 20 },
    tags: ["apparel"],
    retailUsd: 2400,
  },
  {
    sku: "HOOD-GRY-M",
    title: "Fleece hoodie grey M",
    hsCode: "611030",
    originCountry: "CN",
    customsDescription: "Knitted synthetic fibre hoodie",
    customsValue: 1900,
    weightGrams: 650,
    dimensionsMm: { length: 350, width: 300, height: 60 },
    tags: ["apparel"],
    retailUsd: 5900,
  },
  {
    sku: "CAP-NVY",
    title: "Baseball cap navy",
    hsCode: "650500",
    originCountry: "CN",
    customsDescription: "Cotton baseball cap",
    customsValue: 450,
    weightGrams: 110,
    dimensionsMm: { length: 260, width: 200, height: 120 },
    tags: ["apparel", "accessories"],
    retailUsd: 1900,
  },
  {
    sku: "BUDS-PRO",
    title: "Wireless earbuds Pro",
    hsCode: "851830",
    originCountry: "CN",
    customsDescription: "Bluetooth in-ear headphones",
    customsValue: 2600,
    weightGrams: 90,
    dimensionsMm: { length: 110, width: 90, height: 45 },
    tags: ["electronics", "battery"],
    retailUsd: 7900,
  },
  {
    sku: "PWR-10K",
    title: "Power bank 10,000 mAh",
    hsCode: "850760",
    originCountry: "CN",
    customsDescription: "Lithium-ion battery power bank",
    customsValue: 1200,
    weightGrams: 230,
    dimensionsMm: { length: 150, width: 75, height: 25 },
    tags: ["electronics", "battery", "dangerous_goods"],
    retailUsd: 3500,
  },
  {
    sku: "CABLE-USBC",
    title: "USB-C braided cable 2 m",
    hsCode: "854442",
    originCountry: "CN",
    customsDescription: "Insulated electric cable with connectors",
    customsValue: 180,
    weightGrams: 60,
    dimensionsMm: { length: 120, width: 80, height: 20 },
    tags: ["electronics"],
    retailUsd: 1200,
  },
  {
    sku: "MUG-CER",
    title: "Ceramic travel mug 350 ml",
    hsCode: "691200",
    originCountry: "CN",
    customsDescription: "Ceramic tableware mug",
    customsValue: 350,
    weightGrams: 380,
    dimensionsMm: { length: 120, width: 100, height: 150 },
    tags: ["home", "fragile"],
    retailUsd: 1800,
  },
  {
    sku: "TEA-OOLONG",
    title: "乌龙茶 Oolong tea 100 g",
    hsCode: "090230",
    originCountry: "CN",
    customsDescription: "Partly fermented tea in packings under 3 kg",
    customsValue: 500,
    weightGrams: 130,
    dimensionsMm: { length: 150, width: 100, height: 60 },
    tags: ["food"],
    retailUsd: 1600,
  },
  {
    sku: "LAMP-DESK",
    title: "LED desk lamp",
    hsCode: "940521",
    originCountry: "CN",
    customsDescription: "Electric table lamp, LED",
    customsValue: 1500,
    weightGrams: 900,
    dimensionsMm: { length: 400, width: 200, height: 120 },
    tags: ["home", "electronics"],
    retailUsd: 4500,
  },
];

/** Rough retail FX from USD used only to price demo orders (not for customs). */
export const DEMO_PRICE_FX: Record<string, number> = {
  USD: 1,
  EUR: 0.92,
  GBP: 0.79,
  CHF: 0.88,
  NOK: 10.8,
  SEK: 10.6,
  PLN: 4.0,
  CAD: 1.38,
  MXN: 17.5,
  BRL: 5.4,
  AUD: 1.53,
  NZD: 1.66,
  JPY: 152,
  KRW: 1380,
  SGD: 1.35,
  AED: 3.67,
  TWD: 32.5,
};
