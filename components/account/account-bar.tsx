import Link from 'next/link';
import type { Member } from '@/lib/auth/current-member';

/** Who is signed in, and how to leave: the top of every page of the account area. */
export function AccountBar({ person }: { person: Member }) {
  return (
    <nav
      aria-label="Account"
      className="mb-8 flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-line pb-4 text-sm"
    >
      <Link href="/account">Your co-ops</Link>
      {person.role !== 'contact' && <Link href="/admin/enquiries">Enquiries</Link>}
      <span className="grow text-right">
        Signed in as <strong>{person.name}</strong> ({person.email})
      </span>
      <form method="post" action="/sign-out" className="flex gap-3">
        <button type="submit" className="underline">
          Sign out
        </button>
      </form>
    </nav>
  );
}
