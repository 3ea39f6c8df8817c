/*
 * Chronicle dashboard: draws the charts from the page's <script type="application/json"> blocks
 * with uPlot, and shows new runs and anomalies from the event stream. Values reach the page as
 * text only (textContent), never as markup.
 */
(function () {
	'use strict';

	var COLORS = ['#2f4fc9', '#b35900', '#cf222e', '#1f883d', '#8250df', '#0e7490', '#a0114a', '#5e6878'];

	function data(id) {
		var node = document.getElementById(id);
		if (!node) {
			return null;
		}
		try {
			return JSON.parse(node.textContent);
		}
		catch (e) {
			return null;
		}
	}

	function count(values) {
		var n = 0;
		(values || []).forEach(function (v) {
			if (v !== null && v !== undefined) {
				n++;
			}
		});
		return n;
	}

	function width(node) {
		return Math.max(120, Math.floor(node.getBoundingClientRect().width || node.clientWidth || 300));
	}

	function draw(node, series, columns, options) {
		if (!node || typeof uPlot === 'undefined') {
			return null;
		}
		var opts = {
			width: width(node),
			height: (options && options.height) || Math.max(160, node.clientHeight || 200),
			series: [{}].concat(series),
			legend: { show: !(options && options.sparkline) },
			cursor: { show: !(options && options.sparkline) },
			scales: { x: { time: !(options && options.plainX) } },
			axes: (options && options.sparkline) ? [{ show: false }, { show: false }] : undefined
		};
		var plot = new uPlot(opts, columns, node);
		var points = 0;
		for (var i = 1; i < columns.length; i++) {
			points += count(columns[i]);
		}
		node.setAttribute('data-points', String(points));
		node.setAttribute('data-drawn', 'true');
		window.addEventListener('resize', function () {
			plot.setSize({ width: width(node), height: opts.height });
		});
		return plot;
	}

	function line(label, index, extra) {
		var s = { label: label, stroke: COLORS[index % COLORS.length], width: 2, spanGaps: true, points: { show: true, size: 5 } };
		Object.keys(extra || {}).forEach(function (key) {
			s[key] = extra[key];
		});
		return s;
	}

	function runsPage() {
		var chart = data('runs-chart-data');
		if (!chart) {
			return;
		}
		var labels = { pass_rate: 'Pass rate %', failures: 'Failures', duration_s: 'Duration s' };
		document.querySelectorAll('[data-chart]').forEach(function (node, index) {
			var key = node.getAttribute('data-chart');
			draw(node, [line(labels[key], index)], [chart.time, chart[key]], { height: 200 });
		});
	}

	function topicsPage() {
		var sparklines = data('sparkline-data');
		if (!sparklines) {
			return;
		}
		document.querySelectorAll('[data-testid="sparkline"]').forEach(function (node) {
			var points = sparklines[node.getAttribute('data-topic')] || [];
			var xs = points.map(function (p) { return p[0]; });
			var ys = points.map(function (p) { return p[1]; });
			draw(node, [line('p95 ms', 0, { width: 1.5, points: { show: false } })], [xs, ys], { sparkline: true, height: 36 });
		});
	}

	function topicPage() {
		var chart = data('topic-chart-data');
		var node = document.querySelector('[data-testid="chart-latency"]');
		if (!chart || !node) {
			return;
		}
		var series = [line('p50 ms', 0), line('p95 ms', 1), line('p99 ms', 2)];
		var columns = [chart.time, chart.p50, chart.p95, chart.p99];
		if (typeof chart.budget_ms === 'number') {
			series.push(line('budget ms', 7, { dash: [6, 4], points: { show: false } }));
			columns.push(chart.time.map(function () { return chart.budget_ms; }));
			node.setAttribute('data-budget', String(chart.budget_ms));
		}
		draw(node, series, columns, { height: 320 });
		node.setAttribute('data-resolution', chart.resolution);
	}

	function comparePage() {
		var chart = data('compare-chart-data');
		var node = document.querySelector('[data-testid="chart-compare"]');
		if (!chart || !node || !chart.series.length) {
			return;
		}
		var series = chart.series.map(function (s, i) { return line(s.topic, i); });
		var columns = [chart.time].concat(chart.series.map(function (s) { return s.values; }));
		draw(node, series, columns, { height: 320 });
		node.setAttribute('data-series', String(chart.series.length));
	}

	// ---- live ----------------------------------------------------------------------------

	// a topic's page: its name is the rest of the path, slashes kept (NATS, MQTT-style
	// and Redis names may have them), everything else escaped
	function topicHref(topic) {
		return '/topics/' + encodeURIComponent(topic).replace(/%2F/g, '/');
	}

	function el(tag, text, attrs) {
		var node = document.createElement(tag);
		if (text !== undefined && text !== null) {
			node.textContent = String(text);
		}
		Object.keys(attrs || {}).forEach(function (key) {
			node.setAttribute(key, attrs[key]);
		});
		return node;
	}

	function toast(parts) {
		var box = document.querySelector('[data-testid="toasts"]');
		if (!box) {
			return;
		}
		var note = el('div', null, { 'class': 'ch-toast', 'data-testid': 'toast' });
		parts.forEach(function (part) {
			note.appendChild(typeof part === 'string' ? document.createTextNode(part) : part);
		});
		box.insertBefore(note, box.firstChild);
		while (box.children.length > 5) {
			box.removeChild(box.lastChild);
		}
	}

	function runLink(id) {
		return el('a', '#' + id, { href: '/runs/' + encodeURIComponent(id) });
	}

	function onRun(run) {
		toast(['New run ', runLink(run.run_id), ' on ' + (run.branch || 'no branch') + ' (' + (run.environment || 'no environment') + ')']);
		var body = document.querySelector('[data-testid="runs-body"]');
		if (!body || document.querySelector('[data-testid="run-row"][data-run-id="' + Number(run.run_id) + '"]')) {
			return;
		}
		var branch = document.getElementById('branch');
		var environment = document.getElementById('environment');
		if ((branch && branch.value && branch.value !== run.branch)
				|| (environment && environment.value && environment.value !== run.environment)) {
			return;
		}
		var totals = run.totals || {};
		var row = el('tr', null, { 'data-testid': 'run-row', 'data-run-id': String(Number(run.run_id)), 'class': 'ch-new' });
		var first = el('td');
		first.appendChild(runLink(run.run_id));
		row.appendChild(first);
		row.appendChild(el('td', String(run.started_at || '').replace('T', ' ').substring(0, 16)));
		row.appendChild(el('td', run.branch, { 'data-testid': 'run-branch' }));
		row.appendChild(el('td', String(run.commit || '').substring(0, 10), { 'class': 'ch-mono' }));
		row.appendChild(el('td', run.environment, { 'data-testid': 'run-environment' }));
		['passed', 'failed', 'errored', 'skipped'].forEach(function (key) {
			row.appendChild(el('td', totals[key] !== undefined ? totals[key] : ''));
		});
		var ms = Date.parse(run.finished_at) - Date.parse(run.started_at);
		row.appendChild(el('td', isNaN(ms) ? '' : (ms / 1000).toFixed(1) + ' s'));
		body.insertBefore(row, body.firstChild);
	}

	function onAnomaly(anomaly) {
		var topic = el('a', anomaly.topic, { href: topicHref(anomaly.topic) });
		toast(['New ' + anomaly.severity + ' anomaly on ', topic, ' (' + anomaly.method + ') in run ', runLink(anomaly.run_id)]);
		var list = document.querySelector('[data-testid="anomaly-list"]');
		if (!list) {
			return;
		}
		var item = el('li', null, { 'class': 'ch-anomaly ch-new', 'data-testid': 'anomaly', 'data-anomaly-id': String(Number(anomaly.anomaly_id)), 'data-severity': anomaly.severity, 'data-live': 'true' });
		var head = el('div', null, { 'class': 'ch-anomaly-head' });
		head.appendChild(el('span', anomaly.severity, { 'class': 'ch-sev ch-sev-' + (anomaly.severity === 'critical' ? 'critical' : 'warning') }));
		head.appendChild(el('a', anomaly.topic, { href: topicHref(anomaly.topic), 'data-testid': 'anomaly-topic' }));
		head.appendChild(el('span', anomaly.method + ': ' + anomaly.metric + ' ' + Number(anomaly.current).toFixed(1) + ' against ' + Number(anomaly.baseline).toFixed(1)));
		head.appendChild(el('span', 'new, reload to resolve', { 'class': 'ch-muted' }));
		item.appendChild(head);
		list.insertBefore(item, list.firstChild);
	}

	function live() {
		var status = document.querySelector('[data-testid="live-status"]');
		if (!status || typeof EventSource === 'undefined') {
			return;
		}
		var source = new EventSource('/live');
		source.addEventListener('open', function () {
			status.setAttribute('data-state', 'open');
			status.textContent = 'Live';
		});
		source.addEventListener('error', function () {
			status.setAttribute('data-state', 'reconnecting');
			status.textContent = 'Live: reconnecting';
		});
		function handler(fn) {
			return function (event) {
				var payload;
				try {
					payload = JSON.parse(event.data);
				}
				catch (e) {
					return;
				}
				fn(payload);
				document.body.setAttribute('data-live-events', String(Number(document.body.getAttribute('data-live-events') || '0') + 1));
			};
		}
		source.addEventListener('run.completed', handler(onRun));
		source.addEventListener('anomaly.detected', handler(onAnomaly));
	}

	function start() {
		var page = document.body.getAttribute('data-page');
		if (page === 'runs') {
			runsPage();
		}
		else if (page === 'topics') {
			topicsPage();
		}
		else if (page === 'topic') {
			topicPage();
		}
		else if (page === 'compare') {
			comparePage();
		}
		if (page) {
			live();
		}
		document.body.setAttribute('data-ready', 'true');
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	}
	else {
		start();
	}
}());
