#!/usr/bin/env node
// The `arshjul` command. The code lives in ../dist (built by `npm ci` at the repository root).
import { main } from '../dist/index.js';

process.exitCode = await main(process.argv.slice(2));
