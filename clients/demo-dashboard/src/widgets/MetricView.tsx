import type { MetricResult } from "@widgetplatform/client";
import { formatNumber } from "../format";

interface MetricViewProps {
    readonly result: MetricResult;
    /** The definition asks for the previous period, which the gateway computes only with both `from` and `to`. */
    readonly comparesPeriods: boolean;
}

/** The big value, and its change against the previous period when there is one. */
export function MetricView({ result, comparesPeriods }: MetricViewProps) {
    return (
        <div className="metric">
            <div className="metric-value" data-testid="metric-value">
                {formatNumber(result.value)}
            </div>
            {result.change !== null && result.previousValue !== null ? (
                <MetricChange
                    change={result.change}
                    changePercent={result.changePercent}
                    previousValue={result.previousValue}
                />
            ) : (
                comparesPeriods && (
                    <p className="metric-hint">Choose a date range to compare with the previous period.</p>
                )
            )}
        </div>
    );
}

interface MetricChangeProps {
    readonly change: number;
    readonly changePercent: number | null;
    readonly previousValue: number;
}

function MetricChange({ change, changePercent, previousValue }: MetricChangeProps) {
    const direction = change > 0 ? "up" : change < 0 ? "down" : "flat";
    const arrow = { up: "▲", down: "▼", flat: "▶" }[direction];
    const sign = change > 0 ? "+" : "";
    return (
        <div className="metric-change">
            <span className={`change change-${direction}`} data-testid="metric-change" data-direction={direction}>
                <span aria-hidden="true">{arrow}</span> {sign}
                {formatNumber(change)}
                {changePercent !== null && ` (${sign}${formatNumber(changePercent)}%)`}
            </span>
            <span className="metric-previous">
                from <strong>{formatNumber(previousValue)}</strong> in the previous period
            </span>
        </div>
    );
}
