import { formPage, type PageFrame } from '@/components/http-error-page';
import { enquiryHandler } from '@/lib/enquiries/handler';
import { kindAtEndpoint } from '@/lib/enquiry-kinds/on-site';
import { methodNotAllowed } from '@/lib/http/problem';
import { layoutHtmlClassName, layoutStylesheets } from '@/server/next-build';

// `POST /api/join`, `POST /api/briefs`: each enquiry kind's endpoint, by the path its description gives.
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ endpoint: string }> };

let built: PageFrame | undefined;

/** A value read from a build that may not be written yet, or `otherwise`. */
function whenBuilt<T>(read: () => T, otherwise: T): T {
  try {
    return read();
  } catch {
    return otherwise;
  }
}

/**
 * What the pages this route renders itself take from the build (components/http-error-page.tsx): the app's
 * stylesheet and the font's class, read once, as the build does not change under a running server. `next dev` writes
 * its build elsewhere, renames the stylesheet as it is edited and prerenders no home page, so there each is read each
 * time, when it is there: the page goes without rather than fail. The unit tests run without a build.
 */
function frame(): PageFrame {
  switch (process.env.NODE_ENV) {
    case 'production':
      return (built ??= { stylesheets: layoutStylesheets(), htmlClassName: layoutHtmlClassName() });
    case 'development':
      return {
        stylesheets: whenBuilt(() => layoutStylesheets('.next/dev'), []),
        htmlClassName: whenBuilt(() => layoutHtmlClassName('.next/dev'), ''),
      };
    default:
      return { stylesheets: [], htmlClassName: '' };
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
