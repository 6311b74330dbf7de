import type { Query, QueryClient } from "@tanstack/react-query";
import type { CacheInvalidated, WidgetDataResponse } from "../types.js";
import type { WidgetFetchHints } from "./widgetFetchHints.js";
import { widgetPlatformKeys, widgetsReadBy } from "./widgetPlatformKeys.js";

// What each study event does to the query cache (docs/design.md §6, Events; §7 for the messages behind them).
// Invalidating marks the matching queries out of date and refetches those on screen; the others refetch when shown.

/**
 * Data changed. The queries of the widgets it names (every widget of the study when it names none) are refetched,
 * dashboards containing one of them included. A dataset change names the new version, which the refetch asks for;
 * any other change keeps the version but not the answer, so the refetch revalidates.
 */
export function refreshAfterVersionChange(
    queryClient: QueryClient,
    hints: WidgetFetchHints,
    studyId: string,
    event: CacheInvalidated,
): void {
    const widgetIds = event.widgetIds ?? undefined;
    if (event.scope === "dataset" && event.currentVersion && widgetIds !== undefined) {
        for (const widgetId of widgetIds) {
            hints.recordVersion(studyId, widgetId, event.currentVersion);
        }
        void queryClient.invalidateQueries({ queryKey: widgetPlatformKeys.manifest(studyId) });
    } else {
        hints.recordChange(studyId, widgetIds);
        // A definition change is announced with widget scope; the list is cheap to refetch for any of these scopes.
        void queryClient.invalidateQueries({ queryKey: widgetPlatformKeys.widgets(studyId) });
    }
    const affected = widgetIds === undefined ? undefined : new Set(widgetIds);
    void queryClient.invalidateQueries({
        predicate: (query) =>
            widgetsReadBy(query.queryKey, studyId).some((widgetId) => affected?.has(widgetId) ?? true),
    });
}

/**
 * The warmer recomputed the study's entries; no data changed. Only answers that could not come from the cache
 * (`bypass`) and failed queries are worth fetching again.
 */
export function refreshAfterFreshData(queryClient: QueryClient, studyId: string): void {
    void queryClient.invalidateQueries({
        predicate: (query) =>
            widgetsReadBy(query.queryKey, studyId).length > 0 &&
            (query.state.status === "error" || bypassedTheCache(query)),
    });
}

/** Events may have been missed while disconnected: everything of the study is refetched, and revalidated. */
export function refreshAfterReconnect(queryClient: QueryClient, hints: WidgetFetchHints, studyId: string): void {
    hints.recordChange(studyId, undefined);
    void queryClient.invalidateQueries({ queryKey: widgetPlatformKeys.study(studyId) });
}

function bypassedTheCache(query: Query): boolean {
    // widgetsReadBy matched the key, so the data is a widget answer or a dashboard's answers.
    const data = query.state.data as WidgetDataResponse | WidgetDataResponse[] | undefined;
    const answers = data === undefined ? [] : Array.isArray(data) ? data : [data];
    return answers.some((answer) => answer.metadata.cache === "bypass");
}
