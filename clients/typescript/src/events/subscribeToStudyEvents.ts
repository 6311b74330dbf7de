import { GatewayProblem } from "../client/GatewayProblem.js";
import { reconnectDelayMs, sleep } from "./backoff.js";
import { readStudyEvents, type StudyEventSink } from "./readStudyEvents.js";
import type {
    StudyEventHandlers,
    StudyEventStatus,
    StudyEventStatusDetail,
    StudySubscription,
    SubscribeOptions,
} from "./studyEventTypes.js";

const defaultInitialDelayMs = 500;
const defaultMaxDelayMs = 30_000;

/**
 * Keeps one event stream open: `openStream` connects (resolving with the 2xx response or rejecting with a
 * GatewayProblem), and every end or failure of the stream is followed by another attempt after a backoff, reset once
 * the gateway says `connected`. Only `close()`, the signal, or a refusal (401 twice in a row, or 403) stop it.
 */
export function subscribeToStudyEvents(
    openStream: (signal: AbortSignal) => Promise<Response>,
    handlers: StudyEventHandlers,
    options: SubscribeOptions = {},
): StudySubscription {
    const stop = new AbortController();
    const stopOnSignal = (): void => stop.abort();
    options.signal?.addEventListener("abort", stopOnSignal, { once: true });
    if (options.signal?.aborted) {
        stop.abort();
    }
    void keepStreamOpen(openStream, handlers, options, stop.signal).finally(() =>
        options.signal?.removeEventListener("abort", stopOnSignal),
    );
    return { close: () => stop.abort() };
}

async function keepStreamOpen(
    openStream: (signal: AbortSignal) => Promise<Response>,
    handlers: StudyEventHandlers,
    options: SubscribeOptions,
    signal: AbortSignal,
): Promise<void> {
    const initialDelayMs = options.initialDelayMs ?? defaultInitialDelayMs;
    const maxDelayMs = options.maxDelayMs ?? defaultMaxDelayMs;
    const report = (status: StudyEventStatus, detail: StudyEventStatusDetail): void =>
        isolate(() => handlers.onStatus?.(status, detail));
    let attempt = 0;
    let retriedUnauthorized = false;
    const sink: StudyEventSink = {
        connected: (event) => {
            attempt = 0;
            retriedUnauthorized = false;
            report("open", { attempt });
            isolate(() => handlers.onConnected?.(event));
        },
        versionChanged: (event) => isolate(() => handlers.onVersionChanged?.(event)),
        freshData: (event) => isolate(() => handlers.onFreshData?.(event)),
    };

    if (!signal.aborted) {
        report("connecting", { attempt });
    }
    while (!signal.aborted) {
        let failure: unknown;
        try {
            await readStudyEvents(await openStream(signal), sink);
        } catch (error) {
            if (signal.aborted) {
                break;
            }
            if (error instanceof GatewayProblem && error.status === 401 && !retriedUnauthorized) {
                // The token may just have expired: one immediate attempt, with whatever getToken returns now.
                retriedUnauthorized = true;
                continue;
            }
            if (error instanceof GatewayProblem && (error.status === 401 || error.status === 403)) {
                report("closed", { attempt, error });
                return;
            }
            failure = error;
        }
        if (signal.aborted) {
            break;
        }
        attempt += 1;
        const delayMs = reconnectDelayMs(attempt, initialDelayMs, maxDelayMs);
        report("reconnecting", failure === undefined ? { attempt, delayMs } : { attempt, delayMs, error: failure });
        await sleep(delayMs, signal);
    }
    report("closed", { attempt });
}

/** A handler that throws must not tear down the stream: its error is rethrown on its own, where the host reports it. */
function isolate(callHandler: () => void): void {
    try {
        callHandler();
    } catch (error) {
        queueMicrotask(() => {
            throw error;
        });
    }
}
