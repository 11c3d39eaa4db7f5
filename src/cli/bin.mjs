#!/usr/bin/env node
// The package bin: lets Node load kubelab's TypeScript through tsx (no build step), then runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
