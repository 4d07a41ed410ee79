import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeProblem } from './problem';
import { parseRedirects, redirectProblems, sitePaths, type Redirect } from './redirects';

const file = 'content/redirects.yml';

/** The entries of a list written as YAML, as parsing them gives them. */
function entries(yaml: string): Redirect[] {
  const { redirects, problems } = parseRedirects(`redirects:\n${yaml}`);
  expect(problems).toEqual([]);
  return redirects;
}

/** The problems parsing finds, as the lines an editor reads. */
const problemLines = (text: string) => parseRedirects(text).problems.map(describeProblem);

const site = {
  paths: ['/', '/about', '/members', '/co-op/outlandish', '/co-op/autonomic', '/technology/bash'],
  inPublic: (path: string) => path === '/images/cotech.png',
};

/** The problems checking against the site finds, as the lines an editor reads. */
const siteProblemLines = (redirects: readonly Redirect[]) => redirectProblems(redirects, site).map(describeProblem);

describe('parseRedirects', () => {
  it('reads each entry with the line it starts on', () => {
    expect(
      entries(
        '  - from: /about.html\n    to: /about\n    note: The old address.\n  - from: /coops/:slug\n    to: /co-op/:slug\n',
      ),
    ).toEqual([
      { from: '/about.html', to: '/about', note: 'The old address.', line: 2 },
      { from: '/coops/:slug', to: '/co-op/:slug', line: 5 },
    ]);
  });

  it('reads an empty file or an empty list as no redirects', () => {
    expect(parseRedirects('')).toEqual({ redirects: [], problems: [] });
    expect(parseRedirects('redirects: []\n')).toEqual({ redirects: [], problems: [] });
  });

  it('names the line and the entry when a field is missing, unknown or not text', () => {
    const problems = problemLines(
      'redirects:\n  - from: /a.html\n    to: /about\n  - from: /b.html\n  - from: /c.html\n    form: /about\n    to: [/about]\n',
    );
    expect(problems).toEqual([
      `${file}:4: redirect 2: to must be a site path such as /about`,
      `${file}:5: redirect 3: to must be a site path such as /about`,
      `${file}:5: redirect 3: has unknown field "form" (a redirect has from, to and note)`,
    ]);
  });

  it('names the line of a YAML syntax error, and refuses a file of another shape', () => {
    expect(problemLines('redirects:\n  - from: /a\n   to: /b\n')[0]).toMatch(/^content\/redirects\.yml:3: /);
    expect(problemLines('- from: /a\n  to: /b\n')).toEqual([
      `${file}: the file must be a map with one list, redirects`,
    ]);
    expect(problemLines('redirect:\n  - from: /a\n    to: /b\n')).toEqual([
      `${file}: the file has unknown field "redirect" (the file has one list, redirects)`,
    ]);
  });

  it('refuses a path Next.js would read as something else, or not as a path', () => {
    const problems = problemLines(
      'redirects:\n  - from: /old(.*)\n    to: /about\n  - from: about.html\n    to: /about/\n  - from: /x/../y\n    to: /about\n',
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^content\/redirects\.yml:2: redirect from "\/old\(\.\*\)": from "\/old\(\.\*\)" is not a site path/,
      ),
      expect.stringMatching(/:4: redirect from "about\.html": from "about\.html" is not a site path/),
      expect.stringMatching(/:4: redirect from "about\.html": to "\/about\/" is not a site path/),
      expect.stringMatching(/:6: redirect from "\/x\/\.\.\/y": from "\/x\/\.\.\/y" is not a site path/),
    ]);
  });

  it('refuses a duplicate from, in any case, and an entry an earlier pattern already covers', () => {
    const problems = problemLines(
      'redirects:\n' +
        '  - from: /coops/:slug\n    to: /co-op/:slug\n' +
        '  - from: /About.html\n    to: /about\n' +
        '  - from: /about.html\n    to: /members\n' +
        '  - from: /coops/:id\n    to: /members\n' +
        '  - from: /coops/outlandish\n    to: /co-op/outlandish\n',
    );
    expect(problems).toEqual([
      `${file}:6: redirect from "/about.html": from is listed twice (first at line 4)`,
      `${file}:8: redirect from "/coops/:id": from is listed twice (first at line 2)`,
      `${file}:10: redirect from "/coops/outlandish": never applies: the redirect from "/coops/:slug" at line 2 comes first and matches it`,
    ]);
  });

  it('refuses a to that uses a part from does not have', () => {
    expect(problemLines('redirects:\n  - from: /coops/:slug\n    to: /co-op/:name\n')).toEqual([
      `${file}:2: redirect from "/coops/:slug": to uses :name, which from does not have`,
    ]);
  });
});

describe('redirectProblems', () => {
  it('accepts targets that are pages, and a pattern whose target matches pages', () => {
    const redirects = entries(
      '  - from: /about.html\n    to: /about\n  - from: /coops/:slug\n    to: /co-op/:slug\n  - from: /coops\n    to: /members\n',
    );
    expect(siteProblemLines(redirects)).toEqual([]);
  });

  it('names the entry and the file when a target is not a page', () => {
    const redirects = entries('  - from: /about.html\n    to: /about\n  - from: /hire.html\n    to: /hire\n');
    expect(siteProblemLines(redirects)).toEqual([
      `${file}:4: redirect from "/hire.html": to "/hire" is not a page of the site`,
    ]);
  });

  it("names the entry's line and field, from or to, for a tool to point at", () => {
    const redirects = entries('  - from: /about.html\n    to: /About\n  - from: /About\n    to: /members\n');
    expect(redirectProblems(redirects, site)).toEqual([
      { file, line: 2, field: 'to', message: expect.stringContaining('is not a page') },
      { file, line: 4, field: 'from', message: expect.stringContaining('would hide a page') },
    ]);
    expect(parseRedirects('redirects:\n  - from: /a.html\n').problems).toEqual([
      { file, line: 2, field: 'to', message: 'redirect 1: to must be a site path such as /about' },
    ]);
  });

  it('compares targets exactly: Next.js routes pages by their exact path', () => {
    const redirects = entries('  - from: /about.html\n    to: /About\n');
    expect(siteProblemLines(redirects)).toEqual([
      `${file}:2: redirect from "/about.html": to "/About" is not a page of the site`,
    ]);
  });

  it('refuses a pattern target that matches no page: its route must exist', () => {
    const redirects = entries('  - from: /coops/:slug\n    to: /coop/:slug\n');
    expect(siteProblemLines(redirects)).toEqual([
      `${file}:2: redirect from "/coops/:slug": to "/coop/:slug" matches no page of the site`,
    ]);
  });

  it('refuses a from that would hide a page, in any case or through a pattern', () => {
    const redirects = entries(
      '  - from: /About\n    to: /members\n  - from: /co-op/:slug\n    to: /members\n  - from: /technology/gnu-bash\n    to: /technology/bash\n',
    );
    expect(siteProblemLines(redirects)).toEqual([
      `${file}:2: redirect from "/About": from would hide a page of the site (/about); a redirect is for an address with no page`,
      `${file}:4: redirect from "/co-op/:slug": from would hide a page of the site (/co-op/outlandish, /co-op/autonomic); a redirect is for an address with no page`,
    ]);
  });

  it("refuses a from that is one of the site's own routes or files", () => {
    const redirects = entries(
      '  - from: /api/join\n    to: /about\n  - from: /admin\n    to: /about\n  - from: /sitemap.xml\n    to: /about\n' +
        '  - from: /images/cotech.png\n    to: /about\n  - from: /about/opengraph-image\n    to: /about\n',
    );
    expect(siteProblemLines(redirects).map((problem) => problem.split(': from ')[0])).toEqual([
      `${file}:2: redirect from "/api/join"`,
      `${file}:4: redirect from "/admin"`,
      `${file}:6: redirect from "/sitemap.xml"`,
      `${file}:8: redirect from "/images/cotech.png"`,
      `${file}:10: redirect from "/about/opengraph-image"`,
    ]);
  });
});

describe('sitePaths', () => {
  it('lists the fixed routes and each page made from content, once each', () => {
    const paths = sitePaths({
      pages: [{ url: '/about' }],
      coops: [{ url: '/co-op/a' }, { url: '/co-op/b' }],
      services: [{ url: '/service/hosting' }],
      technologies: [{ url: '/technology/bash' }],
      towns: [{ url: '/town/milton-keynes' }],
      caseStudies: [{ url: '/work/nook' }, { url: '/work' }],
    });
    expect(paths.sort()).toEqual(
      [
        '/',
        '/about',
        '/co-op/a',
        '/co-op/b',
        '/hire/thanks',
        '/join/thanks',
        '/members',
        '/service',
        '/service/hosting',
        '/technology/bash',
        '/town/milton-keynes',
        '/work',
        '/work/nook',
      ].sort(),
    );
  });
});

describe('the committed redirects', () => {
  it('parse without a problem, every entry of the file read', () => {
    const text = readFileSync(join(__dirname, '../../content/redirects.yml'), 'utf8');
    const { redirects, problems } = parseRedirects(text);
    expect(problems).toEqual([]);
    // Whatever editors list, read here by the yaml package alone.
    const listed = (parse(text) as { redirects?: { from: string; to: string }[] | null }).redirects ?? [];
    expect(redirects.map(({ from, to }) => ({ from, to }))).toEqual(listed.map(({ from, to }) => ({ from, to })));
  });
});
