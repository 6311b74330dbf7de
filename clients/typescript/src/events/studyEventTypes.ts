import type { CacheInvalidated, StudyCacheWarmed, StudyEventConnected } from "../types.js";

/** `connecting` before the first `connected`; `open` once subscribed; `reconnecting` while waiting to try again. */
export type StudyEventStatus = "connecting" | "open" | "reconnecting" | "closed";

export interface StudyEventStatusDetail {
    /** Failed connection attempts since the last `connected` event. */
    attempt: number;
    /** With `reconnecting`: how long until the next attempt. */
    delayMs?: number;
    /** What ended the last connection, if it failed; with `closed`, the 401/403 GatewayProblem that stopped it. */
    error?: unknown;
}

export interface StudyEventHandlers {
    /** After every (re)connection, once the gateway has the subscription in place. */
    onConnected?(event: StudyEventConnected): void;
    /** A CacheInvalidated of the study, any scope (docs/design.md §7). */
    onVersionChanged?(event: CacheInvalidated): void;
    /** A StudyCacheWarmed: the warmer has recomputed the study's active entries; data did not change. */
    onFreshData?(event: StudyCacheWarmed): void;
    onStatus?(status: StudyEventStatus, detail?: StudyEventStatusDetail): void;
}

export interface SubscribeOptions {
    /** Aborting it closes the subscription, as `close()` does. */
    signal?: AbortSignal | undefined;
    /** The backoff's first ceiling; default 500 ms. */
    initialDelayMs?: number | undefined;
    /** The backoff's largest ceiling; default 30 s. */
    maxDelayMs?: number | undefined;
}

export interface StudySubscription {
    close(): void;
}
