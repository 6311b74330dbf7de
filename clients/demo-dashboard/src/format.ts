const numberFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
const compactFormat = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
const dayFormat = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** A measure value; null (no rows, or an undefined average) is a dash. */
export function formatNumber(value: number | null): string {
    return value === null ? "—" : numberFormat.format(value);
}

/** A value as a chart's tooltip receives it (typed loosely by the chart library). */
export function formatTooltipValue(value: unknown): string {
    return formatNumber(typeof value === "number" ? value : null);
}

export function formatCompact(value: number): string {
    return compactFormat.format(value);
}

/** A bucket key as the gateway sends it: text, a number, a boolean, a YYYY-MM-DD date, or null for rows without one. */
export function formatKey(key: string | number | boolean | null): string {
    return key === null ? "(none)" : String(key);
}

/** A YYYY-MM-DD date (the first day of a bucket), shown for its interval. */
export function formatDate(date: string, interval: string = "day"): string {
    const parsed = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime())) {
        return date;
    }
    if (interval === "month") {
        return monthFormat.format(parsed);
    }
    return interval === "week" ? `Week of ${dayFormat.format(parsed)}` : dayFormat.format(parsed);
}

export function formatTime(epochMs: number): string {
    return timeFormat.format(new Date(epochMs));
}

const axisDayFormat = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", timeZone: "UTC" });
const axisMonthFormat = new Intl.DateTimeFormat("en", { month: "short", year: "2-digit", timeZone: "UTC" });

/** A short date for a chart axis: "10 Jan" per day or week, "Jan 24" per month. */
export function formatAxisDate(date: string, interval: string): string {
    const parsed = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime())) {
        return date;
    }
    return (interval === "month" ? axisMonthFormat : axisDayFormat).format(parsed);
}
