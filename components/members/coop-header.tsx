import Link from 'next/link';
import { formatDate } from '@/lib/format';
import type { Size } from '@/lib/content/logo';
import type { Town } from '@/lib/coops/directory';

export type CoopHeaderProps = {
  name: string;
  member: boolean;
  logo?: Size & { src: string };
  town?: Town;
  website?: string;
  email?: string;
  showEmail?: boolean;
  workerMembers?: number;
  /** Shown only when the entry is old enough for it to matter (lib/coops/confirmation.ts). */
  lastConfirmed?: Date;
};

/**
 * The top of a co-op's page: its logo, name and facts. One component for the public page and for the preview of a
 * proposed change in the account area, so the preview is the page as it would look.
 */
export function CoopHeader({
  name,
  member,
  logo,
  town,
  website,
  email,
  showEmail,
  workerMembers,
  lastConfirmed,
}: CoopHeaderProps) {
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
            <dt className="font-semibold">Last confirmed</dt>
            <dd>
              <time dateTime={lastConfirmed.toISOString().slice(0, 10)}>{formatDate(lastConfirmed.toISOString())}</time>
            </dd>
          </>
        )}
      </dl>
    </header>
  );
}
