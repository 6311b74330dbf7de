import type { HttpValidationProblemDetails, ProblemDetails } from "../types.js";

/** An RFC 9457 problem as the gateway sends it; validation problems (400) name each field's errors. */
export type GatewayProblemDetails = ProblemDetails & Pick<HttpValidationProblemDetails, "errors">;

/**
 * A request the gateway did not answer with success: every non-2xx answer, with the problem details it sent (or one
 * made from the status line when it sent none). `status` 0 means there was no answer at all (network failure, CORS
 * refusal, gateway down); the underlying error is the `cause`.
 */
export class GatewayProblem extends Error {
    override readonly name = "GatewayProblem";
    readonly status: number;
    readonly problem: GatewayProblemDetails;
    /** From `Retry-After` (429 from the admin rate limit): seconds to wait before trying again. */
    readonly retryAfterSeconds?: number;

    constructor(
        status: number,
        problem: GatewayProblemDetails,
        options?: { retryAfterSeconds?: number; cause?: unknown },
    ) {
        super(describe(status, problem), options?.cause === undefined ? undefined : { cause: options.cause });
        this.status = status;
        this.problem = problem;
        if (options?.retryAfterSeconds !== undefined) {
            this.retryAfterSeconds = options.retryAfterSeconds;
        }
    }

    /** 4xx: the request itself is wrong or not allowed, so sending it again cannot succeed. */
    get isClientError(): boolean {
        return this.status >= 400 && this.status < 500;
    }
}

function describe(status: number, problem: GatewayProblemDetails): string {
    const title = problem.title ?? (status === 0 ? "No answer from the gateway" : `HTTP ${status}`);
    return problem.detail ? `${title}: ${problem.detail}` : title;
}
