import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { GatewayClient, WidgetQuery } from "../client/GatewayClient.js";
import type { GatewayProblem } from "../client/GatewayProblem.js";
import type { WidgetDataResponse } from "../types.js";
import { canonicalWidgetQuery } from "./canonicalQuery.js";
import { retryUnlessRefused } from "./retryPolicy.js";
import { widgetFetchHintsOf } from "./widgetFetchHints.js";
import { widgetPlatformKeys } from "./widgetPlatformKeys.js";

/**
 * One widget's data as a query. Its answers stay fresh until the study's events say otherwise (`useStudyEvents`), so
 * no timer refetches them; a refetch asks for the version the events named, or revalidates what they said changed.
 */
export function widgetDataQueryOptions(client: GatewayClient, studyId: string, widgetId: string, query?: WidgetQuery) {
    // Requested as keyed, so that equal requests share one URL in the browser's cache.
    const canonicalQuery = canonicalWidgetQuery(query);
    const queryKey = widgetPlatformKeys.widgetData(studyId, widgetId, canonicalQuery);
    const hints = widgetFetchHintsOf(client);
    return queryOptions<WidgetDataResponse, GatewayProblem, WidgetDataResponse, typeof queryKey>({
        queryKey,
        queryFn: ({ client: queryClient, signal }) => {
            const lastFetchedAt = queryClient.getQueryState(queryKey)?.dataUpdatedAt ?? 0;
            const { version, revalidate } = hints.hintFor(studyId, widgetId, lastFetchedAt);
            return client.getWidgetData(studyId, widgetId, canonicalQuery, { version, revalidate, signal });
        },
        staleTime: Infinity,
        retry: retryUnlessRefused,
        // A widget being refetched, or moved to other filters, keeps showing its last answer instead of blanking.
        placeholderData: keepPreviousData,
    });
}
