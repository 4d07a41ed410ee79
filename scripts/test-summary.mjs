// Sums the JSON reports every test runner wrote under test-results/ into the closing line CI reads.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const dir = 'test-results';
for (const file of existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : []) {
  const report = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
  if ('numPassedTests' in report) {
    // vitest
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } else if (report.stats && 'expected' in report.stats) {
    // Playwright: `flaky` passed only on retry and counts as a failure here.
    passed += report.stats.expected;
    failed += report.stats.unexpected + report.stats.flaky;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
