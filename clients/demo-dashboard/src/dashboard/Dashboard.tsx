import { useWidgets } from "@widgetplatform/client/react";
import { useCallback, useMemo, useState } from "react";
import type { CardState } from "../widgets/useCardData";
import { ProblemMessage } from "../widgets/ProblemMessage";
import { filterSources, offeredFilters } from "./filters";
import { Header } from "./Header";
import { Toolbar } from "./Toolbar";
import { useSelection } from "./useSelection";
import { WidgetGrid } from "./WidgetGrid";

/** The page: every widget of the study, with one date range and one set of filters for all. */
export function Dashboard({ studyId }: { readonly studyId: string }) {
    const { data: widgets, error } = useWidgets(studyId);
    const [selection, setSelection] = useSelection();
    const sources = useMemo(() => filterSources(widgets ?? []), [widgets]);
    const applied = useMemo(
        () => ({ range: selection.range, filters: offeredFilters(selection.filters, sources) }),
        [selection, sources],
    );
    const [states, setStates] = useState<Readonly<Record<string, CardState>>>({});
    const onState = useCallback(
        (widgetId: string, state: CardState) =>
            setStates((previous) => (previous[widgetId] === state ? previous : { ...previous, [widgetId]: state })),
        [],
    );
    const ready = widgets !== undefined && widgets.every((widget) => states[widget.widgetId] === "ready");

    return (
        <div className="dashboard" data-testid="dashboard" data-ready={String(ready)}>
            <Header studyId={studyId} widgetCount={widgets?.length} />
            {widgets ? (
                <>
                    <Toolbar
                        studyId={studyId}
                        widgets={widgets}
                        sources={sources}
                        selection={applied}
                        onChange={setSelection}
                    />
                    <WidgetGrid studyId={studyId} widgets={widgets} selection={applied} onState={onState} />
                </>
            ) : error ? (
                <div className="page-problem">
                    <h2>The widgets of {studyId} could not be loaded</h2>
                    <ProblemMessage error={error} />
                </div>
            ) : (
                <p className="page-loading" aria-busy="true">
                    Loading the widgets of {studyId}…
                </p>
            )}
        </div>
    );
}
