import { confirmSignInLink } from '@/lib/auth/sign-in';

export const dynamic = 'force-dynamic';

export const POST = confirmSignInLink;
