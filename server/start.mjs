// `npm start`. The server is TypeScript, which Node.js 24 runs as it is (server/start.ts builds if needed, then
// serves); this file alone is JavaScript, so that an older Node.js, which cannot load TypeScript at all, gets as far
// as refusing in one line (lib/runtime/node-version.ts) instead of failing on a `.ts` file or, worse, starting
// half-working. That module has no imports and no type annotations, so its text is evaluated here as JavaScript.
//
// package.json has no "type": Node.js then finds the TypeScript is ES modules by parsing it and warns once
// (MODULE_TYPELESS_PACKAGE_JSON), which `npm start` silences with --disable-warning. Declaring "type": "module"
// would make Playwright load every e2e file as an ES module too, where they still use __dirname.
import { readFileSync } from 'node:fs';

const nodeVersion = readFileSync(new URL('../lib/runtime/node-version.ts', import.meta.url), 'utf8');
const { refuseOldNode } = await import(`data:text/javascript,${encodeURIComponent(nodeVersion)}`);
refuseOldNode();

await import('./start.ts');
