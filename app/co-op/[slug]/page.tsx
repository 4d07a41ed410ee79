import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CoopConfirmation } from '@/components/members/coop-confirmation';
import { CoopHeader } from '@/components/members/coop-header';
import { TermSection } from '@/components/members/term-section';
import { Prose } from '@/components/prose';
import { CaseStudiesSection } from '@/components/work/case-study-list';
import { lastConfirmedToShow } from '@/lib/coops/confirmation';
import { coopPageLogoBox, logoInBox } from '@/lib/content/logo';
import { townOf } from '@/lib/coops/directory';
import { directory, type Coop } from '@/lib/coops';
import { monogramOf } from '@/lib/coops/monogram';
import { pageMetadata } from '@/lib/metadata';
import { site } from '@/lib/site';
import { summarise } from '@/lib/summary';
import { caseStudies } from '@/lib/work';

type Props = { params: Promise<{ slug: string }> };

// One page per content/coops/*.md at the URL the network has always used; any other path is a 404. A co-op
// that has left keeps its page, marked as a former member, so old links still lead somewhere true.
export const dynamicParams = false;

export function generateStaticParams() {
  return directory.coops.map(({ slug }) => ({ slug }));
}

/** The co-op's own first paragraph when its editor has written one, otherwise a sentence from its facts. */
function describe(coop: Coop): string {
  const own = summarise(coop.body.raw);
  if (own) return own;
  const town = townOf(coop);
  const services = directory.servicesOf(coop).map((service) => service.name.toLowerCase());
  return [
    `${coop.name} is ${coop.member ? 'a' : 'a former'} member co-op of the CoTech network`,
    town && ` based in ${town.name}`,
    services.length > 0 && `, offering ${services.slice(0, 5).join(', ')}`,
    '.',
  ]
    .filter(Boolean)
    .join('');
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const coop = directory.getCoop((await params).slug);
  if (!coop) return {};
  return pageMetadata({ title: coop.name, description: describe(coop), path: coop.url });
}

/**
 * What a member co-op's page says in place of the description it does not have yet: the way for its own people to
 * write one (their account's edit form, after signing in). A former member's page is not invited.
 */
function Invitation({ logo }: { logo: boolean }) {
  return (
    <p className="rounded border border-line bg-white p-4">
      Is this your co-op?{' '}
      <Link href="/sign-in" className="font-semibold">
        Sign in to add a description{logo ? '' : ' and logo'}
      </Link>
      . No account yet? Write to <a href={`mailto:${site.email}`}>{site.email}</a>.
    </p>
  );
}

export default async function CoopPage({ params }: Props) {
  const coop = directory.getCoop((await params).slug);
  if (!coop) notFound();
  const services = directory.servicesOf(coop);
  const technologies = directory.technologiesOf(coop);
  const logo = logoInBox(coop.logo, coopPageLogoBox, coop.logoOnDark);
  // Prerendered: "now" is the build's time, and every content change and deploy rebuilds (lib/coops/confirmation.ts).
  const lastConfirmed = lastConfirmedToShow(coop, new Date());
  const described = coop.body.raw.trim() !== '';
  return (
    <article className="mx-auto max-w-prose space-y-8">
      <CoopHeader coop={coop} logo={logo} monogram={monogramOf(coop)} lastConfirmed={lastConfirmed} />
      {coop.member && <CoopConfirmation slug={coop.slug} built={coop.confirmed} />}
      {described ? <Prose html={coop.body.html} /> : coop.member && <Invitation logo={coop.logo !== undefined} />}
      <TermSection heading="Services" terms={services} />
      <TermSection heading="Technologies" terms={technologies} />
      <CaseStudiesSection items={caseStudies.byCoop(coop.slug)} />
      <p>
        {coop.member ? (
          <Link href={`/hire?coop=${encodeURIComponent(coop.slug)}`} className="font-semibold">
            Send {coop.name} a brief
          </Link>
        ) : (
          <Link href="/hire" className="font-semibold">
            Hire a member co-op: send us your brief
          </Link>
        )}
      </p>
      <p>
        <Link href="/members">All member co-ops</Link>
      </p>
    </article>
  );
}
