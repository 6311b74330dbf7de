/**
 * Exponential backoff with full jitter: the ceiling doubles from `initialDelayMs` with each failed attempt up to
 * `maxDelayMs`, and the delay is drawn uniformly below it, so clients dropped together by a gateway restart do not
 * come back together.
 */
export function reconnectDelayMs(
    attempt: number,
    initialDelayMs: number,
    maxDelayMs: number,
    random: () => number = Math.random,
): number {
    const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.max(0, attempt - 1));
    return Math.floor(random() * ceiling);
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
        if (signal.aborted) {
            resolve();
            return;
        }
        const wake = (): void => {
            clearTimeout(timer);
            signal.removeEventListener("abort", wake);
            resolve();
        };
        const timer = setTimeout(wake, ms);
        signal.addEventListener("abort", wake, { once: true });
    });
}
