import { liveness } from '@/lib/runtime/health';

export const dynamic = 'force-dynamic';

export const GET = liveness;
