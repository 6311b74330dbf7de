// @vitest-environment happy-dom
import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { expect, test } from "vitest";
import { useStudyEvents } from "../../src/react/useStudyEvents.js";
import { useWidgetData } from "../../src/react/useWidgetData.js";
import { useGatewayClient } from "../../src/react/WidgetPlatformProvider.js";
import { settle } from "../support/fakeEventStream.js";
import { createTestPlatform, studyId } from "../support/testPlatform.js";

function StudyStatus(props: { name: string }) {
    const { status } = useStudyEvents(studyId);
    return (
        <p>
            {props.name}: {status}
        </p>
    );
}

function LiveWidget(props: { widgetId: string }) {
    useStudyEvents(studyId);
    const { data } = useWidgetData(studyId, props.widgetId);
    return <p>{data ? `${props.widgetId} ${data.metadata.dataVersion}` : "loading"}</p>;
}

test("components of one provider share one subscription per study, closed with the last of them", async () => {
    const platform = createTestPlatform();
    const view = render(
        <>
            <StudyStatus name="header" />
            <StudyStatus name="sidebar" />
        </>,
        { wrapper: platform.wrapper },
    );
    await waitFor(() => expect(platform.streams).toHaveLength(1));

    await act(async () => {
        platform.streams[0]?.emit("connected", { studyId });
        await settle();
    });
    expect(screen.getByText("header: open")).toBeDefined();
    expect(screen.getByText("sidebar: open")).toBeDefined();

    view.rerender(<StudyStatus name="header" />);
    await settle();
    const eventRequests = () => platform.requests.filter((request) => request.url.pathname.endsWith("/events"));
    expect(eventRequests()).toHaveLength(1);
    expect(eventRequests()[0]?.init.signal?.aborted).toBe(false);

    view.rerender(<></>);
    await settle();
    expect(eventRequests()).toHaveLength(1);
    expect(eventRequests()[0]?.init.signal?.aborted).toBe(true);
});

test("an event shared by two components refreshes the cache once", async () => {
    const platform = createTestPlatform();
    render(
        <>
            <LiveWidget widgetId="ae-count" />
            <LiveWidget widgetId="ae-by-severity" />
        </>,
        { wrapper: platform.wrapper },
    );
    await screen.findByText("ae-count 2024-01-01-000000");
    await screen.findByText("ae-by-severity 2024-01-01-000000");
    platform.takeRequests();

    await act(async () => {
        platform.streams[0]?.emit("connected", { studyId });
        platform.streams[0]?.emit("version-changed", {
            studyId,
            scope: "dataset",
            widgetIds: ["ae-count"],
            currentVersion: "2024-01-10-143000",
            reason: "DataUploaded",
            invalidatedAt: "2024-01-10T14:30:01+00:00",
        });
        await settle();
    });

    await screen.findByText("ae-count 2024-01-10-143000");
    expect(platform.takeRequests()).toEqual(["GET ae-count/data?v=2024-01-10-143000"]);
    expect(platform.streams).toHaveLength(1);
});

test("disabled, it opens nothing and reports closed", async () => {
    const platform = createTestPlatform();

    const { result } = renderHook(() => useStudyEvents(studyId, { enabled: false }), { wrapper: platform.wrapper });
    await settle();

    expect(result.current).toEqual({ status: "closed", dataVersions: {} });
    expect(platform.requests).toHaveLength(0);
});

test("the hooks say so when used outside the provider", () => {
    expect(() => renderHook(() => useGatewayClient())).toThrow(/inside a <WidgetPlatformProvider>/);
});
