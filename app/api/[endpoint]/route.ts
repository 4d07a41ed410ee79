import { formPage } from '@/components/http-error-page';
import { enquiryHandler } from '@/lib/enquiries/handler';
import { kindAtEndpoint } from '@/lib/enquiry-kinds/on-site';
import { matchesThanks } from '@/lib/hire/suggest';
import { methodNotAllowed } from '@/lib/http/problem';
import { pageFrame } from '@/server/page-frame';

// `POST /api/join`, `POST /api/briefs`: each enquiry kind's endpoint, by the path its description gives.
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ endpoint: string }> };

const notFound = () =>
  new Response('Not found.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const kind = kindAtEndpoint((await params).endpoint);
  if (!kind) return notFound();
  // A kind members forward to member co-ops shows its sender the co-ops that match, as members see them suggested.
  const thanks = kind.site.forwardable ? matchesThanks : undefined;
  return enquiryHandler(kind, { formPage: (state) => formPage(kind, state, pageFrame()), thanks })(request);
}

async function otherMethod(_request: Request, { params }: Context): Promise<Response> {
  return kindAtEndpoint((await params).endpoint) ? methodNotAllowed() : notFound();
}

export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
