import Link from 'next/link';
import { site } from '@/lib/site';
import { SiteNav } from './site-nav';

export function SiteHeader() {
  return (
    <header className="border-b border-line">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-4">
        <Link href="/" prefetch={false} className="text-xl font-bold text-ink no-underline">
          {site.shortName}
          <span className="sr-only"> – {site.name}</span>
        </Link>
        <SiteNav items={site.nav} />
      </div>
    </header>
  );
}
