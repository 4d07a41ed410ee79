// Types for db-archive.mjs, which `npm run db:backup` and `db:restore` run and its unit test imports.
export function backupDataDir(dataDir: string, file: string): Promise<number>;
export function restoreDataDir(file: string, dataDir: string): Promise<number>;
export function tarEntries(tar: Buffer): { name: string; bytes: Buffer }[];
