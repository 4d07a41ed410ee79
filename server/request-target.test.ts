import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxQueryParameters, originForm, requestTarget } from './request-target.ts';

describe('originForm', () => {
  it('passes paths through as they are', () => {
    for (const target of ['/', '/about', '/members?q=%ff', '/a//b', '/caf%C3%A9', '/a/'.repeat(1000)]) {
      expect(originForm(target), target).toBe(target);
    }
  });

  it('refuses what is not a path, scheme-relative targets and paths that do not percent-decode', () => {
    for (const target of ['//', '///', '//@', '//:', '//evil.example/x', '*', 'about', '', 'ftp://x/y', 'http://']) {
      expect(originForm(target), target).toBeUndefined();
    }
    for (const target of ['/%', '/%zz', '/%ff', '/join%ff?x=1', '/a%C3']) {
      expect(originForm(target), target).toBeUndefined();
    }
  });

  it('reduces the absolute form to its path', () => {
    expect(originForm('http://coops.tech/about?x=1')).toBe('/about?x=1');
    expect(originForm('HTTPS://coops.tech')).toBe('/');
    expect(originForm('http://coops.tech//evil.example')).toBeUndefined();
  });

  it('answers any string with a path that starts with one slash, or nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (target) => {
        const path = originForm(target);
        if (path !== undefined) expect(path.startsWith('/') && !path.startsWith('//')).toBe(true);
      }),
    );
  });
});

describe('requestTarget', () => {
  it('gives Next.js the canonical path, with the query as it was sent', () => {
    expect(requestTarget('/s%69gn-in?next=%2Fadmin')).toEqual({ target: '/sign-in?next=%2Fadmin', path: '/sign-in' });
    expect(requestTarget('/about')).toEqual({ target: '/about', path: '/about' });
    expect(requestTarget('http://coops.tech/%61bout?x=1')).toEqual({ target: '/about?x=1', path: '/about' });
  });

  it('answers 400 for what is not a path and 404 for an encoded slash', () => {
    expect(requestTarget('//')).toMatchObject({ status: 400 });
    expect(requestTarget('/sign-in%2Fcheck-your-mail')).toMatchObject({ status: 404 });
  });

  it(`takes up to ${maxQueryParameters} query parameters and refuses more with 414`, () => {
    const query = (n: number) => Array.from({ length: n }, (_, i) => `x${i}=1`).join('&');
    expect(requestTarget(`/members?${query(maxQueryParameters)}`)).toMatchObject({ path: '/members' });
    expect(requestTarget('/members?&&&&')).toMatchObject({ path: '/members' });
    expect(requestTarget(`/members?${query(maxQueryParameters + 1)}`)).toEqual({
      status: 414,
      reason: 'URI too long: a query may have at most 100 parameters.',
    });
    expect(requestTarget(`/about?${'&'.repeat(maxQueryParameters)}`)).toMatchObject({ status: 414 });
  });

  it('checks a long target in linear time', () => {
    const time = (target: string) => {
      const started = performance.now();
      for (let n = 0; n < 20; n++) requestTarget(target);
      return performance.now() - started;
    };
    time('/about?x=1'); // warm
    const small = time(`/a${'%61'.repeat(2_000)}?${'x=1&'.repeat(2_000)}`);
    const large = time(`/a${'%61'.repeat(20_000)}?${'x=1&'.repeat(20_000)}`);
    // Ten times the input: linear work takes about ten times as long, quadratic a hundred.
    expect(large).toBeLessThan(small * 40 + 5);
  });
});
