import type { GatewayProblem, WidgetDataResponse, WidgetDefinition } from "@widgetplatform/client";
import { useWidgetData } from "@widgetplatform/client/react";
import type { DateRange } from "../dashboard/dateRange";
import type { Filters } from "../dashboard/filters";
import { toSearchParams, widgetQuery } from "../dashboard/selection";
import { type TypedResult, typedResult } from "./results";
import { useUpdatedMark } from "./useUpdatedMark";

export type CardState = "loading" | "ready" | "error";

export interface CardData {
    readonly state: CardState;
    /** The query string this card asks with (without `v`). */
    readonly query: string;
    /** The answer to that query; undefined while it loads, even when an earlier answer is still drawn. */
    readonly response: WidgetDataResponse | undefined;
    /** What to draw: the answer, or while another range or filter loads, the previous answer. */
    readonly shown: TypedResult | undefined;
    readonly refreshing: boolean;
    readonly error: GatewayProblem | null;
    /** The answer is not the shape of the widget's type. */
    readonly malformed: boolean;
    readonly updated: boolean;
}

/** A widget's own GET for the selection that applies to it, and what the card makes of the answer. */
export function useCardData(studyId: string, widget: WidgetDefinition, range: DateRange, filters: Filters): CardData {
    const request = widgetQuery(widget.timeColumn ? range : undefined, filters);
    const { data, error, isPlaceholderData } = useWidgetData(studyId, widget.widgetId, request);
    const query = toSearchParams(request).toString();
    const response = isPlaceholderData ? undefined : data;
    const updated = useUpdatedMark(query, response);
    const shown = data && typedResult(widget.type, data.data);
    const malformed = data !== undefined && shown === undefined;
    const state: CardState = response && !malformed ? "ready" : error || malformed ? "error" : "loading";
    return { state, query, response, shown, refreshing: isPlaceholderData, error, malformed, updated };
}
