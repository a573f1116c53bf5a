#!/usr/bin/env node
// The `congress-desk` command (package.json "bin"): runs cli/main.ts through tsx, which the
// project installs, so that the CLI and the app share one source of the rules.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./main.ts');
process.exitCode = await run(process.argv.slice(2));
