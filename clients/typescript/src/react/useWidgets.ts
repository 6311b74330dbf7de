import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { GatewayProblem } from "../client/GatewayProblem.js";
import type { WidgetDefinition } from "../types.js";
import { retryUnlessRefused } from "./retryPolicy.js";
import { useGatewayClient } from "./WidgetPlatformProvider.js";
import { widgetPlatformKeys } from "./widgetPlatformKeys.js";

/** The study's widget definitions, ordered by widgetId. */
export function useWidgets(studyId: string): UseQueryResult<WidgetDefinition[], GatewayProblem> {
    const client = useGatewayClient();
    return useQuery<WidgetDefinition[], GatewayProblem>({
        queryKey: widgetPlatformKeys.widgets(studyId),
        queryFn: ({ signal }) => client.listWidgets(studyId, signal),
        retry: retryUnlessRefused,
    });
}
