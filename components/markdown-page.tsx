import type { ReactNode } from 'react';
import type { Page } from '@/lib/content';
import { Prose } from './prose';

/**
 * A Markdown page as a visitor reads it; `children` follow the text (the join form, for example). Every page of
 * content/pages/ is a standing page of the site (about, the manifesto, the privacy notice, a form's page), not a
 * dated article, so none shows a date or tags: page furniture belongs to the kind of page, and front matter
 * left from the old site (join.md's date and tags) stays in its file without showing.
 */
export function MarkdownPage({ page, children }: { page: Page; children?: ReactNode }) {
  return (
    <article className="mx-auto max-w-prose">
      <h1 className="mb-6 text-3xl font-bold tracking-tight sm:text-4xl">{page.displayHeading}</h1>
      <Prose html={page.body.html} />
      {children}
    </article>
  );
}
