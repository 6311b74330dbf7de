import { hashKey } from "@tanstack/react-query";
import { describe, expect, test } from "vitest";
import { widgetPlatformKeys, widgetsReadBy } from "../../src/react/widgetPlatformKeys.js";

describe("widgetPlatformKeys", () => {
    test("equal widget queries get one key: columns and values sorted, repeats and empty parts dropped", () => {
        const spelledOneWay = widgetPlatformKeys.widgetData("S", "w", {
            from: "2024-01-01",
            to: "",
            filters: { site: ["S02", "S01", "S02"], arm: ["B", "A"], country: [] },
        });
        const spelledAnother = widgetPlatformKeys.widgetData("S", "w", {
            filters: { arm: ["A", "B"], site: ["S01", "S02"] },
            from: "2024-01-01",
        });

        expect(spelledOneWay).toEqual(spelledAnother);
        expect(spelledOneWay.at(-1)).toEqual({
            from: "2024-01-01",
            filters: { arm: ["A", "B"], site: ["S01", "S02"] },
        });
        expect(Object.keys(spelledOneWay.at(-1) as object)).toEqual(["from", "filters"]);
        expect(Object.keys((spelledOneWay.at(-1) as { filters: object }).filters)).toEqual(["arm", "site"]);
    });

    test("no query, an empty query and empty filters are one key", () => {
        const keys = [
            widgetPlatformKeys.widgetData("S", "w"),
            widgetPlatformKeys.widgetData("S", "w", {}),
            widgetPlatformKeys.widgetData("S", "w", { filters: { site: [] }, from: "" }),
        ];

        expect(new Set(keys.map((key) => hashKey(key))).size).toBe(1);
    });

    test("different queries get different keys", () => {
        expect(hashKey(widgetPlatformKeys.widgetData("S", "w", { filters: { site: ["S01"] } }))).not.toBe(
            hashKey(widgetPlatformKeys.widgetData("S", "w", { filters: { site: ["S02"] } })),
        );
    });

    test("keys nest: all > study > widget > widget data", () => {
        const data = widgetPlatformKeys.widgetData("S", "w", { from: "2024-01-01" });

        expect(data.slice(0, 1)).toEqual(widgetPlatformKeys.all);
        expect(data.slice(0, 3)).toEqual(widgetPlatformKeys.study("S"));
        expect(data.slice(0, 5)).toEqual(widgetPlatformKeys.widget("S", "w"));
        expect(widgetPlatformKeys.widgets("S").slice(0, 3)).toEqual(widgetPlatformKeys.study("S"));
        expect(widgetPlatformKeys.manifest("S")).not.toEqual(widgetPlatformKeys.studyStatistics("S"));
    });

    test("dashboard items are canonicalised but keep their order", () => {
        const key = widgetPlatformKeys.dashboard("S", [
            { widgetId: "b", filters: { site: ["S2", "S1"] }, from: null },
            { widgetId: "a", to: "2024-03-31", filters: null },
        ]);

        expect(key.at(-1)).toEqual([
            { widgetId: "b", filters: { site: ["S1", "S2"] } },
            { widgetId: "a", to: "2024-03-31" },
        ]);
    });
});

describe("widgetsReadBy", () => {
    test("names the widget of a data query and the widgets of a dashboard, of the given study only", () => {
        expect(widgetsReadBy(widgetPlatformKeys.widgetData("S", "w", { from: "2024-01-01" }), "S")).toEqual(["w"]);
        expect(widgetsReadBy(widgetPlatformKeys.dashboard("S", [{ widgetId: "a" }, { widgetId: "b" }]), "S")).toEqual([
            "a",
            "b",
        ]);
        expect(widgetsReadBy(widgetPlatformKeys.widgetData("OTHER", "w"), "S")).toEqual([]);
        expect(widgetsReadBy(widgetPlatformKeys.widget("S", "w"), "S")).toEqual([]);
        expect(widgetsReadBy(widgetPlatformKeys.widgets("S"), "S")).toEqual([]);
        expect(widgetsReadBy(["todos", "study", "S", "widget", "w", {}], "S")).toEqual([]);
    });
});
