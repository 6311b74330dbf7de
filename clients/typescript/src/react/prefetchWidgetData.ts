import type { QueryClient } from "@tanstack/react-query";
import type { GatewayClient, WidgetQuery } from "../client/GatewayClient.js";
import { widgetDataQueryOptions } from "./widgetDataQueryOptions.js";

/** Fetches a widget's data into the query cache ahead of rendering it (a route loader, a hover); never rejects. */
export function prefetchWidgetData(
    queryClient: QueryClient,
    client: GatewayClient,
    studyId: string,
    widgetId: string,
    query?: WidgetQuery,
): Promise<void> {
    return queryClient.prefetchQuery(widgetDataQueryOptions(client, studyId, widgetId, query));
}
