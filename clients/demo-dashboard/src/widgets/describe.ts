import type { WidgetDefinition } from "@widgetplatform/client";

const OPERATIONS: Readonly<Record<string, string>> = {
    count: "Count",
    sum: "Sum",
    avg: "Average",
    min: "Minimum",
    max: "Maximum",
    distinct: "Distinct",
};

/** "Count", "Sum of dose_mg", "Distinct subject_id": what a widget's numbers are. */
export function measureLabel(measure: WidgetDefinition["measure"]): string {
    const operation = OPERATIONS[measure.op] ?? measure.op;
    if (!measure.column) {
        return operation;
    }
    return measure.op === "distinct" ? `${operation} ${measure.column}` : `${operation} of ${measure.column}`;
}

/** "Count · source/AE, serious = true": the measure, the dataset and the widget's own filters. */
export function widgetSubtitle(widget: WidgetDefinition): string {
    const fixed = Object.entries(widget.filters ?? {}).map(([column, values]) => `${column} = ${values.join(" | ")}`);
    const dataset = widget.layer === "transformed" ? `${widget.dataset} (transformed)` : widget.dataset;
    return [`${measureLabel(widget.measure)} · ${dataset}`, ...fixed].join(", ");
}
