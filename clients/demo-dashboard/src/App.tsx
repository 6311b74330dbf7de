import { createGatewayClient } from "@widgetplatform/client";
import { WidgetPlatformProvider } from "@widgetplatform/client/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import type { DashboardConfig } from "./config";
import { Dashboard } from "./dashboard/Dashboard";

// The package's queries set their own retries and staleness, and the study's events refetch what changed: regaining
// focus need not refetch anything.
const queryDefaults = { queries: { refetchOnWindowFocus: false } };

export function App({ config }: { readonly config: DashboardConfig }) {
    const [queryClient] = useState(() => new QueryClient({ defaultOptions: queryDefaults }));
    const [gatewayClient] = useState(() =>
        createGatewayClient({ baseUrl: config.gatewayUrl, getToken: () => config.devToken }),
    );
    return (
        <QueryClientProvider client={queryClient}>
            <WidgetPlatformProvider client={gatewayClient}>
                <Dashboard studyId={config.studyId} />
            </WidgetPlatformProvider>
        </QueryClientProvider>
    );
}
