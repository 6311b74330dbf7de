export { createGatewayClient } from "./client/createGatewayClient.js";
export type {
    GatewayClient,
    GatewayClientOptions,
    UploadOptions,
    WidgetFetchOptions,
    WidgetQuery,
} from "./client/GatewayClient.js";
export { GatewayProblem, type GatewayProblemDetails } from "./client/GatewayProblem.js";
export type {
    StudyEventHandlers,
    StudyEventStatus,
    StudyEventStatusDetail,
    StudySubscription,
    SubscribeOptions,
} from "./events/studyEventTypes.js";
export type * from "./types.js";
