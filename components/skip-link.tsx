/** The first focusable element on every page, so keyboard users can pass the header. */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only rounded bg-ink px-4 py-2 font-semibold text-white focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50"
    >
      Skip to main content
    </a>
  );
}
