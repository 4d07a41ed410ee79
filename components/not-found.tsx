/* eslint-disable @next/next/no-html-link-for-pages -- also rendered to a string (./route-page.tsx), where next/link
   cannot render; public pages' links are plain links anyway. */
import { type PageFrame, routePage } from './route-page';

export const notFoundTitle = 'Page not found';

/** What the 404 says, on the app's page (app/not-found.tsx) and on a route handler's. */
export function NotFoundText() {
  return (
    <>
      <p>Sorry, there is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        Try the <a href="/">home page</a>, read <a href="/about">about CoTech</a> or find out how to{' '}
        <a href="/join">join the network</a>.
      </p>
    </>
  );
}

/** The 404 of an address a route handler answers for visitors (a thanks page with no such reference). */
export const notFoundPage = (frame: PageFrame): Promise<Response> =>
  routePage(notFoundTitle, <NotFoundText />, frame, { status: 404 });
