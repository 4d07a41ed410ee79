import { signInWithCode } from '@/lib/auth/sign-in';

export const dynamic = 'force-dynamic';

export const POST = signInWithCode;
