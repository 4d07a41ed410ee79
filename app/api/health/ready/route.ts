import { readiness } from '@/lib/runtime/health';

// Asked of the database on every request: never prerendered, never cached.
export const dynamic = 'force-dynamic';

export const GET = readiness;
