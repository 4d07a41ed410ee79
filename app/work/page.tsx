import type { Metadata } from 'next';
import { CaseStudyList } from '@/components/work/case-study-list';
import { pageMetadata } from '@/lib/metadata';
import { caseStudies } from '@/lib/work';

export const metadata: Metadata = pageMetadata({
  title: 'Our work',
  description: `${caseStudies.all.length} case studies of work by the co-ops of the CoTech network: the client, the project, the co-ops and the services for each.`,
  path: '/work',
});

export default function WorkPage() {
  return (
    <div className="space-y-8">
      <div className="max-w-prose space-y-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Our work</h1>
        <p className="text-lg leading-relaxed">
          Projects the network&rsquo;s worker co-operatives have done for their clients, with the co-ops and services
          involved.
        </p>
      </div>
      <CaseStudyList items={caseStudies.all} headingLevel={2} />
    </div>
  );
}
