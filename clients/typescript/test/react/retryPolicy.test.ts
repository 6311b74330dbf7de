import { expect, test } from "vitest";
import { GatewayProblem } from "../../src/client/GatewayProblem.js";
import { retryUnlessRefused } from "../../src/react/retryPolicy.js";

test("4xx answers are never retried", () => {
    for (const status of [400, 401, 403, 404, 409, 429]) {
        expect(retryUnlessRefused(0, new GatewayProblem(status, {}))).toBe(false);
    }
});

test("5xx answers and no answer at all are retried twice", () => {
    for (const error of [
        new GatewayProblem(500, {}),
        new GatewayProblem(503, {}),
        new GatewayProblem(0, {}),
        new TypeError("fetch failed"),
    ]) {
        expect([0, 1, 2].map((failureCount) => retryUnlessRefused(failureCount, error))).toEqual([true, true, false]);
    }
});
