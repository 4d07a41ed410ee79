// `npm run import:jekyll -- PATH [--dry-run] [--content DIR] [--public DIR]`: merges a checkout of the network's old
// Jekyll site (PATH) into content/ and public/images/coops/ (docs/import-jekyll.md). It adds only what our content
// lacks and prints what it added, what differs and what it skipped, and why; `--dry-run` prints the same and writes
// nothing. `--content` and `--public` point it at other folders, such as a copy to try it on.
import { registerHooks } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

// lib/ modules import each other without extensions, as the bundler resolves them: Node's own loader needs the
// `.ts`, so relative imports from a .ts module get it added here (as scripts/bench-match.mjs does).
registerHooks({
  resolve(specifier, context, nextResolve) {
    const extensionless = /^\.\.?\//.test(specifier) && !/\.[cm]?[jt]sx?$/.test(specifier);
    if (extensionless && context.parentURL?.endsWith('.ts')) return nextResolve(`${specifier}.ts`, context);
    return nextResolve(specifier, context);
  },
});
const { importJekyll } = await import('../lib/import/jekyll.ts');

const usage = 'Usage: npm run import:jekyll -- PATH [--dry-run] [--content DIR] [--public DIR]';

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      content: { type: 'string', default: 'content' },
      public: { type: 'string', default: 'public' },
    },
  });
  const [source, ...rest] = positionals;
  if (!source || rest.length > 0) throw new Error(usage);
  // npm runs scripts in the package's directory; paths are named from where the command was typed (INIT_CWD).
  const from = (path: string) => resolve(process.env.INIT_CWD ?? '.', path);
  const dryRun = values['dry-run'];
  const report = await importJekyll({
    source: from(source),
    contentDir: from(values.content),
    publicDir: from(values.public),
    dryRun,
  });
  const section = (title: string, lines: string[]) => {
    console.log(`${title} (${lines.length})`);
    for (const line of lines) console.log(`  ${line}`);
  };
  section(
    dryRun ? 'Would add' : 'Added',
    report.added.map(({ file, what }) => `${file}: ${what}`),
  );
  section(
    'Differs (ours kept)',
    report.differences.map(({ file, field, ours, theirs }) => `${file}: ${field}: ours ${ours}; old site ${theirs}`),
  );
  section(
    'Skipped',
    report.skipped.map(({ file, reason }) => `${file}: ${reason}`),
  );
  console.log(
    dryRun
      ? `Dry run: nothing written (${report.written.length} files would be).`
      : `Wrote ${report.written.length} files.`,
  );
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
