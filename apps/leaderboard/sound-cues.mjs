// Writes the hall's sound cues (docs/results-display.md#hall-sound) into public/sounds/ as short
// WAV files synthesised from tones, so the app ships no downloaded audio.
// Run: `node apps/leaderboard/sound-cues.mjs`.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const RATE = 16_000;

/** Each note: frequency (Hz), start and length (s); a soft attack and an exponential decay. */
export const CUES = {
  // Two rising notes: the start gate is crossed.
  'run-start': [
    { hz: 660, at: 0, length: 0.16 },
    { hz: 990, at: 0.14, length: 0.22 },
  ],
  // Three notes down to the tonic: the finish gate.
  'run-finish': [
    { hz: 1047, at: 0, length: 0.18 },
    { hz: 784, at: 0.16, length: 0.18 },
    { hz: 523, at: 0.32, length: 0.4 },
  ],
  // A low double knock: hajime.
  'match-start': [
    { hz: 392, at: 0, length: 0.14 },
    { hz: 392, at: 0.2, length: 0.2 },
  ],
  // A gong-like low chord: the match is over.
  'match-end': [
    { hz: 196, at: 0, length: 0.9 },
    { hz: 294, at: 0, length: 0.9 },
    { hz: 392, at: 0.02, length: 0.8 },
  ],
  // A rising major arpeggio: a place on the podium is revealed.
  reveal: [
    { hz: 523, at: 0, length: 0.5 },
    { hz: 659, at: 0.12, length: 0.5 },
    { hz: 784, at: 0.24, length: 0.5 },
    { hz: 1047, at: 0.36, length: 0.7 },
  ],
};

export function synthesise(notes) {
  const seconds = Math.max(...notes.map((note) => note.at + note.length)) + 0.05;
  const samples = new Float32Array(Math.ceil(seconds * RATE));
  for (const note of notes) {
    const from = Math.floor(note.at * RATE);
    const count = Math.floor(note.length * RATE);
    for (let i = 0; i < count && from + i < samples.length; i++) {
      const t = i / RATE;
      const envelope = Math.min(1, t / 0.01) * Math.exp((-4 * t) / note.length);
      // A touch of the octave makes a bell of a sine.
      const tone = Math.sin(2 * Math.PI * note.hz * t) + 0.3 * Math.sin(4 * Math.PI * note.hz * t);
      samples[from + i] += 0.35 * envelope * tone;
    }
  }
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((value, i) =>
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, value)) * 32_767), i * 2),
  );
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const out = fileURLToPath(new URL('./public/sounds/', import.meta.url));
fs.mkdirSync(out, { recursive: true });
for (const [name, notes] of Object.entries(CUES))
  fs.writeFileSync(`${out}${name}.wav`, synthesise(notes));
