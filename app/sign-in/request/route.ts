import { requestSignIn } from '@/lib/auth/sign-in';
import { withDatabase } from '@/lib/http/database-unavailable';

export const dynamic = 'force-dynamic';

export const POST = withDatabase('sign-in', requestSignIn);
