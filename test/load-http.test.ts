import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

describe('npm run load -- --http --replicas 2', () => {
  it('loads two replicas and gateway mode in one run, kills and restarts a replica, and prints one JSON report', () => {
    const result = spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/load.ts', '--http', '--replicas', '2', '--interactions', '60', '--json'], { encoding: 'utf8', timeout: 150_000 });
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(report.replicas).toBe(2);
    for (const mode of ['http', 'gateway']) {
      expect(report[mode].interactions).toBe(60);
      expect(report[mode].failures).toBe(0);
      expect(report[mode].overLimit).toBe(0);
      expect(report[mode].duplicates).toBe(0);
      expect(report[mode].throughputPerSecond).toBeGreaterThan(0);
    }
    expect(report.killed.answeredAfterKill).toBe(200);
    expect(report.killed.restartToReadyMs).toBeGreaterThan(0);
  }, 160_000);
});
