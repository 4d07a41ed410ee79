import { requestSignIn } from '@/lib/auth/sign-in';

export const dynamic = 'force-dynamic';

export const POST = requestSignIn;
