// Validates HTML documents with the Nu Html Checker (W3C's validator, the vnu-jar package) on the machine's Java.
// All documents go through one JVM run: starting the checker costs seconds, checking a page milliseconds.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vnuJarPath from 'vnu-jar';

// vnu-jar exports its jar's path (as a String object). Its own runner is not used: when no Java is on the PATH it
// downloads one, and this project installs nothing at run time (package.json's allowScripts stops its install-time
// download too). A default import, not import.meta: Playwright loads this file as CommonJS.
const vnuJar = String(vnuJarPath);

// A short run: the quick JIT compiler alone takes half the time of the default over this site's 200 pages, given
// the bigger stack its frames need (the checker's schema code recurses deeply and overflows the default one).
const jvmOptions = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xss16m'];
// Language detection only ever warns, and warnings are left out: it would be time spent for nothing.
const checkerOptions = ['--errors-only', '--no-langdetect', '--format', 'json', '--stdout'];

export const javaMissing =
  'Java not found: the Nu Html Checker (vnu-jar) needs Java 17 or later; on Debian run `apt-get install -y default-jre-headless`.';

export type HtmlError = { message: string; line?: number; column?: number; extract?: string };

/** One message of the checker's JSON report (`--format json`). */
type CheckerMessage = {
  url?: string;
  message: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  extract?: string;
};

/** Runs java with args; resolves with its exit code and output, or rejects with `javaMissing` when there is none. */
function runJava(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(javaMissing) : error),
    );
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Checks each document (name → HTML) and resolves with each name's errors, [] for a valid one. Warnings are left
 * out. Rejects when the checker cannot run or answers something other than its report.
 */
export async function validateHtml(documents: Readonly<Record<string, string>>): Promise<Record<string, HtmlError[]>> {
  const names = Object.keys(documents);
  const dir = mkdtempSync(join(tmpdir(), 'cotech-vnu-'));
  try {
    // Numbered files: a name (a URL path, say) need not be a valid file name.
    const files = names.map((name, index) => {
      const file = join(dir, `${index}.html`);
      writeFileSync(file, documents[name] ?? '');
      return file;
    });
    const nameOf = new Map(files.map((file, index) => [basename(file), names[index]]));
    const { code, stdout, stderr } = await runJava([...jvmOptions, '-jar', vnuJar, ...checkerOptions, ...files]);
    // It exits 1 when it finds errors; anything but its JSON report means it did not run.
    let report: { messages: CheckerMessage[] };
    try {
      report = JSON.parse(stdout);
    } catch {
      throw new Error(`The Nu Html Checker failed (exit ${code}): ${(stderr || stdout).trim()}`);
    }
    const errors = new Map<string, HtmlError[]>(names.map((name) => [name, []]));
    for (const { url, message, lastLine, firstColumn, lastColumn, extract } of report.messages) {
      const name = url ? nameOf.get(basename(fileURLToPath(url))) : undefined;
      const list = name === undefined ? undefined : errors.get(name);
      if (!list) throw new Error(`The Nu Html Checker reported on no document it was given: ${message}`);
      list.push({ message, line: lastLine, column: firstColumn ?? lastColumn, extract });
    }
    return Object.fromEntries(errors);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per error: `name:line:column: message`. */
export function formatErrors(errors: Readonly<Record<string, readonly HtmlError[]>>): string[] {
  return Object.entries(errors).flatMap(([name, list]) =>
    list.map(({ message, line, column }) => `${name}${line ? `:${line}:${column ?? 1}` : ''}: ${message}`),
  );
}
