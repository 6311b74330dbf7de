import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createGatewayClient } from "../../src/client/createGatewayClient.js";
import { GatewayProblem } from "../../src/client/GatewayProblem.js";
import type { StudyEventHandlers, StudyEventStatus, StudyEventStatusDetail } from "../../src/events/studyEventTypes.js";
import type { CacheInvalidated, StudyCacheWarmed } from "../../src/types.js";
import { FakeEventStream, settle } from "../support/fakeEventStream.js";
import { fakeFetch, jsonResponse, problemResponse } from "../support/fakeFetch.js";

const datasetChanged: CacheInvalidated = {
    studyId: "STUDY-001",
    scope: "dataset",
    layer: "source",
    datasets: ["AE"],
    widgetIds: ["ae-count", "ae-by-severity"],
    previousVersion: "2024-01-09-143000",
    currentVersion: "2024-01-10-143000",
    reason: "DataUploaded",
    invalidatedAt: "2024-01-10T14:30:01+00:00",
};
const warmed: StudyCacheWarmed = {
    studyId: "STUDY-001",
    widgetsWarmed: 2,
    entriesWarmed: 5,
    durationMs: 120,
    warmedAt: "2024-01-10T14:30:02+00:00",
};

/** A gateway whose event endpoint answers from `answers` in turn, then with a fresh stream for every connection. */
function eventGateway(answers: Response[] = [], getToken?: () => string) {
    const streams: FakeEventStream[] = [];
    const { fetch, requests } = fakeFetch((request) => {
        const answer = answers.shift();
        if (answer) {
            return answer;
        }
        const stream = new FakeEventStream(request.init.signal);
        streams.push(stream);
        return stream.response;
    });
    const client = createGatewayClient({ baseUrl: "http://gateway", fetch, ...(getToken ? { getToken } : {}) });
    return { client, requests, streams };
}

function recordStatuses() {
    const statuses: Array<{ status: StudyEventStatus; detail?: StudyEventStatusDetail | undefined }> = [];
    const onStatus = (status: StudyEventStatus, detail?: StudyEventStatusDetail): void => {
        statuses.push({ status, detail });
    };
    return { statuses, onStatus, names: () => statuses.map((entry) => entry.status) };
}

beforeEach(() => {
    // Only timers are faked: stream reads still settle through real immediates.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    vi.spyOn(Math, "random").mockReturnValue(0.5);
});

afterEach(() => {
    vi.useRealTimers();
});

describe("reading events", () => {
    test("events are parsed however the stream is split, and unknown ones ignored", async () => {
        const { client, streams } = eventGateway();
        const handlers = {
            onConnected: vi.fn(),
            onVersionChanged: vi.fn(),
            onFreshData: vi.fn(),
        } satisfies StudyEventHandlers;
        const { onStatus, names } = recordStatuses();
        client.subscribe("STUDY-001", { ...handlers, onStatus });
        await settle();

        const versionChanged = `event: version-changed\ndata: ${JSON.stringify(datasetChanged)}\n\n`;
        streams[0]?.write('event: connected\ndata: {"studyId":"STU');
        streams[0]?.write('DY-001"}\n\n' + versionChanged.slice(0, 40));
        streams[0]?.write(versionChanged.slice(40) + "event: something-new\ndata: {}\n\n");
        streams[0]?.emit("fresh-data", warmed);
        await settle();

        expect(handlers.onConnected).toHaveBeenCalledWith({ studyId: "STUDY-001" });
        expect(handlers.onVersionChanged).toHaveBeenCalledExactlyOnceWith(datasetChanged);
        expect(handlers.onFreshData).toHaveBeenCalledExactlyOnceWith(warmed);
        expect(names()).toEqual(["connecting", "open"]);
    });

    test("the stream request carries the token and asks for events, never from a cache", async () => {
        const { client, requests } = eventGateway([], () => "viewer-token");

        client.subscribe("STUDY 1", {});
        await settle();

        expect(requests[0]?.url.href).toBe("http://gateway/api/studies/STUDY%201/events");
        expect(requests[0]?.headers.get("Authorization")).toBe("Bearer viewer-token");
        expect(requests[0]?.headers.get("Accept")).toContain("text/event-stream");
        expect(requests[0]?.init).toMatchObject({ cache: "no-store", credentials: "omit" });
    });

    test("an answer that is not an event stream is retried", async () => {
        const { client, requests } = eventGateway([jsonResponse({ hello: "proxy" })]);
        const { statuses, onStatus } = recordStatuses();

        client.subscribe("STUDY-001", { onStatus });
        await settle();

        expect(statuses[1]?.status).toBe("reconnecting");
        expect(statuses[1]?.detail?.error).toBeInstanceOf(Error);
        await vi.advanceTimersByTimeAsync(250);
        expect(requests).toHaveLength(2);
    });
});

describe("reconnecting", () => {
    test("each failed attempt doubles the ceiling of the jittered delay, up to maxDelayMs", async () => {
        const unavailable = () => problemResponse(503, { title: "Service Unavailable" });
        const { client, requests } = eventGateway([unavailable(), unavailable(), unavailable(), unavailable()]);
        const { statuses, onStatus } = recordStatuses();

        client.subscribe("STUDY-001", { onStatus }, { initialDelayMs: 500, maxDelayMs: 1500 });
        await settle();

        expect(statuses[1]).toMatchObject({ status: "reconnecting", detail: { attempt: 1, delayMs: 250 } });
        expect(statuses[1]?.detail?.error).toBeInstanceOf(GatewayProblem);
        await vi.advanceTimersByTimeAsync(249);
        expect(requests).toHaveLength(1);
        await vi.advanceTimersByTimeAsync(1);
        expect(requests).toHaveLength(2);

        await vi.advanceTimersByTimeAsync(500);
        await vi.advanceTimersByTimeAsync(750);
        expect(requests).toHaveLength(4);
        expect(statuses.map((entry) => entry.detail?.delayMs).filter((delay) => delay !== undefined)).toEqual([
            250, 500, 750, 750,
        ]);
    });

    test("a stream that ends is reopened, and the backoff starts over once connected", async () => {
        const { client, requests, streams } = eventGateway();
        const { statuses, onStatus } = recordStatuses();
        client.subscribe("STUDY-001", { onStatus });
        await settle();

        streams[0]?.fail();
        await settle();
        await vi.advanceTimersByTimeAsync(250);
        streams[1]?.end();
        await settle();
        await vi.advanceTimersByTimeAsync(500);
        streams[2]?.emit("connected", { studyId: "STUDY-001" });
        streams[2]?.end();
        await settle();

        expect(requests).toHaveLength(3);
        expect(
            statuses.map((entry) => `${entry.status}:${entry.detail?.attempt}:${entry.detail?.delayMs ?? "-"}`),
        ).toEqual(["connecting:0:-", "reconnecting:1:250", "reconnecting:2:500", "open:0:-", "reconnecting:1:250"]);
        await vi.advanceTimersByTimeAsync(250);
        expect(requests).toHaveLength(4);
    });

    test("403 stops for good, with the problem", async () => {
        const { client, requests } = eventGateway([problemResponse(403, { title: "Forbidden" })]);
        const { statuses, onStatus } = recordStatuses();

        client.subscribe("STUDY-002", { onStatus });
        await settle();
        await vi.advanceTimersByTimeAsync(60_000);

        expect(requests).toHaveLength(1);
        expect(statuses.map((entry) => entry.status)).toEqual(["connecting", "closed"]);
        expect(statuses[1]?.detail?.error).toMatchObject({ status: 403 });
    });

    test("401 is tried once more at once with a fresh token, then stops", async () => {
        const tokens = ["expired", "also-refused"];
        const unauthorized = () => problemResponse(401, { title: "Unauthorized" });
        const { client, requests } = eventGateway([unauthorized(), unauthorized()], () => tokens.shift() ?? "none");
        const { statuses, onStatus } = recordStatuses();

        client.subscribe("STUDY-001", { onStatus });
        await settle();
        await vi.advanceTimersByTimeAsync(60_000);

        expect(requests.map((request) => request.headers.get("Authorization"))).toEqual([
            "Bearer expired",
            "Bearer also-refused",
        ]);
        expect(statuses.map((entry) => entry.status)).toEqual(["connecting", "closed"]);
        expect(statuses[1]?.detail?.error).toMatchObject({ status: 401 });
    });

    test("a 401 followed by a good token connects", async () => {
        const { client, streams } = eventGateway([problemResponse(401, { title: "Unauthorized" })]);
        const onConnected = vi.fn();

        client.subscribe("STUDY-001", { onConnected });
        await settle();
        streams[0]?.emit("connected", { studyId: "STUDY-001" });
        await settle();

        expect(onConnected).toHaveBeenCalledOnce();
    });
});

describe("stopping", () => {
    test("close() ends the open stream and nothing reconnects", async () => {
        const { client, requests, streams } = eventGateway();
        const { names, onStatus } = recordStatuses();
        const onVersionChanged = vi.fn();
        const subscription = client.subscribe("STUDY-001", { onStatus, onVersionChanged });
        await settle();
        streams[0]?.emit("connected", { studyId: "STUDY-001" });
        await settle();

        subscription.close();
        await settle();
        await vi.advanceTimersByTimeAsync(60_000);

        expect(names()).toEqual(["connecting", "open", "closed"]);
        expect(requests).toHaveLength(1);
        expect(requests[0]?.init.signal?.aborted).toBe(true);
        expect(onVersionChanged).not.toHaveBeenCalled();
    });

    test("aborting the signal while waiting to reconnect stops at once", async () => {
        const { client, requests } = eventGateway([problemResponse(500, { title: "Internal Server Error" })]);
        const { names, onStatus } = recordStatuses();
        const controller = new AbortController();
        client.subscribe("STUDY-001", { onStatus }, { signal: controller.signal });
        await settle();

        controller.abort();
        await settle();
        await vi.advanceTimersByTimeAsync(60_000);

        expect(names()).toEqual(["connecting", "reconnecting", "closed"]);
        expect(requests).toHaveLength(1);
    });

    test("a signal aborted beforehand never connects", async () => {
        const { client, requests } = eventGateway();
        const { names, onStatus } = recordStatuses();

        client.subscribe("STUDY-001", { onStatus }, { signal: AbortSignal.abort() });
        await settle();

        expect(requests).toHaveLength(0);
        expect(names()).toEqual(["closed"]);
    });
});
