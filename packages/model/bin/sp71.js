#!/usr/bin/env node
// The `sp71` command: runs the built JavaScript in dist/ (made by `npm install` or `npm run build`).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
