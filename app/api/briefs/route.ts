import { enquiryHandler } from '@/lib/enquiries/handler';
import { briefFormPage } from '@/components/http-error-page';
import { briefKind } from '@/lib/enquiry-kinds';
import { methodNotAllowed } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

export const POST = enquiryHandler(briefKind, briefFormPage);

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
