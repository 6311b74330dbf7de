import type { WidgetDefinition } from "@widgetplatform/client";
import { DataRangePicker } from "./DataRangePicker";
import { type FilterSource, withColumn } from "./filters";
import { FilterPicker } from "./FilterPicker";
import type { Selection } from "./selection";

interface ToolbarProps {
    readonly studyId: string;
    readonly widgets: readonly WidgetDefinition[];
    /** The columns offered as filters. */
    readonly sources: readonly FilterSource[];
    readonly selection: Selection;
    readonly onChange: (selection: Selection) => void;
}

/** The date range and the filters, applied to every widget they concern. */
export function Toolbar({ studyId, widgets, sources, selection, onChange }: ToolbarProps) {
    return (
        <section className="toolbar" aria-label="Date range and filters">
            <DataRangePicker
                studyId={studyId}
                widgets={widgets}
                range={selection.range}
                onChange={(range) => onChange({ ...selection, range })}
            />
            {sources.length > 0 && (
                <fieldset className="control filters">
                    <legend>Filters</legend>
                    <div className="filter-list">
                        {sources.map((source) => (
                            <FilterPicker
                                key={source.column}
                                studyId={studyId}
                                source={source}
                                widgets={widgets}
                                selected={selection.filters[source.column] ?? []}
                                onChange={(values) =>
                                    onChange({
                                        ...selection,
                                        filters: withColumn(selection.filters, source.column, values),
                                    })
                                }
                            />
                        ))}
                    </div>
                </fieldset>
            )}
        </section>
    );
}
