import { formPage } from '@/components/http-error-page';
import { enquiryHandler } from '@/lib/enquiries/handler';
import { kindAtEndpoint } from '@/lib/enquiry-kinds/on-site';
import { methodNotAllowed } from '@/lib/http/problem';
import { layoutStylesheets } from '@/server/next-build';

// `POST /api/join`, `POST /api/briefs`: each enquiry kind's endpoint, by the path its description gives.
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ endpoint: string }> };

let built: readonly string[] | undefined;

/**
 * The app's stylesheet, which the pages this route renders itself link (components/http-error-page.tsx): read once
 * from the build, which does not change under a running server. `next dev` writes its build elsewhere, and renames
 * the stylesheet as it is edited, so there it is read each time; until the home page has been compiled there is none
 * to link, and the page goes unstyled rather than fail. The unit tests run without a build.
 */
function stylesheets(): readonly string[] {
  switch (process.env.NODE_ENV) {
    case 'production':
      return (built ??= layoutStylesheets());
    case 'development':
      try {
        return layoutStylesheets('.next/dev');
      } catch {
        return [];
      }
    default:
      return [];
  }
}

const notFound = () =>
  new Response('Not found.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const kind = kindAtEndpoint((await params).endpoint);
  if (!kind) return notFound();
  return enquiryHandler(kind, (state) => formPage(kind, state, stylesheets()))(request);
}

async function otherMethod(_request: Request, { params }: Context): Promise<Response> {
  return kindAtEndpoint((await params).endpoint) ? methodNotAllowed() : notFound();
}

export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
