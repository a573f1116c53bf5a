/**
 * Audible confirmation at the desk, synthesised with the Web Audio API (no audio files):
 * one short high beep for a check-in, two lower beeps for "already checked in", a low
 * buzz for "not found" or an error, two rising notes for "several match: which one?".
 */
export type Tone = 'ok' | 'already' | 'error' | 'soft' | 'ask';

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof window === 'undefined' || typeof window.AudioContext === 'undefined') return null;
  if (!context) {
    try {
      context = new window.AudioContext();
    } catch {
      return null;
    }
  }
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  return context;
}

function beep(ctx: AudioContext, at: number, frequency: number, seconds: number, type: OscillatorType): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.25, at + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + seconds + 0.02);
}

export function playTone(tone: Tone): void {
  const ctx = audio();
  if (!ctx) return;
  const t = ctx.currentTime + 0.01;
  switch (tone) {
    case 'ok':
      beep(ctx, t, 1320, 0.12, 'sine');
      break;
    case 'already':
      beep(ctx, t, 660, 0.1, 'sine');
      beep(ctx, t + 0.16, 660, 0.1, 'sine');
      break;
    case 'error':
      beep(ctx, t, 220, 0.35, 'square');
      break;
    case 'soft':
      beep(ctx, t, 880, 0.08, 'triangle');
      break;
    case 'ask':
      // A question, not a check-in: the clerk must not hear "done" when nobody was checked in.
      beep(ctx, t, 523, 0.1, 'triangle');
      beep(ctx, t + 0.14, 784, 0.14, 'triangle');
      break;
  }
}

/** Browsers start audio only after a user gesture: call this from the first key or click. */
export function unlockAudio(): void {
  audio();
}
