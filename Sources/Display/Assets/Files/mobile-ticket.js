// Rathaus: a ticket's own page on the phone (/t/{key}). Without this script the page is whole and
// reloads every 30 s (a refresh inside <noscript>). With it:
// - it follows GET {data-events} (Server-Sent Events; each `ticket` event is the ticket's state
//   with its status already worded by the server, in the page's language) and updates the status,
//   the facts and the arrival panel in place; the browser reconnects by itself when the stream
//   breaks, and a note says so meanwhile;
// - on a call, and again on each recall, it vibrates (navigator.vibrate), plays a chime (Web
//   Audio, synthesised: no sound file) and shows a system notification, each where the browser
//   allows it. Browsers play sound only after a tap on the page, so "Ton an" creates the audio
//   context inside that tap and plays the chime once to show that it works. Notifications need
//   permission, which may only be asked for on a tap ("Benachrichtigen"); they are shown through
//   a service worker where there is one (Chrome on Android has no `new Notification`).
// - each call is announced once, also across reconnects and reloads in the same tab
//   (sessionStorage); `data-announced` on the body names the last call announced.
'use strict';

(() => {
  const body = document.body;
  const url = body.dataset.events;
  if (!url || !window.EventSource) return;
  const $ = (id) => document.getElementById(id);
  const template = $('ticket-words');
  const words = template ? template.dataset : {};
  const status = $('ticket-status');
  const storageKey = `rathaus:announced:${url}`;
  const NOTE_DELAY_MS = 2000;
  const NEW_CALL_MS = 3000;
  let audio = null;
  let worker = null;
  let noteTimer = null;

  function setText(id, text) {
    const element = $(id);
    if (element && typeof text === 'string' && element.textContent !== text) element.textContent = text;
  }

  function chime() {
    if (!audio) return;
    const start = audio.currentTime + 0.02;
    [[880, 0], [660, 0.45]].forEach(([frequency, offset]) => {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.6, start + offset + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.9);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 1);
    });
  }

  function soundOn(button) {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    if (!audio) audio = new Context();
    audio.resume().then(chime, () => {});
    button.setAttribute('aria-pressed', 'true');
    button.textContent = words.soundOn || button.textContent;
  }

  function notificationsReady() {
    return 'Notification' in window && Notification.permission === 'granted';
  }

  function showNotification(data) {
    if (!notificationsReady()) return;
    const options = { body: data.detail || '', tag: `rathaus-${data.number}`, renotify: true,
      requireInteraction: true, data: { url: window.location.pathname } };
    if (worker) {
      worker.showNotification(data.notification || data.headline, options).catch(() => {});
      return;
    }
    try {
      new Notification(data.notification || data.headline, options);
    } catch (error) {
      // Some browsers allow notifications only through a service worker: the page still shows the call.
    }
  }

  function notifyOn(button) {
    if (!('Notification' in window)) return;
    Notification.requestPermission().then((permission) => {
      if (permission === 'granted') {
        button.setAttribute('aria-pressed', 'true');
        button.textContent = words.notifyOn || button.textContent;
      } else {
        setText('notify-hint', words.notifyBlocked || '');
      }
    });
  }

  function announce(data) {
    const key = data.call;
    if (!key || sessionStorage.getItem(storageKey) === key) return;
    sessionStorage.setItem(storageKey, key);
    body.dataset.announced = key;
    if (navigator.vibrate) navigator.vibrate([400, 150, 400, 150, 800]);
    chime();
    showNotification(data);
    setText('ticket-alert', `${data.number}: ${data.headline}`);
    status.classList.add('is-new');
    setTimeout(() => status.classList.remove('is-new'), NEW_CALL_MS);
  }

  function update(data) {
    status.dataset.status = data.status;
    setText('ticket-headline', data.headline);
    setText('ticket-detail', data.detail);
    setText('fact-ahead', data.ahead);
    setText('fact-wait', data.wait);
    setText('fact-as-of', data.asOf);
    const facts = $('ticket-facts');
    if (facts) facts.hidden = !data.showFacts;
    const arrival = $('ticket-arrival');
    if (arrival) arrival.hidden = data.status !== 'awaitingArrival';
    document.title = data.title || document.title;
    if (data.isCall) announce(data);
  }

  function connectionNote(lost) {
    clearTimeout(noteTimer);
    if (!lost) {
      $('ticket-connection').hidden = true;
      return;
    }
    noteTimer = setTimeout(() => { $('ticket-connection').hidden = false; }, NOTE_DELAY_MS);
  }

  function setUp() {
    setText('ticket-live-note', words.liveNote);
    $('ticket-alerts').hidden = false;
    const sound = $('sound-on');
    sound.addEventListener('click', () => soundOn(sound));
    if ('Notification' in window && Notification.permission !== 'denied') {
      const notify = $('notify-on');
      notify.hidden = false;
      $('notify-hint').hidden = false;
      if (Notification.permission === 'granted') {
        notify.setAttribute('aria-pressed', 'true');
        notify.textContent = words.notifyOn || notify.textContent;
      }
      notify.addEventListener('click', () => notifyOn(notify));
    }
    if ('serviceWorker' in navigator && body.dataset.soundWorker) {
      navigator.serviceWorker.register(body.dataset.soundWorker).then((registration) => {
        worker = registration;
      }, () => {});
    }
    const source = new EventSource(url);
    source.addEventListener('ticket', (event) => {
      let data = null;
      try {
        data = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      update(data);
      if (data.final) source.close();
    });
    source.addEventListener('open', () => connectionNote(false));
    source.addEventListener('error', () => connectionNote(source.readyState !== EventSource.OPEN));
  }

  setUp();
})();
