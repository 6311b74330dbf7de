import { type DataExtent, type DateRange, presetRange, RANGE_PRESETS, rangeOf, sameRange } from "./dateRange";

interface DateRangePickerProps {
    readonly range: DateRange;
    /** Where the data starts and ends; presets relative to the data need it. */
    readonly extent: DataExtent | undefined;
    readonly onChange: (range: DateRange) => void;
}

/** Two date inputs and presets; the range applies to the widgets with a time column. */
export function DateRangePicker({ range, extent, onChange }: DateRangePickerProps) {
    const setFrom = (from: string) => onChange(rangeOf(from, range.to));
    const setTo = (to: string) => onChange(rangeOf(range.from, to));

    return (
        <fieldset className="control range-picker" data-testid="date-range">
            <legend>Dates</legend>
            <div className="presets" role="group" aria-label="Date presets">
                {RANGE_PRESETS.map((preset) => {
                    const presetValue = presetRange(preset, extent);
                    return (
                        <button
                            key={preset.label}
                            type="button"
                            className="preset"
                            data-testid="range-preset"
                            aria-pressed={presetValue !== undefined && sameRange(presetValue, range)}
                            disabled={presetValue === undefined}
                            onClick={() => presetValue && onChange(presetValue)}
                        >
                            {preset.label}
                        </button>
                    );
                })}
            </div>
            <div className="date-inputs">
                <label>
                    <span>From</span>
                    <input
                        type="date"
                        data-testid="range-from"
                        value={range.from ?? ""}
                        min={extent?.first}
                        max={range.to ?? extent?.last}
                        onChange={(event) => setFrom(event.target.value)}
                    />
                </label>
                <label>
                    <span>To</span>
                    <input
                        type="date"
                        data-testid="range-to"
                        value={range.to ?? ""}
                        min={range.from ?? extent?.first}
                        max={extent?.last}
                        onChange={(event) => setTo(event.target.value)}
                    />
                </label>
            </div>
        </fieldset>
    );
}
