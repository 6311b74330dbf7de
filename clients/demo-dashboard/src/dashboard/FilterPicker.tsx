import type { WidgetDefinition } from "@widgetplatform/client";
import { useWidgetData } from "@widgetplatform/client/react";
import { useRef } from "react";
import { fixedFilterValues, type FilterSource } from "./filters";
import { useDismiss } from "./useDismiss";

interface FilterPickerProps {
    readonly studyId: string;
    readonly source: FilterSource;
    readonly widgets: readonly WidgetDefinition[];
    readonly selected: readonly string[];
    readonly onChange: (values: readonly string[]) => void;
}

const collator = new Intl.Collator("en", { numeric: true });

/** A multi-select of one column's values: its breakdown's keys over all data, and the values fixed filters name. */
export function FilterPicker({ studyId, source, widgets, selected, onChange }: FilterPickerProps) {
    const { data: response, error } = useWidgetData(studyId, source.widget.widgetId);
    const details = useRef<HTMLDetailsElement>(null);
    useDismiss(details);

    const keys = response && "buckets" in response.data ? response.data.buckets.map((bucket) => bucket.key) : [];
    const values = new Set([
        ...keys.filter((key) => key !== null).map(String),
        ...fixedFilterValues(widgets, source.column),
        ...selected,
    ]);
    const options = [...values].sort(collator.compare);
    const toggle = (value: string, checked: boolean) =>
        onChange(checked ? [...selected, value] : selected.filter((other) => other !== value));

    return (
        <details ref={details} className="control filter" data-testid={`filter-${source.column}`}>
            <summary aria-label={`Filter by ${source.column}`}>
                <span className="filter-column">{source.column}</span>
                <span className="filter-summary">{summarize(selected)}</span>
            </summary>
            <div className="filter-panel">
                <div className="filter-actions">
                    <span>
                        {response ? `${options.length} values` : error ? "Values unavailable" : "Loading values…"}
                    </span>
                    <button
                        type="button"
                        className="link"
                        disabled={selected.length === 0}
                        onClick={() => onChange([])}
                    >
                        Clear
                    </button>
                </div>
                <ul className="filter-options">
                    {options.map((value) => (
                        <li key={value}>
                            <label>
                                <input
                                    type="checkbox"
                                    value={value}
                                    checked={selected.includes(value)}
                                    onChange={(event) => toggle(value, event.target.checked)}
                                />
                                {value}
                            </label>
                        </li>
                    ))}
                </ul>
            </div>
        </details>
    );
}

function summarize(selected: readonly string[]): string {
    if (selected.length === 0) {
        return "All";
    }
    return selected.length <= 2 ? selected.join(", ") : `${selected.length} selected`;
}
