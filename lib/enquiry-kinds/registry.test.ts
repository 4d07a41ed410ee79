import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPage } from '@/lib/content';
import { largeBodyPaths } from '@/lib/http/body-limit';
import { sitePaths } from '@/lib/content/redirects';
import { settingNames } from '@/lib/settings';
import { site } from '@/lib/site';
import { enquiryKindList } from './index';
import { actionOf, allFieldsOf, pagePathOf, thanksPathOf, type KindDescription } from './kind';

// Every kind of the registry has every part the site derives its places from; a kind that lacks one fails here,
// naming the kind and the part.
const kinds: readonly KindDescription[] = enquiryKindList;
const unique = (values: readonly string[]) => new Set(values).size === values.length;

describe('the enquiry kinds registry', () => {
  it('names each kind, page and endpoint once', () => {
    expect(unique(kinds.map((kind) => kind.kind))).toBe(true);
    expect(unique(kinds.map((kind) => kind.site.page))).toBe(true);
    expect(unique(kinds.map((kind) => kind.endpoint.path))).toBe(true);
    expect(unique(kinds.map((kind) => kind.endpoint.rateLimit))).toBe(true);
  });

  describe.each(kinds.map((kind) => [kind.kind, kind] as const))('the %s kind', (name, kind) => {
    it('is described in its own module, which its form’s script is built from (scripts/build-browser.mjs)', async () => {
      expect(existsSync(join(__dirname, `${name}.ts`))).toBe(true);
      const exported = (await import(`./${name}.ts`)) as Record<string, unknown>;
      expect(exported[`${name}Kind`]).toBe(kind);
    });

    it('has its page in the content, and a place in the navigation', () => {
      expect(getPage(kind.site.page), `content/pages/${kind.site.page}.md`).toBeDefined();
      expect(site.nav.map((link) => link.href)).toContain(pagePathOf(kind));
    });

    it('has its thanks page among the site’s pages', () => {
      const none = { pages: [], coops: [], services: [], technologies: [], towns: [], caseStudies: [] };
      expect(sitePaths(none)).toContain(thanksPathOf(kind));
      expect(kind.form.thanks.heading).not.toBe('');
    });

    it('takes bodies as large as an enquiry at its endpoint, under its own rate limit', () => {
      expect(largeBodyPaths).toContain(actionOf(kind));
      expect(settingNames).toContain(kind.endpoint.rateLimitSetting);
    });

    it('has its section in the privacy notice, and words for each value it keeps', () => {
      expect(getPage('privacy')?.body.html).toContain(`<h2>${kind.site.privacy.heading}</h2>`);
      for (const field of allFieldsOf(kind)) {
        if (field.column) expect(field.column.stored, field.name).not.toBe('');
      }
    });

    it('has its words in the admin, and statuses that close it', () => {
      const { admin } = kind.site;
      for (const words of [admin.title, admin.noun, admin.stale, kind.label]) expect(words).not.toBe('');
      expect(Object.keys(kind.statuses)).toEqual(expect.arrayContaining([...kind.closedStatuses]));
    });

    it('takes the options of its directory fields from the directory, and pages its option pages by one', () => {
      for (const field of allFieldsOf(kind)) {
        if (field.optionsFrom) expect(['choices', 'select'], field.name).toContain(field.type);
      }
      const { optionPages } = kind.site;
      if (optionPages) {
        expect(allFieldsOf(kind).find((field) => field.name === optionPages)?.optionsFrom).toBeDefined();
      }
    });
  });
});
