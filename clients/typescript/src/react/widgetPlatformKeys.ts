import type { WidgetQuery } from "../client/GatewayClient.js";
import type { DashboardItem } from "../types.js";
import { canonicalDashboardItems, canonicalWidgetQuery, type CanonicalDashboardItem } from "./canonicalQuery.js";

const all = ["widgetplatform"] as const;

/**
 * The TanStack Query keys of everything this package caches, nested so that a prefix selects a study or a widget:
 * `invalidateQueries({ queryKey: widgetPlatformKeys.widget(studyId, widgetId) })` reaches every data query of it.
 */
export const widgetPlatformKeys = {
    all,
    study: (studyId: string) => [...all, "study", studyId] as const,
    /** The study's widget definitions. */
    widgets: (studyId: string) => [...widgetPlatformKeys.study(studyId), "widgets"] as const,
    /** The prefix of every data query of one widget. */
    widget: (studyId: string, widgetId: string) => [...widgetPlatformKeys.study(studyId), "widget", widgetId] as const,
    widgetData: (studyId: string, widgetId: string, query?: WidgetQuery) =>
        [...widgetPlatformKeys.widget(studyId, widgetId), canonicalWidgetQuery(query)] as const,
    dashboard: (studyId: string, items: readonly DashboardItem[]) =>
        [...widgetPlatformKeys.study(studyId), "dashboard", canonicalDashboardItems(items)] as const,
    manifest: (studyId: string) => [...widgetPlatformKeys.study(studyId), "manifest"] as const,
    studyStatistics: (studyId: string) => [...widgetPlatformKeys.study(studyId), "statistics"] as const,
};

/** Which widgets a data query of the study reads: its one widget, every widget of a dashboard, or none. */
export function widgetsReadBy(queryKey: readonly unknown[], studyId: string): string[] {
    const [root, studyTag, keyStudyId, kind, subject] = queryKey;
    if (root !== all[0] || studyTag !== "study" || keyStudyId !== studyId) {
        return [];
    }
    if (
        kind === "widget" &&
        typeof subject === "string" &&
        queryKey.length === widgetPlatformKeys.widgetData(studyId, subject).length
    ) {
        return [subject];
    }
    if (kind === "dashboard" && Array.isArray(subject)) {
        return (subject as CanonicalDashboardItem[]).map((item) => item.widgetId);
    }
    return [];
}
