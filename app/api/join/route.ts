import { enquiryHandler } from '@/lib/enquiries/handler';
import { joinEnquiries } from '@/lib/enquiries/kinds';
import { methodNotAllowed } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

export const POST = enquiryHandler(joinEnquiries);

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
