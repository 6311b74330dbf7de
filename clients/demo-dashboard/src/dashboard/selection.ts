import type { WidgetQuery } from "@widgetplatform/client";
import { type DateRange, rangeOf } from "./dateRange";
import type { Filters } from "./filters";

/** What the viewer picked: one date range and the filters, for every widget they apply to. */
export interface Selection {
    readonly range: DateRange;
    readonly filters: Filters;
}

const FILTER_PREFIX = "f.";

/** The page's own query string uses the gateway's parameters (`from`, `to`, `f.{column}`), so a view can be linked. */
export function parseSelection(search: string): Selection {
    const params = new URLSearchParams(search);
    const filters: Record<string, string[]> = {};
    for (const [name, value] of params) {
        if (name.startsWith(FILTER_PREFIX) && name.length > FILTER_PREFIX.length && value !== "") {
            const column = name.slice(FILTER_PREFIX.length);
            filters[column] = [...(filters[column] ?? []), value];
        }
    }
    return { range: rangeOf(params.get("from") ?? undefined, params.get("to") ?? undefined), filters };
}

/** The query of one widget: the range only when it has a time column, the filters that apply to it. */
export function widgetQuery(range: DateRange | undefined, filters: Filters): WidgetQuery | undefined {
    const hasFilters = Object.keys(filters).length > 0;
    if (!range?.from && !range?.to && !hasFilters) {
        return undefined;
    }
    return {
        ...(range?.from ? { from: range.from } : {}),
        ...(range?.to ? { to: range.to } : {}),
        ...(hasFilters ? { filters } : {}),
    };
}

/**
 * A query as the gateway's query string, columns and values in ordinal order as the client sends them: the page's URL,
 * and each card's `data-query` for tests.
 */
export function toSearchParams(query: WidgetQuery | undefined): URLSearchParams {
    const params = new URLSearchParams();
    if (query?.from) {
        params.set("from", query.from);
    }
    if (query?.to) {
        params.set("to", query.to);
    }
    const filters = query?.filters ?? {};
    for (const column of Object.keys(filters).sort()) {
        for (const value of [...new Set(filters[column])].sort()) {
            params.append(`${FILTER_PREFIX}${column}`, value);
        }
    }
    return params;
}
