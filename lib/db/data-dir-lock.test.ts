import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, lockFileName } from './data-dir-lock';

const dirs: string[] = [];
const children: ChildProcess[] = [];
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cotech-lock-'));
  dirs.push(dir);
  return dir;
};
const lockText = (dir: string) => readFileSync(join(dir, lockFileName), 'utf8');

/** A process that runs until killed, and one that has exited: their pids are a live and a dead holder. */
function liveProcess(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
  children.push(child);
  return child.pid ?? 0;
}
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid ?? 0;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the data directory lock', () => {
  it('holds our pid, refuses a second taker, and is gone once released', () => {
    const dir = newDir();
    const lock = acquireDataDirLock(dir);
    expect(lockText(dir)).toBe(`${process.pid}\n`);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    expect(existsSync(join(dir, lockFileName))).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it('refuses while another live process holds it, in one line naming the directory, the pid and DATABASE_URL', () => {
    const dir = newDir();
    const holder = liveProcess();
    writeFileSync(join(dir, lockFileName), `${holder}\n`);
    let refusal: unknown;
    try {
      acquireDataDirLock(dir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    const message = (refusal as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain(dir);
    expect(message).toContain(`process ${holder}`);
    expect(message).toContain('DATABASE_URL');
    expect(lockText(dir)).toBe(`${holder}\n`); // untouched
  });

  it('takes over the lock of a process that died, or a file that holds no pid', async () => {
    for (const stale of [`${await deadPid()}\n`, '', 'not a pid\n']) {
      const dir = newDir();
      writeFileSync(join(dir, lockFileName), stale);
      const lock = acquireDataDirLock(dir);
      expect(lockText(dir)).toBe(`${process.pid}\n`);
      lock.release();
    }
  });

  it('never removes a lock it does not hold', () => {
    const dir = newDir();
    const lock = acquireDataDirLock(dir);
    const other = liveProcess();
    writeFileSync(join(dir, lockFileName), `${other}\n`); // as if taken over behind our back
    lock.release();
    expect(lockText(dir)).toBe(`${other}\n`);
  });

  it('lets exactly one of several processes that find the same dead holder take over', async () => {
    const dir = newDir();
    writeFileSync(join(dir, lockFileName), `${await deadPid()}\n`);
    const lockModule = join(__dirname, 'data-dir-lock.ts');
    const startAt = Date.now() + 1_500; // all of them try at once, once each has started
    const script = `
      import { acquireDataDirLock } from ${JSON.stringify(lockModule)};
      while (Date.now() < ${startAt});
      try { acquireDataDirLock(process.argv[1]); console.log('took'); } catch (error) { console.log(error.code); }
      setTimeout(() => {}, 1500); // hold it while the others look
    `;
    // Node runs the TypeScript module as it is (type stripping); the warning is about package.json's "type".
    const outputs = await Promise.all(
      Array.from({ length: 6 }, () => {
        const child = spawn(
          process.execPath,
          ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', '--input-type=module', '-e', script, dir],
          {
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        children.push(child);
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        return new Promise<string>((resolve) => child.on('exit', () => resolve(output.trim())));
      }),
    );
    expect(outputs.sort()).toEqual([...Array(5).fill('EDATADIRLOCKED'), 'took']);
  });
});
