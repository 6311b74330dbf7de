import type { WidgetDataResponse } from "@widgetplatform/client";
import { useEffect, useRef, useState } from "react";

/** How long a card shows "Updated" after its answer changed. */
const UPDATED_MARK_MS = 5000;

/**
 * True for a few seconds after the answer to the same query changed (a new data version, or other data), as when pushed
 * events make the widget refetch. A new query (another range or filter) is not an update: its first answer is not marked.
 */
export function useUpdatedMark(query: string, response: WidgetDataResponse | undefined): boolean {
    const seen = useRef<{ readonly query: string; readonly signature: string } | undefined>(undefined);
    const [updatedAt, setUpdatedAt] = useState<number | undefined>(undefined);

    useEffect(() => {
        if (!response) {
            return;
        }
        const signature = `${response.metadata.dataVersion}\n${JSON.stringify(response.data)}`;
        const previous = seen.current;
        seen.current = { query, signature };
        if (previous?.query === query && previous.signature !== signature) {
            setUpdatedAt(Date.now());
        }
    }, [query, response]);

    useEffect(() => {
        if (updatedAt === undefined) {
            return;
        }
        const timer = window.setTimeout(() => setUpdatedAt(undefined), UPDATED_MARK_MS);
        return () => window.clearTimeout(timer);
    }, [updatedAt]);

    return updatedAt !== undefined;
}
