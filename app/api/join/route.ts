import { handleJoin } from '@/lib/enquiries/join-handler';
import { problemJson, problems } from '@/lib/enquiries/problem';

export const dynamic = 'force-dynamic';

export const POST = handleJoin;

function methodNotAllowed(): Response {
  const response = problemJson(problems.methodNotAllowed);
  response.headers.set('allow', 'POST');
  return response;
}

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
