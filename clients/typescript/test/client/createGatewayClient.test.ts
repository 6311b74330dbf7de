import { describe, expect, test, vi } from "vitest";
import { createGatewayClient } from "../../src/client/createGatewayClient.js";
import { GatewayProblem } from "../../src/client/GatewayProblem.js";
import type { WidgetDataResponse, WidgetDefinition } from "../../src/types.js";
import { fakeFetch, jsonResponse, problemResponse } from "../support/fakeFetch.js";

const answer: WidgetDataResponse = {
    data: { value: 4332, previousValue: null, change: null, changePercent: null },
    metadata: {
        calculatedAt: "2024-01-10T14:30:00+00:00",
        dataVersion: "2024-01-10-143000",
        queryTime: 1.5,
        rowsProcessed: 1000,
        key: "widget:{STUDY-001}:ae-count:2024-01-10-143000:9f2c6a1be04d7735",
        cache: "hit",
    },
};

describe("requests", () => {
    test("the base URL may end with a slash", async () => {
        const { fetch, requests } = fakeFetch(() => jsonResponse(["STUDY-001"]));
        const client = createGatewayClient({ baseUrl: "http://127.0.0.1:5123/", fetch });

        await expect(client.listStudies()).resolves.toEqual(["STUDY-001"]);

        expect(requests[0]?.url.href).toBe("http://127.0.0.1:5123/api/studies");
    });

    test("getToken is asked on every request and its token sent as a bearer header", async () => {
        const tokens = ["first", "second"];
        const getToken = vi.fn(async () => tokens.shift());
        const { fetch, requests } = fakeFetch(() => jsonResponse([]));
        const client = createGatewayClient({ baseUrl: "http://gateway", fetch, getToken });

        await client.listWidgets("STUDY-001");
        await client.listWidgets("STUDY-001");
        await client.listWidgets("STUDY-001");

        expect(getToken).toHaveBeenCalledTimes(3);
        expect(requests.map((request) => request.headers.get("Authorization"))).toEqual([
            "Bearer first",
            "Bearer second",
            null,
        ]);
    });

    test("no request sends credentials", async () => {
        const { fetch, requests } = fakeFetch(() => jsonResponse({}));
        const client = createGatewayClient({ baseUrl: "http://gateway", fetch, getToken: () => "token" });

        await client.getManifest("STUDY-001");
        await client.invalidate({ studyId: "STUDY-001" });

        expect(requests.map((request) => request.init.credentials)).toEqual(["omit", "omit"]);
    });

    test("widget data leaves caching to the browser unless asked to revalidate", async () => {
        const { fetch, requests } = fakeFetch(() => jsonResponse(answer));
        const client = createGatewayClient({ baseUrl: "http://gateway", fetch });

        await expect(client.getWidgetData("STUDY-001", "ae-count")).resolves.toEqual(answer);
        await client.getWidgetData(
            "STUDY-001",
            "ae-count",
            { filters: { site: ["S01", "S02"] } },
            { version: "2024-01-10-143000", revalidate: true },
        );

        expect(requests[0]?.init.cache).toBeUndefined();
        expect(requests[0]?.url.search).toBe("");
        expect(requests[1]?.init.cache).toBe("no-cache");
        expect(requests[1]?.url.search).toBe("?f.site=S01&f.site=S02&v=2024-01-10-143000");
    });

    test("the caller's signal reaches fetch", async () => {
        const { fetch, requests } = fakeFetch(() => jsonResponse(answer));
        const client = createGatewayClient({ baseUrl: "http://gateway", fetch });
        const controller = new AbortController();

        await client.getWidgetData("STUDY-001", "ae-count", {}, { signal: controller.signal });

        expect(requests[0]?.init.signal).toBe(controller.signal);
    });

    test("a definition is PUT as JSON and the stored one returned", async () => {
        const definition: WidgetDefinition = {
            widgetId: "ae-count",
            type: "metric",
            dataset: "AE",
            measure: { op: "count" },
        };
        const { fetch, requests } = fakeFetch(() => jsonResponse({ ...definition, revision: 4 }));
        const client = createGatewayClient({ baseUrl: "http://gateway", fetch });

        const stored = await client.putWidget("STUDY-001", "ae-count", definition);

        expect(stored.revision).toBe(4);
        expect(requests[0]?.init.method).toBe("PUT");
        expect(requests[0]?.headers.get("Content-Type")).toBe("application/json");
        expect(JSON.parse(String(requests[0]?.init.body))).toEqual(definition);
    });

    test("a dashboard is POSTed as its items under widgets", async () => {
        const { fetch, requests } = fakeFetch(() => jsonResponse([answer]));
        const client = createGatewayClient({ baseUrl: "http://gateway", fetch });

        const answers = await client.getDashboard("STUDY-001", [{ widgetId: "ae-count", filters: { site: ["S01"] } }]);

        expect(answers).toEqual([answer]);
        expect(requests[0]?.url.pathname).toBe("/api/studies/STUDY-001/dashboard");
        expect(JSON.parse(String(requests[0]?.init.body))).toEqual({
            widgets: [{ widgetId: "ae-count", filters: { site: ["S01"] } }],
        });
    });

    test("an upload sends the file's bytes and its layer", async () => {
        const { fetch, requests } = fakeFetch(() => jsonResponse({ version: "2024-01-10-143000" }, { status: 202 }));
        const client = createGatewayClient({ baseUrl: "http://gateway", fetch });
        const bytes = new Uint8Array([0x50, 0x41, 0x52, 0x31]);

        await expect(client.uploadDataset("STUDY-001", "AE_DAILY", bytes, { layer: "transformed" })).resolves.toEqual({
            version: "2024-01-10-143000",
        });

        expect(requests[0]?.url.search).toBe("?layer=transformed");
        expect(requests[0]?.headers.get("Content-Type")).toBe("application/octet-stream");
        expect(new Uint8Array(await new Response(requests[0]?.init.body).arrayBuffer())).toEqual(bytes);
    });

    test("answers without a body resolve to nothing", async () => {
        const { fetch, requests } = fakeFetch(
            (request) => new Response(null, { status: request.init.method === "DELETE" ? 204 : 202 }),
        );
        const client = createGatewayClient({ baseUrl: "http://gateway", fetch });

        await expect(client.deleteWidget("STUDY-001", "ae-count")).resolves.toBeUndefined();
        await expect(client.warm({ studyId: "STUDY-001", force: true })).resolves.toBeUndefined();

        expect(requests.map((request) => `${request.init.method} ${request.url.pathname}`)).toEqual([
            "DELETE /api/studies/STUDY-001/widgets/ae-count",
            "POST /api/cache/warmups",
        ]);
    });

    test("a dot segment is refused before anything is sent", async () => {
        const { fetch } = fakeFetch(() => jsonResponse({}));
        const client = createGatewayClient({ baseUrl: "http://gateway", fetch });

        await expect(client.getWidget("STUDY-001", "..")).rejects.toThrow(TypeError);
        expect(() => client.subscribe("", {})).toThrow(TypeError);

        expect(fetch).not.toHaveBeenCalled();
    });
});

describe("failures", () => {
    test("a non-2xx answer rejects with its problem", async () => {
        const { fetch } = fakeFetch(() =>
            problemResponse(403, { title: "Forbidden", detail: "STUDY-002 is not in the token's studies" }),
        );
        const client = createGatewayClient({ baseUrl: "http://gateway", fetch });

        const failure = await client.getStudyStatistics("STUDY-002").catch((error: unknown) => error);

        expect(failure).toBeInstanceOf(GatewayProblem);
        expect(failure).toMatchObject({ status: 403, problem: { detail: "STUDY-002 is not in the token's studies" } });
    });

    test("the admin rate limit says when to retry", async () => {
        const { fetch } = fakeFetch(() =>
            problemResponse(429, { title: "Too Many Requests" }, { "Retry-After": "30" }),
        );
        const client = createGatewayClient({ baseUrl: "http://gateway", fetch });

        await expect(client.invalidate({ studyId: "STUDY-001", tags: ["safety"] })).rejects.toMatchObject({
            status: 429,
            retryAfterSeconds: 30,
        });
    });

    test("no answer at all is a problem with status 0 and the error as its cause", async () => {
        const networkError = new TypeError("fetch failed");
        const client = createGatewayClient({ baseUrl: "http://gateway", fetch: () => Promise.reject(networkError) });

        const failure = await client.getCacheStatistics().catch((error: unknown) => error);

        expect(failure).toBeInstanceOf(GatewayProblem);
        expect(failure).toMatchObject({
            status: 0,
            cause: networkError,
            message: "No answer from the gateway: fetch failed",
        });
    });

    test("an abort stays an abort", async () => {
        const controller = new AbortController();
        const abort = new DOMException("aborted", "AbortError");
        const client = createGatewayClient({
            baseUrl: "http://gateway",
            fetch: () => {
                controller.abort();
                return Promise.reject(abort);
            },
        });

        await expect(client.getWidgetData("STUDY-001", "ae-count", {}, { signal: controller.signal })).rejects.toBe(
            abort,
        );
    });
});
