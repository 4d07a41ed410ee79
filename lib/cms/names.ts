// Names the server's CMS page and the CMS's browser script (components/cms/cms.browser.ts) share. No imports: the
// browser script bundles this, and nothing of the server's.

/** The name under which the browser script registers lib/cms/front-matter.ts with the CMS, and collections use it. */
export const cmsFormat = 'cotech-front-matter';

/** The element the browser script reads the configuration from: data, which the CSP does not treat as a script. */
export const cmsConfigElementId = 'cms-config';
