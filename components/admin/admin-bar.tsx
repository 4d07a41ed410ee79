import Link from 'next/link';
import type { Member } from '@/lib/auth/current-member';
import { SignedInBar } from '@/components/signed-in-bar';

/** Who is signed in, where they can go in the admin, and how to leave: the top of every admin page. */
export function AdminBar({ member }: { member: Member }) {
  return (
    <SignedInBar label="Admin" person={member} everywhere>
      <Link href="/admin/enquiries">Enquiries</Link>
      <Link href="/admin/proposals">Proposals</Link>
      {member.role === 'admin' && <Link href="/admin/people">People</Link>}
      {member.role === 'admin' && <Link href="/admin/coops">Co-op entries</Link>}
      {member.role === 'admin' && <Link href="/admin/activity">Recent activity</Link>}
      <Link href="/account">Your co-ops</Link>
    </SignedInBar>
  );
}
