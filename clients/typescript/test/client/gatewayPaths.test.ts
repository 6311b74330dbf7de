import { describe, expect, test } from "vitest";
import { datasetPath, studyStatisticsPath, widgetDataPath, widgetPath } from "../../src/client/gatewayPaths.js";

describe("paths", () => {
    test("route values are encoded as single path segments", () => {
        expect(widgetPath("STUDY 1/..", "a?b#c")).toBe("/api/studies/STUDY%201%2F../widgets/a%3Fb%23c");
        expect(studyStatisticsPath("S/1")).toBe("/api/cache/studies/S%2F1/stats");
    });

    test("widget data without a query has no query string", () => {
        expect(widgetDataPath("STUDY-001", "ae-count")).toBe("/api/studies/STUDY-001/widgets/ae-count/data");
        expect(widgetDataPath("STUDY-001", "ae-count", { from: "", filters: { site: [] } })).toBe(
            "/api/studies/STUDY-001/widgets/ae-count/data",
        );
    });

    test("widget data carries from, to, one f.{column} per value and v, encoded", () => {
        const path = widgetDataPath(
            "STUDY-001",
            "ae-by-severity",
            { from: "2024-01-01", to: "2024-03-31", filters: { site: ["S01", "S 02"], arm: ["A&B"] } },
            "2024-01-10-143000",
        );

        const url = new URL(path, "http://gateway");
        expect(url.search).toBe(
            "?from=2024-01-01&to=2024-03-31&f.site=S01&f.site=S+02&f.arm=A%26B&v=2024-01-10-143000",
        );
        expect(url.searchParams.getAll("f.site")).toEqual(["S01", "S 02"]);
    });

    test("an upload names its layer only when given", () => {
        expect(datasetPath("S", "AE")).toBe("/api/studies/S/datasets/AE");
        expect(datasetPath("S", "AE_DAILY", "transformed")).toBe("/api/studies/S/datasets/AE_DAILY?layer=transformed");
    });
});
