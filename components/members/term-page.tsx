import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Coop } from '@/lib/coops';
import { CoopList } from './coop-list';

/** A service, technology or town page: the member co-ops filed under it and a way back to the whole directory. */
export function TermPage({
  heading,
  intro,
  coops,
  empty,
  directoryLink,
  after,
  children,
}: {
  heading: string;
  intro: string;
  coops: readonly Coop[];
  empty: string;
  /** The same view in the directory, where it can be narrowed further. */
  directoryLink: string;
  /** What the page shows after its co-ops (a service's case studies). */
  after?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="space-y-8">
      <div className="max-w-prose space-y-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{heading}</h1>
        <p className="text-lg leading-relaxed">{coops.length > 0 ? intro : empty}</p>
        {children}
      </div>
      {coops.length > 0 && (
        <section aria-labelledby="coops-heading" className="space-y-4">
          <h2 id="coops-heading" className="text-2xl font-bold">
            Co-ops
          </h2>
          <CoopList coops={coops} />
        </section>
      )}
      {after}
      <p>
        <Link href={directoryLink}>Search and filter all member co-ops</Link>
      </p>
    </div>
  );
}
