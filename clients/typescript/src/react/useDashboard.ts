import { keepPreviousData, useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { GatewayProblem } from "../client/GatewayProblem.js";
import type { DashboardItem, WidgetDataResponse } from "../types.js";
import { canonicalDashboardItems } from "./canonicalQuery.js";
import { retryUnlessRefused } from "./retryPolicy.js";
import { useGatewayClient } from "./WidgetPlatformProvider.js";
import { widgetPlatformKeys } from "./widgetPlatformKeys.js";

/** Several widgets in one request, answered in the order of `items`; refetched when an event touches any of them. */
export function useDashboard(
    studyId: string,
    items: DashboardItem[],
    options: { enabled?: boolean } = {},
): UseQueryResult<WidgetDataResponse[], GatewayProblem> {
    const client = useGatewayClient();
    const canonicalItems = canonicalDashboardItems(items);
    return useQuery<WidgetDataResponse[], GatewayProblem>({
        queryKey: widgetPlatformKeys.dashboard(studyId, canonicalItems),
        queryFn: ({ signal }) => client.getDashboard(studyId, canonicalItems, signal),
        enabled: options.enabled ?? true,
        // As for single widgets: events, not timers, say when an answer is out of date.
        staleTime: Infinity,
        retry: retryUnlessRefused,
        placeholderData: keepPreviousData,
    });
}
