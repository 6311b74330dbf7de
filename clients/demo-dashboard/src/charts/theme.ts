/** Chart colours and text, in step with the custom properties of styles.css (SVG attributes need plain values). */
export const chartTheme = {
    accent: "#4f46e5",
    cursor: "#eef2ff",
    grid: "#e5e7eb",
    axis: "#6b7280",
    fontSize: 12,
} as const;

export const axisTick = { fill: chartTheme.axis, fontSize: chartTheme.fontSize } as const;
