import type { WidgetQuery } from "./GatewayClient.js";

// Every path of the gateway's HTTP API (docs/design.md §6), relative to its base URL. Route values are encoded as
// single path segments, so an id can never reach another route.

export function studiesPath(): string {
    return "/api/studies";
}

export function studyPath(studyId: string): string {
    return `${studiesPath()}/${segment(studyId)}`;
}

export function widgetsPath(studyId: string): string {
    return `${studyPath(studyId)}/widgets`;
}

export function widgetPath(studyId: string, widgetId: string): string {
    return `${widgetsPath(studyId)}/${segment(widgetId)}`;
}

/**
 * `from`, `to`, then each filter value as `f.{column}={value}` (one per value: the gateway reads repeats as IN), then
 * `v` when a data version is named. Empty `from`/`to` are left out, as the gateway treats them as absent anyway.
 */
export function widgetDataPath(studyId: string, widgetId: string, query: WidgetQuery = {}, version?: string): string {
    const search = new URLSearchParams();
    if (query.from) {
        search.append("from", query.from);
    }
    if (query.to) {
        search.append("to", query.to);
    }
    for (const [column, values] of Object.entries(query.filters ?? {})) {
        for (const value of values) {
            search.append(`f.${column}`, value);
        }
    }
    if (version !== undefined) {
        search.append("v", version);
    }
    const queryString = search.toString();
    return `${widgetPath(studyId, widgetId)}/data${queryString ? `?${queryString}` : ""}`;
}

export function dashboardPath(studyId: string): string {
    return `${studyPath(studyId)}/dashboard`;
}

export function manifestPath(studyId: string): string {
    return `${studyPath(studyId)}/manifest`;
}

export function datasetPath(studyId: string, dataset: string, layer?: "source" | "transformed"): string {
    const path = `${studyPath(studyId)}/datasets/${segment(dataset)}`;
    return layer === undefined ? path : `${path}?${new URLSearchParams({ layer }).toString()}`;
}

export function studyEventsPath(studyId: string): string {
    return `${studyPath(studyId)}/events`;
}

export function cacheStatisticsPath(): string {
    return "/api/cache/stats";
}

export function studyStatisticsPath(studyId: string): string {
    return `/api/cache/studies/${segment(studyId)}/stats`;
}

export function invalidationsPath(): string {
    return "/api/cache/invalidations";
}

export function warmupsPath(): string {
    return "/api/cache/warmups";
}

/**
 * One route value as a path segment. Empty and dot segments are refused: URL parsing would drop or resolve them (even
 * percent-encoded) and the request would reach another route; they are never identifiers anyway.
 */
function segment(value: string): string {
    if (value === "" || value === "." || value === "..") {
        throw new TypeError(`"${value}" cannot be a route value of the gateway`);
    }
    return encodeURIComponent(value);
}
