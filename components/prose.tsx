/**
 * Markdown HTML from the content pipeline. It is safe to inject: rehype-sanitize is the last step of
 * `lib/markdown.ts`, applied at build time to everything an editor commits.
 */
export function Prose({ html }: { html: string }) {
  return (
    <div
      className="prose max-w-none prose-a:text-brand-dark prose-img:h-auto prose-img:rounded"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
