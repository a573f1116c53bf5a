import { describe, expect, it } from 'vitest';
import { installWindow } from '../../testing/fake-window.js';
import { agoText, codeDigits, groupCode, isKept, timeLeft } from './format.js';

installWindow();
const { translator } = await import('../../app/language.js');

const zh = translator('zh-CN');
const en = translator('en');
const at = (ms: number) => new Date(ms).toISOString();
const now = Date.parse('2026-12-02T08:00:00.000Z');

describe('the venue network on screen', () => {
  it('shows a station code in two groups of three and takes it back typed either way', () => {
    expect(groupCode('123456')).toBe('123 456');
    expect(codeDigits('123 456')).toBe('123456');
    expect(codeDigits('123-456')).toBe('123456');
  });

  it('says when a station was last heard from, in the UI language', () => {
    expect(agoText(at(now - 12_400), now, zh)).toBe('12 秒前');
    expect(agoText(at(now - 12_400), now, en)).toBe('12 s ago');
    expect(agoText(at(now - 500), now, zh)).toBe('刚刚');
    expect(agoText(at(now - 3 * 60_000 - 5_000), now, zh)).toBe('3 分钟前');
    expect(agoText(at(now - 2 * 3600_000), now, zh)).toBe('2 小时前');
    expect(agoText(null, now, zh)).toBe('未连接');
    // A station clock a little ahead of the host's is heard "just now", not in the future.
    expect(agoText(at(now + 3_000), now, zh)).toBe('刚刚');
  });

  it('counts a code down to its expiry and says nothing once it has passed', () => {
    expect(timeLeft(at(now + 5 * 60_000), now)).toBe('5:00');
    expect(timeLeft(at(now + 61_500), now)).toBe('1:02');
    expect(timeLeft(at(now + 1), now)).toBe('0:01');
    expect(timeLeft(at(now), now)).toBeNull();
    expect(timeLeft(at(now - 1000), now)).toBeNull();
  });

  it('tells a write kept in the outbox from a refusal', () => {
    expect(isKept({ code: 'queued', reason: 'lan.queued', params: { queued: 3 }, message: '' })).toBe(true);
    expect(isKept({ code: 'offline', message: '' })).toBe(false);
    expect(isKept({ code: 'conflict', message: '' })).toBe(false);
    expect(isKept(null)).toBe(false);
  });
});
