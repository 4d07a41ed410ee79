import { formPage, type PageFrame } from '@/components/http-error-page';
import { enquiryHandler } from '@/lib/enquiries/handler';
import { kindAtEndpoint } from '@/lib/enquiry-kinds/on-site';
import { methodNotAllowed } from '@/lib/http/problem';
import { layoutHtmlClassName, layoutStylesheets } from '@/server/next-build';

// `POST /api/join`, `POST /api/briefs`: each enquiry kind's endpoint, by the path its description gives.
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ endpoint: string }> };

let built: PageFrame | undefined;

/**
 * What the pages this route renders itself take from the build (components/http-error-page.tsx): the app's
 * stylesheet and the font's class, read once, as the build does not change under a running server. `next dev` writes
 * its build elsewhere, and renames the stylesheet as it is edited, so there they are read each time; until the home
 * page has been compiled there are none, and the page goes unstyled rather than fail. The unit tests run without a
 * build.
 */
function frame(): PageFrame {
  const read = (distDir?: string) => ({
    stylesheets: layoutStylesheets(distDir),
    htmlClassName: layoutHtmlClassName(distDir),
  });
  const none = { stylesheets: [], htmlClassName: '' };
  switch (process.env.NODE_ENV) {
    case 'production':
      return (built ??= read());
    case 'development':
      try {
        return read('.next/dev');
      } catch {
        return none;
      }
    default:
      return none;
  }
}

const notFound = () =>
  new Response('Not found.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const kind = kindAtEndpoint((await params).endpoint);
  if (!kind) return notFound();
  return enquiryHandler(kind, (state) => formPage(kind, state, frame()))(request);
}

async function otherMethod(_request: Request, { params }: Context): Promise<Response> {
  return kindAtEndpoint((await params).endpoint) ? methodNotAllowed() : notFound();
}

export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
