// Loaded into the site by `npm run bench:db` (node --import): measures how late the server's main thread runs what
// it has to run (its event loop's delay), so a benchmark can say what a load costs every other request. Every
// 250 ms it writes the delay's percentiles since the last SIGUSR2 to the file in EVENT_LOOP_PROBE_FILE (JSON, in
// milliseconds); SIGUSR2 starts a new measurement. Nothing else in the site reads it.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.EVENT_LOOP_PROBE_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  process.on('SIGUSR2', () => delay.reset());
  const ms = (nanoseconds) => Math.round(nanoseconds / 1e5) / 10;
  setInterval(() => {
    const figures = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) };
    writeFileSync(file, JSON.stringify(figures));
  }, 250).unref();
}
