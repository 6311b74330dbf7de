import { type Dispatch, type SetStateAction, useEffect, useState } from "react";
import { parseSelection, type Selection, toSearchParams, widgetQuery } from "./selection";

/** The selection, read from the page's URL once and written back to it (replacing the entry) on every change. */
export function useSelection(): readonly [Selection, Dispatch<SetStateAction<Selection>>] {
    const [selection, setSelection] = useState<Selection>(() => parseSelection(window.location.search));

    useEffect(() => {
        const search = toSearchParams(widgetQuery(selection.range, selection.filters)).toString();
        const url = `${window.location.pathname}${search ? `?${search}` : ""}${window.location.hash}`;
        window.history.replaceState(window.history.state, "", url);
    }, [selection]);

    return [selection, setSelection] as const;
}
