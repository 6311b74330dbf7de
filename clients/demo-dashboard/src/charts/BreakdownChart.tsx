import type { BreakdownResult } from "@widgetplatform/client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCompact, formatKey, formatTooltipValue } from "../format";
import { axisTick, chartTheme } from "./theme";

const ROW_HEIGHT = 24;
const AXIS_HEIGHT = 36;
const MIN_HEIGHT = 150;

type Bucket = BreakdownResult["buckets"][number];

/** Horizontal bars, one per bucket, in the order given (the gateway's: value descending, the null bucket last). */
export function BreakdownChart({ buckets }: { readonly buckets: readonly Bucket[] }) {
    const rows = buckets.map((bucket) => ({ label: formatKey(bucket.key), value: bucket.value }));
    const height = Math.max(MIN_HEIGHT, rows.length * ROW_HEIGHT + AXIS_HEIGHT);
    return (
        <ResponsiveContainer width="100%" height={height}>
            <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
                <CartesianGrid horizontal={false} stroke={chartTheme.grid} strokeDasharray="3 3" />
                <XAxis type="number" tick={axisTick} tickFormatter={formatCompact} stroke={chartTheme.grid} />
                <YAxis
                    type="category"
                    dataKey="label"
                    width={140}
                    tick={axisTick}
                    interval={0}
                    stroke={chartTheme.grid}
                />
                <Tooltip
                    cursor={{ fill: chartTheme.cursor }}
                    formatter={(value) => [formatTooltipValue(value), "Value"]}
                />
                <Bar
                    dataKey="value"
                    fill={chartTheme.accent}
                    radius={[0, 4, 4, 0]}
                    maxBarSize={18}
                    isAnimationActive={false}
                />
            </BarChart>
        </ResponsiveContainer>
    );
}
