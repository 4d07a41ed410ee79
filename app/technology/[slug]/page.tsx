import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TermPage } from '@/components/members/term-page';
import { Prose } from '@/components/prose';
import { memberCoops, termHeading } from '@/lib/coops/directory';
import { directory } from '@/lib/coops';
import { pageMetadata } from '@/lib/metadata';

type Props = { params: Promise<{ slug: string }> };

// One page per content/technologies/*.md, prerendered; any other path is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return directory.technologies.map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const technology = directory.getTechnology((await params).slug);
  if (!technology) return {};
  const coops = directory.membersUsing(technology.slug);
  return pageMetadata({
    title: termHeading.technology(technology),
    description: `${memberCoops(coops.length)} in the CoTech network using ${technology.name}: ${coops.map((coop) => coop.name).join(', ') || 'none at the moment'}.`,
    path: technology.url,
  });
}

export default async function TechnologyPage({ params }: Props) {
  const technology = directory.getTechnology((await params).slug);
  if (!technology) notFound();
  const coops = directory.membersUsing(technology.slug);
  return (
    <TermPage
      heading={termHeading.technology(technology)}
      intro={`${memberCoops(coops.length)} in the network using ${technology.name}.`}
      empty={`No member co-op lists ${technology.name} at the moment.`}
      coops={coops}
      directoryLink={`/members?technology=${technology.slug}`}
    >
      {technology.body.raw.trim() && <Prose html={technology.body.html} />}
    </TermPage>
  );
}
