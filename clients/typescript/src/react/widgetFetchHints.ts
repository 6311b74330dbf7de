import type { GatewayClient } from "../client/GatewayClient.js";

interface StudyHints {
    /** The newest data version heard of per widget (dataset-scope events). */
    versions: Map<string, string>;
    /** When an answer last changed without a new data version, per widget (a definition change, a manual invalidation). */
    changedAt: Map<string, number>;
    /** The same for every widget of the study at once (study and tag scopes, a reconnection). */
    studyChangedAt?: number;
}

export interface WidgetFetchHint {
    /** Ask for this version: an immutable URL the browser may answer by itself, or the gateway redirects from. */
    version?: string;
    /** Make the browser revalidate even an immutable cached answer. */
    revalidate: boolean;
}

/**
 * What the next fetch of a widget's data should ask for, learned from the study's events. A new data version is a new
 * URL (`v`); an answer that changed while keeping its data version is still in the browser's cache under the old URL,
 * so every fetch of it made before the change is revalidated once.
 */
export class WidgetFetchHints {
    readonly #studies = new Map<string, StudyHints>();

    recordVersion(studyId: string, widgetId: string, version: string): void {
        const versions = this.#study(studyId).versions;
        const known = versions.get(widgetId);
        // Versions compare ordinally and only grow (docs/design.md §3): a late duplicate must not move the hint back.
        if (known === undefined || version > known) {
            versions.set(widgetId, version);
        }
    }

    /** `widgetIds` undefined: every widget of the study. */
    recordChange(studyId: string, widgetIds: readonly string[] | undefined, at: number = Date.now()): void {
        const study = this.#study(studyId);
        if (widgetIds === undefined) {
            study.studyChangedAt = at;
            return;
        }
        for (const widgetId of widgetIds) {
            study.changedAt.set(widgetId, at);
        }
    }

    /** `lastFetchedAt`: when the query last got an answer (0 if never). */
    hintFor(studyId: string, widgetId: string, lastFetchedAt: number): WidgetFetchHint {
        const study = this.#studies.get(studyId);
        const version = study?.versions.get(widgetId);
        const changedAt = Math.max(study?.changedAt.get(widgetId) ?? -Infinity, study?.studyChangedAt ?? -Infinity);
        // Same millisecond counts as before the change: an extra revalidation costs a 304, a missed one a stale answer.
        const revalidate = changedAt >= lastFetchedAt;
        return version === undefined ? { revalidate } : { version, revalidate };
    }

    #study(studyId: string): StudyHints {
        let study = this.#studies.get(studyId);
        if (study === undefined) {
            study = { versions: new Map(), changedAt: new Map() };
            this.#studies.set(studyId, study);
        }
        return study;
    }
}

// Per client rather than per provider: widgetDataQueryOptions and prefetchWidgetData are given only the client.
const hintsByClient = new WeakMap<GatewayClient, WidgetFetchHints>();

export function widgetFetchHintsOf(client: GatewayClient): WidgetFetchHints {
    let hints = hintsByClient.get(client);
    if (hints === undefined) {
        hints = new WidgetFetchHints();
        hintsByClient.set(client, hints);
    }
    return hints;
}
