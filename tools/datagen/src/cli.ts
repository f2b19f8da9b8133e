// Entry point of the bundled `datagen` command (dist/datagen.mjs).
import { runDatagen } from './datagen-program.js';

process.exitCode = await runDatagen(process.argv.slice(2));
