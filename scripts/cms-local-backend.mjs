// The CMS's local backend for `npm run dev`: Decap's decap-server, which reads and writes the working tree's files, so
// an editor sees a change in the development server as they save. It is a development dependency and only
// `npm run dev` starts it; a production build's CMS never points at it (lib/cms/config.ts).
// CMS_LOCAL_BACKEND_PORT (default 8081, read through lib/settings.ts as the site reads it) is its port, on localhost
// only; CMS_LOCAL_REPO the folder (default: here), a knob of this development tool alone.
import { createRequire } from 'node:module';
import { settingsOrExit } from '../lib/settings.ts';

// decap-server reads these names; PORT is also the Next.js server's, so it is set here, for this process only.
process.env.PORT = String(settingsOrExit().CMS_LOCAL_BACKEND_PORT);
process.env.BIND_HOST = 'localhost';
process.env.MODE = 'fs';
process.env.GIT_REPO_DIRECTORY = process.env.CMS_LOCAL_REPO || process.cwd();
process.env.LOG_LEVEL ??= 'warn';
createRequire(import.meta.url)('decap-server');
