import type { WidgetDataResponse } from "@widgetplatform/client";
import { formatNumber } from "../format";

/** How the answer was made, discreetly: cache outcome, data version, computation time (docs/design.md §6). */
export function CardMeta({ metadata }: { readonly metadata: WidgetDataResponse["metadata"] }) {
    const details = [
        `Calculated at ${metadata.calculatedAt}`,
        `${formatNumber(metadata.rowsProcessed)} rows processed`,
        `Key ${metadata.key}`,
    ].join("\n");
    return (
        <footer className="card-meta" title={details}>
            <span className={`cache cache-${metadata.cache}`}>{metadata.cache}</span>
            <span className="meta-item">v {metadata.dataVersion}</span>
            <span className="meta-item">{formatNumber(metadata.queryTime)} ms</span>
        </footer>
    );
}
