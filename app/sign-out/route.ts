import { signOut } from '@/lib/auth/sign-out';

export const dynamic = 'force-dynamic';

export const POST = signOut;
