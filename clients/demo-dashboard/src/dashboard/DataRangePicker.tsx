import type { WidgetDefinition } from "@widgetplatform/client";
import { useWidgetData } from "@widgetplatform/client/react";
import { bucketEnd, type DataExtent, type DateRange } from "./dateRange";
import { DateRangePicker } from "./DateRangePicker";

interface DataRangePickerProps {
    readonly studyId: string;
    readonly widgets: readonly WidgetDefinition[];
    readonly range: DateRange;
    readonly onChange: (range: DateRange) => void;
}

/** The date range picker, with presets relative to the study's data when a time series shows where the data lies. */
export function DataRangePicker({ studyId, widgets, range, onChange }: DataRangePickerProps) {
    const source = extentSource(widgets);
    return source ? (
        <ExtentFromSeries studyId={studyId} widget={source} range={range} onChange={onChange} />
    ) : (
        <DateRangePicker range={range} extent={undefined} onChange={onChange} />
    );
}

/** The finest time series without fixed filters: its unfiltered points run from the first to the last bucket with data. */
function extentSource(widgets: readonly WidgetDefinition[]): WidgetDefinition | undefined {
    const series = widgets.filter(
        (widget) => widget.type === "timeseries" && Object.keys(widget.filters ?? {}).length === 0,
    );
    const finest = ["day", "week", "month"];
    return series.toSorted((a, b) => finest.indexOf(a.interval ?? "") - finest.indexOf(b.interval ?? ""))[0];
}

interface ExtentFromSeriesProps extends Omit<DataRangePickerProps, "widgets"> {
    readonly widget: WidgetDefinition;
}

function ExtentFromSeries({ studyId, widget, range, onChange }: ExtentFromSeriesProps) {
    const { data: response } = useWidgetData(studyId, widget.widgetId);
    const series = response && "points" in response.data ? response.data : undefined;
    const first = series?.points[0];
    const last = series?.points.at(-1);
    const extent: DataExtent | undefined =
        series && first && last ? { first: first.t, last: bucketEnd(last.t, series.interval) } : undefined;
    return <DateRangePicker range={range} extent={extent} onChange={onChange} />;
}
