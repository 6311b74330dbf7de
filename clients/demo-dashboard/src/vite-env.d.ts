/// <reference types="vite/client" />

// The variables the AppHost sets when it builds the dashboard (docs: clients/demo-dashboard/README.md).
interface ImportMetaEnv {
    readonly VITE_GATEWAY_URL?: string;
    readonly VITE_DEV_TOKEN?: string;
    readonly VITE_STUDY_ID?: string;
}

interface ImportMeta {
    readonly env: ImportMetaEnv;
}
