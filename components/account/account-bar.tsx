import Link from 'next/link';
import type { Member } from '@/lib/auth/current-member';
import { SignedInBar } from '@/components/signed-in-bar';

/** Who is signed in, and how to leave: the top of every page of the account area. */
export function AccountBar({ person }: { person: Member }) {
  return (
    <SignedInBar label="Account" person={person}>
      <Link href="/account">Your co-ops</Link>
      {person.role !== 'contact' && <Link href="/admin/enquiries">Enquiries</Link>}
    </SignedInBar>
  );
}
