// Cockpit plugin "Kiểm tra SLA" (SLA audit): the units' scorecards and the overdue and extended
// cases, from /camunda/api/cockpit/plugin/sla-audit/{engine}/… (SlaAuditResource). Plain
// JavaScript on Cockpit's plugin points (7.14+), no build step.

const LABELS = {
  vi: {
    title: 'Kiểm tra SLA',
    scorecard: 'Bảng đánh giá',
    overdue: 'Phản ánh quá hạn',
    extended: 'Phản ánh được gia hạn',
    extendedColumn: 'Gia hạn',
    from: 'Từ ngày',
    to: 'Đến ngày',
    unit: 'Đơn vị',
    category: 'Lĩnh vực',
    ward: 'Phường/xã',
    escalationLevel: 'Mức đôn đốc',
    outcome: 'Kết quả',
    state: 'Trạng thái',
    minimumReceived: 'Xếp hạng khi tiếp nhận ít nhất',
    apply: 'Xem',
    any: 'Tất cả',
    csv: 'Tải CSV',
    city: 'Toàn thành phố',
    received: 'Tiếp nhận',
    processed: 'Đã xử lý',
    processedPercent: 'Tỷ lệ đã xử lý',
    onTime: 'Đúng hạn',
    lateWithExtension: 'Trễ hạn có gia hạn',
    late: 'Trễ hạn',
    inProgressOnTime: 'Đang xử lý trong hạn',
    inProgressOverdue: 'Đang xử lý quá hạn',
    ineligible: 'Không hợp lệ',
    awaitingVerification: 'Chờ xác minh',
    satisfied: 'Hài lòng',
    unsatisfied: 'Không hài lòng',
    noRating: 'Không đánh giá',
    averageHandlingHours: 'Xử lý trung bình (giờ)',
    p90HandlingHours: 'Xử lý phân vị 90 (giờ)',
    reprimands: 'Bị phê bình',
    ranking: 'Xếp hạng đơn vị',
    rank: 'Hạng',
    onTimePercent: 'Đúng hạn / đến hạn (%)',
    satisfiedPercent: 'Hài lòng (%)',
    rankingRule: 'Theo tỷ lệ đúng hạn trên số phản ánh đã đến hạn, rồi tỷ lệ hài lòng; chỉ các đơn vị tiếp nhận ít nhất {n} phản ánh.',
    report: 'Mã phản ánh',
    submittedAt: 'Tiếp nhận lúc',
    dueAt: 'Hạn xử lý',
    answeredAt: 'Trả lời lúc',
    hoursOverdue: 'Quá hạn (giờ)',
    rating: 'Đánh giá',
    running: 'Đang chạy',
    ended: 'Đã kết thúc',
    endedHint: 'Tiến trình đã kết thúc: Cockpit bản cộng đồng chỉ hiển thị tiến trình đang chạy',
    total: '{n} phản ánh',
    totalOne: '1 phản ánh',
    moreThanTotal: 'Hơn {n} phản ánh (hãy thu hẹp bộ lọc; Bảng đánh giá có số chính xác)',
    previous: '‹ Trước',
    next: 'Sau ›',
    none: 'Không có phản ánh nào.',
    loading: 'Đang tải…',
    levels: ['Chưa đôn đốc', 'Đã đôn đốc', 'Đã phê bình'],
    outcomes: {
      ON_TIME: 'Đúng hạn',
      LATE_WITH_EXTENSION: 'Trễ hạn có gia hạn',
      LATE: 'Trễ hạn',
      IN_PROGRESS_ON_TIME: 'Đang xử lý trong hạn',
      IN_PROGRESS_OVERDUE: 'Đang xử lý quá hạn'
    },
    ratings: { SATISFIED: 'Hài lòng', UNSATISFIED: 'Không hài lòng', NONE: 'Không đánh giá' },
    states: { RUNNING: 'Đang chạy', ENDED: 'Đã kết thúc' },
    yes: 'Có'
  },
  en: {
    title: 'SLA audit',
    scorecard: 'Scorecard',
    overdue: 'Overdue cases',
    extended: 'Extended cases',
    extendedColumn: 'Extended',
    from: 'From',
    to: 'To',
    unit: 'Unit',
    category: 'Category',
    ward: 'Ward',
    escalationLevel: 'Escalation',
    outcome: 'Outcome',
    state: 'State',
    minimumReceived: 'Rank units with at least',
    apply: 'Show',
    any: 'Any',
    csv: 'Download CSV',
    city: 'Whole city',
    received: 'Received',
    processed: 'Processed',
    processedPercent: 'Processed',
    onTime: 'On time',
    lateWithExtension: 'Late with extension',
    late: 'Late',
    inProgressOnTime: 'In progress on time',
    inProgressOverdue: 'In progress overdue',
    ineligible: 'Ineligible',
    awaitingVerification: 'Awaiting verification',
    satisfied: 'Satisfied',
    unsatisfied: 'Unsatisfied',
    noRating: 'No rating',
    averageHandlingHours: 'Average handling (h)',
    p90HandlingHours: '90th pct handling (h)',
    reprimands: 'Reprimands',
    ranking: 'Unit ranking',
    rank: 'Rank',
    onTimePercent: 'On time of due (%)',
    satisfiedPercent: 'Satisfied (%)',
    rankingRule: 'By the share of due reports answered on time, then satisfaction; only units that received at least {n} reports.',
    report: 'Report',
    submittedAt: 'Received',
    dueAt: 'Due',
    answeredAt: 'Answered',
    hoursOverdue: 'Hours overdue',
    rating: 'Rating',
    running: 'Running',
    ended: 'Ended',
    endedHint: 'The process has ended: Cockpit Community Edition shows running instances only',
    total: '{n} reports',
    totalOne: '1 report',
    moreThanTotal: 'More than {n} reports (narrow the filters; the scorecard has the exact figures)',
    previous: '‹ Previous',
    next: 'Next ›',
    none: 'No reports.',
    loading: 'Loading…',
    levels: ['Not escalated', 'Urged', 'Reprimanded'],
    outcomes: {
      ON_TIME: 'On time',
      LATE_WITH_EXTENSION: 'Late with extension',
      LATE: 'Late',
      IN_PROGRESS_ON_TIME: 'In progress on time',
      IN_PROGRESS_OVERDUE: 'In progress overdue'
    },
    ratings: { SATISFIED: 'Satisfied', UNSATISFIED: 'Unsatisfied', NONE: 'No rating' },
    states: { RUNNING: 'Running', ENDED: 'Ended' },
    yes: 'Yes'
  }
};

// Vietnamese when the browser's first language is Vietnamese, English otherwise: the rule Tasklist
// follows with our locales, so both speak the same language to the same leader.
const FIRST_LANGUAGE = ((navigator.languages && navigator.languages[0]) || navigator.language || 'en');
const LANGUAGE = FIRST_LANGUAGE.toLowerCase().split('-')[0] === 'vi' ? 'vi' : 'en';
const T = LABELS[LANGUAGE];
const VIETNAM = 'Asia/Ho_Chi_Minh';
const PAGE_SIZE = 50;


function format(text, values) {
  return text.replace(/\{(\w+)\}/g, (_, key) => values[key]);
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (name === 'onclick' || name === 'onsubmit') node[name] = value;
    else node.setAttribute(name, value === true ? '' : value);
  });
  children.flat().forEach(child => {
    if (child === null || child === undefined) return;
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  });
  return node;
}

function number(value) {
  return value === null || value === undefined ? '' : Number(value).toLocaleString(LANGUAGE === 'vi' ? 'vi-VN' : 'en-US');
}

function percent(part, whole) {
  return whole ? number(Math.round((1000 * part) / whole) / 10) + ' %' : '–';
}

function dateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(LANGUAGE === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: VIETNAM, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
  }).format(new Date(iso));
}

function isoDay(date) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM }).format(date);
}

function auditApi(api) {
  const base = `${api.cockpitApi}/plugin/sla-audit/${api.engine}`;
  return {
    url: (path, query) => `${base}/${path}?${new URLSearchParams(query)}`,
    async get(path, query = {}) {
      const response = await fetch(`${base}/${path}?${new URLSearchParams(query)}`, {
        headers: { Accept: 'application/json' }, credentials: 'same-origin'
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.message || `${response.status}`);
      return body;
    }
  };
}

function select(name, label, options, value) {
  return element('label', {}, label,
    element('select', { name },
      element('option', { value: '' }, T.any),
      options.map(([code, text]) => element('option', { value: code, selected: code === value }, text))));
}

function renderAudit(container, api) {
  const audit = auditApi(api);
  // today in Huế, and the first day of the month two months back, whatever the browser's zone
  const today = isoDay(new Date());
  const [year, month] = today.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 3, 1)).toISOString().slice(0, 10);
  const state = {
    tab: 'scorecard',
    filter: {
      from: first,
      to: today,
      unitId: '', category: '', wardCode: '', escalationLevel: '', outcome: '', state: '', minimumReceived: '20'
    },
    firstResult: 0
  };
  let reference = { units: [], categories: [], wards: [] };
  const name = (list, id) => {
    const found = list.find(entry => entry.id === id);
    return found ? (LANGUAGE === 'vi' ? found.nameVi : found.nameEn) : id || '';
  };

  const root = element('div', { class: 'sla-audit', 'data-test': 'sla-audit', 'data-loaded': 'false' });
  const tabs = element('div', { class: 'sla-tabs' });
  const form = element('form');
  const body = element('div', { class: 'sla-body' });
  root.append(element('h1', {}, T.title), tabs, form, body);
  container.appendChild(root);

  function renderTabs() {
    tabs.replaceChildren(...['scorecard', 'overdue', 'extended'].map(tab =>
      element('button', {
        type: 'button', class: tab === state.tab ? 'active' : null, 'data-tab': tab,
        onclick: () => { state.tab = tab; state.firstResult = 0; renderTabs(); renderForm(); load(); }
      }, T[tab])));
  }

  function renderForm() {
    const f = state.filter;
    const fields = [
      element('label', {}, T.from, element('input', { type: 'date', name: 'from', value: f.from, required: true })),
      element('label', {}, T.to, element('input', { type: 'date', name: 'to', value: f.to, required: true })),
      select('unitId', T.unit, reference.units.map(u => [u.id, LANGUAGE === 'vi' ? u.nameVi : u.nameEn]), f.unitId)
    ];
    if (state.tab === 'scorecard') {
      fields.push(element('label', {}, T.minimumReceived,
        element('input', { type: 'number', name: 'minimumReceived', min: 1, value: f.minimumReceived })));
    } else {
      fields.push(
        select('category', T.category, reference.categories.map(c => [c.id, LANGUAGE === 'vi' ? c.nameVi : c.nameEn]), f.category),
        select('wardCode', T.ward, reference.wards.map(w => [w.id, w.nameVi]), f.wardCode),
        select('escalationLevel', T.escalationLevel, T.levels.map((text, level) => [String(level), text]), f.escalationLevel),
        select('outcome', T.outcome, Object.entries(T.outcomes), f.outcome),
        select('state', T.state, Object.entries(T.states), f.state));
    }
    fields.push(element('button', { type: 'submit', class: 'btn btn-primary' }, T.apply));
    form.replaceChildren(...fields);
  }

  form.onsubmit = event => {
    event.preventDefault();
    new FormData(form).forEach((value, key) => { state.filter[key] = value; });
    state.firstResult = 0;
    load();
  };

  function query(keys) {
    const values = {};
    keys.forEach(key => { if (state.filter[key]) values[key] = state.filter[key]; });
    return values;
  }

  let latest = 0;

  async function load() {
    const request = ++latest;
    const current = () => request === latest;
    root.setAttribute('data-loaded', 'false');
    body.replaceChildren(element('p', {}, T.loading));
    try {
      if (state.tab === 'scorecard') {
        const params = query(['from', 'to', 'unitId', 'minimumReceived']);
        const result = await audit.get('scorecard', params);
        if (!current()) return;
        showScorecard(result, audit.url('scorecard.csv', { ...params, lang: LANGUAGE }));
      } else {
        const params = {
          kind: state.tab.toUpperCase(),
          ...query(['from', 'to', 'unitId', 'category', 'wardCode', 'escalationLevel', 'outcome', 'state'])
        };
        const page = await audit.get('cases', { ...params, firstResult: state.firstResult, maxResults: PAGE_SIZE });
        if (!current()) return;
        showCases(page, audit.url('cases.csv', { ...params, lang: LANGUAGE }));
      }
    } catch (error) {
      if (!current()) return;
      body.replaceChildren(element('p', { class: 'sla-error' }, error.message));
    }
    // what a test (or a leader's script) waits for: the figures on the page are the ones asked for
    root.setAttribute('data-loaded', 'true');
  }

  const SCORE_COLUMNS = ['received', 'processed', 'processedPercent', 'onTime', 'lateWithExtension', 'late',
    'inProgressOnTime', 'inProgressOverdue', 'ineligible', 'awaitingVerification', 'satisfied', 'unsatisfied',
    'noRating', 'averageHandlingHours', 'p90HandlingHours', 'reprimands'];

  function showScorecard(result, csvUrl) {
    const { scorecard, ranking, minimumReceived } = result;
    const city = scorecard.city;
    const ranks = Object.fromEntries(ranking.map(unit => [unit.unitId, unit.rank]));
    const parts = [];
    if (city) {
      const rated = city.satisfied + city.unsatisfied;
      parts.push(element('div', { class: 'sla-cards' },
        [[T.received, number(city.received)],
          [T.processedPercent, city.processedPercent === null ? '–' : number(city.processedPercent) + ' %'],
          [T.onTime, percent(city.onTime, city.processed)],
          [T.lateWithExtension, percent(city.lateWithExtension, city.processed)],
          [T.late, percent(city.late, city.processed)],
          [T.inProgressOverdue, number(city.inProgressOverdue)],
          [T.satisfied, percent(city.satisfied, rated)]]
          .map(([label, value]) => element('div', { class: 'sla-card' }, element('b', {}, value), label))));
    }
    parts.push(element('p', {}, element('a', { href: csvUrl, class: 'sla-csv', download: true }, T.csv)));
    const row = (unit, className) => element('tr', { class: className, 'data-unit': unit.unitId || 'city' },
      element('td', {}, unit.unitId ? name(reference.units, unit.unitId) : T.city),
      element('td', { class: 'n' }, unit.unitId ? (ranks[unit.unitId] || '') : ''),
      SCORE_COLUMNS.map(column => element('td', { class: 'n', 'data-column': column }, number(unit[column]))));
    parts.push(element('table', { class: 'sla-scorecard' },
      element('thead', {}, element('tr', {}, element('th', {}, T.unit), element('th', {}, T.rank),
        SCORE_COLUMNS.map(column => element('th', {}, T[column])))),
      element('tbody', {}, city ? row(city, 'city') : null, scorecard.units.map(unit => row(unit)))));
    parts.push(element('h3', {}, T.ranking), element('p', { class: 'sla-note' }, format(T.rankingRule, { n: minimumReceived })));
    parts.push(element('table', { class: 'sla-ranking' },
      element('thead', {}, element('tr', {}, [T.rank, T.unit, T.received, T.onTimePercent, T.satisfiedPercent]
        .map(text => element('th', {}, text)))),
      element('tbody', {}, ranking.map(unit => element('tr', {},
        element('td', { class: 'n' }, unit.rank), element('td', {}, name(reference.units, unit.unitId)),
        element('td', { class: 'n' }, number(unit.received)), element('td', { class: 'n' }, number(unit.onTimePercent)),
        element('td', { class: 'n' }, number(unit.satisfiedPercent)))))));
    body.replaceChildren(...parts);
  }

  function showCases(page, csvUrl) {
    const pager = element('div', { class: 'sla-pager' },
      element('b', { class: 'sla-total' }, page.moreThanTotal ? format(T.moreThanTotal, { n: number(page.total) })
        : page.total === 1 ? T.totalOne : format(T.total, { n: number(page.total) })),
      element('button', {
        type: 'button', class: 'btn btn-default btn-sm', disabled: page.first === 0,
        onclick: () => { state.firstResult = Math.max(0, page.first - PAGE_SIZE); load(); }
      }, T.previous),
      element('button', {
        type: 'button', class: 'btn btn-default btn-sm',
        // a full page may have more after it, also past a "more than" total
        disabled: page.cases.length < page.max || (!page.moreThanTotal && page.first + page.cases.length >= page.total),
        onclick: () => { state.firstResult = page.first + PAGE_SIZE; load(); }
      }, T.next),
      element('a', { href: csvUrl, class: 'sla-csv', download: true }, T.csv));
    if (!page.cases.length) {
      body.replaceChildren(pager, element('p', {}, T.none));
      return;
    }
    const headings = [T.report, T.unit, T.category, T.ward, T.submittedAt, T.dueAt, T.extendedColumn, T.escalationLevel,
      T.answeredAt, T.outcome, T.hoursOverdue, T.rating, T.state];
    const rows = page.cases.map(c => element('tr', { 'data-report': c.reportId },
      element('td', {}, c.running && c.processInstanceId
        ? element('a', { href: `#/process-instance/${encodeURIComponent(c.processInstanceId)}/runtime` }, c.reportId)
        : element('span', { title: c.processInstanceId ? T.endedHint : '' }, c.reportId)),
      element('td', { 'data-column': 'unit' }, name(reference.units, c.unitId)),
      element('td', {}, name(reference.categories, c.category)),
      element('td', {}, name(reference.wards, c.wardCode)),
      element('td', {}, dateTime(c.submittedAt)),
      element('td', {}, dateTime(c.dueAt)),
      element('td', {}, c.extended ? T.yes : ''),
      element('td', { 'data-column': 'escalationLevel' }, T.levels[c.escalationLevel] || String(c.escalationLevel)),
      element('td', {}, dateTime(c.answeredAt)),
      element('td', { 'data-column': 'outcome' }, T.outcomes[c.outcome] || ''),
      element('td', { class: 'n' }, c.hoursOverdue ? number(c.hoursOverdue) : ''),
      element('td', {}, T.ratings[c.rating] || ''),
      element('td', {}, c.running ? T.running : T.ended)));
    body.replaceChildren(pager, element('table', { class: 'sla-cases' },
      element('thead', {}, element('tr', {}, headings.map(text => element('th', {}, text)))),
      element('tbody', {}, rows)));
  }

  renderTabs();
  renderForm();
  audit.get('reference')
    .then(names => { reference = names; renderForm(); })
    .catch(() => { /* the load below shows the refusal */ })
    .finally(load);
}

export default [
  {
    id: 'sla-audit.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: { path: '/sla-audit' },
    render: node => {
      node.appendChild(element('a', { href: '#/sla-audit' }, T.title));
    }
  },
  {
    id: 'sla-audit.route',
    pluginPoint: 'cockpit.route',
    properties: { path: '/sla-audit', label: '/sla-audit' },
    render: (container, { api }) => renderAudit(container, api)
  }
];
