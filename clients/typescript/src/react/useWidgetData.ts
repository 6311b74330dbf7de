import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { WidgetQuery } from "../client/GatewayClient.js";
import type { GatewayProblem } from "../client/GatewayProblem.js";
import type { WidgetDataResponse } from "../types.js";
import { widgetDataQueryOptions } from "./widgetDataQueryOptions.js";
import { useGatewayClient } from "./WidgetPlatformProvider.js";

/** One widget's data; kept live by `useStudyEvents` for the same study, mounted anywhere under the provider. */
export function useWidgetData(
    studyId: string,
    widgetId: string,
    query?: WidgetQuery,
    options: { enabled?: boolean } = {},
): UseQueryResult<WidgetDataResponse, GatewayProblem> {
    const client = useGatewayClient();
    return useQuery({ ...widgetDataQueryOptions(client, studyId, widgetId, query), enabled: options.enabled ?? true });
}
