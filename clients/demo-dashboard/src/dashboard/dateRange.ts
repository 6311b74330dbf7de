/** Inclusive YYYY-MM-DD bounds on a widget's time column (docs/design.md §6); an absent bound is open. */
export interface DateRange {
    readonly from?: string;
    readonly to?: string;
}

/** The first and last day holding data, as the study's time series show them. */
export interface DataExtent {
    readonly first: string;
    readonly last: string;
}

export interface RangePreset {
    readonly label: string;
    /** Days ending on the last day of data; undefined: the whole span, no bounds. */
    readonly days?: number;
}

export const RANGE_PRESETS: readonly RangePreset[] = [
    { label: "All" },
    { label: "Last 30 days of data", days: 30 },
    { label: "Last 90 days of data", days: 90 },
    { label: "Last year of data", days: 365 },
];

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real `YYYY-MM-DD` date (not 2024-02-30, which Date would roll over to March). */
function isIsoDate(value: string): boolean {
    const parsed = new Date(`${value}T00:00:00Z`);
    return DATE_PATTERN.test(value) && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/**
 * A range from two bounds as typed or read from a URL: an empty or malformed bound is open, and bounds in the wrong
 * order are swapped (`from` after `to` is a 400, docs/design.md §6).
 */
export function rangeOf(from: string | undefined, to: string | undefined): DateRange {
    const lower = from && isIsoDate(from) ? from : undefined;
    const upper = to && isIsoDate(to) ? to : undefined;
    if (lower !== undefined && upper !== undefined) {
        return lower <= upper ? { from: lower, to: upper } : { from: upper, to: lower };
    }
    return { ...(lower !== undefined ? { from: lower } : {}), ...(upper !== undefined ? { to: upper } : {}) };
}

function addDays(date: string, days: number): string {
    const parsed = new Date(`${date}T00:00:00Z`);
    parsed.setUTCDate(parsed.getUTCDate() + days);
    return parsed.toISOString().slice(0, 10);
}

/** The last day of the bucket that starts on `start` (ISO weeks start on Monday, months on the 1st). */
export function bucketEnd(start: string, interval: string): string {
    if (interval === "week") {
        return addDays(start, 6);
    }
    if (interval === "month") {
        const parsed = new Date(`${start}T00:00:00Z`);
        return new Date(Date.UTC(parsed.getUTCFullYear(), parsed.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    }
    return start;
}

export function presetRange(preset: RangePreset, extent: DataExtent | undefined): DateRange | undefined {
    if (preset.days === undefined) {
        return {};
    }
    return extent ? { from: addDays(extent.last, 1 - preset.days), to: extent.last } : undefined;
}

export function sameRange(a: DateRange, b: DateRange): boolean {
    return a.from === b.from && a.to === b.to;
}

export function hasBounds(range: DateRange): boolean {
    return range.from !== undefined || range.to !== undefined;
}
