import type { TimeseriesResult } from "@widgetplatform/client";
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatAxisDate, formatCompact, formatDate, formatTooltipValue } from "../format";
import { axisTick, chartTheme } from "./theme";

const HEIGHT = 220;

/** An area over `t`; a null point (no value in that bucket) is a gap, not a zero. */
export function TimeseriesChart({
    result,
    gradientId,
}: {
    readonly result: TimeseriesResult;
    readonly gradientId: string;
}) {
    const { interval, points } = result;
    return (
        <ResponsiveContainer width="100%" height={HEIGHT}>
            <AreaChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                <defs>
                    <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
                        <stop offset="0%" stopColor={chartTheme.accent} stopOpacity={0.35} />
                        <stop offset="100%" stopColor={chartTheme.accent} stopOpacity={0.02} />
                    </linearGradient>
                </defs>
                <CartesianGrid vertical={false} stroke={chartTheme.grid} strokeDasharray="3 3" />
                <XAxis
                    dataKey="t"
                    tick={axisTick}
                    tickFormatter={(t: string) => formatAxisDate(t, interval)}
                    minTickGap={28}
                    stroke={chartTheme.grid}
                />
                <YAxis tick={axisTick} tickFormatter={formatCompact} width={48} stroke={chartTheme.grid} />
                <Tooltip
                    labelFormatter={(t) => formatDate(String(t), interval)}
                    formatter={(value) => [formatTooltipValue(value), "Value"]}
                />
                <Area
                    type="monotone"
                    dataKey="value"
                    stroke={chartTheme.accent}
                    strokeWidth={2}
                    fill={`url(#${gradientId})`}
                    dot={false}
                    activeDot={{ r: 4 }}
                    isAnimationActive={false}
                />
            </AreaChart>
        </ResponsiveContainer>
    );
}
