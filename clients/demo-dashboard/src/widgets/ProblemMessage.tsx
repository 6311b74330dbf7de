import { GatewayProblem } from "@widgetplatform/client";

/** A gateway problem detail (status, title, detail), a request that got no answer, or another failure. */
export function ProblemMessage({ error, compact = false }: { readonly error: Error; readonly compact?: boolean }) {
    const { heading, detail } = describe(error);
    return (
        <div className={compact ? "problem problem-compact" : "problem"} role="alert" data-testid="problem">
            <strong>{heading}</strong>
            {detail && <span>{detail}</span>}
        </div>
    );
}

function describe(error: Error): { heading: string; detail?: string } {
    if (!(error instanceof GatewayProblem)) {
        return { heading: error.message };
    }
    // Status 0: no answer at all (network failure, CORS refusal, gateway down).
    const heading =
        error.status === 0
            ? "The gateway could not be reached"
            : `${error.status} · ${error.problem.title ?? "Request failed"}`;
    const detail = error.problem.detail ?? (error.cause instanceof Error ? error.cause.message : undefined);
    return detail ? { heading, detail } : { heading };
}
