// The exam page's enhancements. Without this script the page still works (form posts); with it:
// autosave on every change with per-question sequence numbers, an offline queue kept in
// localStorage and replayed in order, a countdown from the server's clock, auto-submit at zero,
// a question navigator with flags, and focus-loss reporting. Protocol: docs/api.md.
// Every save carries the stored seq it was based on (baseSeq): an answer queued on one device never
// overwrites a newer one saved from another; the server refuses it (409) with the answer it kept, and
// the page shows that answer and says so.
(() => {
  'use strict';
  const configElement = document.getElementById('exam-config');
  const form = document.getElementById('exam-form');
  if (!configElement || !form) return;
  const cfg = JSON.parse(configElement.textContent);
  const text = cfg.text;
  const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
  const statusEl = document.getElementById('save-status');
  const warnEl = document.getElementById('exam-warning');
  const timerEl = document.getElementById('timer');
  const queueKey = 'certplatform.answers.' + cfg.attemptId;
  const base = '/api/attempts/' + cfg.attemptId;
  const deadline = Date.parse(cfg.deadlineUtc);
  // The server's clock decides; the local clock only counts down from the server's "now".
  const clockOffset = Date.parse(cfg.serverNowUtc) - Date.now();
  const seqs = Object.assign({}, cfg.seqs);
  // The stored seq each question's answer on this page builds on (from the server at load, then from acks).
  const based = Object.assign({}, cfg.seqs);
  let queue = loadQueue();
  let sending = false, closed = false, submitting = false, retryTimer = null, lastFocusEvent = 0;
  let networkDown = false; // the last save attempt could not reach the server at all
  let busyCount = 0; // saves answered "busy" (503, Retry-After) in a row: the server asked us to come back later
  let resumeAt = 0; // no save is sent before this time (Date.now()) once the server asked us to wait
  const warned = new Set();

  function loadQueue() {
    try { return JSON.parse(localStorage.getItem(queueKey) || '[]'); } catch { return []; }
  }
  function persist() {
    try {
      if (queue.length) localStorage.setItem(queueKey, JSON.stringify(queue)); else localStorage.removeItem(queueKey);
    } catch { /* storage full or disabled: the in-memory queue still works */ }
  }
  // How long to wait before trying again when the server says it is busy (503) or rate-limits (429): its Retry-After
  // (seconds, or a date), else a back-off doubling from 2 s with each busy answer in a row; bounded to 1–30 s, plus up to
  // 1 s at random so that trainees told to wait at the same moment do not all come back at the same moment.
  function retryDelay(response, attempt) {
    const header = (response.headers.get('Retry-After') || '').trim();
    let seconds = /^\d+$/.test(header) ? +header : header ? (Date.parse(header) - Date.now()) / 1000 : NaN;
    if (!(seconds >= 0)) seconds = 2 ** Math.min(Math.max(attempt, 1), 5);
    return Math.min(30, Math.max(1, seconds)) * 1000 + Math.random() * 1000;
  }
  const isBusy = response => response.status === 503 || response.status === 429;
  function format(template, ...args) { return template.replace(/\{(\d+)\}/g, (_, i) => String(args[+i])); }
  function show(state) {
    statusEl.dataset.state = state;
    statusEl.textContent = state === 'offline' ? format(text.offline, queue.length) : text[state];
  }
  // keepalive: a report sent as the page unloads (closing or reloading counts as leaving) still arrives.
  function api(method, url, body, keepalive = false) {
    return fetch(url, {
      method, credentials: 'same-origin', keepalive,
      headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  // --- reading and writing answers: the same field names as the server's ExamForm ---
  const field = (root, name) => root.querySelectorAll('[name="' + CSS.escape(name) + '"]');
  function read(root, prefix, type) {
    switch (type) {
      case 'single': case 'multiple':
        return { selected: [...field(root, prefix)].filter(i => i.checked).map(i => +i.value).sort((a, b) => a - b) };
      case 'trueFalse': {
        const c = [...field(root, prefix)].find(i => i.checked);
        return c ? { trueFalse: c.value === 'true' } : {};
      }
      case 'fill': {
        const blanks = [];
        for (let k = 1; field(root, prefix + '.b' + k).length; k++) blanks.push(field(root, prefix + '.b' + k)[0].value.trim());
        return { blanks };
      }
      case 'matching': {
        const matches = [];
        for (let i = 0; field(root, prefix + '.m' + i).length; i++) {
          const v = field(root, prefix + '.m' + i)[0].value;
          matches.push(v === '' ? -1 : +v);
        }
        return { matches };
      }
      case 'ordering': {
        const items = [];
        for (let i = 0; field(root, prefix + '.o' + i).length; i++) {
          const v = field(root, prefix + '.o' + i)[0].value;
          items.push({ i, pos: v === '' ? null : +v });
        }
        if (items.every(x => x.pos === null)) return {};
        items.sort((a, b) => (a.pos ?? 1e9) - (b.pos ?? 1e9) || a.i - b.i);
        return { order: items.map(x => x.i) };
      }
      case 'essay':
        return { text: field(root, prefix + '.text')[0].value };
      case 'case': {
        const parts = {};
        root.querySelectorAll('fieldset.case-part').forEach(p => {
          const r = read(p, p.dataset.prefix, p.dataset.type);
          if (!blank(r)) parts[p.dataset.part] = r;
        });
        return { parts };
      }
    }
    return {};
  }
  function write(root, prefix, type, r) {
    switch (type) {
      case 'single': case 'multiple':
        field(root, prefix).forEach(i => { i.checked = (r.selected || []).includes(+i.value); }); break;
      case 'trueFalse':
        field(root, prefix).forEach(i => { i.checked = r.trueFalse !== undefined && String(r.trueFalse) === i.value; }); break;
      case 'fill':
        (r.blanks || []).forEach((b, k) => { const f = field(root, prefix + '.b' + (k + 1))[0]; if (f) f.value = b; }); break;
      case 'matching':
        (r.matches || []).forEach((m, i) => { const f = field(root, prefix + '.m' + i)[0]; if (f) f.value = m < 0 ? '' : String(m); }); break;
      case 'ordering':
        (r.order || []).forEach((item, pos) => { const f = field(root, prefix + '.o' + item)[0]; if (f) f.value = String(pos + 1); }); break;
      case 'essay':
        field(root, prefix + '.text')[0].value = r.text || ''; break;
      case 'case':
        root.querySelectorAll('fieldset.case-part').forEach(p => write(p, p.dataset.prefix, p.dataset.type, (r.parts || {})[p.dataset.part] || {}));
        break;
    }
  }
  function blank(r) {
    return !(r.selected && r.selected.length) && r.trueFalse === undefined && !(r.blanks || []).some(b => b) &&
      !(r.matches || []).some(m => m >= 0) && !(r.order && r.order.length) && !(r.text && r.text.trim()) &&
      !Object.values(r.parts || {}).some(p => !blank(p));
  }
  const questionOf = el => el.closest('fieldset.question');
  function responseOf(q) { return read(q, 'a' + q.dataset.ref, q.dataset.type); }
  // The navigator names each link with its state in words ("第 3 题，已作答，已标记"), not by colour alone.
  function nameNav(nav) {
    const template = text.navState[nav.classList.contains('answered') ? 1 : 0][nav.classList.contains('flagged') ? 1 : 0];
    nav.setAttribute('aria-label', format(template, nav.dataset.number));
    const count = document.getElementById('navigator-count');
    if (count) {
      const links = document.querySelectorAll('#navigator a');
      count.textContent = count.textContent.replace(/\d+(\s*\/\s*)\d+/, [...links].filter(a => a.classList.contains('answered')).length + '$1' + links.length);
    }
  }
  function markAnswered(ref, answered) {
    const nav = document.getElementById('nav-' + ref);
    if (nav) { nav.classList.toggle('answered', answered); nameNav(nav); }
  }

  // --- the save queue: newest answer per question, sent in order, one request at a time ---
  function enqueue(q) {
    if (closed) return;
    const ref = +q.dataset.ref;
    const response = responseOf(q);
    seqs[ref] = (seqs[ref] || 0) + 1;
    queue = queue.filter(e => e.ref !== ref);
    queue.push({ ref, response, seq: seqs[ref], base: based[ref] || 0 });
    persist();
    markAnswered(ref, !blank(response));
    pump();
  }
  function retryLater(ms) {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(pump, ms);
  }
  async function pump() {
    if (sending || closed) return;
    if (!queue.length) { show('saved'); return; }
    if (Date.now() < resumeAt) return; // the retry timer sends it when the server said
    sending = true;
    show('saving');
    try {
      while (queue.length && !closed) {
        const entry = queue[0];
        let response;
        try {
          const body = { response: entry.response, seq: entry.seq };
          if (entry.base !== undefined) body.baseSeq = entry.base; // entries queued by an older page have none
          response = await api('PUT', base + '/answers/' + entry.ref, body);
          networkDown = false;
        } catch {
          networkDown = true;
          show('offline');
          retryLater(3000);
          return;
        }
        if (!isBusy(response)) busyCount = 0;
        if (response.ok) {
          // Later edits to this question on this page were based on the same stored seq: they build on this one now.
          based[entry.ref] = entry.seq;
          queue.forEach(e => { if (e.ref === entry.ref && e.base === entry.base) e.base = entry.seq; });
          queue = queue.filter(e => e !== entry);
          persist();
          continue;
        }
        if (response.status === 409) {
          // A newer answer (from another device or window) is stored and kept: show it, and drop what was queued here.
          let kept = null;
          try { kept = await response.json(); } catch { /* no body: keep the page as it is */ }
          queue = queue.filter(e => e.ref !== entry.ref);
          persist();
          if (kept && typeof kept.storedSeq === 'number') keep(entry.ref, kept.storedSeq, kept.storedResponse || {});
          continue;
        }
        if (response.status === 400 || response.status === 404) {
          // Cannot succeed on retry.
          queue = queue.filter(e => e !== entry);
          persist();
          continue;
        }
        if (response.status === 410) {
          closed = true;
          queue = [];
          persist();
          show('closed');
          location.assign(cfg.resultUrl);
          return;
        }
        if (isBusy(response)) {
          // The server is busy (its database overloaded): the answer stays queued here and goes again when it says.
          busyCount++;
          show('busy');
          const wait = retryDelay(response, busyCount);
          resumeAt = Date.now() + wait - 50;
          retryLater(wait);
          return;
        }
        show('failed');
        retryLater(2000);
        return;
      }
      if (!closed) show('saved');
    } finally {
      sending = false;
    }
  }
  // The server kept another answer: show it, continue numbering from its seq, and tell the trainee.
  function keep(ref, storedSeq, storedResponse) {
    seqs[ref] = Math.max(seqs[ref] || 0, storedSeq);
    based[ref] = storedSeq;
    const q = document.getElementById('q' + ref);
    if (q) write(q, 'a' + ref, q.dataset.type, storedResponse);
    markAnswered(ref, !blank(storedResponse));
    const number = q ? q.dataset.number : String(ref + 1);
    warnEl.textContent = format(text.conflict, number);
    warnEl.hidden = false;
  }
  function flush(timeoutMs) {
    return new Promise(resolve => {
      const started = Date.now();
      const check = () => {
        if (!queue.length || closed || Date.now() - started > timeoutMs) return resolve(!queue.length);
        pump();
        setTimeout(check, 200);
      };
      check();
    });
  }

  // --- submit (manual or at zero) ---
  async function submit() {
    if (submitting) return;
    submitting = true;
    let submitBusy = 0; // submits answered "busy" so far
    show('submitting');
    for (;;) {
      // Queued answers go first. While the network is down, wait for it rather than submit: a submit that
      // reaches the server before the queued answers finishes the attempt and they are refused (410), lost.
      // The same while the server answers saves with "busy, come back later" (503): it will take them later.
      // (If the server itself keeps failing the saves otherwise, submit after the wait as before.)
      const drained = await flush(10000);
      if (closed) return; // a save was refused with 410: pump has already gone to the result page
      if (!drained && (networkDown || busyCount > 0)) {
        await new Promise(res => setTimeout(res, 2000));
        continue;
      }
      show('submitting');
      let wait = 2000;
      try {
        const r = await api('POST', base + '/submit');
        if (r.ok || r.status === 404 || r.status === 410) break;
        if (isBusy(r)) { submitBusy++; show('busy'); wait = retryDelay(r, submitBusy); }
      } catch { /* offline: the server finishes the attempt at the deadline anyway; keep trying */ }
      await new Promise(res => setTimeout(res, wait));
    }
    closed = true;
    localStorage.removeItem(queueKey);
    location.assign(cfg.resultUrl);
  }

  // --- timer from the server's clock ---
  function tick() {
    const left = Math.max(0, deadline - (Date.now() + clockOffset));
    const s = Math.floor(left / 1000);
    const hh = Math.floor(s / 3600), mm = Math.floor(s % 3600 / 60), ss = s % 60;
    timerEl.textContent = text.remaining + ' ' + (hh ? hh + ':' : '') + String(mm).padStart(2, '0') + ':' + String(ss).padStart(2, '0');
    timerEl.classList.toggle('low', s <= 300);
    for (const [limit, key] of [[600, 'warn10'], [300, 'warn5'], [60, 'warn1']]) {
      if (s <= limit && s > limit - 60 && !warned.has(key)) {
        warned.add(key);
        warnEl.textContent = text[key];
        warnEl.hidden = false;
      }
    }
    if (left <= 0) { submit(); return; }
    setTimeout(tick, 1000 - ((Date.now() + clockOffset) % 1000) || 1000);
  }

  // --- flags and focus loss ---
  async function toggleFlag(button) {
    const ref = +button.dataset.flag;
    const flagged = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(flagged));
    labelFlag(button, flagged);
    const nav = document.getElementById('nav-' + ref);
    if (nav) { nav.classList.toggle('flagged', flagged); nameNav(nav); }
    sendFlag(button, ref, flagged, 1);
  }
  // A flag is a reminder only: sent once, and again (a few times) only when the server says it is busy, as long as the
  // trainee has not changed it meanwhile (a newer click sends its own).
  async function sendFlag(button, ref, flagged, attempt) {
    try {
      const r = await api('PUT', base + '/flags/' + ref, { flagged });
      if (isBusy(r) && attempt < 5)
        setTimeout(() => { if (!closed && button.getAttribute('aria-pressed') === String(flagged)) sendFlag(button, ref, flagged, attempt + 1); },
          retryDelay(r, attempt));
    } catch { /* offline: a flag is a reminder only */ }
  }
  async function focusLost(kind) {
    if (closed || submitting || Date.now() - lastFocusEvent < 1500) return; // one switch fires blur and visibilitychange
    lastFocusEvent = Date.now();
    try {
      const r = await api('POST', base + '/events', { kind, detail: '' }, true);
      if (!r.ok) return;
      const body = await r.json();
      if (body.warn) {
        warnEl.textContent = format(text.focusWarn, body.focusLossCount, body.focusLossLimit);
        warnEl.hidden = false;
      }
    } catch { /* offline: nothing to report to */ }
  }

  // --- wiring ---
  let typingTimers = {};
  form.addEventListener('change', e => { const q = questionOf(e.target); if (q) enqueue(q); });
  form.addEventListener('input', e => {
    const q = questionOf(e.target);
    if (!q || !(e.target.matches('input[type=text], textarea'))) return;
    clearTimeout(typingTimers[q.dataset.ref]);
    typingTimers[q.dataset.ref] = setTimeout(() => enqueue(q), 700);
  });
  form.addEventListener('submit', e => {
    e.preventDefault();
    if (e.submitter && e.submitter.value === 'submit') {
      const unanswered = [...form.querySelectorAll('fieldset.question')].filter(q => blank(responseOf(q))).length;
      if (confirm(format(text.confirmSubmit, unanswered))) submit();
    } else {
      form.querySelectorAll('fieldset.question').forEach(q => { clearTimeout(typingTimers[q.dataset.ref]); });
      pump();
    }
  });
  // Flag buttons exist only with this script (flags are a JavaScript feature); the page renders none.
  // Each is named with its question's number ("标记第 3 题") and shows the navigator's flag icon.
  const flagIcon = document.querySelector('.legend .flag-icon');
  function labelFlag(button, flagged) {
    const label = document.createElement('span');
    label.textContent = format(flagged ? text.unflag : text.flag, button.dataset.number);
    button.replaceChildren(...(flagIcon ? [flagIcon.cloneNode(true)] : []), label);
  }
  form.querySelectorAll('fieldset.question').forEach(q => {
    const ref = +q.dataset.ref;
    const flagged = cfg.flags.includes(ref);
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'flag link';
    b.dataset.flag = String(ref);
    b.dataset.number = q.dataset.number;
    b.setAttribute('aria-pressed', String(flagged));
    labelFlag(b, flagged);
    b.addEventListener('click', () => toggleFlag(b));
    q.appendChild(b);
  });
  window.addEventListener('online', pump);
  // Answers still queued (offline, or not yet acknowledged) would wait in this browser only: warn before leaving.
  window.addEventListener('beforeunload', e => {
    if (queue.length && !closed) { e.preventDefault(); e.returnValue = ''; }
  });
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') focusLost('tab-hidden'); });
  window.addEventListener('blur', () => focusLost('focus-lost'));

  // Answers queued before the page was closed (e.g. offline) are newer than what the server rendered.
  for (const entry of queue) {
    seqs[entry.ref] = Math.max(seqs[entry.ref] || 0, entry.seq);
    const q = document.getElementById('q' + entry.ref);
    if (q) { write(q, 'a' + entry.ref, q.dataset.type, entry.response); markAnswered(entry.ref, !blank(entry.response)); }
  }
  // On a phone the navigator starts folded (its summary says how many are answered), so question 1 is on the first screen.
  const navPanel = document.getElementById('navigator-panel');
  if (navPanel && window.matchMedia('(max-width: 999px)').matches) navPanel.open = false;
  // Focused controls must not hide under the sticky status bar (top) or the submit bar (bottom): the page
  // scrolls with padding the size of those bars (WCAG 2.2 SC 2.4.11); the stylesheet has fallbacks without script.
  const bar = document.querySelector('.exam-bar'), actions = document.querySelector('.exam-actions');
  function padScroll() {
    const root = document.documentElement.style;
    if (bar) root.setProperty('--exam-bar-height', Math.ceil(bar.getBoundingClientRect().height) + 'px');
    if (actions) root.setProperty('--exam-actions-height', Math.ceil(actions.getBoundingClientRect().height) + 'px');
  }
  if (window.ResizeObserver) new ResizeObserver(padScroll).observe(bar || document.body);
  padScroll();
  timerEl.hidden = false;
  document.documentElement.classList.add('exam-js');
  tick();
  pump();
})();
