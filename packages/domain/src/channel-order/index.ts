export {
  type DecimalRounding,
  type MinorUnitsResult,
  minorUnitsToDecimal,
  parseMinorUnits,
  toMinorUnits,
} from "./money";
export {
  CHANNEL_ORDER_STATUSES,
  CHANNEL_PAYMENT_STATUSES,
  type ChannelAddress,
  type ChannelOrder,
  type ChannelOrderInput,
  type ChannelOrderLine,
  type ChannelOrderStatus,
  type ChannelPaymentStatus,
  channelAddressSchema,
  channelOrderLineSchema,
  channelOrderSchema,
  MARKETPLACE_FLAGS,
  type MarketplaceFlag,
} from "./schema";
export { type IntakeOrder, placeholderBuyerEmail, toNewOrder } from "./to-new-order";
export {
  type ChannelOrderFieldError,
  type ChannelOrderValidation,
  formatIssuePath,
  issuesToFieldErrors,
  validateChannelOrder,
} from "./validate";
