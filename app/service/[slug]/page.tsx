import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TermPage } from '@/components/members/term-page';
import { Prose } from '@/components/prose';
import { CaseStudiesSection } from '@/components/work/case-study-list';
import { memberCoops, termHeading } from '@/lib/coops/directory';
import { directory } from '@/lib/coops';
import { pageMetadata } from '@/lib/metadata';
import { caseStudies } from '@/lib/work';

type Props = { params: Promise<{ slug: string }> };

// One page per content/services/*.md, prerendered; any other path is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return directory.services.map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const service = directory.getService((await params).slug);
  if (!service) return {};
  const coops = directory.membersOffering(service.slug);
  return pageMetadata({
    title: termHeading.service(service),
    description: `${memberCoops(coops.length)} in the CoTech network offering ${service.name}: ${coops.map((coop) => coop.name).join(', ') || 'none at the moment'}.`,
    path: service.url,
  });
}

export default async function ServicePage({ params }: Props) {
  const service = directory.getService((await params).slug);
  if (!service) notFound();
  const coops = directory.membersOffering(service.slug);
  return (
    <TermPage
      heading={termHeading.service(service)}
      intro={`${memberCoops(coops.length)} in the network offering ${service.name}.`}
      empty={`No member co-op lists ${service.name} at the moment.`}
      coops={coops}
      directoryLink={`/members?service=${service.slug}`}
      after={<CaseStudiesSection items={caseStudies.byService(service.slug)} />}
    >
      {service.body.raw.trim() && <Prose html={service.body.html} />}
      {/* The prerendered /hire variant with this service ticked: it works without JavaScript (app/[slug]/[option]). */}
      <p>
        <Link href={`/hire/${service.slug}`} className="font-semibold">
          Need {service.name}? Send us your brief
        </Link>
      </p>
    </TermPage>
  );
}
