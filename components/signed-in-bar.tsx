import type { ReactNode } from 'react';
import type { Member } from '@/lib/auth/current-member';

/**
 * The top of every signed-in page (the admin's, the account area's): where the person can go, who is signed in,
 * and how to leave, here or, with `everywhere`, on every device.
 */
export function SignedInBar({
  label,
  person,
  everywhere = false,
  children,
}: {
  label: string;
  person: Member;
  everywhere?: boolean;
  children: ReactNode;
}) {
  return (
    <nav
      aria-label={label}
      className="mb-8 flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-line pb-4 text-sm"
    >
      {children}
      <span className="grow text-right">
        Signed in as <strong>{person.name}</strong> ({person.email})
      </span>
      <form method="post" action="/sign-out" className="flex gap-3">
        <button type="submit" className="underline">
          Sign out
        </button>
        {everywhere && (
          <button type="submit" name="everywhere" value="1" className="underline">
            Sign out everywhere
          </button>
        )}
      </form>
    </nav>
  );
}
