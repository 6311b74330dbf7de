import { describe, expect, test } from "vitest";
import { GatewayProblem } from "../../src/client/GatewayProblem.js";
import { parseRetryAfter, readProblem } from "../../src/client/readProblem.js";
import { problemResponse } from "../support/fakeFetch.js";

describe("readProblem", () => {
    test("a validation problem keeps its errors per field", async () => {
        const response = problemResponse(400, {
            title: "One or more validation errors occurred.",
            errors: { from: ["Not a date: 2024-13-01"], "f.site": ["Too many values"] },
        });

        const problem = await readProblem(response);

        expect(problem).toBeInstanceOf(GatewayProblem);
        expect(problem.status).toBe(400);
        expect(problem.isClientError).toBe(true);
        expect(problem.problem.errors).toEqual({ from: ["Not a date: 2024-13-01"], "f.site": ["Too many values"] });
        expect(problem.message).toBe("One or more validation errors occurred.");
    });

    test("the message carries the detail", async () => {
        const problem = await readProblem(
            problemResponse(404, { title: "Not Found", detail: "No widget nope in STUDY-001" }),
        );

        expect(problem.message).toBe("Not Found: No widget nope in STUDY-001");
        expect(problem.retryAfterSeconds).toBeUndefined();
    });

    test("429 reads Retry-After in seconds", async () => {
        const problem = await readProblem(
            problemResponse(429, { title: "Too Many Requests" }, { "Retry-After": "17" }),
        );

        expect(problem.status).toBe(429);
        expect(problem.retryAfterSeconds).toBe(17);
    });

    test("Retry-After may be an HTTP date", () => {
        const now = Date.parse("2024-01-10T14:30:00Z");

        expect(parseRetryAfter("Wed, 10 Jan 2024 14:30:42 GMT", now)).toBe(42);
        expect(parseRetryAfter("Wed, 10 Jan 2024 14:29:00 GMT", now)).toBe(0);
        expect(parseRetryAfter("soon", now)).toBeUndefined();
    });

    test("an answer that is not JSON becomes a problem from its status line", async () => {
        const response = new Response("<html>Bad gateway</html>", {
            status: 502,
            statusText: "Bad Gateway",
            headers: { "Content-Type": "text/html" },
        });

        const problem = await readProblem(response);

        expect(problem.status).toBe(502);
        expect(problem.isClientError).toBe(false);
        expect(problem.problem).toEqual({ status: 502, title: "Bad Gateway" });
    });

    test("a body labelled JSON that does not parse falls back to the status line", async () => {
        const response = new Response("{oops", {
            status: 500,
            statusText: "Internal Server Error",
            headers: { "Content-Type": "application/json" },
        });

        const problem = await readProblem(response);

        expect(problem.problem).toEqual({ status: 500, title: "Internal Server Error" });
        expect(problem.message).toBe("Internal Server Error");
    });

    test("a problem without a title or status is described by the response's status", async () => {
        const response = new Response("{}", { status: 403, headers: { "Content-Type": "application/problem+json" } });

        const problem = await readProblem(response);

        expect(problem.problem.status).toBe(403);
        expect(problem.message).toBe("HTTP 403");
    });
});
