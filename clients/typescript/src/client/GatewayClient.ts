import type { StudyEventHandlers, StudySubscription, SubscribeOptions } from "../events/studyEventTypes.js";
import type {
    CacheStatisticsReport,
    DashboardItem,
    InvalidationRequest,
    StudyIds,
    StudyManifest,
    StudyStatistics,
    UploadAccepted,
    WarmupRequest,
    WidgetDataResponse,
    WidgetDefinition,
} from "../types.js";

export interface GatewayClientOptions {
    /** The gateway's origin (and path prefix, if any), e.g. "http://127.0.0.1:5123"; a trailing slash is fine. */
    baseUrl: string;
    /** Called for every request (and every event-stream connection); its token is sent as `Authorization: Bearer`. */
    getToken?: () => string | undefined | null | Promise<string | undefined | null>;
    /** Replaces the global fetch, e.g. in tests. */
    fetch?: typeof fetch;
}

/** A widget data request: an inclusive `YYYY-MM-DD` range and filters (column → values, ANDed across columns). */
export interface WidgetQuery {
    from?: string | undefined;
    to?: string | undefined;
    filters?: Record<string, readonly string[]> | undefined;
}

export interface WidgetFetchOptions {
    /** Ask for this data version (`v`): an immutable URL the browser may answer from its cache. */
    version?: string | undefined;
    /** Make the browser revalidate its cached answer (`cache: 'no-cache'`) even when it is marked immutable. */
    revalidate?: boolean | undefined;
    signal?: AbortSignal | undefined;
}

export interface UploadOptions {
    /** Which layer the new version belongs to; the gateway's default is `source`. */
    layer?: "source" | "transformed" | undefined;
}

/** The gateway's HTTP API (docs/design.md §6). Every failure rejects with a GatewayProblem. */
export interface GatewayClient {
    listStudies(signal?: AbortSignal): Promise<StudyIds>;
    listWidgets(studyId: string, signal?: AbortSignal): Promise<WidgetDefinition[]>;
    getWidget(studyId: string, widgetId: string, signal?: AbortSignal): Promise<WidgetDefinition>;
    /** Creates or replaces a definition (admin); resolves with the stored one and its new revision. */
    putWidget(studyId: string, widgetId: string, definition: WidgetDefinition): Promise<WidgetDefinition>;
    deleteWidget(studyId: string, widgetId: string): Promise<void>;
    getWidgetData(
        studyId: string,
        widgetId: string,
        query?: WidgetQuery,
        options?: WidgetFetchOptions,
    ): Promise<WidgetDataResponse>;
    /** Several widgets in one request; the answers come in the order of `items`. */
    getDashboard(studyId: string, items: DashboardItem[], signal?: AbortSignal): Promise<WidgetDataResponse[]>;
    getManifest(studyId: string, signal?: AbortSignal): Promise<StudyManifest>;
    /** Publishes a Parquet file as the dataset's new version (uploader); resolves with that version. */
    uploadDataset(
        studyId: string,
        dataset: string,
        file: Blob | ArrayBuffer | Uint8Array,
        options?: UploadOptions,
    ): Promise<UploadAccepted>;
    getCacheStatistics(signal?: AbortSignal): Promise<CacheStatisticsReport>;
    getStudyStatistics(studyId: string, signal?: AbortSignal): Promise<StudyStatistics>;
    /** Drops cached answers (admin); the change then arrives as a `version-changed` event. */
    invalidate(request: InvalidationRequest): Promise<void>;
    /** Asks the warmer to recompute (admin); a `fresh-data` event follows. */
    warm(request: WarmupRequest): Promise<void>;
    /** The study's server-sent events, over one connection that is re-established until closed. */
    subscribe(studyId: string, handlers: StudyEventHandlers, options?: SubscribeOptions): StudySubscription;
}
