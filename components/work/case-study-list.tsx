import { caseStudies, type CaseStudy } from '@/lib/work';
import { CaseStudyCard } from './case-study-card';

/** A server-rendered grid of case study cards, for /work and the co-op and service pages. */
export function CaseStudyList({ items, headingLevel }: { items: readonly CaseStudy[]; headingLevel: 2 | 3 }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {items.map((caseStudy) => (
        <li key={caseStudy.slug}>
          <CaseStudyCard
            caseStudy={caseStudy}
            coops={caseStudies.coopsOf(caseStudy)}
            services={caseStudies.servicesOf(caseStudy)}
            headingLevel={headingLevel}
          />
        </li>
      ))}
    </ul>
  );
}

/** A co-op's or a service's case studies under their own heading; none, nothing. */
export function CaseStudiesSection({ items }: { items: readonly CaseStudy[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="case-studies-heading" className="space-y-4">
      <h2 id="case-studies-heading" className="text-2xl font-bold">
        Case studies
      </h2>
      <CaseStudyList items={items} headingLevel={3} />
    </section>
  );
}
