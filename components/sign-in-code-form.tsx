import { signInCodeLength } from '@/lib/auth/sign-in-mail';
import { Field, textControl } from '@/components/field';

/** The second way in: the code from the sign-in mail, typed with the address it went to (for mail read elsewhere). */
export function SignInCodeForm() {
  return (
    <form
      method="post"
      action="/sign-in/code"
      aria-labelledby="by-code"
      className="space-y-4 rounded border border-line bg-white p-6"
    >
      <h2 id="by-code" className="text-xl font-bold">
        Sign in with the code from the mail
      </h2>
      <Field htmlFor="code-email" label="Email address">
        <input id="code-email" name="email" type="email" autoComplete="email" required className={textControl} />
      </Field>
      <Field htmlFor="code" label={`Code (${signInCodeLength} digits)`}>
        <input
          id="code"
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          className={textControl}
        />
      </Field>
      <button type="submit" className="rounded bg-brand-dark px-5 py-2 font-semibold text-white hover:bg-brand">
        Sign in
      </button>
    </form>
  );
}
