import { defineConfig } from "vitest/config";

// Client tests run in Node (fetch, streams and AbortSignal are built in); hook tests opt into happy-dom per file.
export default defineConfig({
    test: {
        include: ["test/**/*.test.{ts,tsx}"],
        restoreMocks: true,
    },
});
