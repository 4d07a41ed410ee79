// next/font/local in the unit tests: Next.js's compiler replaces each call with the font's class names at build
// time, and without it the function is not there. The names here stand in for the ones the build generates.
export default function localFont(options: { variable?: string }) {
  return { className: 'font', variable: options.variable ? 'font-variable' : '', style: { fontFamily: 'font' } };
}
