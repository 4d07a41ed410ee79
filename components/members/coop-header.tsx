import Link from 'next/link';
import { formatDate } from '@/lib/format';
import type { Size } from '@/lib/content/logo';
import type { Coop } from '@/lib/coops';
import { townOf } from '@/lib/coops/directory';

/** What the header shows of a co-op's entry: the entry itself on its page, the entry as proposed in the preview. */
export type HeaderEntry = Pick<Coop, 'name' | 'member' | 'town' | 'website' | 'email' | 'showEmail' | 'workerMembers'>;

/**
 * The top of a co-op's page: its logo, name and facts. One component for the public page and for the preview of a
 * proposed change in the account area, so the preview is the page as it would look. Beside the entry it takes what
 * the entry does not hold: the logo as drawn (the page fits the entry's file into its box; the preview may show an
 * upload) and the last confirmation, which only the page shows, once it is old enough to matter
 * (lib/coops/confirmation.ts).
 */
export function CoopHeader({
  coop,
  logo,
  lastConfirmed,
}: {
  coop: HeaderEntry;
  logo?: Size & { src: string };
  lastConfirmed?: Date;
}) {
  const { name, member, website, email, showEmail, workerMembers } = coop;
  const town = townOf(coop);
  return (
    <header className="space-y-2">
      <div className="flex items-center gap-4">
        {logo && (
          // Decorative beside the name (see the co-op card); its width and height keep its space as it loads.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={logo.src} alt="" width={logo.width} height={logo.height} decoding="async" />
        )}
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{name}</h1>
      </div>
      {!member && (
        <p className="rounded border border-line bg-white p-3">
          {name} is a former member: it is no longer part of the CoTech network.
        </p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {town && (
          <>
            <dt className="font-semibold">Town</dt>
            <dd>{member ? <Link href={town.url}>{town.name}</Link> : town.name}</dd>
          </>
        )}
        {website && (
          <>
            <dt className="font-semibold">Website</dt>
            <dd className="break-all">
              <a href={website}>{website}</a>
            </dd>
          </>
        )}
        {email && showEmail && (
          <>
            <dt className="font-semibold">Email</dt>
            <dd className="break-all">
              <a href={`mailto:${email}`}>{email}</a>
            </dd>
          </>
        )}
        {workerMembers !== undefined && (
          <>
            <dt className="font-semibold">Worker-members</dt>
            <dd>{workerMembers}</dd>
          </>
        )}
        {lastConfirmed && (
          <>
            <dt data-last-confirmed className="font-semibold">
              Last confirmed
            </dt>
            <dd data-last-confirmed>
              <time dateTime={lastConfirmed.toISOString().slice(0, 10)}>{formatDate(lastConfirmed.toISOString())}</time>
            </dd>
          </>
        )}
      </dl>
    </header>
  );
}
