import type { WidgetDefinition } from "@widgetplatform/client";
import { useEffect } from "react";
import { type DateRange, hasBounds } from "../dashboard/dateRange";
import type { Filters } from "../dashboard/filters";
import { CardMeta } from "./CardMeta";
import { CardSkeleton } from "./CardSkeleton";
import { widgetSubtitle } from "./describe";
import { ProblemMessage } from "./ProblemMessage";
import { type CardState, useCardData } from "./useCardData";
import { WidgetBody } from "./WidgetBody";

interface WidgetCardProps {
    readonly studyId: string;
    readonly widget: WidgetDefinition;
    /** The selected range; sent only when the widget has a time column. */
    readonly range: DateRange;
    /** The selected filters that apply to this widget's dataset. */
    readonly filters: Filters;
    /** Filtered columns this widget's dataset is not known to have. */
    readonly ignoredFilters: readonly string[];
    readonly onState: (widgetId: string, state: CardState) => void;
}

/** One widget: its chart, how its answer was made, and an "Updated" mark when pushed data changed it. */
export function WidgetCard({ studyId, widget, range, filters, ignoredFilters, onState }: WidgetCardProps) {
    const card = useCardData(studyId, widget, range, filters);
    const { state, response, shown, error, updated } = card;
    const ignoresRange = !widget.timeColumn && hasBounds(range);

    useEffect(() => onState(widget.widgetId, state), [onState, widget.widgetId, state]);

    return (
        <article
            className={`card card-${widget.type}${updated ? " is-updated" : ""}${card.refreshing ? " is-refreshing" : ""}`}
            data-testid={`widget-${widget.widgetId}`}
            data-widget-type={widget.type}
            data-state={state}
            data-updated={String(updated)}
            data-query={card.query}
            data-data-version={response?.metadata.dataVersion}
            data-cache={response?.metadata.cache}
            data-values={response ? JSON.stringify(response.data) : undefined}
            aria-busy={state === "loading"}
        >
            <header className="card-header">
                <div>
                    <h2 className="card-title">{widget.title ?? widget.widgetId}</h2>
                    <p className="card-subtitle">{widgetSubtitle(widget)}</p>
                </div>
                {updated && (
                    <span className="updated-badge" data-testid="updated-badge">
                        Updated
                    </span>
                )}
            </header>
            <div className="card-body">
                {card.malformed ? (
                    <ProblemMessage error={new Error(`The answer is not a ${widget.type} result.`)} />
                ) : shown ? (
                    <WidgetBody widget={widget} typed={shown} />
                ) : error ? (
                    <ProblemMessage error={error} />
                ) : (
                    <CardSkeleton type={widget.type} />
                )}
            </div>
            {shown && error && <ProblemMessage error={error} compact />}
            {(ignoresRange || ignoredFilters.length > 0) && (
                <p className="card-note">
                    {ignoresRange && "All dates: no time column. "}
                    {ignoredFilters.length > 0 && `Not filtered by ${ignoredFilters.join(", ")}.`}
                </p>
            )}
            {response && <CardMeta metadata={response.metadata} />}
        </article>
    );
}
