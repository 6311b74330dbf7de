import { createParser, type EventSourceMessage } from "eventsource-parser";
import type { CacheInvalidated, StudyCacheWarmed, StudyEventConnected } from "../types.js";

/** The events the gateway sends on a study's stream (docs/design.md §6, Events); others are ignored. */
export interface StudyEventSink {
    connected(event: StudyEventConnected): void;
    versionChanged(event: CacheInvalidated): void;
    freshData(event: StudyCacheWarmed): void;
}

/** Reads a `text/event-stream` response to its end, passing each event on; rejects when the stream fails. */
export async function readStudyEvents(response: Response, sink: StudyEventSink): Promise<void> {
    const contentType = response.headers.get("Content-Type") ?? "";
    if (!contentType.toLowerCase().startsWith("text/event-stream") || response.body === null) {
        await response.body?.cancel();
        throw new Error(`Expected an event stream, got ${response.status} ${contentType || "without a content type"}`);
    }
    const parser = createParser({ onEvent: (message) => dispatch(message, sink) });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
        for (;;) {
            const { done, value } = await reader.read();
            if (done) {
                return;
            }
            parser.feed(value);
        }
    } finally {
        // Frees the connection when reading stopped early; a no-op once the stream has ended.
        await reader.cancel().catch(() => undefined);
    }
}

function dispatch(message: EventSourceMessage, sink: StudyEventSink): void {
    switch (message.event) {
        case "connected":
            sink.connected(JSON.parse(message.data) as StudyEventConnected);
            break;
        case "version-changed":
            sink.versionChanged(JSON.parse(message.data) as CacheInvalidated);
            break;
        case "fresh-data":
            sink.freshData(JSON.parse(message.data) as StudyCacheWarmed);
            break;
    }
}
