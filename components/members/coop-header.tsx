import Link from 'next/link';
import { formatDate } from '@/lib/format';
import type { LogoInBox } from '@/lib/content/logo';
import type { Coop } from '@/lib/coops';
import { townOf } from '@/lib/coops/directory';
import type { Monogram } from '@/lib/coops/monogram';
import { CoopMark } from './coop-mark';

/** What the header shows of a co-op's entry: the entry itself on its page, the entry as proposed in the preview. */
export type HeaderEntry = Pick<Coop, 'name' | 'member' | 'town' | 'website' | 'email' | 'showEmail' | 'workerMembers'>;

/** The side of the page's monogram, in CSS pixels: a logo is fitted into a box of 96 (lib/content/logo.ts). */
const monogramSize = 80;

/**
 * The top of a co-op's page: its logo, name and facts. One component for the public page and for the preview of a
 * proposed change in the account area, so the preview is the page as it would look. Beside the entry it takes what
 * the entry does not hold: the logo as drawn (the page fits the entry's file into its box; the preview may show an
 * upload) or the monogram that stands for it, and the last confirmation, which only the page shows, once it is old
 * enough to matter (lib/coops/confirmation.ts).
 */
export function CoopHeader({
  coop,
  logo,
  monogram,
  lastConfirmed,
}: {
  coop: HeaderEntry;
  logo?: LogoInBox;
  /** What stands for the logo when there is none. */
  monogram: Monogram;
  lastConfirmed?: Date;
}) {
  const { name, member, website, email, showEmail, workerMembers } = coop;
  const town = townOf(coop);
  return (
    <header className="space-y-2">
      <div className="flex items-center gap-4">
        <CoopMark logo={logo} monogram={monogram} size={monogramSize} />
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{name}</h1>
      </div>
      {!member && (
        <p className="rounded border border-line bg-white p-3">
          {name} is a former member: it is no longer part of the CoTech network.
        </p>
      )}
      {/* No empty list: an entry may have none of these. */}
      {(town || website || (email && showEmail) || workerMembers !== undefined || lastConfirmed) && (
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
                <time dateTime={lastConfirmed.toISOString().slice(0, 10)}>
                  {formatDate(lastConfirmed.toISOString())}
                </time>
              </dd>
            </>
          )}
        </dl>
      )}
    </header>
  );
}
