import { describe, expect, it } from 'vitest';
import { joinKind } from '@/lib/enquiry-kinds/join';
import { site } from '@/lib/site';
import { formPage } from './http-error-page';

const problem = { status: 422, title: 'Check the form', detail: 'Some fields need a fix.', errors: {} };

describe('the answer to a failed form post, without JavaScript', () => {
  it("is a whole page in the site's frame: its stylesheet, header, navigation, main and footer", async () => {
    const frame = { stylesheets: ['/_next/static/chunks/0site.css'], htmlClassName: 'uXw2zq_variable' };
    const response = await formPage(joinKind, { problem, values: {} }, frame);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en-GB" class="uXw2zq_variable">/);
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/0site.css"/>');
    expect(html).toContain('<body class="flex min-h-screen flex-col font-sans">');
    // The header's logo, linking home, and the navigation as plain links.
    expect(html).toMatch(
      /<header class="border-b border-line">.*<a href="\/" class="[^"]*"><svg [^>]*aria-hidden="true"/,
    );
    for (const { href, label } of site.nav) {
      expect(html).toMatch(new RegExp(`<a href="${href}" class="[^"]*">${label}</a>`));
    }
    expect(html).toMatch(/<main id="main" tabindex="-1" class="[^"]*">.*<h1 [^>]*>Check the form<\/h1>.*<\/main>/);
    expect(html).toContain('<a href="/sign-in">Sign in</a>');
    // No styles of its own any more: the stylesheet lays it out.
    expect(html).not.toContain('<style');
  });
});
