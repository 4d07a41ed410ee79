import { recordingFetch, type Journal } from './journal';
import type { Random } from './random';

/**
 * Visitors reading the public pages, from the sitemap, and now and then a page's link preview (its Open Graph image)
 * as a chat app fetches it; some pages with a query string, which Next.js renders rather than the server sending
 * the build's copy. They read until stopped, and are the run's steady load: each answer is in the journal, and a
 * page that does not answer 200 (a link preview that is not a PNG) is a problem naming the visitor and the page.
 */
export function startVisitors(journal: Journal, site: string, random: Random, count: number) {
  let reading = true;
  const pagesRead = new Map<string, number>();
  const visitor = async (name: string) => {
    const mine = random.fork(name);
    const read = (step: string, path: string) => recordingFetch(journal, name, step)(site + path, {});
    const sitemap = await (await read('reads the sitemap', '/sitemap.xml')).text();
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '/').pathname);
    if (paths.length === 0) journal.problems.push(`${name} · reads the sitemap: it lists no page`);
    while (reading && paths.length > 0) {
      const path = mine.pick(paths) + (mine.chance(0.15) ? `?from=${mine.int(1000)}` : '');
      const step = `reads ${path}`;
      try {
        const page = await read(step, path);
        const html = await page.text();
        pagesRead.set(name, (pagesRead.get(name) ?? 0) + 1);
        if (page.status !== 200) journal.problems.push(`${name} · ${step}: answered ${page.status}`);
        const preview = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
        if (page.status === 200 && !preview) journal.problems.push(`${name} · ${step}: no link preview`);
        if (preview && mine.chance(0.3)) {
          // The build's address is in it (SITE_URL at build time): the same path, asked of this site.
          const address = new URL(preview.replaceAll('&amp;', '&'));
          const image = await read(`${step}'s link preview`, address.pathname + address.search);
          const bytes = Buffer.from(await image.arrayBuffer());
          const png = bytes.subarray(1, 4).toString('latin1') === 'PNG';
          if (image.status !== 200 || !png) {
            journal.problems.push(`${name} · ${step}'s link preview: answered ${image.status}, PNG: ${png}`);
          }
        }
      } catch (error) {
        journal.problems.push(`${name} · ${step}: ${error instanceof Error ? error.message : error}`);
      }
      await new Promise((resolve) => setTimeout(resolve, mine.int(150)));
    }
  };
  const names = Array.from({ length: count }, (_, n) => `visitor ${n + 1}`);
  const reads = Promise.all(names.map(visitor));
  return {
    pagesRead,
    stop: async () => {
      reading = false;
      await reads;
    },
  };
}
