import type { WidgetDefinition } from "@widgetplatform/client";
import { useMemo } from "react";
import type { CardState } from "../widgets/useCardData";
import { WidgetCard } from "../widgets/WidgetCard";
import { filtersFor, knownColumns } from "./filters";
import type { Selection } from "./selection";

interface WidgetGridProps {
    readonly studyId: string;
    readonly widgets: readonly WidgetDefinition[];
    readonly selection: Selection;
    readonly onState: (widgetId: string, state: CardState) => void;
}

/** One card per widget, in the order the gateway lists them. */
export function WidgetGrid({ studyId, widgets, selection, onState }: WidgetGridProps) {
    const columns = useMemo(() => knownColumns(widgets), [widgets]);
    if (widgets.length === 0) {
        return <p className="empty-page">This study has no widgets yet.</p>;
    }
    return (
        <main className="grid">
            {widgets.map((widget) => {
                const { applied, ignored } = filtersFor(widget, selection.filters, columns);
                return (
                    <WidgetCard
                        key={widget.widgetId}
                        studyId={studyId}
                        widget={widget}
                        range={selection.range}
                        filters={applied}
                        ignoredFilters={ignored}
                        onState={onState}
                    />
                );
            })}
        </main>
    );
}
