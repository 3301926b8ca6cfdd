import { fileImportAdapter } from "./file-import/index";
import { shopifyAdapter } from "./shopify/index";
import type { ChannelAdapter } from "./types";
import { wooCommerceAdapter } from "./woocommerce/index";

export * from "./file-import/index";
export { ChannelApiError, ChannelConfigError } from "./http";
export { createShopifyAdapter, mapShopifyOrder, SHOPIFY_API_VERSION, shopifyAdapter } from "./shopify/index";
export * from "./types";
export { createWooCommerceAdapter, mapWooCommerceOrder, wooCommerceAdapter } from "./woocommerce/index";

/** Every channel adapter by its channel name (the `channel` of orders and connections). */
export const CHANNEL_ADAPTERS: Readonly<Record<string, ChannelAdapter>> = Object.freeze({
  [shopifyAdapter.channel]: shopifyAdapter,
  [wooCommerceAdapter.channel]: wooCommerceAdapter,
  [fileImportAdapter.channel]: fileImportAdapter,
});

export function channelAdapter(channel: string): ChannelAdapter | undefined {
  return Object.hasOwn(CHANNEL_ADAPTERS, channel) ? CHANNEL_ADAPTERS[channel] : undefined;
}
