import { notFoundPage } from '@/components/not-found';
import { thanksPage } from '@/components/thanks-page';
import { normaliseReference } from '@/lib/enquiries/reference';
import { kindOnPage } from '@/lib/enquiry-kinds/on-site';
import { askedInQuery, matchesFor } from '@/lib/hire/suggest';
import { pageFrame } from '@/server/page-frame';

// /PAGE/thanks/REFERENCE: where a form post without JavaScript lands once its enquiry is stored. It reads nothing but
// its address: the reference, shown only when it is one of the kind's (`B-9M2D`), and for a brief what was asked,
// matched against the directory. A page of the app rendered per request would carry the React runtime and need a
// nonce; this one is a document without script, like the public pages.
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string; reference: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug, reference } = await params;
  const kind = kindOnPage(slug);
  if (!kind || normaliseReference(reference) !== reference || !reference.startsWith(`${kind.reference}-`)) {
    return notFoundPage(pageFrame());
  }
  const matches = kind.site.forwardable ? matchesFor(askedInQuery(new URL(request.url).searchParams)) : undefined;
  return thanksPage(kind, reference, pageFrame(), matches);
}
