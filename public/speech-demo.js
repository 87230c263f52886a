// speech-demo.html's script: ordinary Web Speech API code, in the style of
// MDN's speech synthesiser example. The first two lines are the only
// addition: Aloud's polyfill, where the browser lists no voices.
import { install } from './polyfill.js';
await install({ when: 'no-voices' });

const synth = window.speechSynthesis;

const form = document.querySelector('#speak-form');
const text = document.querySelector('#text');
const voiceSelect = document.querySelector('#voice');
const rate = document.querySelector('#rate');
const rateValue = document.querySelector('#rate-value');
const pitch = document.querySelector('#pitch');
const pitchValue = document.querySelector('#pitch-value');
const stop = document.querySelector('#stop');
const status = document.querySelector('#status');
const log = document.querySelector('#events');

let voices = [];

function populateVoiceList() {
  voices = synth.getVoices();
  const selected = voiceSelect.selectedOptions[0]?.dataset.name;
  voiceSelect.replaceChildren();
  for (const voice of voices) {
    const option = document.createElement('option');
    option.textContent = `${voice.name} (${voice.lang})${voice.default ? ' — default' : ''}`;
    option.dataset.name = voice.name;
    option.selected = voice.name === selected || (!selected && voice.default);
    voiceSelect.append(option);
  }
}

populateVoiceList();
if (synth.onvoiceschanged !== undefined) synth.onvoiceschanged = populateVoiceList;

function record(message) {
  const item = document.createElement('li');
  item.textContent = message;
  log.append(item);
  log.scrollTop = log.scrollHeight;
}

function speak() {
  if (synth.speaking) synth.cancel();
  if (text.value === '') return;
  const utterance = new SpeechSynthesisUtterance(text.value);
  const name = voiceSelect.selectedOptions[0]?.dataset.name;
  utterance.voice = voices.find((voice) => voice.name === name) ?? null;
  utterance.rate = Number(rate.value);
  utterance.pitch = Number(pitch.value);
  utterance.onstart = () => {
    status.textContent = 'Speaking…';
    record('start');
  };
  utterance.onboundary = (event) => {
    const said = utterance.text.slice(event.charIndex, event.charIndex + event.charLength);
    record(`boundary (${event.name}) at ${event.charIndex}: ${said}`);
  };
  utterance.onend = (event) => {
    status.textContent = `Finished, after ${event.elapsedTime.toFixed(1)} seconds.`;
    record('end');
  };
  utterance.onerror = (event) => {
    status.textContent = `Speech stopped: ${event.error}.`;
    record(`error: ${event.error}`);
  };
  synth.speak(utterance);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  speak();
  text.blur();
});

stop.addEventListener('click', () => synth.cancel());

rate.addEventListener('input', () => (rateValue.textContent = rate.value));
pitch.addEventListener('input', () => (pitchValue.textContent = pitch.value));
