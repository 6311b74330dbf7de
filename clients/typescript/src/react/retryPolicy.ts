import { GatewayProblem } from "../client/GatewayProblem.js";

const maxRetries = 2;

/** A 4xx answer is final (the same request cannot succeed); a 5xx or no answer may be transient. */
export function retryUnlessRefused(failureCount: number, error: unknown): boolean {
    return failureCount < maxRetries && !(error instanceof GatewayProblem && error.isClientError);
}
