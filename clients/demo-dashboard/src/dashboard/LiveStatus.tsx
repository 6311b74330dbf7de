import type { StudyManifest } from "@widgetplatform/client";
import { useManifest, useStudyEvents } from "@widgetplatform/client/react";
import { useRef } from "react";
import { formatTime } from "../format";
import { useDismiss } from "./useDismiss";

const LABELS = {
    connecting: "Connecting…",
    live: "Live",
    reconnecting: "Reconnecting…",
    closed: "Offline",
} as const;

/**
 * The study's event stream (docs/design.md §6), which keeps every widget current while this is mounted: its state, the
 * current version of each dataset (the manifest, refetched when an event announces a new version), the last event.
 */
export function LiveStatus({ studyId }: { readonly studyId: string }) {
    const { status, lastEvent } = useStudyEvents(studyId);
    const { data: manifest } = useManifest(studyId);
    const shown = status === "open" ? "live" : status;
    const versions = datasetVersions(manifest);
    const newest = versions
        .map(([, version]) => version)
        .sort()
        .at(-1);
    const details = useRef<HTMLDetailsElement>(null);
    useDismiss(details);

    return (
        <details ref={details} className="live" data-testid="live-status" data-status={shown}>
            <summary>
                <span className={`live-dot live-${shown}`} aria-hidden="true" />
                <span className="live-label">{LABELS[shown]}</span>
                {newest && (
                    <span className="live-version" title="The newest data version of the study">
                        {newest}
                    </span>
                )}
            </summary>
            <div className="live-panel">
                <h3>Current data versions</h3>
                {versions.length === 0 ? (
                    <p className="muted">{manifest ? "No dataset yet." : "Loading the manifest…"}</p>
                ) : (
                    <dl className="versions">
                        {versions.map(([dataset, version]) => (
                            <div key={dataset} data-testid="data-version" data-dataset={dataset} data-version={version}>
                                <dt>{dataset}</dt>
                                <dd>{version}</dd>
                            </div>
                        ))}
                    </dl>
                )}
                <p className="muted">
                    {lastEvent
                        ? `Last event: ${lastEvent.type} at ${formatTime(lastEvent.receivedAt)}`
                        : "No event since the page opened."}
                </p>
            </div>
        </details>
    );
}

/** `source/AE` → version, for every dataset of both layers. */
function datasetVersions(manifest: StudyManifest | undefined): [string, string][] {
    return Object.entries(manifest?.datasets ?? {}).flatMap(([layer, datasets]) =>
        Object.entries(datasets ?? {}).map(([dataset, version]): [string, string] => [`${layer}/${dataset}`, version]),
    );
}
