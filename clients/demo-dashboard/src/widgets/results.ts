import type {
    BreakdownResult,
    MetricResult,
    TableResult,
    TimeseriesResult,
    WidgetDataResponse,
} from "@widgetplatform/client";

/** A widget's result narrowed by its definition's type (docs/design.md §4), checked against the shape it has. */
export type TypedResult =
    | { readonly type: "metric"; readonly result: MetricResult }
    | { readonly type: "breakdown"; readonly result: BreakdownResult }
    | { readonly type: "timeseries"; readonly result: TimeseriesResult }
    | { readonly type: "table"; readonly result: TableResult };

/** undefined when the type is unknown to this dashboard or the data does not have that type's shape. */
export function typedResult(type: string, data: WidgetDataResponse["data"]): TypedResult | undefined {
    switch (type) {
        case "metric":
            return "value" in data ? { type, result: data } : undefined;
        case "breakdown":
            return "buckets" in data ? { type, result: data } : undefined;
        case "timeseries":
            return "points" in data ? { type, result: data } : undefined;
        case "table":
            return "rows" in data ? { type, result: data } : undefined;
        default:
            return undefined;
    }
}
