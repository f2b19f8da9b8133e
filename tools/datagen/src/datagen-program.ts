import { Command, CommanderError } from 'commander';
import { isLakeformError, LakeformError } from '@lakeform/sql-compiler';
import { DEFAULT_SEED, generateGrocery } from './grocery/generate-grocery.js';
import { DEFAULT_DAYS_FROM, DEFAULT_DAYS_TO, FULL_SALES } from './grocery/grocery-scale.js';
import type { GrocerySummary } from './grocery/grocery-summary.js';

export interface DatagenOutput {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: DatagenOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

interface GroceryFlags {
  out: string;
  sales?: string;
  seed?: string;
  daysFrom?: string;
  daysTo?: string;
  appendDay?: string;
}

/**
 * Runs `datagen <dataset> ...` and resolves to the exit code: 0 on success, 1 when generating
 * failed, 2 for a usage error. Errors are printed as one paragraph, without a stack trace.
 */
export async function runDatagen(argv: readonly string[], output: DatagenOutput = processOutput): Promise<number> {
  const program = new Command('datagen')
    .description('Deterministic synthetic raw data for the Lakeform example projects')
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err });

  program
    .command('grocery')
    .description('the Grocery Sales Database: seven CSV tables, one folder per table, sales one file per day (sales/dt=YYYY-MM-DD/)')
    .requiredOption('--out <dir>', 'folder to write the table folders into')
    .option('--sales <n>', `number of sales (default ${FULL_SALES}, the original size); with --append-day, the sales of that day`)
    .option('--seed <s>', `seed: the same seed and options give byte-identical files (default ${DEFAULT_SEED})`)
    .option('--days-from <day>', `first day of sales, YYYY-MM-DD (default ${DEFAULT_DAYS_FROM})`)
    .option('--days-to <day>', `last day of sales, YYYY-MM-DD (default ${DEFAULT_DAYS_TO})`)
    .option('--append-day <day>', 'write one more day of sales, sales/dt=YYYY-MM-DD/sales.csv, after the existing ones')
    .action(async (flags: GroceryFlags) => {
      const summary = await generateGrocery({
        outDir: flags.out,
        sales: wholeNumber(flags.sales, '--sales'),
        seed: wholeNumber(flags.seed, '--seed'),
        daysFrom: flags.daysFrom,
        daysTo: flags.daysTo,
        appendDay: flags.appendDay,
      });
      output.out(formatSummary(summary));
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed the message (or the help text, which exits with 0)
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isLakeformError(error)) {
      output.err(`${error.format()}\n`);
      return error.code === 'E_DATAGEN_INVALID_OPTION' ? 2 : 1;
    }
    throw error;
  }
}

/** Strictly digits: Number('1e3') or parseInt('12abc') would silently accept a typo. */
function wholeNumber(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) {
    throw new LakeformError({
      code: 'E_DATAGEN_INVALID_OPTION',
      message: `${option} is ${JSON.stringify(text)}, which is not a whole number`,
      hint: `write ${option} as digits only, e.g. ${option} 50000`,
    });
  }
  return Number(text);
}

function formatSummary(summary: GrocerySummary): string {
  const width = Math.max(...summary.files.map((f) => f.file.length));
  // the sales of a whole range are one line: the day files are counted, not listed
  const counts = summary.files.map((f) => (f.files === 1 ? '' : `${f.files.toLocaleString('en-US')} files`));
  const countWidth = Math.max(...counts.map((c) => c.length));
  const lines = summary.files.map(
    (f, i) => `  ${f.file.padEnd(width)}  ${counts[i]!.padStart(countWidth)}  ${f.rows.toLocaleString('en-US').padStart(11)} rows`,
  );
  const { firstSalesId, lastSalesId, daysFrom, daysTo } = summary.sales;
  const what = summary.mode === 'full' ? 'grocery data set' : 'one more day of grocery sales';
  return [
    `wrote ${what} to ${summary.outDir} (seed ${summary.seed})`,
    ...lines,
    `  SalesID ${firstSalesId}..${lastSalesId}, ${daysFrom === daysTo ? daysFrom : `${daysFrom}..${daysTo}`}`,
    '',
  ].join('\n');
}
