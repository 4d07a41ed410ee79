// The HTML of /cms: a shell that loads Decap CMS (copied from the decap-cms package into public/cms/ by
// scripts/build-browser.mjs, so nothing comes from a CDN) and our script that gives it its configuration and file
// format. Without a configured backend, a page that says how to configure one, with no script at all.
import type { CmsSetup } from '@/lib/cms/config';
import { cmsVariables } from '@/lib/cms/config';
import { cmsConfigElementId } from '@/lib/cms/names';
import { escapeHtml } from '@/lib/html';
import { site } from '@/lib/site';

/** JSON that cannot end the <script> element it sits in. */
const scriptData = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const head = (title: string) =>
  '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n' +
  '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="robots" content="noindex">\n' +
  `<title>${escapeHtml(title)} · ${escapeHtml(site.shortName)}</title>\n`;

export function cmsPage(setup: CmsSetup): string {
  if (setup.configured) {
    return (
      head('Content manager') +
      `<script type="application/json" id="${cmsConfigElementId}">${scriptData(setup.config)}</script>\n` +
      // Ours first: it asks Decap to wait for the configuration instead of fetching config.yml.
      '<script src="/scripts/cms.js"></script>\n<script src="/cms/decap-cms.js"></script>\n' +
      '</head>\n<body></body>\n</html>\n'
    );
  }
  const problems = setup.problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('\n');
  const variables = cmsVariables.map((name) => `<code>${name}</code>`).join(', ');
  return (
    head('Content manager not set up') +
    '<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}</style>\n' +
    '</head>\n<body>\n<main>\n<h1>The content manager is not set up</h1>\n' +
    `<p>It edits the site's Markdown in its GitLab repository, and needs the server's environment to say where: ${variables}.</p>\n` +
    `<ul>\n${problems}\n</ul>\n` +
    '<p>An administrator registers an OAuth application in GitLab (not confidential, so with PKCE and no secret; ' +
    `scope <code>api</code>; redirect URI <code>${escapeHtml(site.url)}/cms</code>), sets these variables and ` +
    'restarts the site. <code>docs/cms.md</code> in the site’s repository says how.</p>\n</main>\n</body>\n</html>\n'
  );
}
