import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useMemo, type JSX, type ReactNode } from "react";
import type { GatewayClient } from "../client/GatewayClient.js";
import { StudyEventsHub } from "./StudyEventsHub.js";

interface WidgetPlatform {
    client: GatewayClient;
    studyEvents: StudyEventsHub;
}

const WidgetPlatformContext = createContext<WidgetPlatform | null>(null);

/** Gives the hooks their gateway client. Must be inside a QueryClientProvider, whose cache the events refresh. */
export function WidgetPlatformProvider(props: { client: GatewayClient; children: ReactNode }): JSX.Element {
    const queryClient = useQueryClient();
    const platform = useMemo(
        () => ({ client: props.client, studyEvents: new StudyEventsHub(props.client, queryClient) }),
        [props.client, queryClient],
    );
    return <WidgetPlatformContext.Provider value={platform}>{props.children}</WidgetPlatformContext.Provider>;
}

export function useGatewayClient(): GatewayClient {
    return useWidgetPlatform().client;
}

export function useStudyEventsHub(): StudyEventsHub {
    return useWidgetPlatform().studyEvents;
}

function useWidgetPlatform(): WidgetPlatform {
    const platform = useContext(WidgetPlatformContext);
    if (platform === null) {
        throw new Error("WidgetPlatform hooks must be used inside a <WidgetPlatformProvider>");
    }
    return platform;
}
