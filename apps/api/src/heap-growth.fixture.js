// Run by heap-growth.spec.ts in a child process: a live heap of about 50 MB (a desk's data), then
// garbage that lives long enough to be promoted, as a long report makes; prints the number of full
// (mark-compact) collections V8 ran and the peak resident memory.
const { PerformanceObserver, constants } = require('node:perf_hooks');
if (process.argv[2] === 'limit') require('./heap-growth').limitHeapGrowth([]);
let full = 0;
const count = (entries) => {
  for (const entry of entries) if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full++;
};
const observer = new PerformanceObserver((list) => count(list.getEntries()));
const live = Array.from({ length: 500_000 }, (_, i) => `live row ${i} `.padEnd(64, '.'));
observer.observe({ entryTypes: ['gc'] });
// Rows that outlive two scavenges, then die: a window of the last 200,000.
const window = new Array(200_000);
let written = 0;
function batch() {
  for (let i = 0; i < 50_000; i++, written++) window[written % window.length] = { id: written, body: `row ${written}`.padEnd(64, '.') };
  if (written < 2_000_000) setImmediate(batch);
  else setTimeout(() => {
    count(observer.takeRecords());
    observer.disconnect();
    if (live.length === 0) throw new Error('the live rows must stay live to the end');
    process.stdout.write(JSON.stringify({ fullCollections: full, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  }, 50);
}
batch();
