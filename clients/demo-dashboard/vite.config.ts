import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The AppHost runs `npm run serve` with PORT set; the dashboard listens on loopback only.
const host = "127.0.0.1";
const port = parsePort(process.env.PORT);

export default defineConfig({
    plugins: [react()],
    server: { host, port },
    preview: { host, port },
    build: {
        rolldownOptions: {
            output: {
                // Libraries in their own chunks, which the browser keeps cached across rebuilds of the app's code.
                codeSplitting: {
                    groups: [
                        {
                            name: "react",
                            test: /node_modules[\\/](react|react-dom|scheduler|@tanstack|@widgetplatform|eventsource-parser)[\\/]/,
                            priority: 2,
                        },
                        { name: "charts", test: /node_modules[\\/]/, priority: 1 },
                    ],
                },
            },
        },
    },
});

function parsePort(value: string | undefined): number | undefined {
    if (!value) {
        return undefined;
    }
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535) {
        throw new Error(`PORT must be a TCP port number (1-65535), not "${value}".`);
    }
    return parsed;
}
