// The CMS's local backend for `npm run dev`: Decap's decap-server, which reads and writes the working tree's files, so
// an editor sees a change in the development server as they save. It is a development dependency and only
// `npm run dev` starts it; a production build's CMS never points at it (lib/cms/config.ts).
// CMS_LOCAL_BACKEND_PORT (default 8081) is its port, on localhost only; CMS_LOCAL_REPO the folder (default: here).
import { createRequire } from 'node:module';

const port = process.env.CMS_LOCAL_BACKEND_PORT || '8081';
if (!/^\d+$/.test(port)) throw new Error(`CMS_LOCAL_BACKEND_PORT must be a port number, not "${port}"`);
// decap-server reads these names; PORT is also the Next.js server's, so it is set here, for this process only.
process.env.PORT = port;
process.env.BIND_HOST = 'localhost';
process.env.MODE = 'fs';
process.env.GIT_REPO_DIRECTORY = process.env.CMS_LOCAL_REPO || process.cwd();
process.env.LOG_LEVEL ??= 'warn';
createRequire(import.meta.url)('decap-server');
