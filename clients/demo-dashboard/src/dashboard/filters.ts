import type { WidgetDefinition } from "@widgetplatform/client";

/** Selected values per column, sent as `f.{column}` (docs/design.md §6); a column with no values is not filtered. */
export type Filters = Readonly<Record<string, readonly string[]>>;

/** A layer and a dataset name: the same name in two layers is two datasets. */
function datasetOf(widget: WidgetDefinition): string {
    return `${widget.layer ?? "source"}/${widget.dataset}`;
}

/**
 * The columns each dataset is known to have: those its widgets' definitions name. A filter is sent only to widgets whose
 * dataset is known to have its column, since a column the dataset lacks is a 400.
 */
export function knownColumns(widgets: readonly WidgetDefinition[]): ReadonlyMap<string, ReadonlySet<string>> {
    const columns = new Map<string, Set<string>>();
    for (const widget of widgets) {
        const named = [
            widget.dimension,
            widget.timeColumn,
            widget.measure.column,
            ...Object.keys(widget.filters ?? {}),
        ];
        const set = columns.get(datasetOf(widget)) ?? new Set<string>();
        for (const column of named) {
            if (column) {
                set.add(column);
            }
        }
        columns.set(datasetOf(widget), set);
    }
    return columns;
}

/** The selected filters that apply to `widget`, and the filtered columns it ignores. */
export function filtersFor(
    widget: WidgetDefinition,
    filters: Filters,
    columns: ReadonlyMap<string, ReadonlySet<string>>,
): { readonly applied: Filters; readonly ignored: readonly string[] } {
    const known = columns.get(datasetOf(widget));
    const applied: Record<string, readonly string[]> = {};
    const ignored: string[] = [];
    for (const [column, values] of Object.entries(filters)) {
        if (values.length === 0) {
            continue;
        }
        if (known?.has(column)) {
            applied[column] = values;
        } else {
            ignored.push(column);
        }
    }
    return { applied, ignored };
}

/** The values a definition's fixed filters name for `column`: options even before any answer arrives. */
export function fixedFilterValues(widgets: readonly WidgetDefinition[], column: string): string[] {
    return widgets.flatMap((widget) => widget.filters?.[column] ?? []).map(String);
}

/** A column offered as a filter, with the breakdown whose buckets list its values. */
export interface FilterSource {
    readonly column: string;
    readonly widget: WidgetDefinition;
}

/** One filter per breakdown dimension (the first breakdown over it, as listed): a breakdown's keys are its values. */
export function filterSources(widgets: readonly WidgetDefinition[]): FilterSource[] {
    const sources = new Map<string, FilterSource>();
    for (const widget of widgets) {
        if (widget.type === "breakdown" && widget.dimension && !sources.has(widget.dimension)) {
            sources.set(widget.dimension, { column: widget.dimension, widget });
        }
    }
    return [...sources.values()];
}

/** The selected filters on offered columns: one named only in the page's URL has no control to clear it, so it is ignored. */
export function offeredFilters(filters: Filters, sources: readonly FilterSource[]): Filters {
    return Object.fromEntries(
        Object.entries(filters).filter(([column]) => sources.some((source) => source.column === column)),
    );
}

/** `filters` with `column` set to `values`; a column left with no values is dropped (it filters nothing). */
export function withColumn(filters: Filters, column: string, values: readonly string[]): Filters {
    const others = Object.entries(filters).filter(([name]) => name !== column);
    return Object.fromEntries(values.length > 0 ? [...others, [column, values]] : others);
}
