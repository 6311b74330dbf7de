import { GatewayProblem, type GatewayProblemDetails } from "./GatewayProblem.js";

/** The problem a non-2xx response describes: its problem+json body when it has one, else its status line. */
export async function readProblem(response: Response): Promise<GatewayProblem> {
    const retryAfterSeconds = parseRetryAfter(response.headers.get("Retry-After"), Date.now());
    const problem = (await readProblemBody(response)) ?? {
        status: response.status,
        title: response.statusText || null,
    };
    return new GatewayProblem(
        response.status,
        { ...problem, status: problem.status ?? response.status },
        retryAfterSeconds === undefined ? undefined : { retryAfterSeconds },
    );
}

async function readProblemBody(response: Response): Promise<GatewayProblemDetails | undefined> {
    const contentType = response.headers.get("Content-Type") ?? "";
    if (!/^application\/(problem\+)?json\b/i.test(contentType)) {
        return undefined;
    }
    try {
        const body: unknown = await response.json();
        return isObject(body) ? (body as GatewayProblemDetails) : undefined;
    } catch {
        // A proxy's error page labelled as JSON: fall back to the status line rather than hide the status.
        return undefined;
    }
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
    if (header === null || header.trim() === "") {
        return undefined;
    }
    if (/^\d+$/.test(header.trim())) {
        return Number(header.trim());
    }
    const date = Date.parse(header);
    return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
