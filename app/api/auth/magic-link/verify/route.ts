import { verifySignInLink } from '@/lib/auth/sign-in';

export const dynamic = 'force-dynamic';

export const GET = verifySignInLink;
