import type { BreakdownResult } from "@widgetplatform/client";
import { useState } from "react";
import { BreakdownChart } from "../charts/BreakdownChart";
import { formatNumber } from "../format";

/** Buckets beyond this many are drawn on request, so that a long breakdown does not stretch its row of the grid. */
const COLLAPSED_BUCKETS = 12;

/** The bars of the largest buckets (all of them on request) and the total over every matching row. */
export function BreakdownView({ result }: { readonly result: BreakdownResult }) {
    const [expanded, setExpanded] = useState(false);
    const { buckets } = result;
    const collapsible = buckets.length > COLLAPSED_BUCKETS;
    return (
        <>
            <BreakdownChart buckets={expanded || !collapsible ? buckets : buckets.slice(0, COLLAPSED_BUCKETS)} />
            <div className="breakdown-footer">
                {collapsible && (
                    <button type="button" className="link" onClick={() => setExpanded(!expanded)}>
                        {expanded ? `Show the top ${COLLAPSED_BUCKETS}` : `Show all ${buckets.length}`}
                    </button>
                )}
                <p className="total">
                    Total <strong data-testid="breakdown-total">{formatNumber(result.total)}</strong>
                </p>
            </div>
        </>
    );
}
