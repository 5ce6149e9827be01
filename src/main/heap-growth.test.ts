import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from './heap-growth';

describe('limitHeapGrowth', () => {
  it("sets V8's heap growing factor to the constant", () => {
    const set: string[] = [];
    limitHeapGrowth((flags) => set.push(flags));
    expect(set).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    expect(HEAP_GROWING_PERCENT).toBeGreaterThan(0);
  });

  it("names a flag this runtime's V8 knows (a misspelt one is refused as a bad option)", () => {
    let flag = '';
    limitHeapGrowth((flags) => (flag = flags));
    // setFlagsFromString ignores a name V8 does not know; the command line refuses it.
    expect(execFileSync(process.execPath, [flag, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' })).toBe('ok');
    expect(() => execFileSync(process.execPath, [flag.replace('growing', 'grow'), '-e', '0'], { stdio: 'pipe' })).toThrow(/bad option/);
  });
});
