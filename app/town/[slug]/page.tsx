import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TermPage } from '@/components/members/term-page';
import { memberCoops, termHeading } from '@/lib/coops/directory';
import { directory } from '@/lib/coops';
import { pageMetadata } from '@/lib/metadata';

type Props = { params: Promise<{ slug: string }> };

// One page per town a member co-op is in, prerendered; towns come from the co-ops' files, not files of their own.
export const dynamicParams = false;

export function generateStaticParams() {
  return directory.towns.map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const town = directory.getTown((await params).slug);
  if (!town) return {};
  const coops = directory.membersIn(town.slug);
  return pageMetadata({
    title: termHeading.town(town),
    description: `${memberCoops(coops.length)} of the CoTech network based in ${town.name}: ${coops.map((coop) => coop.name).join(', ')}.`,
    path: town.url,
  });
}

export default async function TownPage({ params }: Props) {
  const town = directory.getTown((await params).slug);
  if (!town) notFound();
  const coops = directory.membersIn(town.slug);
  return (
    <TermPage
      heading={termHeading.town(town)}
      intro={`${memberCoops(coops.length)} of the network based in ${town.name}.`}
      empty={`No member co-op is based in ${town.name} at the moment.`}
      coops={coops}
      directoryLink={`/members?town=${town.slug}`}
    />
  );
}
