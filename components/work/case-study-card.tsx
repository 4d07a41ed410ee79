import Link from 'next/link';

/** One case study in a list: its project (linking to its page), client, co-ops and services. */
export function CaseStudyCard({
  caseStudy,
  coops,
  services,
  headingLevel,
}: {
  caseStudy: { url: string; project: string; client: string };
  coops: readonly { name: string }[];
  services: readonly { name: string }[];
  /** h2 on the /work list, h3 under a page's "Case studies" heading. */
  headingLevel: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="flex h-full flex-col gap-2 rounded border border-line bg-white p-5">
      <Heading className="text-xl font-bold">
        <Link href={caseStudy.url}>{caseStudy.project}</Link>
      </Heading>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">Client</dt>
        <dd>{caseStudy.client}</dd>
        <dt className="text-muted">{coops.length === 1 ? 'Co-op' : 'Co-ops'}</dt>
        <dd>{coops.map((coop) => coop.name).join(', ')}</dd>
        {services.length > 0 && (
          <>
            <dt className="text-muted">Services</dt>
            <dd>{services.map((service) => service.name).join(' · ')}</dd>
          </>
        )}
      </dl>
    </article>
  );
}
