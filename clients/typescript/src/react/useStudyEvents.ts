import { useCallback, useSyncExternalStore } from "react";
import type { StudyEventsState } from "./StudyEventsHub.js";
import { useStudyEventsHub } from "./WidgetPlatformProvider.js";

const disabled: StudyEventsState = { status: "closed", dataVersions: {} };

/**
 * Keeps the study's queries live while mounted: listens to the study's events (one connection per study, shared with
 * every other component calling this under the same provider) and refetches exactly what each event affects.
 */
export function useStudyEvents(studyId: string, options: { enabled?: boolean } = {}): StudyEventsState {
    const hub = useStudyEventsHub();
    const enabled = options.enabled ?? true;
    const subscribe = useCallback(
        (onChange: () => void) => (enabled ? hub.listen(studyId, onChange) : () => undefined),
        [hub, studyId, enabled],
    );
    const getState = useCallback(() => (enabled ? hub.state(studyId) : disabled), [hub, studyId, enabled]);
    return useSyncExternalStore(subscribe, getState, getState);
}
