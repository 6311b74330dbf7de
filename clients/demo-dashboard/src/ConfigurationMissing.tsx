/** Shown instead of the dashboard when it was built without what it needs to reach the gateway. */
export function ConfigurationMissing({ problems }: { readonly problems: readonly string[] }) {
    return (
        <main className="config-missing" data-testid="config-missing">
            <h1>The dashboard is not configured</h1>
            <p>It reads its settings when it is built, from environment variables:</p>
            <ul>
                {problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                ))}
            </ul>
            <p>
                Start it through the AppHost, which sets them, or build it yourself, e.g.{" "}
                <code>VITE_GATEWAY_URL=http://127.0.0.1:5123 VITE_DEV_TOKEN=… npm run serve</code>.
            </p>
        </main>
    );
}
