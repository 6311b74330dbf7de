/** The study the AppHost writes on its first run (WidgetPlatform.AppHost/DevState/DemoStudy.cs). */
const DEMO_STUDY_ID = "STUDY-001";

/** What the dashboard talks to, fixed when it is built from the VITE_* variables the AppHost sets. */
export interface DashboardConfig {
    readonly gatewayUrl: string;
    readonly devToken: string;
    readonly studyId: string;
}

type ConfigResult =
    | { readonly ok: true; readonly config: DashboardConfig }
    | { readonly ok: false; readonly problems: readonly string[] };

export function readConfig(env: ImportMetaEnv): ConfigResult {
    const gatewayUrl = env.VITE_GATEWAY_URL?.trim() ?? "";
    const devToken = env.VITE_DEV_TOKEN?.trim() ?? "";
    const studyId = env.VITE_STUDY_ID?.trim() || DEMO_STUDY_ID;
    const problems: string[] = [];
    if (!gatewayUrl) {
        problems.push("VITE_GATEWAY_URL is not set: the base URL of the query gateway, e.g. http://127.0.0.1:5123.");
    } else if (!isHttpUrl(gatewayUrl)) {
        problems.push(`VITE_GATEWAY_URL is "${gatewayUrl}", which is not an http(s) URL.`);
    }
    if (!devToken) {
        problems.push("VITE_DEV_TOKEN is not set: a viewer token for the study (the AppHost mints one).");
    }
    return problems.length > 0
        ? { ok: false, problems }
        : { ok: true, config: { gatewayUrl: gatewayUrl.replace(/\/+$/, ""), devToken, studyId } };
}

function isHttpUrl(value: string): boolean {
    try {
        const { protocol } = new URL(value);
        return protocol === "http:" || protocol === "https:";
    } catch {
        return false;
    }
}
