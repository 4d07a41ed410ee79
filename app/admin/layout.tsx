import type { ReactNode } from 'react';
import { AdminBar } from '@/components/admin/admin-bar';
import { requireMember } from '@/lib/admin/require-member';

/**
 * Every admin page is for members only, whatever proxy.ts lets through. Next.js renders a layout alongside its
 * page and skips it on client-side navigation, so each page that reads enquiries checks as well; this layout
 * covers any page that forgets.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  return (
    <>
      <AdminBar member={member} />
      {children}
    </>
  );
}
