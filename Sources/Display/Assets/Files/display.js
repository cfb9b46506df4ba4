// Rathaus waiting-room display. The page arrives rendered with the current board; this script
// keeps it live:
// - It follows GET {data-events-url} (Server-Sent Events). Every `board` event carries the whole
//   board as JSON and is what the page renders; `queue` events (one per change, each followed by a
//   board with the same id) need no handling of their own. EventSource resends the last id as
//   Last-Event-ID when it reconnects by itself.
// - If the stream fails, it polls GET {data-board-url} every 5 s, shows a small "Verbindung wird
//   wiederhergestellt" note (never over the numbers) and opens the stream again: at once when a
//   poll succeeds (the server is back), else after 10 s, 15 s, ... up to 30 s.
// - While the stream is up it checks the board every 30 s; if the stream has fallen behind
//   (a connection that died silently), it reconnects.
// - Each call in state "called" not seen before (by ticket, recall count, counter and time) is
//   highlighted (CSS: 3 blinks in 4.5 s) and, with data-sound="on", announced with a gong and
//   speech synthesis. The page shows and says numbers and counters only.
'use strict';

(() => {
  const body = document.body;
  const config = {
    office: body.dataset.office || '',
    boardURL: body.dataset.boardUrl,
    eventsURL: body.dataset.eventsUrl,
    languages: (body.dataset.languages || 'de').split(/\s+/).filter(Boolean),
    sound: body.dataset.sound === 'on',
    timeZone: body.dataset.timeZone || undefined,
    serverTime: Number(body.dataset.serverTime) || 0,
  };
  const POLL_MS = 5000;
  const CHECK_MS = 30000;
  const RETRY_FIRST_MS = 10000;
  const RETRY_MAX_MS = 30000;
  const LOST_GRACE_MS = 2000;
  const HIGHLIGHT_MS = 5000;
  const RECENT_MAX = 6;
  const ANNOUNCED_MAX = 300;

  const $ = (id) => document.getElementById(id);
  const elements = {
    calls: $('call-list'),
    callsEmpty: $('calls-empty'),
    recent: $('recent-list'),
    groups: $('group-list'),
    date: $('board-date'),
    time: $('board-time'),
    connection: $('connection'),
    soundUnlock: $('sound-unlock'),
    soundButton: $('sound-unlock-button'),
    callTemplate: $('call-template'),
    recentTemplate: $('recent-template'),
    groupTemplate: $('group-template'),
  };

  let sequence = Number(body.dataset.sequence) || 0;
  let streamSequence = sequence;

  // ---------------------------------------------------------------- rendering

  function setText(element, text) {
    if (element && element.textContent !== text) element.textContent = text;
  }

  function fromTemplate(template) {
    return template.content.firstElementChild.cloneNode(true);
  }

  function waitText(minutes) {
    if (!(minutes > 0)) return 'keine Wartezeit';
    if (minutes < 60) return `ca. ${minutes} Min.`;
    if (minutes < 120) return `ca. ${Math.min(120, Math.floor((minutes + 2) / 5) * 5)} Min.`;
    return `ca. ${Math.floor((minutes + 30) / 60)} Std.`;
  }

  function callCue(call) {
    if (call.state !== 'called') return '';
    return call.recalls > 0 ? `${call.recalls + 1}. Aufruf` : 'Aufruf';
  }

  function fillCall(item, call) {
    item.dataset.ticket = call.ticket;
    item.dataset.recalls = String(call.recalls || 0);
    item.dataset.counter = call.counter || '';
    item.dataset.calledAt = call.calledAt || '';
    item.classList.toggle('is-called', call.state === 'called');
    item.classList.toggle('is-serving', call.state !== 'called');
    setText(item.querySelector('.call-number'), call.number);
    setText(item.querySelector('.call-counter'), call.counterName);
    setText(item.querySelector('.call-cue'), callCue(call));
  }

  // Rows are kept and updated in place, and only moved when their position changes, so that a
  // running highlight is not restarted by an unrelated update.
  function renderCalls(calls) {
    const existing = new Map();
    for (const item of Array.from(elements.calls.children)) existing.set(item.dataset.ticket, item);
    const wanted = calls.map((call) => {
      let item = existing.get(call.ticket);
      if (item) existing.delete(call.ticket);
      else item = fromTemplate(elements.callTemplate);
      fillCall(item, call);
      return item;
    });
    for (const item of existing.values()) item.remove();
    wanted.forEach((item, index) => {
      const current = elements.calls.children[index];
      if (current !== item) elements.calls.insertBefore(item, current || null);
    });
    elements.callsEmpty.hidden = calls.length > 0;
  }

  function renderRecent(recent) {
    const items = recent.slice(0, RECENT_MAX).map((call) => {
      const item = fromTemplate(elements.recentTemplate);
      setText(item.querySelector('.recent-number'), call.number);
      setText(item.querySelector('.recent-counter'), call.counterName);
      return item;
    });
    elements.recent.replaceChildren(...items);
  }

  function renderGroups(groups) {
    const rows = groups.map((group) => {
      const row = fromTemplate(elements.groupTemplate);
      row.dataset.group = group.letter;
      setText(row.querySelector('.group-letter'), group.letter);
      setText(row.querySelector('.group-name'), group.name);
      setText(row.querySelector('.group-waiting'), `${Math.max(0, group.waiting || 0)} wartend`);
      setText(row.querySelector('.group-wait'), group.waiting > 0 ? waitText(group.estimatedWaitMinutes) : '');
      return row;
    });
    elements.groups.replaceChildren(...rows);
  }

  function applyBoard(board) {
    if (!board || !Array.isArray(board.calls)) return;
    sequence = Number(board.sequence) || 0;
    if (typeof board.date === 'string') setText(elements.date, board.date);
    renderCalls(board.calls);
    renderRecent(Array.isArray(board.recent) ? board.recent : []);
    renderGroups(Array.isArray(board.groups) ? board.groups : []);
    noticeNewCalls(board.calls);
  }

  // ---------------------------------------------------------------- the clock

  // The clock runs on the device's clock (keep it synchronised, e.g. by NTP), shown in the
  // office's time zone (data-time-zone) even when the device is set to another one. When
  // the server's clock differs (data-server-time, read when this page was served, which is
  // never cached: a server started with --clock for a demo), it keeps that difference.
  const clockOffset = config.serverTime ? config.serverTime - Date.now() : 0;
  let timeFormat;
  try {
    timeFormat = new Intl.DateTimeFormat('de-DE', {
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: config.timeZone,
    });
  } catch (error) {
    timeFormat = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }

  function tick() {
    setText(elements.time, timeFormat.format(new Date(Date.now() + clockOffset)));
  }

  // ---------------------------------------------------------------- new calls

  const storageKey = `rathaus:announced:${config.office}`;
  let announced = new Set();

  function callKey(call) {
    return [call.ticket, call.recalls || 0, call.counter || '', call.calledAt || ''].join('|');
  }

  function saveAnnounced() {
    const keys = Array.from(announced).slice(-ANNOUNCED_MAX);
    announced = new Set(keys);
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(keys));
    } catch (error) {
      // Private mode or full storage: announcements are then deduplicated for this page view only.
    }
  }

  function noticeNewCalls(calls) {
    const fresh = calls.filter((call) => call.state === 'called' && !announced.has(callKey(call))).reverse();
    for (const call of fresh) {
      announced.add(callKey(call));
      highlight(call.ticket);
      announce(call);
    }
    if (fresh.length > 0) saveAnnounced();
  }

  const highlightTimers = new Map();

  function highlight(ticket) {
    const item = Array.from(elements.calls.children).find((element) => element.dataset.ticket === ticket);
    if (!item) return;
    item.classList.remove('is-new');
    void item.offsetWidth; // restart the animation for a recall
    item.classList.add('is-new');
    clearTimeout(highlightTimers.get(ticket));
    highlightTimers.set(ticket, setTimeout(() => {
      item.classList.remove('is-new');
      highlightTimers.delete(ticket);
    }, HIGHLIGHT_MS));
  }

  // The calls the server rendered into the page. After a reload in the same tab, calls made
  // since the last view are still announced; on a fresh start everything shown counts as seen.
  function initialCalls() {
    return Array.from(elements.calls.children).map((item) => ({
      ticket: item.dataset.ticket,
      recalls: Number(item.dataset.recalls) || 0,
      state: item.classList.contains('is-called') ? 'called' : 'serving',
      number: item.querySelector('.call-number').textContent,
      counterName: item.querySelector('.call-counter').textContent,
      counter: item.dataset.counter || '',
      calledAt: item.dataset.calledAt || '',
    }));
  }

  // ---------------------------------------------------------------- sound

  // Browsers keep an AudioContext suspended and refuse speech until the page has had a click or
  // key press (Chrome's autoplay policy: developer.chrome.com/blog/autoplay). A wall screen has no
  // one to click, so the page shows a one-time "Ton einschalten" button for whoever switches it on.
  // Kiosk browsers started with --autoplay-policy=no-user-gesture-required never need it.
  let audio = null;
  let soundReady = false;
  const pending = [];
  let announcing = false;

  function setUpSound() {
    if (!config.sound) return;
    const Context = window.AudioContext || window.webkitAudioContext;
    if (Context) {
      try {
        audio = new Context();
      } catch (error) {
        audio = null;
      }
    }
    if (audio) {
      audio.addEventListener('statechange', () => {
        soundReady = audio.state === 'running';
        if (audio.state === 'suspended') showUnlock();
      });
      soundReady = audio.state === 'running';
    } else {
      soundReady = navigator.userActivation ? navigator.userActivation.hasBeenActive : false;
    }
    if (!soundReady) showUnlock();
    if (elements.soundButton) elements.soundButton.addEventListener('click', unlockSound);
  }

  function showUnlock() {
    if (elements.soundUnlock) elements.soundUnlock.hidden = false;
  }

  function unlockSound() {
    const done = () => {
      soundReady = true;
      if (elements.soundUnlock) elements.soundUnlock.hidden = true;
      gong().then(() => speak('Ton eingeschaltet.', 'de-DE'));
    };
    if (audio) audio.resume().then(done, done);
    else done();
  }

  function spokenNumber(number) {
    const match = /^([A-Za-z]+)0*(\d+)$/.exec(number || '');
    return match ? `${match[1]} ${match[2]}` : String(number || '').split('').join(' ');
  }

  function englishCounter(name) {
    return name.replace(/^Schalter\b/i, 'counter').replace(/^Zimmer\b/i, 'room').replace(/^Platz\b/i, 'desk');
  }

  function announce(call) {
    if (!config.sound || !soundReady) return;
    pending.push(call);
    if (pending.length > 6) pending.splice(0, pending.length - 6); // never fall far behind the board
    if (!announcing) playNext();
  }

  async function playNext() {
    const call = pending.shift();
    if (!call) {
      announcing = false;
      return;
    }
    announcing = true;
    try {
      await gong();
      await speak(`Nummer ${spokenNumber(call.number)}, bitte zu ${call.counterName}.`, 'de-DE');
      if (config.languages.includes('en')) {
        await speak(`Number ${spokenNumber(call.number)}, please go to ${englishCounter(call.counterName)}.`, 'en-GB');
      }
    } catch (error) {
      // One failed announcement must not silence the next.
    }
    setTimeout(playNext, 600);
  }

  // A two-tone chime (E5, then C5) made of sines with two quiet overtones, so no audio file is needed.
  function gong() {
    return new Promise((resolve) => {
      if (!audio || audio.state !== 'running') {
        resolve();
        return;
      }
      const start = audio.currentTime + 0.05;
      tone(659.25, start, 1.6);
      tone(523.25, start + 0.6, 2.0);
      setTimeout(resolve, 1700);
    });
  }

  function tone(frequency, start, length) {
    const envelope = audio.createGain();
    envelope.gain.setValueAtTime(0.0001, start);
    envelope.gain.exponentialRampToValueAtTime(0.45, start + 0.02);
    envelope.gain.exponentialRampToValueAtTime(0.0001, start + length);
    envelope.connect(audio.destination);
    for (const [multiple, level] of [[1, 1], [2, 0.2], [3, 0.06]]) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency * multiple;
      gain.gain.value = level;
      oscillator.connect(gain);
      gain.connect(envelope);
      oscillator.start(start);
      oscillator.stop(start + length + 0.05);
    }
  }

  function pickVoice(lang) {
    const voices = window.speechSynthesis.getVoices();
    const prefix = lang.slice(0, 2);
    return voices.find((voice) => voice.lang === lang)
      || voices.find((voice) => voice.lang && voice.lang.slice(0, 2) === prefix)
      || null;
  }

  function speak(text, lang) {
    return new Promise((resolve) => {
      if (!('speechSynthesis' in window)) {
        resolve();
        return;
      }
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      utterance.rate = 0.9;
      const voice = pickVoice(lang);
      if (voice) utterance.voice = voice;
      let finished = false;
      const finish = () => {
        if (!finished) {
          finished = true;
          resolve();
        }
      };
      utterance.addEventListener('end', finish);
      utterance.addEventListener('error', finish);
      setTimeout(finish, 12000); // some engines never report the end
      window.speechSynthesis.speak(utterance);
    });
  }

  // ---------------------------------------------------------------- connection

  let source = null;
  let connected = false;
  let pollTimer = null;
  let retryTimer = null;
  let lostTimer = null;
  let retryDelay = RETRY_FIRST_MS;

  async function fetchBoard() {
    try {
      const response = await fetch(config.boardURL, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (!response.ok) return null;
      return await response.json();
    } catch (error) {
      return null;
    }
  }

  function openStream() {
    clearTimeout(retryTimer);
    retryTimer = null;
    if (!('EventSource' in window) || !config.eventsURL) {
      streamDown();
      return;
    }
    if (source) source.close();
    const stream = new EventSource(config.eventsURL);
    source = stream;
    stream.addEventListener('open', () => {
      if (source === stream) streamUp();
    });
    stream.addEventListener('board', (event) => {
      if (source !== stream) return;
      let board;
      try {
        board = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      streamSequence = Number(board.sequence) || 0;
      applyBoard(board);
      streamUp();
    });
    stream.addEventListener('error', () => {
      if (source !== stream) return;
      if (stream.readyState === EventSource.CLOSED) {
        source = null;
        scheduleRetry();
      }
      streamDown();
    });
  }

  function streamUp() {
    connected = true;
    retryDelay = RETRY_FIRST_MS;
    clearTimeout(lostTimer);
    lostTimer = null;
    elements.connection.hidden = true;
    clearInterval(pollTimer);
    pollTimer = null;
  }

  function streamDown() {
    connected = false;
    if (!lostTimer && elements.connection.hidden) {
      lostTimer = setTimeout(() => {
        lostTimer = null;
        if (!connected) elements.connection.hidden = false;
      }, LOST_GRACE_MS);
    }
    if (!pollTimer) pollTimer = setInterval(poll, POLL_MS);
  }

  function scheduleRetry() {
    if (retryTimer) return;
    retryTimer = setTimeout(openStream, retryDelay);
    retryDelay = Math.min(RETRY_MAX_MS, Math.round(retryDelay * 1.5));
  }

  async function poll() {
    const board = await fetchBoard();
    if (!board || connected) return;
    applyBoard(board);
    // The server answers again: try the stream now rather than at the end of the backoff.
    if (!source) openStream();
  }

  async function check() {
    if (!connected) return;
    const board = await fetchBoard();
    const latest = board ? Number(board.sequence) || 0 : 0;
    if (!board || !connected || latest <= streamSequence) return;
    setTimeout(() => {
      if (connected && streamSequence < latest) {
        applyBoard(board);
        openStream();
      }
    }, 3000);
  }

  // ---------------------------------------------------------------- start

  const stored = (() => {
    try {
      return JSON.parse(sessionStorage.getItem(storageKey) || 'null');
    } catch (error) {
      return null;
    }
  })();
  setUpSound();
  if (Array.isArray(stored)) {
    announced = new Set(stored);
    noticeNewCalls(initialCalls());
  } else {
    for (const call of initialCalls()) announced.add(callKey(call));
    saveAnnounced();
  }
  tick();
  setInterval(tick, 1000);
  openStream();
  setInterval(check, CHECK_MS);
  window.addEventListener('online', () => {
    if (!connected) openStream();
  });
})();