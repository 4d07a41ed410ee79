'use client';

import { useActionState, type ComponentProps } from 'react';

type Props = Omit<ComponentProps<'form'>, 'action'> & {
  /** A Server Action taking (previous state, form data), as useActionState calls it. */
  action: (previous: void, data: FormData) => Promise<void>;
  /** The page the form is on: where it posts without JavaScript. */
  permalink: string;
};

/**
 * A form that runs a Server Action and names its page as its `action`. A form given the action itself is rendered
 * with `action=""`, which is invalid HTML (the attribute must be a non-empty URL when present); useActionState's
 * permalink is React's way of giving the action a URL. Without JavaScript the form posts to that page, which runs
 * the action just the same.
 */
export function PermalinkForm({ action, permalink, ...props }: Props) {
  const [, formAction] = useActionState(action, undefined, permalink);
  return <form action={formAction} {...props} />;
}
