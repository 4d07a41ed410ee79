import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { originForm } from './request-target.ts';

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
