'use client';

import { useState, useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * Copies the text of the field `target` (an id) to the clipboard. Rendered only once the page's script runs, so a
 * page without JavaScript shows no button that does nothing: the field itself can be selected and copied.
 */
export function CopyButton({ target, label }: { target: string; label: string }) {
  // False on the server and in the first render, true in a browser that can copy: no mismatch on hydration.
  const ready = useSyncExternalStore(
    never,
    () => Boolean(navigator.clipboard),
    () => false,
  );
  const [said, setSaid] = useState('');
  const copy = async () => {
    const field = document.getElementById(target);
    const text = field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement ? field.value : '';
    try {
      await navigator.clipboard.writeText(text);
      setSaid('Copied.');
    } catch {
      setSaid('Not copied: select the text and copy it.');
    }
  };
  return (
    <>
      {ready && (
        <button
          type="button"
          onClick={copy}
          className="rounded border border-brand-dark px-4 py-1 font-semibold text-brand-dark hover:bg-paper"
        >
          {label}
        </button>
      )}
      {/* Not role=status: the page's one status line is the triage form's "Saved." */}
      <span aria-live="polite" className="ml-3">
        {said}
      </span>
    </>
  );
}
