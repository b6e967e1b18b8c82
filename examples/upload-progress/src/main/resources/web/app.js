// The upload demo page: the upload's bytes through XMLHttpRequest, the job's stages through the
// camel-progress client, and every job of the channel on the dashboard.
import { subscribe } from '/progress/_client.js';

const TERMINAL = ['done', 'error', 'cancelled'];
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const transport = params.get('transport') || 'auto';
$('transport').value = transport;

// what tests read: every event the job subscription handed over, with the upload's percent at the time
const demo = (window.progressDemo = { log: [], uploadPercent: 0, firstEventMs: null, job: null });

let job = null; // { id, sub, startedAt, timer }

$('transport').onchange = (e) => {
  params.set('transport', e.target.value);
  location.search = params.toString();
};

const drop = $('drop');
$('file').onchange = (e) => e.target.files[0] && upload(e.target.files[0]);
drop.ondragover = (e) => (e.preventDefault(), drop.classList.add('over'));
drop.ondragleave = () => drop.classList.remove('over');
drop.ondrop = (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  if (e.dataTransfer.files[0]) upload(e.dataTransfer.files[0]);
};
$('cancel').onclick = () => {
  $('cancel').disabled = true;
  if (!job.sub) {
    job.xhr.abort();
    return finishWith('cancelled', 'Upload cancelled');
  }
  job.sub.send('cancel').catch((e) => showMessage('Could not cancel: ' + e.message, true));
};

function upload(file) {
  if (job) stopWatching();
  demo.log = [];
  demo.job = null;
  showJob(file.name, file.size);
  setUpload(0);
  setStatus('uploading');
  const startedAt = Date.now();
  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/api/uploads?name=' + encodeURIComponent(file.name));
  xhr.setRequestHeader('Content-Type', 'application/octet-stream');
  xhr.upload.onprogress = (e) => e.lengthComputable && setUpload((100 * e.loaded) / e.total);
  xhr.upload.onload = () => setUpload(100);
  xhr.onerror = () => finishWith('error', 'The upload failed: the server could not be reached');
  xhr.onload = () => {
    let answer = {};
    try {
      answer = JSON.parse(xhr.responseText);
    } catch (e) {
      // not JSON: the status says enough
    }
    if (!answer.jobId) return finishWith('error', answer.error || 'The upload failed: HTTP ' + xhr.status);
    setUpload(100);
    sessionStorage.setItem('job:' + answer.jobId, JSON.stringify({ name: file.name, size: file.size, startedAt }));
    history.replaceState(null, '', '#job=' + answer.jobId);
    watch(answer.jobId, startedAt);
  };
  job = { id: null, xhr, startedAt, timer: setInterval(tick, 100) };
  $('cancel').disabled = false;
  xhr.send(file);
}

// Follows one job; after a reload the page comes back here with the id of the URL and resumes.
function watch(id, startedAt) {
  clearInterval(job && job.timer);
  job = { id, startedAt, timer: setInterval(tick, 100) };
  demo.job = id;
  $('job-id').textContent = id;
  setStatus('queued');
  $('cancel').disabled = false;
  job.sub = subscribe(
    'uploads/' + id,
    {
      onEvent: (ev) => {
        demo.log.push({ id: ev.id, event: ev.event, stage: ev.data && ev.data.stage,
                        percent: ev.data && ev.data.percent, uploadPercent: demo.uploadPercent });
      },
      onProgress: (data) => {
        if (data.stage === 'queued') return setStatus('queued');
        setStatus('processing');
        setStage(data.stage, data.percent);
        showMessage(`${formatBytes(data.current)} of ${formatBytes(data.total)} read in this stage`);
      },
      onDone: (data) => {
        setStage(null, 100);
        finishWith('done', `Finished in ${data.seconds.toFixed(1)} s`);
        showResult(data);
      },
      onError: (data) => finishWith('error', data.message),
      onCancelled: (data) => finishWith('cancelled', `Cancelled during ${data.stage}`),
      onReset: (info) => showMessage(`Some events could not be replayed (${info.reason}); showing the latest`),
    },
    { transport, resume: 'session', terminal: TERMINAL },
  );
}

function stopWatching() {
  if (job.sub) job.sub.close();
  clearInterval(job.timer);
}

function finishWith(status, message) {
  clearInterval(job.timer);
  tick();
  setStatus(status);
  showMessage(message, status === 'error');
  $('cancel').disabled = true;
}

function showJob(name, size) {
  $('job').hidden = false;
  $('job-name').textContent = name;
  $('job-size').textContent = formatBytes(size);
  $('job-id').textContent = '…';
  $('result').hidden = true;
  setStage(null, 0);
  $('stage').textContent = 'waiting for the upload';
  showMessage('');
}

function setUpload(percent) {
  demo.uploadPercent = Math.round(percent);
  $('upload-bar').style.width = percent + '%';
  $('upload-text').textContent = demo.uploadPercent + ' %';
}

const STAGE_NAMES = { checksum: 'Checksum', lines: 'Count lines', compress: 'Compress', done: 'finished' };

function setStage(stage, percent) {
  $('process-bar').style.width = percent + '%';
  $('process-text').textContent = Math.round(percent) + ' %';
  $('stage').textContent = stage ? STAGE_NAMES[stage] || stage : percent === 100 ? 'finished' : 'queued';
  let before = stage !== null || percent === 100;
  for (const li of $('stages').children) {
    const current = li.dataset.stage === stage;
    if (current) before = false;
    li.className = current ? 'active' : before && (stage || percent === 100) ? 'done' : '';
  }
}

function setStatus(status) {
  $('status').dataset.status = status;
  $('status').textContent = status;
}

function showMessage(text, error) {
  $('message').textContent = text;
  $('message').className = error ? 'message error' : 'message';
}

function showResult(data) {
  const ratio = data.bytes ? ((100 * data.gzipBytes) / data.bytes).toFixed(0) : 0;
  const rows = [
    ['SHA-256', data.sha256],
    ['Lines', data.lines.toLocaleString('en')],
    ['Compressed', `${formatBytes(data.gzipBytes)} (${ratio} % of ${formatBytes(data.bytes)})`],
  ];
  $('result').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', k), el('dd', v)]));
  $('result').hidden = false;
}

function tick() {
  if (job) $('elapsed').textContent = ((Date.now() - job.startedAt) / 1000).toFixed(1) + ' s';
}

function showConnection(state) {
  $('connection').dataset.state = state;
  $('connection').textContent = `${state} · ${transport}`;
}

// The dashboard: every job of the channel, replayed on load and live after.
const rows = new Map();
subscribe(
  'uploads/*',
  {
    onEvent: (ev) => {
      if (demo.firstEventMs === null) demo.firstEventMs = performance.now();
      if (ev.event !== 'reset' && ev.data && ev.data.stream) showRow(ev.data.stream.slice('uploads/'.length), ev);
    },
    onStatus: showConnection,
  },
  { transport, events: TERMINAL, terminal: TERMINAL },
);

function showRow(id, ev) {
  let row = rows.get(id);
  if (!row) {
    row = el('tr');
    row.dataset.job = id;
    row.innerHTML = '<td class="file"></td><td class="stage"></td><td><div class="bar"><div class="fill processing"></div></div></td><td><span class="pill"></span></td>';
    rows.set(id, row);
    $('jobs').querySelector('.empty')?.remove();
    $('jobs').prepend(row);
  }
  const d = ev.data;
  const status = TERMINAL.includes(ev.event) ? ev.event : d.stage === 'queued' ? 'queued' : 'processing';
  const file = d.file || d.message;
  if (file) row.querySelector('.file').textContent = file;
  row.querySelector('.file').title = id;
  row.querySelector('.stage').textContent = STAGE_NAMES[d.stage] || d.stage || '';
  if (d.percent !== undefined) row.querySelector('.fill').style.width = d.percent + '%';
  const pill = row.querySelector('.pill');
  pill.dataset.status = status;
  pill.textContent = status;
  row.dataset.status = status;
}

function el(tag, text) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

function formatBytes(n) {
  if (n < 1024) return n + ' B';
  if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' KB';
  return (n / 1024 / 1024).toFixed(1) + ' MB';
}

// back after a reload: the job of the URL, resumed from its last id
const resumed = /#job=(\w+)/.exec(location.hash);
if (resumed) {
  const saved = JSON.parse(sessionStorage.getItem('job:' + resumed[1]) || '{}');
  showJob(saved.name || resumed[1], saved.size || 0);
  setUpload(100);
  watch(resumed[1], saved.startedAt || Date.now());
}
