import { type RefObject, useEffect } from "react";

/** Closes an open `<details>` popover when the viewer clicks elsewhere or presses Escape. */
export function useDismiss(ref: RefObject<HTMLDetailsElement | null>): void {
    useEffect(() => {
        const close = (event: Event) => {
            const details = ref.current;
            if (!details?.open) {
                return;
            }
            const outside = event instanceof PointerEvent && !details.contains(event.target as Node);
            if (outside || (event instanceof KeyboardEvent && event.key === "Escape")) {
                details.open = false;
            }
        };
        document.addEventListener("pointerdown", close);
        document.addEventListener("keydown", close);
        return () => {
            document.removeEventListener("pointerdown", close);
            document.removeEventListener("keydown", close);
        };
    }, [ref]);
}
