import { expect, test } from 'vitest';
import { startReceiver } from '../../../test/helpers/webhook-receiver.ts';
import { isPrivateAddress, urlProblem } from './address-policy.ts';
import { retryDelayMs } from './retry-schedule.ts';
import { postWebhook } from './sender.ts';

const strict = { allowPrivate: false, httpsOnly: true };
const lenient = { allowPrivate: false, httpsOnly: false };

test.each([
  '127.0.0.1', '127.1.2.3', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
  '224.0.0.1', '255.255.255.255', '192.0.2.10', '198.18.0.1', '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'ff02::1',
  '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '2001:db8::1', 'not-an-ip',
])('%s is not a public address', (address) => {
  expect(isPrivateAddress(address)).toBe(true);
});

test.each(['93.184.216.34', '8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => {
  expect(isPrivateAddress(address)).toBe(false);
});

test('URL rules: https in production, no credentials, no literal private address', () => {
  expect(urlProblem('https://hooks.example.com/x', strict)).toBeNull();
  expect(urlProblem('http://hooks.example.com/x', strict)).toMatch(/https in production/);
  expect(urlProblem('http://hooks.example.com/x', lenient)).toBeNull();
  expect(urlProblem('ftp://hooks.example.com/x', lenient)).toMatch(/only http and https/);
  expect(urlProblem('https://user:pw@hooks.example.com/x', strict)).toMatch(/credentials/);
  expect(urlProblem('https://10.1.2.3/x', strict)).toMatch(/private/);
  expect(urlProblem('https://[::1]:8443/x', strict)).toMatch(/private/);
  expect(urlProblem('https://[::ffff:169.254.169.254]/x', strict)).toMatch(/private/);
  expect(urlProblem('http://127.0.0.1:9/x', { allowPrivate: true, httpsOnly: false })).toBeNull();
  expect(urlProblem('not a url', lenient)).toBe('not a valid URL');
});

test('at delivery time a name that resolves to loopback is refused before anything is sent; allowed when configured', async () => {
  const receiver = await startReceiver();
  const port = new URL(receiver.url).port;
  for (const url of [`http://localhost:${port}/hook`, `http://127.0.0.1:${port}/hook`, `http://[::ffff:127.0.0.1]:${port}/hook`]) {
    const result = await postWebhook(url, '{}', {}, { timeoutMs: 2000, policy: lenient });
    expect(result, url).toMatchObject({ ok: false, status_code: null });
    expect(result.error, url).toMatch(/^not sent: .*(127\.0\.0\.1|::1|private)/);
  }
  expect(receiver.received).toHaveLength(0);
  const allowed = await postWebhook(`http://localhost:${port}/hook`, '{"id":"evt_1"}', {}, { timeoutMs: 2000, policy: { allowPrivate: true, httpsOnly: false } });
  expect(allowed).toMatchObject({ ok: true, status_code: 200, error: null, response_snippet: 'ok' });
  expect(receiver.received).toHaveLength(1);
  await receiver.close();
});

test('a receiver that does not answer in time is a failed attempt with the reason', async () => {
  const receiver = await startReceiver(() => new Promise((resolve) => setTimeout(() => resolve(200), 1500)));
  const result = await postWebhook(receiver.url, '{"id":"evt_1"}', {}, { timeoutMs: 200, policy: { allowPrivate: true, httpsOnly: false } });
  expect(result).toMatchObject({ ok: false, status_code: null, error: 'timed out after 200 ms' });
  expect(result.duration_ms).toBeGreaterThanOrEqual(150);
  await receiver.close();
});

test('retry delays grow exponentially with 50–100 % jitter, capped at two hours', () => {
  expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000, () => 1))).toEqual([30_000, 60_000, 120_000, 240_000]);
  expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000, () => 0))).toEqual([15_000, 30_000, 60_000, 120_000]);
  expect(retryDelayMs(30, 30_000, () => 1)).toBe(2 * 3_600_000);
  // Over a 24-hour window the default schedule makes about a dozen to twenty attempts.
  let elapsed = 0;
  let attempts = 1;
  while (elapsed + retryDelayMs(attempts, 30_000, () => 0.75) <= 24 * 3_600_000) elapsed += retryDelayMs(attempts++, 30_000, () => 0.75);
  expect(attempts).toBeGreaterThan(12);
  expect(attempts).toBeLessThan(30);
});
