#!/usr/bin/env node
// Command-line entry: runs the TypeScript CLI through tsx so no build step is needed.
import { register } from "tsx/esm/api";

register();
await import("../src/server/cli/main.ts");
