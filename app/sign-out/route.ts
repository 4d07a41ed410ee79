import { signOut } from '@/lib/auth/sign-out';
import { withDatabase } from '@/lib/http/database-unavailable';

export const dynamic = 'force-dynamic';

export const POST = withDatabase('sign-out', signOut);
