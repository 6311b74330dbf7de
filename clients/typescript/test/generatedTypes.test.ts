import { readFile } from "node:fs/promises";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import { expect, test } from "vitest";

const document = new URL("../openapi/gateway.json", import.meta.url);
const committedTypes = new URL("../src/generated/gateway.ts", import.meta.url);

// scripts/test.sh builds the gateway first, which rewrites openapi/gateway.json: an API change whose types were not
// regenerated fails here. The output is composed exactly as the openapi-typescript CLI composes it.
test("src/generated/gateway.ts is what openapi-typescript makes of openapi/gateway.json", async () => {
    const generated = `${COMMENT_HEADER}${astToString(await openapiTS(document, { silent: true }))}`;

    const committed = await readFile(committedTypes, "utf8");

    expect(committed, "src/generated/gateway.ts is out of date: run `npm run generate`").toBe(generated);
});
