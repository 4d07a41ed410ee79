import type { PageFrame } from '@/components/route-page';
import { layoutHtmlClassName, layoutStylesheets } from './next-build';

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
 * What the pages route handlers render themselves take from the build (components/route-page.tsx): the app's
 * stylesheet and the font's class, read once, as the build does not change under a running server. `next dev` writes
 * its build elsewhere, renames the stylesheet as it is edited and prerenders no home page, so there each is read each
 * time, when it is there: the page goes without rather than fail. The unit tests run without a build.
 */
export function pageFrame(): PageFrame {
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
