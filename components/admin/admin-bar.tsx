import Link from 'next/link';
import type { Member } from '@/lib/auth/current-member';

/** Who is signed in, where they can go in the admin, and how to leave: the top of every admin page. */
export function AdminBar({ member }: { member: Member }) {
  return (
    <nav
      aria-label="Admin"
      className="mb-8 flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-line pb-4 text-sm"
    >
      <Link href="/admin/enquiries">Enquiries</Link>
      <Link href="/admin/proposals">Proposals</Link>
      {member.role === 'admin' && <Link href="/admin/people">People</Link>}
      {member.role === 'admin' && <Link href="/admin/coops">Co-op entries</Link>}
      {member.role === 'admin' && <Link href="/admin/activity">Recent activity</Link>}
      <Link href="/account">Your co-ops</Link>
      <span className="grow text-right">
        Signed in as <strong>{member.name}</strong> ({member.email})
      </span>
      <form method="post" action="/sign-out" className="flex gap-3">
        <button type="submit" className="underline">
          Sign out
        </button>
        <button type="submit" name="everywhere" value="1" className="underline">
          Sign out everywhere
        </button>
      </form>
    </nav>
  );
}
