import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePage } from '@/lib/content';
import { directory } from '@/lib/coops';
import { pageMetadata } from '@/lib/metadata';
import { site } from '@/lib/site';
import { summarise } from '@/lib/summary';

export const metadata: Metadata = {
  ...pageMetadata({ title: site.name, description: site.description, path: '/' }),
  title: { absolute: `${site.shortName} – ${site.name}` },
};

export default function HomePage() {
  const about = requirePage('about');
  const { figures } = directory;
  const headlines = [
    { value: figures.members, label: 'member co-ops' },
    { value: figures.workerMembers, label: 'worker-members' },
    { value: figures.towns, label: 'towns and cities' },
  ];
  return (
    <div className="mx-auto max-w-prose space-y-12">
      <section aria-labelledby="intro-heading" className="space-y-5">
        <h1 id="intro-heading" className="text-3xl font-bold tracking-tight sm:text-5xl">
          {site.name}
        </h1>
        <p className="text-lg leading-relaxed">{summarise(about.body.raw, 400)}</p>
        <p className="flex flex-wrap gap-4">
          <Link
            href="/hire"
            className="rounded bg-brand-dark px-5 py-2.5 font-semibold text-white no-underline hover:bg-brand hover:text-white"
          >
            Hire a co-op
          </Link>
          <Link href={about.url} className="rounded border border-brand-dark px-5 py-2.5 font-semibold no-underline">
            About CoTech
          </Link>
          <Link href="/join" className="rounded border border-brand-dark px-5 py-2.5 font-semibold no-underline">
            Join the network
          </Link>
        </p>
      </section>
      <section aria-labelledby="network-heading" className="space-y-5">
        <h2 id="network-heading" className="text-2xl font-bold">
          The network
        </h2>
        <dl className="grid grid-cols-3 gap-4 text-center">
          {headlines.map(({ value, label }) => (
            <div key={label} className="flex flex-col-reverse rounded border border-line bg-white p-4">
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="text-3xl font-bold text-brand-dark sm:text-4xl">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-muted">
          Worker-members counted for the {figures.coopsCountingWorkers} co-ops that list their number.
        </p>
        <p>
          <Link href="/members" className="font-semibold">
            Find a co-op to work with in the members directory
          </Link>
        </p>
      </section>
      <section
        id="contact"
        aria-labelledby="contact-heading"
        className="space-y-3 rounded border border-line bg-white p-6"
      >
        <h2 id="contact-heading" className="text-2xl font-bold">
          Contact us
        </h2>
        <p>
          Want to work with a tech co-op?{' '}
          <Link href="/hire" className="font-semibold">
            Send us your brief
          </Link>{' '}
          and we will pass it to the member co-ops best placed to help.
        </p>
        <p>
          To talk about the network, email <a href={`mailto:${site.email}`}>{site.email}</a> or start a conversation on{' '}
          <a href={site.forum}>our community forum</a>.
        </p>
      </section>
    </div>
  );
}
