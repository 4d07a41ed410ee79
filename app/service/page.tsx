import type { Metadata } from 'next';
import Link from 'next/link';
import { memberCoops } from '@/lib/coops/directory';
import { directory, serviceIndex } from '@/lib/coops';
import { pageMetadata } from '@/lib/metadata';

const offered = serviceIndex.filter((service) => service.count > 0).length;

export const metadata: Metadata = pageMetadata({
  title: 'Services',
  description: `The ${serviceIndex.length} services of the CoTech network, with how many of its ${directory.figures.members} member co-ops offer each.`,
  path: '/service',
});

/** The index of services: the parent of every /service/SLUG page, so no address on the way to one is a dead end. */
export default function ServicesPage() {
  return (
    <div className="space-y-8">
      <div className="max-w-prose space-y-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Services</h1>
        <p className="text-lg leading-relaxed">
          What the network&rsquo;s {directory.figures.members} worker co-operatives do: {offered} of these{' '}
          {serviceIndex.length} services are offered by at least one member co-op. Each leads to the co-ops that offer
          it.
        </p>
        <p>
          <Link href="/hire" className="font-semibold">
            Know what you need? Send us your brief
          </Link>
        </p>
      </div>
      <ul className="grid gap-x-8 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
        {serviceIndex.map((service) => (
          <li key={service.slug}>
            <Link href={service.url}>{service.name}</Link>{' '}
            <span className="text-sm text-muted">
              {service.count > 0 ? memberCoops(service.count) : 'no member co-op at the moment'}
            </span>
          </li>
        ))}
      </ul>
      <p>
        <Link href="/members">Search and filter all member co-ops</Link>
      </p>
    </div>
  );
}
