// The largest logo file a co-op's people may upload in the account area (lib/proposals/form.ts). Committed
// logos are a few kilobytes; this keeps proposals' rows small. Its own module, importing nothing, because the body
// limits (lib/http/body-limit.ts), which plain Node.js loads from server/, are derived from it.

/** The most bytes an uploaded logo may have. */
export const maxLogoBytes = 128 * 1024;
