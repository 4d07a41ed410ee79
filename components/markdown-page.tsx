import type { ReactNode } from 'react';
import type { Page } from '@/lib/content';
import { visibleTags } from '@/lib/content';
import { formatDate } from '@/lib/format';
import { Prose } from './prose';

/** A Markdown page as a visitor reads it; `children` follow the text (the join form, for example). */
export function MarkdownPage({ page, children }: { page: Page; children?: ReactNode }) {
  const tags = visibleTags(page);
  return (
    <article className="mx-auto max-w-prose">
      <h1 className="mb-2 text-3xl font-bold tracking-tight sm:text-4xl">{page.displayHeading}</h1>
      {page.date && (
        <p className="mb-6 text-sm text-muted">
          <time dateTime={page.date}>{formatDate(page.date)}</time>
        </p>
      )}
      <Prose html={page.body.html} />
      {children}
      {tags.length > 0 && (
        <p className="mt-8 text-sm text-muted">
          Tagged:{' '}
          {tags.map((tag, index) => (
            <span key={tag}>
              {index > 0 && ', '}
              <span className="rounded bg-brand-light px-2 py-0.5 text-ink">{tag}</span>
            </span>
          ))}
        </p>
      )}
    </article>
  );
}
