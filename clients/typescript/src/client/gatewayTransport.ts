import type { GatewayClientOptions } from "./GatewayClient.js";
import { GatewayProblem } from "./GatewayProblem.js";
import { readProblem } from "./readProblem.js";

export interface GatewayRequest {
    method?: "GET" | "POST" | "PUT" | "DELETE";
    /** Sent as JSON. */
    json?: unknown;
    /** Sent as is, as `application/octet-stream`. */
    binary?: Blob | ArrayBuffer | Uint8Array;
    /** Default: JSON. Problem details are always accepted too, so that a refusal is described. */
    accept?: string;
    cache?: RequestCache;
    signal?: AbortSignal | undefined;
}

/** Sends one request to the gateway: resolves with a 2xx response, rejects with a GatewayProblem otherwise. */
export type GatewayTransport = (path: string, request?: GatewayRequest) => Promise<Response>;

export function createGatewayTransport(options: GatewayClientOptions): GatewayTransport {
    const baseUrl = options.baseUrl.replace(/\/+$/, "");
    // Looked up per request rather than captured, so a fetch patched after the client was made (tests, polyfills) counts.
    const send: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);

    return async (path, request = {}) => {
        const headers = new Headers({ Accept: `${request.accept ?? "application/json"}, application/problem+json` });
        const token = await options.getToken?.();
        if (token) {
            headers.set("Authorization", `Bearer ${token}`);
        }
        const body = requestBody(request, headers);
        let response: Response;
        try {
            response = await send(`${baseUrl}${path}`, {
                method: request.method ?? "GET",
                headers,
                ...(body === undefined ? {} : { body }),
                ...(request.cache === undefined ? {} : { cache: request.cache }),
                ...(request.signal === undefined ? {} : { signal: request.signal }),
                // Tokens travel as headers; cookies never do (the gateway's CORS policy allows no credentials).
                credentials: "omit",
            });
        } catch (error) {
            if (request.signal?.aborted) {
                throw error;
            }
            throw new GatewayProblem(
                0,
                { detail: error instanceof Error ? error.message : String(error) },
                { cause: error },
            );
        }
        if (!response.ok) {
            throw await readProblem(response);
        }
        return response;
    };
}

function requestBody(request: GatewayRequest, headers: Headers): BodyInit | undefined {
    if (request.binary !== undefined) {
        headers.set("Content-Type", "application/octet-stream");
        // The DOM typings take only views over a plain ArrayBuffer (fetch refuses shared ones at run time), and a
        // Uint8Array is typed over any buffer: sent as is rather than copied.
        return request.binary as BodyInit;
    }
    if (request.json !== undefined) {
        headers.set("Content-Type", "application/json");
        return JSON.stringify(request.json);
    }
    return undefined;
}
