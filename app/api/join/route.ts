import { enquiryHandler } from '@/lib/enquiries/handler';
import { joinFormPage } from '@/components/http-error-page';
import { joinKind } from '@/lib/enquiry-kinds';
import { methodNotAllowed } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

export const POST = enquiryHandler(joinKind, joinFormPage);

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
