import { subscribeToStudyEvents } from "../events/subscribeToStudyEvents.js";
import type { GatewayClient, GatewayClientOptions } from "./GatewayClient.js";
import {
    cacheStatisticsPath,
    dashboardPath,
    datasetPath,
    invalidationsPath,
    manifestPath,
    studiesPath,
    studyEventsPath,
    studyStatisticsPath,
    warmupsPath,
    widgetDataPath,
    widgetPath,
    widgetsPath,
} from "./gatewayPaths.js";
import { createGatewayTransport, type GatewayRequest } from "./gatewayTransport.js";

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
    const send = createGatewayTransport(options);
    // The caller names the answer's type: it is the one the gateway's OpenAPI document gives for that path.
    const json = async <T>(path: string, request?: GatewayRequest): Promise<T> =>
        (await (await send(path, request)).json()) as T;
    const discard = async (path: string, request: GatewayRequest): Promise<void> => {
        await (await send(path, request)).body?.cancel();
    };

    // Async, so that a route value refused while building the path rejects like any other failure.
    return {
        listStudies: async (signal) => json(studiesPath(), { signal }),
        listWidgets: async (studyId, signal) => json(widgetsPath(studyId), { signal }),
        getWidget: async (studyId, widgetId, signal) => json(widgetPath(studyId, widgetId), { signal }),
        putWidget: async (studyId, widgetId, definition) =>
            json(widgetPath(studyId, widgetId), { method: "PUT", json: definition }),
        deleteWidget: async (studyId, widgetId) => discard(widgetPath(studyId, widgetId), { method: "DELETE" }),
        getWidgetData: async (studyId, widgetId, query, fetchOptions = {}) =>
            json(widgetDataPath(studyId, widgetId, query, fetchOptions.version), {
                signal: fetchOptions.signal,
                // Otherwise the default mode: the browser's HTTP cache answers `v=` URLs (immutable) by itself and
                // revalidates the others (no-cache) with their ETag.
                ...(fetchOptions.revalidate ? { cache: "no-cache" } : {}),
            }),
        getDashboard: async (studyId, items, signal) =>
            json(dashboardPath(studyId), { method: "POST", json: { widgets: items }, signal }),
        getManifest: async (studyId, signal) => json(manifestPath(studyId), { signal }),
        uploadDataset: async (studyId, dataset, file, uploadOptions = {}) =>
            json(datasetPath(studyId, dataset, uploadOptions.layer), { method: "PUT", binary: file }),
        getCacheStatistics: async (signal) => json(cacheStatisticsPath(), { signal }),
        getStudyStatistics: async (studyId, signal) => json(studyStatisticsPath(studyId), { signal }),
        invalidate: async (request) => discard(invalidationsPath(), { method: "POST", json: request }),
        warm: async (request) => discard(warmupsPath(), { method: "POST", json: request }),
        subscribe: (studyId, handlers, subscribeOptions) => {
            // Built before connecting, so that a refused study id throws here instead of being retried forever.
            const path = studyEventsPath(studyId);
            return subscribeToStudyEvents(
                (signal) => send(path, { accept: "text/event-stream", cache: "no-store", signal }),
                handlers,
                subscribeOptions,
            );
        },
    };
}
