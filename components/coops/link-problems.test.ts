import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { privateAddressError } from '@/lib/links/address';
import type { LinkProblem } from '@/lib/links/store';
import { LinkProblemList } from './link-problems';

const checked = { status: null, finalUrl: null, error: null, brokenRuns: 0, flagged: false, checkedAt: new Date() };
const render = (links: LinkProblem[]) => renderToStaticMarkup(createElement(LinkProblemList, { links }));

describe('LinkProblemList', () => {
  it('says where a link moved, and how one is broken', () => {
    const html = render([
      { ...checked, url: 'https://a.coop/', problem: 'moved', status: 200, finalUrl: 'https://a.coop/new' },
      { ...checked, url: 'https://b.coop/', problem: 'broken', status: 404, brokenRuns: 3, flagged: true },
    ]);
    expect(html).toContain('https://a.coop/</a>: moved to https://a.coop/new</li>');
    expect(html).toContain('https://b.coop/</a>: broken (answered 404), 3 checks in a row</li>');
  });

  it('shows a private address’s host when it is given (to admins), and nothing of it otherwise', () => {
    const refused = { ...checked, url: 'https://c.coop/', problem: 'private', error: privateAddressError } as const;
    expect(render([{ ...refused, privateHost: '10.0.0.5:8080' }])).toContain(
      'https://c.coop/</a>: not checked: private address (10.0.0.5:8080)</li>',
    );
    expect(render([refused])).toContain('https://c.coop/</a>: not checked: private address</li>');
  });
});
