import type { Metadata } from 'next';
import { coopCard } from '@/components/members/coop-list';
import { MemberFilterList } from '@/components/members/member-filter';
import { MemberMap } from '@/components/members/member-map';
import { directory, filterEntries, filterOptions } from '@/lib/coops';
import { pageMetadata } from '@/lib/metadata';

export const metadata: Metadata = pageMetadata({
  title: 'Member co-ops',
  description: `The ${directory.figures.members} worker co-operatives of the CoTech network, by the services they offer, the technologies they use and where they are.`,
  path: '/members',
});

export default function MembersPage() {
  const { members, figures } = directory;
  return (
    <div className="space-y-12">
      <section aria-labelledby="members-heading" className="space-y-6">
        <div className="max-w-prose space-y-3">
          <h1 id="members-heading" className="text-3xl font-bold tracking-tight sm:text-4xl">
            Member co-ops
          </h1>
          <p className="text-lg leading-relaxed">
            {figures.members} worker co-operatives that sell tech and digital services. Find one to work with by what it
            does, the technology it uses or where it is.
          </p>
        </div>
        <MemberFilterList
          entries={filterEntries}
          cards={Object.fromEntries(members.map((coop) => [coop.slug, coopCard(coop)]))}
          options={filterOptions}
        >
          <section aria-labelledby="map-heading" className="space-y-4 pt-6">
            <h2 id="map-heading" className="text-2xl font-bold">
              Where we are
            </h2>
            <MemberMap />
          </section>
        </MemberFilterList>
      </section>
    </div>
  );
}
