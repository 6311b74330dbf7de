import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { createGatewayClient } from "../../src/client/createGatewayClient.js";
import { WidgetPlatformProvider } from "../../src/react/WidgetPlatformProvider.js";
import type { CacheResult, DashboardItem, WidgetDataResponse } from "../../src/types.js";
import { FakeEventStream } from "./fakeEventStream.js";
import { fakeFetch, jsonResponse, problemResponse, type RecordedRequest } from "./fakeFetch.js";

export const studyId = "STUDY-001";

export function widgetAnswer(widgetId: string, dataVersion: string, cache: CacheResult = "hit"): WidgetDataResponse {
    return {
        data: { value: 1, previousValue: null, change: null, changePercent: null },
        metadata: {
            calculatedAt: "2024-01-10T14:30:00+00:00",
            dataVersion,
            queryTime: 1,
            rowsProcessed: 10,
            key: `widget:{${studyId}}:${widgetId}:${dataVersion}:0000000000000000`,
            cache,
        },
    };
}

/**
 * A gateway behind a fake fetch: widget data answers `v` (or "2024-01-01-000000"), with the cache result and status
 * the test sets per widget; every event-stream connection is a FakeEventStream the test writes to.
 */
export function createTestPlatform() {
    const streams: FakeEventStream[] = [];
    const cacheResults = new Map<string, CacheResult>();
    const failing = new Set<string>();
    const answerFor = (widgetId: string, version: string | null) =>
        widgetAnswer(widgetId, version ?? "2024-01-01-000000", cacheResults.get(widgetId));

    const { fetch, requests } = fakeFetch((request) => {
        const path = request.url.pathname;
        if (path.endsWith("/events")) {
            const stream = new FakeEventStream(request.init.signal);
            streams.push(stream);
            return stream.response;
        }
        const widgetData = /\/widgets\/([^/]+)\/data$/.exec(path);
        if (widgetData?.[1] !== undefined) {
            const widgetId = decodeURIComponent(widgetData[1]);
            return failing.has(widgetId)
                ? problemResponse(404, { title: "Not Found", detail: `No widget ${widgetId}` })
                : jsonResponse(answerFor(widgetId, request.url.searchParams.get("v")));
        }
        if (path.endsWith("/dashboard")) {
            const { widgets } = JSON.parse(String(request.init.body)) as { widgets: DashboardItem[] };
            return jsonResponse(widgets.map((item) => answerFor(item.widgetId, null)));
        }
        if (path.endsWith("/widgets")) {
            return jsonResponse([]);
        }
        if (path.endsWith("/manifest")) {
            return jsonResponse({ study_id: studyId });
        }
        return problemResponse(404, { title: "Not Found" });
    });

    const client = createGatewayClient({ baseUrl: "http://gateway", fetch });
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={queryClient}>
            <WidgetPlatformProvider client={client}>{children}</WidgetPlatformProvider>
        </QueryClientProvider>
    );

    return {
        client,
        queryClient,
        wrapper,
        streams,
        requests,
        /** The cache result later answers of the widget carry. */
        answerWidgetAs: (widgetId: string, cache: CacheResult) => cacheResults.set(widgetId, cache),
        /** Later requests for the widget fail with 404 (4xx: not retried). */
        failWidget: (widgetId: string, fails = true) => (fails ? failing.add(widgetId) : failing.delete(widgetId)),
        /** The requests made so far, other than event streams, one line each, then forgotten. */
        takeRequests: () => requests.splice(0).filter(isNotAnEventStream).map(describe).sort(),
    };
}

function isNotAnEventStream(request: RecordedRequest): boolean {
    return !request.url.pathname.endsWith("/events");
}

/** "GET ae-count/data?v=… [no-cache]", "GET manifest" or "POST dashboard [a,b]". */
function describe(request: RecordedRequest): string {
    const path = request.url.pathname
        .replace(`/api/studies/${studyId}/widgets/`, "")
        .replace(`/api/studies/${studyId}/`, "");
    if (path === "dashboard") {
        const { widgets } = JSON.parse(String(request.init.body)) as { widgets: DashboardItem[] };
        return `POST dashboard [${widgets.map((item) => item.widgetId).join(",")}]`;
    }
    const cache = request.init.cache === undefined ? "" : ` [${request.init.cache}]`;
    return `GET ${path}${request.url.search}${cache}`;
}
