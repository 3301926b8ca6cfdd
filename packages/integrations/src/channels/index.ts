import { amazonAdapter } from "./amazon/index";
import { apiAdapter } from "./api/adapter";
import { demoAdapter } from "./demo/adapter";
import { ebayAdapter } from "./ebay/index";
import { fileImportAdapter } from "./file-import/index";
import { shopifyAdapter } from "./shopify/index";
import { tiktokAdapter } from "./tiktok/index";
import type { ChannelAdapter } from "./types";
import { wooCommerceAdapter } from "./woocommerce/index";

export { AMAZON_WEBHOOK_TOKEN_HEADER, amazonAdapter, createAmazonAdapter, mapAmazonOrder } from "./amazon/index";
export { apiAdapter, mapApiOrder } from "./api/adapter";
export { createDemoAdapter, type DemoStorefrontState, demoAdapter, mapDemoOrder } from "./demo/adapter";
export {
  createEbayAdapter,
  type EbayPublicKey,
  type EbayPublicKeyLookup,
  ebayAdapter,
  ebayChallengeResponse,
  mapEbayOrder,
} from "./ebay/index";
export * from "./file-import/index";
export { ChannelApiError, ChannelConfigError } from "./http";
export { createShopifyAdapter, mapShopifyOrder, SHOPIFY_API_VERSION, shopifyAdapter } from "./shopify/index";
export {
  createTikTokAdapter,
  mapTikTokOrder,
  TIKTOK_WEBHOOK_MAX_AGE_MS,
  tiktokAdapter,
  tiktokSign,
} from "./tiktok/index";
export * from "./types";
export { createWooCommerceAdapter, mapWooCommerceOrder, wooCommerceAdapter } from "./woocommerce/index";

/** Every channel adapter by its channel name (the `channel` of orders and connections). */
export const CHANNEL_ADAPTERS: Readonly<Record<string, ChannelAdapter>> = Object.freeze({
  [shopifyAdapter.channel]: shopifyAdapter,
  [wooCommerceAdapter.channel]: wooCommerceAdapter,
  [tiktokAdapter.channel]: tiktokAdapter,
  [amazonAdapter.channel]: amazonAdapter,
  [ebayAdapter.channel]: ebayAdapter,
  [fileImportAdapter.channel]: fileImportAdapter,
  [apiAdapter.channel]: apiAdapter,
  [demoAdapter.channel]: demoAdapter,
});

export function channelAdapter(channel: string): ChannelAdapter | undefined {
  return Object.hasOwn(CHANNEL_ADAPTERS, channel) ? CHANNEL_ADAPTERS[channel] : undefined;
}
