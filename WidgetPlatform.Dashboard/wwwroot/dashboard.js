// Polls rather than streams: two small GETs a second are plenty for one developer's tab,
// survive AppHost restarts without reconnect logic, and keep the server free of long-lived requests.
const resourcePollMs = 1000;
const logPollMs = 500;
const maxLogLines = 5000;

const fields = ['name', 'kind', 'state', 'health', 'pid', 'endpoints', 'restartCount', 'startedAt', 'lastExit'];
const actions = ['start', 'stop', 'restart'];

const tableBody = document.querySelector('#resources tbody');
const connection = document.getElementById('connection');
const status = document.getElementById('status');
const logTitle = document.getElementById('log-title');
const logView = document.getElementById('log-view');

const rows = new Map();
const busy = new Set();
let selected = decodeURIComponent(location.hash.slice(1)) || null;
let logGeneration = 0;
let lastSequence = 0;

function element(tag, properties = {}, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

function none() {
  return element('span', { className: 'none', textContent: '—' });
}

function badge(value) {
  const node = element('span', { className: 'badge', textContent: value });
  node.dataset.value = value;
  return node;
}

function formatTime(iso, withMilliseconds) {
  const date = new Date(iso);
  const time = date.toLocaleTimeString([], { hour12: false });
  return withMilliseconds ? `${time}.${String(date.getMilliseconds()).padStart(3, '0')}` : time;
}

function endpoint(url) {
  if (/^https?:\/\//i.test(url)) {
    return element('a', { href: url, target: '_blank', rel: 'noopener', textContent: url });
  }
  return element('code', { textContent: url });
}

function cellContent(resource, field) {
  const value = resource[field];
  switch (field) {
    case 'state':
    case 'health':
      return [badge(value)];
    case 'endpoints':
      return value.length ? value.map(endpoint) : [none()];
    case 'startedAt':
      return value ? [element('time', { dateTime: value, title: value, textContent: formatTime(value, false) })] : [none()];
    default:
      return value === null || value === undefined ? [none()] : [String(value)];
  }
}

// Which actions make sense in a state; the AppHost owns no process of an external resource.
function allowed(action, state) {
  if (state === 'External' || state === 'Stopping') return false;
  if (action === 'start') return state !== 'Running' && state !== 'Starting';
  if (action === 'stop') return state !== 'Stopped';
  return true;
}

function createRow(name) {
  const row = element('tr');
  row.dataset.resource = name;
  for (const field of fields) {
    row.insertCell().dataset.field = field;
  }
  const buttons = row.insertCell();
  buttons.className = 'actions';
  for (const action of actions) {
    const button = element('button', { type: 'button', textContent: action });
    button.dataset.action = action;
    button.addEventListener('click', () => runAction(name, action));
    buttons.append(button);
  }
  const logs = element('button', { type: 'button', textContent: 'logs' });
  logs.dataset.action = 'logs';
  logs.addEventListener('click', () => select(name));
  buttons.append(logs);
  row.addEventListener('click', event => {
    if (!event.target.closest('button, a')) select(name);
  });
  return { row, json: '', resource: null };
}

function updateRow(entry, resource) {
  entry.resource = resource;
  const json = JSON.stringify(resource);
  // Rewriting unchanged cells every second would reset text selections and hovered links.
  if (entry.json !== json) {
    entry.json = json;
    for (const cell of entry.row.querySelectorAll('td[data-field]')) {
      cell.replaceChildren(...cellContent(resource, cell.dataset.field));
    }
    entry.row.dataset.state = resource.state;
  }
  for (const button of entry.row.querySelectorAll('button[data-action]')) {
    if (button.dataset.action !== 'logs') {
      button.disabled = busy.has(resource.name) || !allowed(button.dataset.action, resource.state);
    }
  }
  entry.row.setAttribute('aria-selected', String(resource.name === selected));
}

function render(resources) {
  const seen = new Set();
  for (const resource of resources) {
    seen.add(resource.name);
    let entry = rows.get(resource.name);
    if (!entry) {
      entry = createRow(resource.name);
      rows.set(resource.name, entry);
    }
    updateRow(entry, resource);
    tableBody.append(entry.row);
  }
  for (const [name, entry] of rows) {
    if (!seen.has(name)) {
      entry.row.remove();
      rows.delete(name);
    }
  }
}

function setConnected(connected) {
  connection.dataset.connected = String(connected);
  connection.textContent = connected ? 'live' : 'AppHost not reachable';
}

function showStatus(text, kind) {
  status.hidden = false;
  status.textContent = text;
  status.dataset.kind = kind;
}

async function refreshResources() {
  try {
    const response = await fetch('api/resources', { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    render(await response.json());
    setConnected(true);
  } catch {
    setConnected(false);
  } finally {
    setTimeout(refreshResources, resourcePollMs);
  }
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

async function runAction(name, action) {
  busy.add(name);
  rows.get(name)?.row.querySelectorAll('button[data-action]:not([data-action="logs"])').forEach(b => { b.disabled = true; });
  showStatus(`${action} ${name}…`, 'progress');
  try {
    const response = await fetch(`api/resources/${encodeURIComponent(name)}/${action}`, { method: 'POST' });
    if (response.ok) {
      showStatus(`${action} ${name}: done`, 'done');
    } else {
      showStatus(`${action} ${name} failed: ${await problemText(response)}`, 'error');
    }
  } catch (error) {
    showStatus(`${action} ${name} failed: ${error.message}`, 'error');
  } finally {
    busy.delete(name);
    const entry = rows.get(name);
    if (entry?.resource) updateRow(entry, entry.resource);
  }
}

function select(name) {
  if (name === selected) return;
  selected = name;
  history.replaceState(null, '', `#${encodeURIComponent(name)}`);
  for (const [rowName, entry] of rows) {
    entry.row.setAttribute('aria-selected', String(rowName === name));
  }
  logGeneration++;
  lastSequence = 0;
  logTitle.textContent = `Console: ${name}`;
  logView.dataset.resource = name;
  logView.replaceChildren();
}

// Services log plain text when redirected, but a child may still force colours; escape codes are unreadable here.
function stripAnsi(text) {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
}

function logLine(line) {
  const node = element('div', { className: 'log-line' },
    element('time', { dateTime: line.timestamp, textContent: formatTime(line.timestamp, true) }),
    element('span', { className: 'stream', textContent: line.stream }),
    element('span', { className: 'text', textContent: stripAnsi(line.text) }));
  node.dataset.stream = line.stream;
  node.dataset.sequence = String(line.sequence);
  return node;
}

function appendLines(lines) {
  if (!lines.length) return;
  const following = logView.scrollTop + logView.clientHeight >= logView.scrollHeight - 8;
  logView.append(...lines.map(logLine));
  while (logView.childElementCount > maxLogLines) {
    logView.firstElementChild.remove();
  }
  lastSequence = lines[lines.length - 1].sequence;
  if (following) logView.scrollTop = logView.scrollHeight;
}

async function refreshLogs() {
  const generation = logGeneration;
  const name = selected;
  try {
    if (name) {
      const response = await fetch(
        `api/resources/${encodeURIComponent(name)}/logs?after=${lastSequence}&max=${maxLogLines}`,
        { cache: 'no-store' });
      // The selection may have changed while this request was in flight.
      if (generation === logGeneration) {
        if (response.ok) {
          appendLines(await response.json());
        } else if (response.status === 404) {
          logView.replaceChildren(element('p', { id: 'log-empty', textContent: `No resource named ${name}.` }));
        }
      }
    }
  } catch {
    // The connection badge already reports an unreachable AppHost.
  } finally {
    setTimeout(refreshLogs, logPollMs);
  }
}

// A link to /#query opens straight onto that resource's console.
if (selected) {
  const initial = selected;
  selected = null;
  select(initial);
}
refreshResources();
refreshLogs();
