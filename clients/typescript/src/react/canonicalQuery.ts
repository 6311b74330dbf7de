import type { WidgetQuery } from "../client/GatewayClient.js";
import type { DashboardItem } from "../types.js";

/** A widget query in one spelling per meaning, so that equal requests share a query key and a browser-cached URL. */
export interface CanonicalWidgetQuery {
    from?: string;
    to?: string;
    filters?: Record<string, string[]>;
}

export interface CanonicalDashboardItem extends CanonicalWidgetQuery {
    widgetId: string;
}

/** Columns sorted, values sorted and without repeats, and empty parts left out (the gateway treats them as absent). */
export function canonicalWidgetQuery(query: WidgetQuery = {}): CanonicalWidgetQuery {
    const canonical: CanonicalWidgetQuery = {};
    if (query.from) {
        canonical.from = query.from;
    }
    if (query.to) {
        canonical.to = query.to;
    }
    const filters = canonicalFilters(query.filters ?? {});
    if (Object.keys(filters).length > 0) {
        canonical.filters = filters;
    }
    return canonical;
}

/** Item order is kept: the gateway answers a dashboard in request order. */
export function canonicalDashboardItems(items: readonly DashboardItem[]): CanonicalDashboardItem[] {
    return items.map((item) => ({
        widgetId: item.widgetId,
        ...canonicalWidgetQuery({
            from: item.from ?? undefined,
            to: item.to ?? undefined,
            filters: item.filters ?? undefined,
        }),
    }));
}

// Default sort compares UTF-16 code units: the ordinal order the gateway's canonical filter uses (docs/design.md §5).
function canonicalFilters(filters: Record<string, readonly string[]>): Record<string, string[]> {
    const canonical: Record<string, string[]> = {};
    for (const column of Object.keys(filters).sort()) {
        const values = [...new Set(filters[column])].sort();
        if (values.length > 0) {
            canonical[column] = values;
        }
    }
    return canonical;
}
