// The benchmark's reference: what a newsroom developer would write by hand with Chart.js for
// the same three main charts, four sliders, prose and table. Same figures (same dataset values),
// formatted with Intl.NumberFormat. Not shipped; only `make bench` serves it.
const D = { announced: 109, stargate: 500, pledges: [['Brookfield', 20, 20], ['Bpifrance', 10, 10], ['Iliad', 3, 3], ['UAE (MGX)', 30, 50]] };
const state = { eurusd: 1.032, pop_fr: 68.606, pop_us: 340.1, uae: 50 };
const SLIDERS = [['eurusd', 'Exchange rate ($ per €)', 0.8, 1.3, 0.0005], ['pop_fr', 'Population of France (millions)', 40, 100, 0.1],
  ['pop_us', 'Population of the United States (millions)', 250, 450, 0.1], ['uae', 'UAE (MGX) pledge (€bn)', 30, 50, 0.5]];
const usd = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const num = (d) => new Intl.NumberFormat('en', { maximumFractionDigits: d });

function figures(s) {
  const low = D.pledges.reduce((a, p) => a + p[1], 0);
  const high = D.pledges.reduce((a, p) => a + p[2], 0);
  const announcedUsd = D.announced * s.eurusd;
  const fr = announcedUsd / s.pop_fr * 1000;
  const us = D.stargate / s.pop_us * 1000;
  return { low, high, announcedUsd, fr, us, ratio: fr / us, scaled: us * s.pop_fr / 1000,
    parityRate: D.stargate * s.pop_fr / (s.pop_us * D.announced), parityPop: announcedUsd * s.pop_us / D.stargate };
}

let charts = {};
function build() {
  const box = document.getElementById('sliders');
  for (const [key, label, min, max, step] of SLIDERS) {
    const wrap = document.createElement('div');
    wrap.innerHTML = `<label for="r-${key}">${label}</label><div class="row"><input type="range" id="r-${key}" min="${min}" max="${max}" step="${step}"><input type="number" id="n-${key}" min="${min}" max="${max}" step="any"></div>`;
    box.append(wrap);
    const r = wrap.querySelector('input[type=range]');
    const n = wrap.querySelector('input[type=number]');
    r.value = n.value = state[key];
    r.addEventListener('input', () => { state[key] = r.valueAsNumber; n.value = r.value; update(); });
    n.addEventListener('change', () => { state[key] = n.valueAsNumber; r.value = n.value; update(); });
  }
  const f = figures(state);
  charts.pledges = new Chart(document.getElementById('pledges'), {
    type: 'bar',
    data: { labels: [...D.pledges.map((p) => p[0]), 'Not itemised'], datasets: [{ label: '€bn', data: pledgeBars(f), backgroundColor: '#0072B2' }] },
    options: { indexAxis: 'y', animation: false, plugins: { legend: { display: false }, title: { display: true, text: 'Where does the €109bn come from?' } } },
  });
  charts.perPerson = new Chart(document.getElementById('per-person'), {
    type: 'bar',
    data: { labels: ['France', 'Stargate'], datasets: [{ label: '$ per person', data: [f.fr, f.us], backgroundColor: ['#0072B2', '#D55E00'] }] },
    options: { indexAxis: 'y', animation: false, plugins: { legend: { display: false }, title: { display: true, text: 'Is it the same proportion as Stargate?' } } },
  });
  charts.sensitivity = new Chart(document.getElementById('sensitivity'), {
    type: 'line',
    data: { datasets: [{ label: 'Ratio', data: curve(), borderColor: '#0072B2', pointRadius: 0 }, { label: 'Same proportion', data: [{ x: 0.8, y: 1 }, { x: 1.3, y: 1 }], borderColor: '#333', borderDash: [5, 4], pointRadius: 0 }, { label: 'Your rate', data: [{ x: state.eurusd, y: f.ratio }], pointRadius: 6, showLine: false }] },
    options: { animation: false, scales: { x: { type: 'linear', min: 0.8, max: 1.3 } }, plugins: { title: { display: true, text: 'How much does the verdict depend on the exchange rate?' } } },
  });
  update();
  // Marked as the explainer marks it: once everything is drawn (Chart.js draws synchronously
  // with animation off) and the controls respond, without waiting for the next frame.
  performance.mark('explainer:ready');
}

function pledgeBars(f) {
  let start = 0;
  const bars = D.pledges.map((p) => {
    const hi = p[1] === p[2] ? p[2] : state.uae;
    const bar = [start, start + hi];
    start += p[2];
    return bar;
  });
  bars.push([f.high, D.announced]);
  return bars;
}

function curve() {
  const pts = [];
  for (let i = 0; i <= 48; i++) {
    const x = 0.8 + 0.5 * i / 48;
    pts.push({ x, y: (D.announced * x / state.pop_fr) / (D.stargate / state.pop_us) });
  }
  return pts;
}

function update() {
  const f = figures(state);
  document.getElementById('prose').textContent =
    `At $${num(4).format(state.eurusd)} per euro, France's AI package of €109bn is $${num(1).format(f.announcedUsd)}bn: ` +
    `${usd.format(f.fr)} per person, ${num(2).format(f.ratio)} times Stargate's ${usd.format(f.us)}. ` +
    `The two would be equal at $${num(4).format(f.parityRate)} per euro, or with ${num(1).format(f.parityPop)}m people in France.`;
  document.getElementById('figures').innerHTML = [
    ['Announced, converted', `$${num(1).format(f.announcedUsd)}bn`], ['Per person: France', usd.format(f.fr)],
    ['Per person: Stargate', usd.format(f.us)], ['Per-person ratio', `${num(2).format(f.ratio)}×`],
    ['Stargate scaled to France', `$${num(1).format(f.scaled)}bn`], ['Parity rate', `$${num(4).format(f.parityRate)}`],
  ].map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('');
  charts.pledges.data.datasets[0].data = pledgeBars(f);
  charts.pledges.update('none');
  charts.perPerson.data.datasets[0].data = [f.fr, f.us];
  charts.perPerson.update('none');
  charts.sensitivity.data.datasets[0].data = curve();
  charts.sensitivity.data.datasets[2].data = [{ x: state.eurusd, y: f.ratio }];
  charts.sensitivity.update('none');
}

build();
