#!/usr/bin/env node
// The `kpi-contract` command (package `bin`). The exit code is set, not forced, so output still flushes.
import { processIo } from "./CliIo.js";
import { runCli } from "./runCli.js";

process.exitCode = await runCli(process.argv.slice(2), processIo());
