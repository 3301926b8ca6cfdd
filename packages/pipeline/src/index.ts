export { createAdapterGateway, PULLED_PAYLOAD_HEADER } from "./channels/adapter-gateway";
export * from "./channels/gateway";
export {
  type CreateInngestClientOptions,
  type CrossflowInngest,
  createInngestClient,
  INNGEST_APP_ID,
  type InngestMode,
  inngest,
  inngestModeOf,
  resolveInngestMode,
} from "./client";
export * from "./events";
export * from "./executor/index";
export { dueChannelSyncs, recomputeChannelStock } from "./functions/channel-functions";
export { createFunctions } from "./functions/index";
export {
  deliverInstructionWebhook,
  partnerWebhookContext,
  type SecretOpener,
  signInstructionWebhook,
} from "./functions/instruction-webhooks";
export { dueTrackingPolls, nextTrackingPoll, pollShipmentTracking } from "./functions/tracking-functions";
export type { LocalEventInput } from "./local-events";
export { type CustomerNotifierDeps, createCustomerNotifier, deliverEmail } from "./notifications/notify";
export type { CustomerEmailEvent, CustomerNotice, CustomerNotifier } from "./notifications/types";
export { createPipelineRuntime, type PipelineRuntime, type PipelineRuntimeOptions } from "./runtime";
export { createEventSender, type EventSender, type EventSenderOptions } from "./send";
export { createInngestHandler, INNGEST_SERVE_PATH, type InngestHandlerOptions } from "./serve";
export { applyTrackingEvents, type TrackingNotice, type TrackingNotification } from "./tracking/apply-tracking";
