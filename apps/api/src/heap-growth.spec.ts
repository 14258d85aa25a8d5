import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { limitHeapGrowth } from './heap-growth';

describe(limitHeapGrowth.name, () => {
  it('leaves a growth the desk was started with to the operator', () => {
    expect(limitHeapGrowth(['--heap-growing-percent=50'])).toBe(false);
    expect(limitHeapGrowth(['--heap_growing_percent=50'])).toBe(false);
  });

  // What a user notices is the memory: garbage that piles up before a full collection is resident.
  it('makes V8 collect the old generation sooner, so that promoted garbage does not pile up', () => {
    const script = join(__dirname, 'heap-growth.fixture.js');
    const run = (mode: 'defaults' | 'limit'): { fullCollections: number; peakMb: number } => {
      const child = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', script, mode], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr);
      return JSON.parse(child.stdout) as { fullCollections: number; peakMb: number };
    };
    const [defaults, limited] = [run('defaults'), run('limit')];
    expect({ defaults, limited, sooner: limited.fullCollections > defaults.fullCollections, smaller: limited.peakMb < defaults.peakMb })
      .toEqual({ defaults, limited, sooner: true, smaller: true });
  });
});
