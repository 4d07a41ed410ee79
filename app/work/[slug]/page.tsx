import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { Prose } from '@/components/prose';
import { displayUrl } from '@/lib/format';
import { pageMetadata } from '@/lib/metadata';
import { summarise } from '@/lib/summary';
import { caseStudies, type CaseStudy } from '@/lib/work';

type Props = { params: Promise<{ slug: string }> };

// One page per content/work/*.md, prerendered; any other path is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return caseStudies.all.map(({ slug }) => ({ slug }));
}

/** The editor's first paragraph, or when there is none a sentence from the case study's facts. */
function describe(caseStudy: CaseStudy): string {
  const own = summarise(caseStudy.body.raw);
  if (own) return own;
  const coops = caseStudies.coopsOf(caseStudy).map((coop) => coop.name);
  return `${caseStudy.project}, a project by ${coops.join(', ')} for ${caseStudy.client}.`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const caseStudy = caseStudies.get((await params).slug);
  if (!caseStudy) return {};
  return pageMetadata({ title: caseStudy.project, description: describe(caseStudy), path: caseStudy.url });
}

/** A row of links under one of the header's terms. */
function Links({ children }: { children: ReactNode }) {
  return <ul className="flex flex-wrap gap-x-3 gap-y-1">{children}</ul>;
}

export default async function CaseStudyPage({ params }: Props) {
  const caseStudy = caseStudies.get((await params).slug);
  if (!caseStudy) notFound();
  const coops = caseStudies.coopsOf(caseStudy);
  const services = caseStudies.servicesOf(caseStudy);
  const links = caseStudy.links ?? [];
  const { image } = caseStudy;
  return (
    <article className="mx-auto max-w-prose space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{caseStudy.project}</h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">Client</dt>
          <dd>{caseStudy.client}</dd>
          <dt className="font-semibold">{coops.length === 1 ? 'Co-op' : 'Co-ops'}</dt>
          <dd>
            <Links>
              {coops.map((coop) => (
                <li key={coop.slug}>
                  <Link href={coop.url}>{coop.name}</Link>
                </li>
              ))}
            </Links>
          </dd>
          {services.length > 0 && (
            <>
              <dt className="font-semibold">Services</dt>
              <dd>
                <Links>
                  {services.map((service) => (
                    <li key={service.slug}>
                      <Link href={service.url}>{service.name}</Link>
                    </li>
                  ))}
                </Links>
              </dd>
            </>
          )}
          {links.length > 0 && (
            <>
              <dt className="font-semibold">{links.length === 1 ? 'Link' : 'Links'}</dt>
              <dd className="break-all">
                <Links>
                  {links.map((link) => (
                    <li key={link}>
                      <a href={link}>{displayUrl(link)}</a>
                    </li>
                  ))}
                </Links>
              </dd>
            </>
          )}
        </dl>
      </header>
      {image && (
        // A plain img: next/image would send it through the image optimiser, a route run per request, and need every
        // host an editor links an image from listed in next.config. Width and height reserve its space as it loads.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={image.src}
          alt={image.alt}
          width={image.width}
          height={image.height}
          decoding="async"
          className="h-auto w-full rounded"
        />
      )}
      {caseStudy.body.raw.trim() && <Prose html={caseStudy.body.html} />}
      <p>
        <Link href="/work">All our work</Link>
      </p>
    </article>
  );
}
