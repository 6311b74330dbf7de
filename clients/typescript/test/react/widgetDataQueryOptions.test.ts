import { keepPreviousData } from "@tanstack/react-query";
import { afterEach, describe, expect, test, vi } from "vitest";
import { prefetchWidgetData } from "../../src/react/prefetchWidgetData.js";
import { widgetDataQueryOptions } from "../../src/react/widgetDataQueryOptions.js";
import { widgetFetchHintsOf } from "../../src/react/widgetFetchHints.js";
import { widgetPlatformKeys } from "../../src/react/widgetPlatformKeys.js";
import { createTestPlatform, studyId } from "../support/testPlatform.js";

afterEach(() => {
    vi.useRealTimers();
});

describe("widgetDataQueryOptions", () => {
    test("without hints the request names no version and leaves caching to the browser, in canonical order", async () => {
        const { client, queryClient, takeRequests } = createTestPlatform();

        await queryClient.fetchQuery(
            widgetDataQueryOptions(client, studyId, "ae-count", { filters: { site: ["S02", "S01"] } }),
        );

        expect(takeRequests()).toEqual(["GET ae-count/data?f.site=S01&f.site=S02"]);
    });

    test("a version heard of is asked for; a change heard of afterwards is revalidated once", async () => {
        const { client, queryClient, takeRequests } = createTestPlatform();
        const options = widgetDataQueryOptions(client, studyId, "ae-count");
        const hints = widgetFetchHintsOf(client);

        vi.useFakeTimers({ toFake: ["Date"], now: 1_000 });

        hints.recordVersion(studyId, "ae-count", "2024-01-10-143000");
        await queryClient.fetchQuery(options);
        const firstAnswer = takeRequests();
        vi.setSystemTime(2_000);
        hints.recordChange(studyId, ["ae-count"], Date.now());
        vi.setSystemTime(3_000);
        await queryClient.refetchQueries({ queryKey: options.queryKey });
        const afterTheChange = takeRequests();
        await queryClient.refetchQueries({ queryKey: options.queryKey });

        expect(firstAnswer).toEqual(["GET ae-count/data?v=2024-01-10-143000"]);
        expect(afterTheChange).toEqual(["GET ae-count/data?v=2024-01-10-143000 [no-cache]"]);
        expect(takeRequests()).toEqual(["GET ae-count/data?v=2024-01-10-143000"]);
    });

    test("answers stay fresh until an event says otherwise, and a refetch keeps the last answer on screen", () => {
        const { client } = createTestPlatform();

        const options = widgetDataQueryOptions(client, studyId, "ae-count", { from: "2024-01-01" });

        expect(options.queryKey).toEqual(widgetPlatformKeys.widgetData(studyId, "ae-count", { from: "2024-01-01" }));
        expect(options.staleTime).toBe(Infinity);
        expect(options.placeholderData).toBe(keepPreviousData);
    });

    test("a 4xx answer fails the query at once", async () => {
        const { client, queryClient, failWidget, takeRequests } = createTestPlatform();
        failWidget("gone");

        await expect(queryClient.fetchQuery(widgetDataQueryOptions(client, studyId, "gone"))).rejects.toMatchObject({
            status: 404,
        });

        expect(takeRequests()).toHaveLength(1);
    });
});

describe("prefetchWidgetData", () => {
    test("fills the query cache, asking for the version heard of", async () => {
        const { client, queryClient, takeRequests } = createTestPlatform();
        widgetFetchHintsOf(client).recordVersion(studyId, "ae-count", "2024-01-10-143000");

        await prefetchWidgetData(queryClient, client, studyId, "ae-count", { to: "2024-03-31" });

        expect(takeRequests()).toEqual(["GET ae-count/data?to=2024-03-31&v=2024-01-10-143000"]);
        expect(
            queryClient.getQueryData(widgetPlatformKeys.widgetData(studyId, "ae-count", { to: "2024-03-31" })),
        ).toMatchObject({
            metadata: { dataVersion: "2024-01-10-143000" },
        });
    });
});
