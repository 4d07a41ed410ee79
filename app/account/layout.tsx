import type { ReactNode } from 'react';
import { AccountBar } from '@/components/account/account-bar';
import { requirePerson } from '@/lib/account/require-person';

/** The account area, for anyone signed in; each page checks again, as the admin's do (app/admin/layout.tsx). */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const person = await requirePerson();
  return (
    <>
      <AccountBar person={person} />
      {children}
    </>
  );
}
