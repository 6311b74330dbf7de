import { vi } from "vitest";

export interface RecordedRequest {
    url: URL;
    init: RequestInit;
    headers: Headers;
}

/** A fetch that records every request and answers through `respond`. */
export function fakeFetch(respond: (request: RecordedRequest) => Response | Promise<Response>) {
    const requests: RecordedRequest[] = [];
    const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
        const request = { url: new URL(String(input)), init, headers: new Headers(init.headers) };
        requests.push(request);
        return respond(request);
    });
    return { fetch: fetch as typeof globalThis.fetch, requests };
}

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
    return new Response(JSON.stringify(body), {
        status: 200,
        ...init,
        headers: { "Content-Type": "application/json; charset=utf-8", ...init.headers },
    });
}

export function problemResponse(
    status: number,
    problem: Record<string, unknown>,
    headers: Record<string, string> = {},
): Response {
    return new Response(JSON.stringify({ status, ...problem }), {
        status,
        headers: { "Content-Type": "application/problem+json", ...headers },
    });
}
