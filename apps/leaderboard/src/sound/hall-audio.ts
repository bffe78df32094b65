/** The hall's sound cues (docs/results-display.md#hall-sound), each a file in public/sounds/. */
export type HallCue = 'run-start' | 'run-finish' | 'match-start' | 'match-end' | 'reveal';

export type SpokenLang = 'kk' | 'ru';

/**
 * What the hall screen asks of its sound. Behind this interface so a test can spy on it and the
 * screen works the same where a browser has no Web Audio or no voice.
 */
export interface HallAudio {
  play(cue: HallCue): void;
  /** Says a sentence with a voice of the first of `langs` the browser has; nothing without one. */
  speak(sentence: (lang: SpokenLang) => string, langs: readonly SpokenLang[]): void;
  close(): void;
}

/**
 * Each cue played and each sentence spoken is also announced as this DOM event on `window`
 * (`detail`: `{ cue }` or `{ lang, text }`), so what a screen says can be observed from outside.
 */
export const HALL_SOUND_EVENT = 'olympiad:hall-sound';

function announce(detail: { cue: HallCue } | { lang: SpokenLang; text: string }): void {
  window.dispatchEvent(new CustomEvent(HALL_SOUND_EVENT, { detail }));
}

/** The voice for a language, if the browser has one (`kk-KZ`, `ru-RU`, …). */
export function voiceFor(
  voices: readonly Pick<SpeechSynthesisVoice, 'lang'>[],
  lang: SpokenLang,
): number {
  return voices.findIndex((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === lang);
}

/** Web Audio for the cues (at `volume`, 0–100) and the Web Speech API for the spoken results. */
export function webHallAudio(volume: number): HallAudio {
  const Context = window.AudioContext as typeof AudioContext | undefined;
  const context = Context ? new Context() : null;
  const gain = context?.createGain();
  if (context && gain) {
    gain.gain.value = Math.max(0, Math.min(100, volume)) / 100;
    gain.connect(context.destination);
  }
  const buffers = new Map<HallCue, Promise<AudioBuffer | null>>();
  const load = (cue: HallCue) => {
    let buffer = buffers.get(cue);
    if (!buffer && context) {
      buffer = fetch(`/sounds/${cue}.wav`)
        .then((response) => response.arrayBuffer())
        .then((data) => context.decodeAudioData(data))
        .catch(() => null);
      buffers.set(cue, buffer);
    }
    return buffer ?? Promise.resolve(null);
  };
  return {
    play(cue) {
      if (!context || !gain) return;
      // A kiosk browser may hold audio until it is allowed (docs/results-display.md#hall-sound).
      void context.resume().catch(() => undefined);
      void load(cue).then((buffer) => {
        if (!buffer || context.state === 'closed') return;
        const source = context.createBufferSource();
        source.buffer = buffer;
        source.connect(gain);
        source.start();
        announce({ cue });
      });
    },
    speak(sentence, langs) {
      const synth = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;
      if (!synth) return;
      const voices = synth.getVoices();
      for (const lang of langs) {
        const index = voiceFor(voices, lang);
        if (index < 0) continue;
        const text = sentence(lang);
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.voice = voices[index];
        utterance.lang = voices[index].lang;
        utterance.volume = Math.max(0, Math.min(100, volume)) / 100;
        synth.speak(utterance);
        announce({ lang, text });
        return;
      }
    },
    close() {
      buffers.clear();
      void context?.close().catch(() => undefined);
    },
  };
}
