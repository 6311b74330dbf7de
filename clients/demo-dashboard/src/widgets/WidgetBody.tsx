import type { WidgetDefinition } from "@widgetplatform/client";
import { TimeseriesChart } from "../charts/TimeseriesChart";
import { BreakdownView } from "./BreakdownView";
import { measureLabel } from "./describe";
import { MetricView } from "./MetricView";
import type { TypedResult } from "./results";
import { TableView } from "./TableView";

interface WidgetBodyProps {
    readonly widget: WidgetDefinition;
    readonly typed: TypedResult;
}

/** The chart, card or table for a widget's type; an empty answer says so instead of drawing an empty chart. */
export function WidgetBody({ widget, typed }: WidgetBodyProps) {
    switch (typed.type) {
        case "metric":
            return <MetricView result={typed.result} comparesPeriods={widget.comparison === "previousPeriod"} />;
        case "breakdown":
            return typed.result.buckets.length === 0 ? <Empty /> : <BreakdownView result={typed.result} />;
        case "timeseries":
            return typed.result.points.length === 0 ? (
                <Empty />
            ) : (
                <TimeseriesChart result={typed.result} gradientId={`area-${widget.widgetId}`} />
            );
        case "table":
            return typed.result.rows.length === 0 ? (
                <Empty />
            ) : (
                <TableView
                    result={typed.result}
                    keyLabel={widget.dimension ?? "Key"}
                    valueLabel={measureLabel(widget.measure)}
                />
            );
    }
}

function Empty() {
    return <p className="empty">No data for this selection.</p>;
}
