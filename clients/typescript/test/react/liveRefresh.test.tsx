// @vitest-environment happy-dom
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { useDashboard } from "../../src/react/useDashboard.js";
import { useManifest } from "../../src/react/useManifest.js";
import { useStudyEvents } from "../../src/react/useStudyEvents.js";
import { useWidgetData } from "../../src/react/useWidgetData.js";
import { useWidgets } from "../../src/react/useWidgets.js";
import type { CacheInvalidated, StudyCacheWarmed } from "../../src/types.js";
import { settle } from "../support/fakeEventStream.js";
import { createTestPlatform, studyId } from "../support/testPlatform.js";

const newVersion = "2024-01-10-143000";

function versionChanged(change: Pick<CacheInvalidated, "scope"> & Partial<CacheInvalidated>): CacheInvalidated {
    return { studyId, reason: "test", invalidatedAt: "2024-01-10T14:30:01+00:00", ...change };
}

const warmed: StudyCacheWarmed = {
    studyId,
    widgetsWarmed: 3,
    entriesWarmed: 4,
    durationMs: 80,
    warmedAt: "2024-01-10T14:31:00+00:00",
};

/** A dashboard page: three widgets, two dashboard requests (one containing ae-count), and the study's events. */
function useStudyPage() {
    return {
        events: useStudyEvents(studyId),
        aeCount: useWidgetData(studyId, "ae-count"),
        aeBySeverity: useWidgetData(studyId, "ae-by-severity"),
        vsTrend: useWidgetData(studyId, "vs-trend", { filters: { site: ["S01"] } }),
        withAeCount: useDashboard(studyId, [{ widgetId: "ae-count" }, { widgetId: "dm-total" }]),
        withoutAeCount: useDashboard(studyId, [{ widgetId: "vs-trend" }]),
    };
}

/** Renders the page, waits for every query to settle and the stream to say `connected`, and forgets those requests. */
async function openStudyPage(platform: ReturnType<typeof createTestPlatform>) {
    const page = renderHook(useStudyPage, { wrapper: platform.wrapper });
    await waitFor(() => {
        const { events, ...queries } = page.result.current;
        expect(Object.values(queries).every((query) => !query.isFetching)).toBe(true);
        expect(platform.streams).toHaveLength(1);
    });
    await emit(platform, (stream) => stream.emit("connected", { studyId }));
    expect(page.result.current.events.status).toBe("open");
    const initialLoad = platform.takeRequests();
    return { page, initialLoad };
}

async function emit(
    platform: ReturnType<typeof createTestPlatform>,
    write: (stream: NonNullable<(typeof platform.streams)[number]>) => void,
) {
    await act(async () => {
        const stream = platform.streams.at(-1);
        if (stream === undefined) {
            throw new Error("No event stream is open");
        }
        write(stream);
        await settle();
    });
}

beforeEach(() => {
    // Reconnections happen at once: the backoff's jitter draws 0.
    vi.spyOn(Math, "random").mockReturnValue(0);
});

afterEach(() => {
    vi.restoreAllMocks();
});

describe("version-changed", () => {
    test("the first connected refetches nothing", async () => {
        const platform = createTestPlatform();

        const { initialLoad } = await openStudyPage(platform);

        expect(initialLoad).toEqual([
            "GET ae-by-severity/data",
            "GET ae-count/data",
            "GET vs-trend/data?f.site=S01",
            "POST dashboard [ae-count,dm-total]",
            "POST dashboard [vs-trend]",
        ]);
        await settle();
        expect(platform.takeRequests()).toEqual([]);
    });

    test("a dataset change refetches only the listed widgets, asking for the new version, and the dashboards holding them", async () => {
        const platform = createTestPlatform();
        const { page } = await openStudyPage(platform);

        await emit(platform, (stream) =>
            stream.emit(
                "version-changed",
                versionChanged({
                    scope: "dataset",
                    datasets: ["AE"],
                    widgetIds: ["ae-count"],
                    currentVersion: newVersion,
                }),
            ),
        );

        await waitFor(() => expect(page.result.current.aeCount.data?.metadata.dataVersion).toBe(newVersion));
        await settle();
        expect(platform.takeRequests()).toEqual([
            `GET ae-count/data?v=${newVersion}`,
            "POST dashboard [ae-count,dm-total]",
        ]);
        expect(page.result.current.events.dataVersions).toEqual({ "ae-count": newVersion });
        expect(page.result.current.events.lastEvent).toMatchObject({
            type: "version-changed",
            data: { currentVersion: newVersion },
        });
    });

    test("the version heard of is asked for by queries of that widget mounted later", async () => {
        const platform = createTestPlatform();
        await openStudyPage(platform);
        await emit(platform, (stream) =>
            stream.emit(
                "version-changed",
                versionChanged({
                    scope: "dataset",
                    datasets: ["AE"],
                    widgetIds: ["ae-count"],
                    currentVersion: newVersion,
                }),
            ),
        );
        await settle();
        platform.takeRequests();

        const later = renderHook(() => useWidgetData(studyId, "ae-count", { from: "2024-01-01" }), {
            wrapper: platform.wrapper,
        });

        await waitFor(() => expect(later.result.current.isSuccess).toBe(true));
        expect(platform.takeRequests()).toEqual([`GET ae-count/data?from=2024-01-01&v=${newVersion}`]);
    });

    test("a widget change refetches the listed widgets with revalidation, keeping their version", async () => {
        const platform = createTestPlatform();
        const { page } = await openStudyPage(platform);

        await emit(platform, (stream) =>
            stream.emit("version-changed", versionChanged({ scope: "widget", widgetIds: ["ae-by-severity"] })),
        );

        await waitFor(() => expect(page.result.current.aeBySeverity.isFetching).toBe(false));
        await settle();
        expect(platform.takeRequests()).toEqual(["GET ae-by-severity/data [no-cache]"]);
    });

    test("a study-wide change refetches every widget query of the study", async () => {
        const platform = createTestPlatform();
        await openStudyPage(platform);

        await emit(platform, (stream) => stream.emit("version-changed", versionChanged({ scope: "study" })));

        await settle();
        expect(platform.takeRequests()).toEqual([
            "GET ae-by-severity/data [no-cache]",
            "GET ae-count/data [no-cache]",
            "GET vs-trend/data?f.site=S01 [no-cache]",
            "POST dashboard [ae-count,dm-total]",
            "POST dashboard [vs-trend]",
        ]);
    });
});

describe("definitions and manifest", () => {
    test("a dataset change refetches the manifest, any other change the widget definitions", async () => {
        const platform = createTestPlatform();
        const page = renderHook(
            () => ({ events: useStudyEvents(studyId), widgets: useWidgets(studyId), manifest: useManifest(studyId) }),
            {
                wrapper: platform.wrapper,
            },
        );
        await waitFor(() =>
            expect(page.result.current.widgets.isSuccess && page.result.current.manifest.isSuccess).toBe(true),
        );
        await emit(platform, (stream) => stream.emit("connected", { studyId }));
        expect(platform.takeRequests()).toEqual(["GET manifest", "GET widgets"]);

        await emit(platform, (stream) =>
            stream.emit(
                "version-changed",
                versionChanged({ scope: "dataset", datasets: ["DM"], widgetIds: [], currentVersion: newVersion }),
            ),
        );
        await settle();
        const afterDatasetChange = platform.takeRequests();
        await emit(platform, (stream) =>
            stream.emit("version-changed", versionChanged({ scope: "widget", widgetIds: ["ae-count"] })),
        );
        await settle();

        expect(afterDatasetChange).toEqual(["GET manifest"]);
        expect(platform.takeRequests()).toEqual(["GET widgets"]);
    });
});

describe("fresh-data", () => {
    test("refetches only the answers that bypassed the cache and the failed queries", async () => {
        const platform = createTestPlatform();
        platform.answerWidgetAs("ae-count", "bypass");
        platform.failWidget("vs-trend");
        const { page } = await openStudyPage(platform);
        expect(page.result.current.vsTrend.error).toMatchObject({ status: 404 });
        platform.answerWidgetAs("ae-count", "hit");
        platform.failWidget("vs-trend", false);

        await emit(platform, (stream) => stream.emit("fresh-data", warmed));

        await waitFor(() => expect(page.result.current.vsTrend.isSuccess).toBe(true));
        await settle();
        expect(platform.takeRequests()).toEqual([
            "GET ae-count/data",
            "GET vs-trend/data?f.site=S01",
            "POST dashboard [ae-count,dm-total]",
        ]);
        expect(page.result.current.aeCount.data?.metadata.cache).toBe("hit");
        expect(page.result.current.events.lastEvent).toMatchObject({ type: "fresh-data", data: warmed });
    });
});

describe("reconnecting", () => {
    test("after a reconnection every widget query of the study is refetched and revalidated", async () => {
        const platform = createTestPlatform();
        const { page } = await openStudyPage(platform);

        await emit(platform, (stream) => stream.end());
        await waitFor(() => expect(platform.streams).toHaveLength(2));
        expect(page.result.current.events.status).toBe("reconnecting");
        expect(platform.takeRequests()).toEqual([]);
        await emit(platform, (stream) => stream.emit("connected", { studyId }));

        expect(page.result.current.events.status).toBe("open");
        await settle();
        expect(platform.takeRequests()).toEqual([
            "GET ae-by-severity/data [no-cache]",
            "GET ae-count/data [no-cache]",
            "GET vs-trend/data?f.site=S01 [no-cache]",
            "POST dashboard [ae-count,dm-total]",
            "POST dashboard [vs-trend]",
        ]);
    });
});
