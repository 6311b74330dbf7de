import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { GatewayProblem } from "../client/GatewayProblem.js";
import type { StudyManifest } from "../types.js";
import { retryUnlessRefused } from "./retryPolicy.js";
import { useGatewayClient } from "./WidgetPlatformProvider.js";
import { widgetPlatformKeys } from "./widgetPlatformKeys.js";

/** The study's manifest: the current version of each dataset (snake_case, as on disk). */
export function useManifest(studyId: string): UseQueryResult<StudyManifest, GatewayProblem> {
    const client = useGatewayClient();
    return useQuery<StudyManifest, GatewayProblem>({
        queryKey: widgetPlatformKeys.manifest(studyId),
        queryFn: ({ signal }) => client.getManifest(studyId, signal),
        retry: retryUnlessRefused,
    });
}
