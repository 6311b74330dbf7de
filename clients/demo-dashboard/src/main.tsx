import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { readConfig } from "./config";
import { ConfigurationMissing } from "./ConfigurationMissing";
import "./styles.css";

const root = document.getElementById("root");
if (!root) {
    throw new Error("index.html has no #root element.");
}

const configuration = readConfig(import.meta.env);
createRoot(root).render(
    <StrictMode>
        {configuration.ok ? (
            <App config={configuration.config} />
        ) : (
            <ConfigurationMissing problems={configuration.problems} />
        )}
    </StrictMode>,
);
