import { LiveStatus } from "./LiveStatus";

export function Header({
    studyId,
    widgetCount,
}: {
    readonly studyId: string;
    readonly widgetCount: number | undefined;
}) {
    return (
        <header className="page-header">
            <div className="brand">
                <img src="/favicon.svg" alt="" width={32} height={32} />
                <div>
                    <p className="eyebrow">WidgetPlatform demo</p>
                    <h1>
                        Study <span data-testid="study-id">{studyId}</span>
                    </h1>
                </div>
            </div>
            {widgetCount !== undefined && <p className="widget-count">{widgetCount} widgets</p>}
            <LiveStatus studyId={studyId} />
        </header>
    );
}
