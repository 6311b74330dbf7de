/** A placeholder in the shape of the widget's type while its first answer loads. */
export function CardSkeleton({ type }: { readonly type: string }) {
    return (
        <div className={`skeleton skeleton-${type}`} aria-busy="true" aria-label="Loading">
            {type === "metric" ? (
                <>
                    <span className="skeleton-block skeleton-value" />
                    <span className="skeleton-block skeleton-line" />
                </>
            ) : (
                <span className="skeleton-block skeleton-chart" />
            )}
        </div>
    );
}
