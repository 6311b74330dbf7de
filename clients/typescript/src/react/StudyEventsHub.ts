import type { QueryClient } from "@tanstack/react-query";
import type { GatewayClient } from "../client/GatewayClient.js";
import type { StudyEventStatus, StudySubscription } from "../events/studyEventTypes.js";
import type { CacheInvalidated, StudyCacheWarmed } from "../types.js";
import { refreshAfterFreshData, refreshAfterReconnect, refreshAfterVersionChange } from "./liveRefresh.js";
import { widgetFetchHintsOf } from "./widgetFetchHints.js";

export type StudyEvent =
    | { type: "version-changed"; data: CacheInvalidated; receivedAt: number }
    | { type: "fresh-data"; data: StudyCacheWarmed; receivedAt: number };

export interface StudyEventsState {
    status: StudyEventStatus;
    lastEvent?: StudyEvent;
    /** widgetId → the newest data version heard of in a dataset-scope event. */
    dataVersions: Readonly<Record<string, string>>;
}

const notYetConnected: StudyEventsState = { status: "connecting", dataVersions: {} };

/**
 * One event subscription per study, shared by every component under a provider that listens to it: opened for the
 * first listener, closed with the last. Each event refreshes the query cache once, however many components listen.
 */
export class StudyEventsHub {
    readonly #client: GatewayClient;
    readonly #queryClient: QueryClient;
    readonly #studies = new Map<string, SharedStudyEvents>();

    constructor(client: GatewayClient, queryClient: QueryClient) {
        this.#client = client;
        this.#queryClient = queryClient;
    }

    /** Adds a listener of the study's state; the returned function removes it. */
    listen(studyId: string, onChange: () => void): () => void {
        const study = this.#studies.get(studyId) ?? this.#open(studyId);
        study.listeners.add(onChange);
        return () => {
            study.listeners.delete(onChange);
            if (study.listeners.size === 0 && this.#studies.get(studyId) === study) {
                this.#studies.delete(studyId);
                study.close();
            }
        };
    }

    state(studyId: string): StudyEventsState {
        return this.#studies.get(studyId)?.state ?? notYetConnected;
    }

    #open(studyId: string): SharedStudyEvents {
        const study = new SharedStudyEvents(studyId, this.#client, this.#queryClient);
        this.#studies.set(studyId, study);
        return study;
    }
}

class SharedStudyEvents {
    state = notYetConnected;
    readonly listeners = new Set<() => void>();
    readonly #subscription: StudySubscription;
    #hasConnected = false;

    constructor(studyId: string, client: GatewayClient, queryClient: QueryClient) {
        const hints = widgetFetchHintsOf(client);
        this.#subscription = client.subscribe(studyId, {
            onStatus: (status) => {
                if (status !== this.state.status) {
                    this.#update({ status });
                }
            },
            onConnected: () => {
                // The first `connected` starts the stream; a later one ends a gap in which events may have been lost.
                if (this.#hasConnected) {
                    refreshAfterReconnect(queryClient, hints, studyId);
                }
                this.#hasConnected = true;
            },
            onVersionChanged: (event) => {
                refreshAfterVersionChange(queryClient, hints, studyId, event);
                this.#update({
                    lastEvent: { type: "version-changed", data: event, receivedAt: Date.now() },
                    dataVersions: withVersionsOf(event, this.state.dataVersions),
                });
            },
            onFreshData: (event) => {
                refreshAfterFreshData(queryClient, studyId);
                this.#update({ lastEvent: { type: "fresh-data", data: event, receivedAt: Date.now() } });
            },
        });
    }

    close(): void {
        this.#subscription.close();
    }

    #update(change: Partial<StudyEventsState>): void {
        // A new object per change: useSyncExternalStore re-renders on a new snapshot identity.
        this.state = { ...this.state, ...change };
        for (const listener of this.listeners) {
            listener();
        }
    }
}

function withVersionsOf(
    event: CacheInvalidated,
    dataVersions: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
    const version = event.currentVersion;
    if (event.scope !== "dataset" || !version) {
        return dataVersions;
    }
    const newer = (event.widgetIds ?? []).filter((widgetId) => (dataVersions[widgetId] ?? "") < version);
    return newer.length === 0
        ? dataVersions
        : { ...dataVersions, ...Object.fromEntries(newer.map((widgetId) => [widgetId, version])) };
}
