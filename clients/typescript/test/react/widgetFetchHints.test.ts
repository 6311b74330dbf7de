import { describe, expect, test } from "vitest";
import { createGatewayClient } from "../../src/client/createGatewayClient.js";
import { WidgetFetchHints, widgetFetchHintsOf } from "../../src/react/widgetFetchHints.js";

describe("WidgetFetchHints", () => {
    test("without events a fetch names no version and leaves revalidation to the browser", () => {
        expect(new WidgetFetchHints().hintFor("S", "w", 0)).toEqual({ revalidate: false });
    });

    test("the newest version heard of is asked for; an older one arriving late does not replace it", () => {
        const hints = new WidgetFetchHints();

        hints.recordVersion("S", "w", "2024-01-10-143000");
        hints.recordVersion("S", "w", "2024-01-09-143000");
        hints.recordVersion("S", "other", "2024-01-11-000000");

        expect(hints.hintFor("S", "w", 0)).toEqual({ version: "2024-01-10-143000", revalidate: false });
        expect(hints.hintFor("OTHER-STUDY", "w", 0)).toEqual({ revalidate: false });
    });

    test("a change revalidates the fetches of answers older than it, for the named widgets only", () => {
        const hints = new WidgetFetchHints();

        hints.recordChange("S", ["w"], 1_000);

        expect(hints.hintFor("S", "w", 999).revalidate).toBe(true);
        expect(hints.hintFor("S", "w", 1_000).revalidate).toBe(true);
        expect(hints.hintFor("S", "w", 1_001).revalidate).toBe(false);
        expect(hints.hintFor("S", "other", 0).revalidate).toBe(false);
    });

    test("a change of the whole study revalidates every widget", () => {
        const hints = new WidgetFetchHints();

        hints.recordChange("S", undefined, 2_000);

        expect(hints.hintFor("S", "a", 1_500).revalidate).toBe(true);
        expect(hints.hintFor("S", "b", 2_500).revalidate).toBe(false);
    });

    test("each client has its own hints", () => {
        const first = createGatewayClient({ baseUrl: "http://a" });
        const second = createGatewayClient({ baseUrl: "http://b" });

        expect(widgetFetchHintsOf(first)).toBe(widgetFetchHintsOf(first));
        expect(widgetFetchHintsOf(first)).not.toBe(widgetFetchHintsOf(second));
    });
});
