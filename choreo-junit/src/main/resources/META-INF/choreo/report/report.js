(function () {
	'use strict';

	var TEST_OUTCOMES = ['failed', 'errored', 'slow', 'skipped', 'passed'];
	var SCENARIO_OUTCOMES = ['fail', 'aborted', 'timeout', 'slow', 'pass'];
	var COLORS = {
		passed: 'var(--cr-pass)', failed: 'var(--cr-fail)', errored: 'var(--cr-error)', skipped: 'var(--cr-skip)',
		slow: 'var(--cr-slow)', pass: 'var(--cr-pass)', fail: 'var(--cr-fail)', timeout: 'var(--cr-timeout)',
		aborted: 'var(--cr-error)'
	};
	var ACTION_COLORS = {
		published: '#3b82f6', replied: '#3b82f6', acknowledged: '#93b4f5', received: '#64748b', matched: 'var(--cr-pass)',
		mismatched: '#e8890c', deadline: 'var(--cr-timeout)', reply_failed: 'var(--cr-fail)',
		publish_failed: 'var(--cr-fail)', transport_down: 'var(--cr-fail)', transport_up: '#8b949e',
		correlation_skipped: '#8b949e'
	};

	// ---- DOM helpers: every text goes in as a text node -------------------------------

	function el(tag, attrs) {
		var node = document.createElement(tag);
		if (attrs) {
			Object.keys(attrs).forEach(function (name) {
				var value = attrs[name];
				if (value === null || value === undefined || value === false) {
					return;
				}
				if (name === 'text') {
					node.appendChild(document.createTextNode(String(value)));
				}
				else if (name === 'className') {
					node.className = String(value);
				}
				else if (name === 'hidden') {
					node.hidden = true;
				}
				else {
					node.setAttribute(name, String(value));
				}
			});
		}
		for (var i = 2; i < arguments.length; i++) {
			append(node, arguments[i]);
		}
		return node;
	}

	function append(node, child) {
		if (child === null || child === undefined || child === false) {
			return;
		}
		if (Array.isArray(child)) {
			child.forEach(function (item) { append(node, item); });
			return;
		}
		node.appendChild((typeof child === 'object') ? child : document.createTextNode(String(child)));
	}

	function clear(node) {
		while (node.firstChild) {
			node.removeChild(node.firstChild);
		}
	}

	function ms(value) {
		if (value === null || value === undefined || isNaN(value)) {
			return '–';
		}
		if (value === 0) {
			return '0 ms';
		}
		if (value >= 60000) {
			return (value / 60000).toFixed(1) + ' min';
		}
		if (value >= 1000) {
			return (value / 1000).toFixed(value >= 10000 ? 1 : 2) + ' s';
		}
		if (value >= 100) {
			return Math.round(value) + ' ms';
		}
		if (value >= 10) {
			return value.toFixed(1) + ' ms';
		}
		return value.toFixed(2) + ' ms';
	}

	function plural(count, one, many) {
		return count + ' ' + (count === 1 ? one : (many || one + 's'));
	}

	// Values in the notation of the failure texts: JSON, with the report's markers for
	// what JSON cannot hold shown as they are in the texts (bytes as <n bytes: ...>).
	function json(value) {
		try {
			return render(value, '');
		}
		catch (e) {
			return String(value);
		}
	}

	function isMarker(value) {
		return value !== null && typeof value === 'object' && !Array.isArray(value)
			&& (value._bytes !== undefined || value._truncated === true || value._unserialisable === true);
	}

	function marker(value) {
		if (value._bytes !== undefined) {
			var size = value._bytes + (value._bytes === 1 ? ' byte' : ' bytes');
			if (value._bytes === 0) {
				return '<' + size + '>';
			}
			if (typeof value._text === 'string') {
				return '<' + size + ': ' + JSON.stringify(value._text).replace(/"$/, value._truncated ? '..."' : '"') + '>';
			}
			var hex = String(value._hex || '').match(/../g) || [];
			var more = hex.length > 32 || value._truncated;
			return '<' + size + ': ' + hex.slice(0, 32).join(' ') + (more ? ' ...' : '') + '>';
		}
		if (value._unserialisable === true) {
			return String(value._repr);
		}
		return '<cut from ' + value._original_bytes + ' bytes: ' + JSON.stringify(String(value._head)) + '>';
	}

	function render(value, indent) {
		if (isMarker(value)) {
			return marker(value);
		}
		var inner = indent + '  ';
		if (Array.isArray(value)) {
			if (!value.length) {
				return '[]';
			}
			return '[\n' + value.map(function (item) { return inner + render(item, inner); }).join(',\n') + '\n' + indent + ']';
		}
		if (value !== null && typeof value === 'object') {
			var keys = Object.keys(value);
			if (!keys.length) {
				return '{}';
			}
			return '{\n' + keys.map(function (key) { return inner + JSON.stringify(key) + ': ' + render(value[key], inner); }).join(',\n') + '\n' + indent + '}';
		}
		return (value === undefined) ? 'null' : JSON.stringify(value);
	}

	// A path in the notation of the failure texts: names joined with dots, indexes and
	// keys a dotted path cannot hold in brackets (items[0].id, ["trace.id"], items["0"]).
	function childPath(path, key) {
		if (typeof key === 'number') {
			return path + '[' + key + ']';
		}
		if (/^[^.\[\]"\s]+$/.test(key) && !/^-?[0-9]+$/.test(key)) {
			return path ? path + '.' + key : key;
		}
		return path + '[' + JSON.stringify(key) + ']';
	}

	function badge(outcome, testid) {
		return el('span', { className: 'cr-badge cr-o-' + outcome, 'data-testid': testid || 'badge', text: outcome });
	}

	// ---- data ------------------------------------------------------------------------

	var data;
	try {
		data = JSON.parse(document.getElementById('choreo-results').textContent);
	}
	catch (e) {
		data = { run: {}, tests: [] };
	}
	var run = data.run || {};
	var tests = (data.tests || []).map(function (test, index) {
		test._index = index;
		return test;
	});

	var scenarioCounts = { pass: 0, fail: 0, slow: 0, timeout: 0, aborted: 0 };
	var latencies = [];
	var scenarioTotal = 0;
	tests.forEach(function (test) {
		(test.scenarios || []).forEach(function (scenario) {
			scenarioTotal++;
			if (scenarioCounts[scenario.outcome] !== undefined) {
				scenarioCounts[scenario.outcome]++;
			}
			(scenario.handles || []).forEach(function (handle) {
				// only matches have a latency: an expectNone, a timeout or a near miss has none
				if (!handle.expect_none && (handle.outcome === 'pass' || handle.outcome === 'slow') && typeof handle.latency_ms === 'number') {
					latencies.push(handle.latency_ms);
				}
			});
		});
	});
	latencies.sort(function (a, b) { return a - b; });

	function percentile(p) {
		if (!latencies.length) {
			return null;
		}
		return latencies[Math.min(latencies.length - 1, Math.floor(p / 100 * latencies.length))];
	}

	var state = {
		testFilter: { passed: true, failed: true, errored: true, skipped: true, slow: true },
		scenarioFilter: { pass: true, fail: true, slow: true, timeout: true, aborted: true },
		query: ''
	};

	// ---- header ----------------------------------------------------------------------

	function header() {
		var totals = run.totals || {};
		var bad = (totals.failed || 0) + (totals.errored || 0);
		var verdict = bad > 0 ? el('span', { className: 'cr-verdict cr-bad', 'data-testid': 'verdict', text: '✕ ' + plural(bad, 'test') + ' failing' })
			: (totals.slow || 0) > 0 ? el('span', { className: 'cr-verdict cr-warn', 'data-testid': 'verdict', text: '◷ passed, ' + plural(totals.slow, 'slow test') })
			: el('span', { className: 'cr-verdict cr-ok', 'data-testid': 'verdict', text: '✓ all tests passed' });
		var project = run.project_name || 'Test run';
		document.title = project + ' · Choreo test report';
		var sentence = el('p', { className: 'cr-sentence', 'data-testid': 'summary-sentence' },
			el('strong', { text: plural(totals.total || 0, 'test') }), ' ran in ',
			el('strong', { 'data-field': 'run.duration_ms', text: ms(run.duration_ms) }), ': ',
			TEST_OUTCOMES.filter(function (o) { return (totals[o] || 0) > 0 || o === 'passed'; })
				.map(function (o, i) { return (i ? ', ' : '') + (totals[o] || 0) + ' ' + o; }).join(''),
			'. ' + plural(scenarioTotal, 'scenario') + ', ' + (scenarioCounts.fail + scenarioCounts.timeout + scenarioCounts.aborted) + ' failing.');
		return el('header', { className: 'cr-header' },
			el('div', null,
				el('div', { className: 'cr-brand', text: 'Choreo test report' }),
				el('h1', { className: 'cr-title', 'data-field': 'run.project_name', text: project }),
				sentence),
			verdict);
	}

	function meta() {
		var forks = run.forks || null;
		var redactions = run.redactions || {};
		var items = [
			['started', 'run.started_at', run.started_at ? new Date(run.started_at).toLocaleString() : '–'],
			['finished', 'run.finished_at', run.finished_at ? new Date(run.finished_at).toLocaleString() : '–'],
			['branch', 'run.git_branch', run.git_branch || '–'],
			['commit', 'run.git_sha', run.git_sha ? run.git_sha.substring(0, 12) : '–'],
			['host', 'run.hostname', run.hostname || '–'],
			['environment', 'run.environment', run.environment || '–'],
			['transport', 'run.transport', run.transport || '–'],
			['allowlist', 'run.allowlist_path', run.allowlist_path || '–'],
			['java', 'run.java_version', run.java_version || '–'],
			['spring boot', 'run.runtime.spring_boot', (run.runtime && run.runtime.spring_boot) || '–'],
			['choreo', 'run.harness_version', run.harness_version || '–'],
			['reporter', 'run.reporter_version', run.reporter_version || '–'],
			['workers', 'run.forks.workers', forks ? String(forks.workers) : '1'],
			['redacted', 'run.redactions', plural(redactions.fields || 0, 'field') + ', ' + plural(redactions.stream_matches || 0, 'text match', 'text matches')],
			['truncated', 'run.truncated', run.truncated ? 'yes: some values were cut to the report limits' : 'no']
		];
		return el('div', { className: 'cr-meta', 'data-testid': 'run-meta' }, items.map(function (item) {
			var attrs = { className: 'cr-meta-value', 'data-field': item[1], text: item[2] };
			if (item[1] === 'run.git_sha' && run.git_sha) {
				attrs.title = run.git_sha;
			}
			return el('span', { className: 'cr-meta-item' }, el('span', { className: 'cr-meta-key', text: item[0] }), el('span', attrs));
		}));
	}

	function banners() {
		var forks = run.forks;
		var list = [];
		if (forks && forks.incomplete_workers && forks.incomplete_workers.length) {
			list.push(el('div', { className: 'cr-banner', 'data-testid': 'incomplete-workers', text: 'Incomplete workers: ' + forks.incomplete_workers.join(', ') + '. Their tests are missing from this report.' }));
		}
		if (forks && forks.workers > 1) {
			list.push(el('div', { className: 'cr-banner', 'data-testid': 'workers-note', text: 'Tests ran in ' + forks.workers + ' JVMs: timeline offsets are relative to each scenario and cannot be compared across workers.' }));
		}
		return list;
	}

	function pill(kind, outcome, count, filter) {
		var button = el('button', { type: 'button', className: 'cr-pill', 'aria-pressed': String(filter[outcome]), 'data-testid': kind + '-filter-' + outcome, title: 'Show or hide ' + outcome },
			el('span', { className: 'cr-dot' }),
			el('span', { className: 'cr-pill-count', 'data-testid': kind + '-count-' + outcome, 'data-field': kind === 'test' ? 'run.totals.' + outcome : 'scenarios.' + outcome, text: count }),
			outcome);
		button.firstChild.style.background = COLORS[outcome];
		button.style.color = COLORS[outcome];
		button.addEventListener('click', function () {
			filter[outcome] = !filter[outcome];
			button.setAttribute('aria-pressed', String(filter[outcome]));
			applyFilters();
		});
		return button;
	}

	function proportion(outcomes, counts, testid) {
		var total = outcomes.reduce(function (sum, o) { return sum + (counts[o] || 0); }, 0);
		var bar = el('div', { className: 'cr-bar', 'data-testid': testid, role: 'img', 'aria-label': outcomes.map(function (o) { return (counts[o] || 0) + ' ' + o; }).join(', ') });
		outcomes.forEach(function (o) {
			if (total > 0 && counts[o] > 0) {
				var seg = el('div', { className: 'cr-bar-seg' });
				seg.style.width = (100 * counts[o] / total) + '%';
				seg.style.background = COLORS[o];
				bar.appendChild(seg);
			}
		});
		return bar;
	}

	function stats() {
		var totals = run.totals || {};
		var latency = el('div', { className: 'cr-latency' }, [50, 95, 99].map(function (p) {
			var value = percentile(p);
			return el('div', { className: 'cr-latency-item' },
				el('span', { className: 'cr-latency-value', 'data-testid': 'latency-p' + p, 'data-field': 'latency.p' + p, text: value === null ? '–' : ms(value) }),
				el('span', { className: 'cr-latency-label', text: 'p' + p }));
		}));
		return el('section', { className: 'cr-stats' },
			el('div', { className: 'cr-card', 'data-testid': 'test-stats' },
				el('div', { className: 'cr-card-title' }, 'Tests · ', el('span', { 'data-field': 'run.totals.total', text: totals.total || 0 })),
				proportion(TEST_OUTCOMES, totals, 'test-proportion'),
				el('div', { className: 'cr-pills' }, TEST_OUTCOMES.map(function (o) { return pill('test', o, totals[o] || 0, state.testFilter); }))),
			el('div', { className: 'cr-card', 'data-testid': 'scenario-stats' },
				el('div', { className: 'cr-card-title', text: 'Scenarios · ' + scenarioTotal }),
				proportion(SCENARIO_OUTCOMES, scenarioCounts, 'scenario-proportion'),
				el('div', { className: 'cr-pills' }, SCENARIO_OUTCOMES.map(function (o) { return pill('scenario', o, scenarioCounts[o], state.scenarioFilter); }))),
			el('div', { className: 'cr-card', 'data-testid': 'latency-stats' },
				el('div', { className: 'cr-card-title', text: 'Handle latency · ' + plural(latencies.length, 'handle') }),
				latency));
	}

	// ---- tests -----------------------------------------------------------------------

	var testViews = [];

	function toggle(row, body, open) {
		row.setAttribute('aria-expanded', String(open));
		body.hidden = !open;
	}

	function expander(row, body, open, onFirstOpen) {
		var rendered = false;
		function set(value) {
			if (value && !rendered && onFirstOpen) {
				rendered = true;
				onFirstOpen();
			}
			toggle(row, body, value);
		}
		row.addEventListener('click', function () {
			set(row.getAttribute('aria-expanded') !== 'true');
		});
		set(open);
		return set;
	}

	function testOrder(a, b) {
		var d = TEST_OUTCOMES.indexOf(a.outcome) - TEST_OUTCOMES.indexOf(b.outcome);
		return d !== 0 ? d : a._index - b._index;
	}

	function scenarioOrder(a, b) {
		return SCENARIO_OUTCOMES.indexOf(a.outcome) - SCENARIO_OUTCOMES.indexOf(b.outcome);
	}

	function testView(test) {
		var failing = test.outcome === 'failed' || test.outcome === 'errored';
		var scenarios = (test.scenarios || []).slice().sort(scenarioOrder);
		var row = el('button', { type: 'button', className: 'cr-row', 'data-testid': 'test-toggle' },
			el('span', { className: 'cr-chevron', 'aria-hidden': 'true', text: '▶' }),
			badge(test.outcome, 'test-outcome'),
			el('span', { className: 'cr-grow' },
				el('span', { className: 'cr-name', 'data-testid': 'test-name' }, test.name,
					(test.markers || []).map(function (m) { return el('span', { className: 'cr-tag', text: m }); })),
				el('span', { className: 'cr-sub', title: test.nodeid, text: (test.skip_reason ? 'skipped: ' + test.skip_reason + ' · ' : '') + (test.class || test.nodeid) })),
			el('span', { className: 'cr-right' },
				el('span', { text: plural(scenarios.length, 'scenario') }),
				el('span', { text: ms(test.duration_ms) })));
		var body = el('div', { className: 'cr-body', 'data-testid': 'test-body' });
		var node = el('article', { className: 'cr-test', 'data-testid': 'test', 'data-outcome': test.outcome, 'data-nodeid': test.nodeid }, row, body);
		var scenarioViews = [];
		var set = expander(row, body, failing, function () {
			var explained = scenarios.some(function (s) { return s.outcome !== 'pass'; });
			append(body, testDetails(test, explained));
			if (scenarios.length) {
				body.appendChild(el('div', { className: 'cr-section-title', text: 'Scenarios' }));
				scenarios.forEach(function (scenario) {
					var view = scenarioView(scenario);
					scenarioViews.push(view);
					body.appendChild(view.node);
				});
			}
			append(body, testOutput(test, explained));
			applyScenarioFilter(scenarioViews);
		});
		var haystack = [test.nodeid, test.name, test.file, (test.markers || []).join(' ')].concat(scenarios.map(function (s) {
			return s.name + ' ' + (s.correlation_id || '') + ' ' + (s.handles || []).map(function (h) { return h.topic; }).join(' ');
		})).join(' ').toLowerCase();
		return { test: test, node: node, set: set, scenarios: scenarios, scenarioViews: scenarioViews, haystack: haystack };
	}

	function testDetails(test, explained) {
		var parts = [];
		parts.push(el('div', { className: 'cr-sub', 'data-testid': 'test-nodeid' }, el('code', { text: test.nodeid }), test.file ? '  ·  ' + test.file : '', test.worker_id ? '  ·  ' + test.worker_id : ''));
		if (test.skip_reason) {
			parts.push(el('div', { className: 'cr-skip-reason', 'data-testid': 'skip-reason', text: 'Skipped: ' + test.skip_reason }));
		}
		if (test.traceback && !explained) {
			parts.push(el('div', { className: 'cr-section-title', text: test.outcome === 'errored' ? 'Error' : 'Failure' }));
			parts.push(el('pre', { className: 'cr-pre cr-failure', 'data-testid': 'traceback', text: test.traceback }));
		}
		return parts;
	}

	function testOutput(test, explained) {
		var parts = [];
		if (test.traceback && explained) {
			parts.push(el('details', { 'data-testid': 'traceback-details' }, el('summary', { text: (test.outcome === 'errored' ? 'Error' : 'Failure') + ' text and stack trace' }),
				el('pre', { className: 'cr-pre cr-failure', 'data-testid': 'traceback', text: test.traceback })));
		}
		['stdout', 'stderr', 'log'].forEach(function (stream) {
			if (test[stream]) {
				parts.push(el('details', { 'data-testid': 'stream-' + stream }, el('summary', { text: stream + ' (' + test[stream].length + ' characters)' }), el('pre', { className: 'cr-pre', text: test[stream] })));
			}
		});
		return parts;
	}

	function scenarioView(scenario) {
		var failing = scenario.outcome === 'fail' || scenario.outcome === 'timeout' || scenario.outcome === 'aborted';
		var handles = scenario.handles || [];
		var notPassing = handles.filter(function (h) { return h.outcome !== 'pass'; }).length;
		var row = el('button', { type: 'button', className: 'cr-row', 'data-testid': 'scenario-toggle' },
			el('span', { className: 'cr-chevron', 'aria-hidden': 'true', text: '▶' }),
			badge(scenario.outcome, 'scenario-outcome'),
			el('span', { className: 'cr-grow' },
				el('span', { className: 'cr-name', 'data-testid': 'scenario-name', text: scenario.name }),
				el('span', { className: 'cr-sub', text: (scenario.correlation_id ? 'correlation ' + scenario.correlation_id + ' · ' : '') + (scenario.harnesses || []).join(', ') })),
			el('span', { className: 'cr-right' },
				el('span', { text: plural(handles.length, 'handle') + (notPassing ? ', ' + notPassing + ' not passing' : '') }),
				(scenario.replies || []).length ? el('span', { text: plural(scenario.replies.length, 'reply', 'replies') }) : null,
				el('span', { text: ms(scenario.duration_ms) })));
		var body = el('div', { className: 'cr-scenario-body', 'data-testid': 'scenario-body' });
		var node = el('section', { className: 'cr-scenario', 'data-testid': 'scenario', 'data-outcome': scenario.outcome }, row, body);
		var set = expander(row, body, failing, function () {
			append(body, scenarioDetails(scenario));
		});
		return { scenario: scenario, node: node, set: set };
	}

	function scenarioDetails(scenario) {
		var parts = [];
		if (!scenario.completed_normally) {
			parts.push(el('div', { className: 'cr-banner', text: 'The scenario was closed before awaitAll() returned; pending expectations were aborted.' }));
		}
		if ((scenario.problems || []).length) {
			parts.push(el('div', { className: 'cr-section-title', text: 'Problems' }));
			parts.push(el('ul', { className: 'cr-problems', 'data-testid': 'problems' }, scenario.problems.map(function (p) { return el('li', { text: p }); })));
		}
		parts.push(el('div', { className: 'cr-section-title', text: 'Timeline' }));
		parts.push(waterfall(scenario));
		if ((scenario.handles || []).length) {
			parts.push(el('div', { className: 'cr-section-title', text: 'Expectations' }));
			parts.push(el('div', { className: 'cr-handles' }, scenario.handles.slice().sort(function (a, b) {
				return handleRank(a) - handleRank(b);
			}).map(handleView)));
		}
		if ((scenario.replies || []).length) {
			parts.push(el('div', { className: 'cr-section-title', text: 'Replies' }));
			parts.push(replies(scenario.replies));
		}
		if (scenario.summary_text) {
			parts.push(el('details', { 'data-testid': 'summary-text' }, el('summary', { text: 'Summary text' }), el('pre', { className: 'cr-pre', text: scenario.summary_text })));
		}
		return parts;
	}

	function handleRank(handle) {
		var order = ['fail', 'aborted', 'timeout', 'pending', 'slow', 'pass'];
		return order.indexOf(handle.outcome);
	}

	// ---- waterfall -------------------------------------------------------------------

	function causalTree(entries) {
		var lastPut = {};
		var lastReceived = {};
		var nodes = entries.map(function (entry, index) {
			return { entry: entry, index: index, children: [], parent: null };
		});
		// a synchronous transport delivers before the publish is confirmed: a message
		// received before any publish on its topic is adopted by the next one
		var orphans = {};
		function put(topic, node) {
			lastPut[topic] = node;
			(orphans[topic] || []).forEach(function (orphan) {
				orphan.parent = node;
			});
			delete orphans[topic];
		}
		nodes.forEach(function (node) {
			var e = node.entry;
			switch (e.action) {
				case 'published':
					put(e.topic, node);
					break;
				case 'received':
					node.parent = lastPut[e.topic] || null;
					if (!node.parent) {
						(orphans[e.topic] = orphans[e.topic] || []).push(node);
					}
					lastReceived[e.topic] = node;
					break;
				case 'matched':
				case 'mismatched':
				case 'reply_failed':
					node.parent = lastReceived[e.topic] || null;
					break;
				case 'acknowledged':
				case 'publish_failed':
					node.parent = lastPut[e.topic] || null;
					break;
				case 'replied':
					node.parent = lastReceived[e.topic] || null;
					var target = /^reply=(.*)$/.exec(e.detail || '');
					if (target) {
						put(target[1], node);
					}
					break;
				default:
					break;
			}
		});
		nodes.forEach(function (node) {
			if (node.parent) {
				node.parent.children.push(node);
			}
		});
		nodes.forEach(function (node) {
			node.children.sort(function (a, b) { return (a.entry.offset_ms - b.entry.offset_ms) || (a.index - b.index); });
		});
		var ordered = [];
		function visit(node, depth) {
			node.depth = depth;
			ordered.push(node);
			node.children.forEach(function (child) { visit(child, depth + 1); });
		}
		nodes.filter(function (node) { return !node.parent; }).forEach(function (node) { visit(node, 0); });
		return ordered;
	}

	function waterfall(scenario) {
		var entries = scenario.timeline || [];
		var box = el('div', { className: 'cr-waterfall', 'data-testid': 'waterfall' });
		if (!entries.length) {
			box.appendChild(el('div', { className: 'cr-empty', text: 'No timeline was recorded for this scenario.' }));
			return box;
		}
		var span = Math.max(scenario.duration_ms || 0, entries.reduce(function (max, e) { return Math.max(max, e.offset_ms || 0); }, 0), 0.001);
		function pct(offset) {
			return Math.min(100, Math.max(0, 100 * (offset || 0) / span));
		}
		var ticks = el('div', { className: 'cr-wf-ticks' }, [0, 0.25, 0.5, 0.75, 1].map(function (f) {
			var tick = el('span', { className: 'cr-wf-tick', text: ms(f * span) });
			tick.style.left = (f * 100) + '%';
			return tick;
		}));
		box.appendChild(el('div', { className: 'cr-wf-axis' }, el('span', { text: 'event' }), ticks, el('span', { className: 'cr-wf-offset', text: 'offset' })));
		causalTree(entries).forEach(function (node) {
			var e = node.entry;
			var track = el('div', { className: 'cr-wf-track' });
			var color = ACTION_COLORS[e.action] || '#8b949e';
			if (node.parent) {
				var bar = el('div', { className: 'cr-wf-bar', 'data-testid': 'waterfall-bar', 'data-action': e.action, title: e.action + ' ' + ms(Math.abs(e.offset_ms - node.parent.entry.offset_ms)) + (e.offset_ms < node.parent.entry.offset_ms ? ' before ' : ' after ') + node.parent.entry.action });
				var from = Math.min(pct(node.parent.entry.offset_ms), pct(e.offset_ms));
				bar.style.left = from + '%';
				bar.style.width = Math.max(0.6, Math.abs(pct(e.offset_ms) - pct(node.parent.entry.offset_ms))) + '%';
				bar.style.background = color;
				track.appendChild(bar);
			}
			else {
				var point = el('div', { className: 'cr-wf-point', 'data-testid': 'waterfall-bar', 'data-action': e.action, title: e.action + ' at ' + ms(e.offset_ms) });
				point.style.left = pct(e.offset_ms) + '%';
				point.style.background = color;
				track.appendChild(point);
			}
			var label = el('div', { className: 'cr-wf-label', title: e.action + ' ' + e.topic + (e.detail ? ' — ' + e.detail : '') },
				el('span', { className: 'cr-wf-action cr-a-' + e.action, text: e.action }),
				el('span', { className: 'cr-wf-topic', text: e.topic || (e.harness ? '(' + e.harness + ')' : '') }),
				e.detail ? el('span', { className: 'cr-wf-detail', text: e.detail }) : null);
			label.style.paddingLeft = (node.depth * 16) + 'px';
			box.appendChild(el('div', { className: 'cr-wf-row', 'data-testid': 'waterfall-row', 'data-action': e.action }, label, track, el('span', { className: 'cr-wf-offset', text: ms(e.offset_ms) })));
		});
		if (scenario.timeline_dropped) {
			box.appendChild(el('div', { className: 'cr-wf-note', 'data-testid': 'timeline-dropped', text: plural(scenario.timeline_dropped, 'earlier entry', 'earlier entries') + ' dropped to keep the timeline within its limit.' }));
		}
		return box;
	}

	// ---- handles ---------------------------------------------------------------------

	function describeDiagnosis(d) {
		switch (d && d.kind) {
			case 'matched': return 'Matched.';
			case 'over_budget': return 'Matched in ' + ms(d.latency_ms) + ', over its budget of ' + ms(d.budget_ms) + '.';
			case 'near_miss': return plural(d.attempts, 'message') + ' arrived but none matched within ' + ms(d.deadline_ms) + ' (near miss).';
			case 'silent_timeout': return 'Nothing arrived on ' + d.topic + ' within ' + ms(d.deadline_ms) + ' (silent timeout): check routing.';
			case 'nothing_arrived': return 'Expected none: nothing matching arrived in the ' + ms(d.window_ms) + ' watched.';
			case 'unexpected_match': return 'Expected none, but a matching message arrived ' + ms(d.after_ms) + ' after the trigger.';
			case 'aborted': return 'Aborted: the scenario ended before awaitAll() resolved it.';
			case 'pending': return 'Still pending when the scenario ended.';
			default: return '';
		}
	}

	function budgetView(handle) {
		if (typeof handle.latency_ms !== 'number') {
			return null;
		}
		var budget = handle.budget_ms;
		var scale = Math.max(handle.latency_ms, budget || 0) * 1.15 || 1;
		var track = el('div', { className: 'cr-budget-track' });
		var fill = el('div', { className: 'cr-budget-fill' });
		fill.style.width = (100 * handle.latency_ms / scale) + '%';
		fill.style.background = COLORS[handle.outcome] || 'var(--cr-skip)';
		track.appendChild(fill);
		if (typeof budget === 'number') {
			var mark = el('div', { className: 'cr-budget-mark', title: 'budget ' + ms(budget) });
			mark.style.left = (100 * budget / scale) + '%';
			track.appendChild(mark);
		}
		var label = (handle.outcome === 'fail' || handle.outcome === 'timeout' || handle.outcome === 'aborted' ? 'waited ' : 'latency ') + ms(handle.latency_ms)
			+ (typeof budget === 'number' ? ' / budget ' + ms(budget) : ' · no budget');
		return el('div', { className: 'cr-budget', 'data-testid': 'budget' }, track, el('span', { 'data-testid': 'latency', text: label }));
	}

	function handleView(handle) {
		var failing = handle.outcome === 'fail' || handle.outcome === 'timeout' || handle.outcome === 'pending' || handle.outcome === 'aborted';
		var parts = [
			el('div', { className: 'cr-handle-head' }, badge(handle.outcome, 'handle-outcome'),
				el('span', { className: 'cr-handle-topic', text: handle.topic }),
				handle.expect_none ? el('span', { className: 'cr-tag', 'data-testid': 'expect-none', text: 'expected none' }) : null,
				handle.harness ? el('span', { className: 'cr-tag', text: handle.harness }) : null,
				handle.attempts ? el('span', { className: 'cr-tag', text: plural(handle.attempts, 'near-miss', 'near-misses') }) : null,
				handle.truncated ? el('span', { className: 'cr-tag', text: 'truncated' }) : null),
			el('div', { className: 'cr-handle-matcher', 'data-testid': 'matcher', text: handle.matcher_description }),
			budgetView(handle),
			el('div', { className: 'cr-diagnosis', 'data-testid': 'diagnosis', 'data-kind': handle.diagnosis && handle.diagnosis.kind, text: describeDiagnosis(handle.diagnosis) })
		];
		if (handle.reason && handle.outcome !== 'pass') {
			parts.push(el('div', { className: 'cr-reason', 'data-testid': 'reason', text: handle.reason }));
		}
		if (failing && handle.actual !== null && handle.actual !== undefined) {
			parts.push(diff(handle.expected, handle.actual, failurePaths(handle)));
		}
		else if (handle.expected !== null && handle.expected !== undefined) {
			parts.push(el('details', { 'data-testid': failing ? 'expected' : 'payloads' },
				el('summary', { text: failing ? 'Expected' : 'Expected and received' }),
				el('pre', { className: 'cr-json', 'data-testid': 'expected-json', text: json(handle.expected) }),
				(!failing && handle.actual !== null && handle.actual !== undefined) ? el('pre', { className: 'cr-json', 'data-testid': 'actual-json', text: json(handle.actual) }) : null));
		}
		return el('div', { className: 'cr-handle', 'data-testid': 'handle', 'data-outcome': handle.outcome }, parts);
	}

	function failurePaths(handle) {
		var paths = {};
		function walk(failure) {
			if (!failure) {
				return;
			}
			paths[failure.path] = failure.kind;
			(failure.children || []).forEach(walk);
		}
		walk(handle.failure);
		return paths;
	}

	function isObject(value) {
		return value !== null && typeof value === 'object' && !Array.isArray(value) && !isMarker(value);
	}

	function same(a, b) {
		return json(a) === json(b);
	}

	function diffRows(expected, actual, path, rows, depth) {
		if (depth > 24) {
			rows.push({ path: path, expected: expected, actual: actual, status: same(expected, actual) ? 'match' : 'differ' });
			return;
		}
		if (isObject(expected) && isObject(actual)) {
			Object.keys(expected).forEach(function (key) {
				var child = childPath(path, key);
				if (!Object.prototype.hasOwnProperty.call(actual, key)) {
					rows.push({ path: child, expected: expected[key], missing: true, status: 'missing' });
				}
				else {
					diffRows(expected[key], actual[key], child, rows, depth + 1);
				}
			});
			Object.keys(actual).forEach(function (key) {
				if (!Object.prototype.hasOwnProperty.call(expected, key)) {
					rows.push({ path: childPath(path, key), actual: actual[key], extra: true, status: 'extra' });
				}
			});
			return;
		}
		if (Array.isArray(expected) && Array.isArray(actual)) {
			for (var i = 0; i < Math.max(expected.length, actual.length); i++) {
				var item = childPath(path, i);
				if (i >= actual.length) {
					rows.push({ path: item, expected: expected[i], missing: true, status: 'missing' });
				}
				else if (i >= expected.length) {
					rows.push({ path: item, actual: actual[i], extra: true, status: 'extra' });
				}
				else {
					diffRows(expected[i], actual[i], item, rows, depth + 1);
				}
			}
			return;
		}
		rows.push({ path: path || '<root>', expected: expected, actual: actual, status: same(expected, actual) ? 'match' : 'differ' });
	}

	function cell(value, absent) {
		if (absent) {
			return absent;
		}
		return json(value);
	}

	function diff(expected, actual, failing) {
		var rows = [];
		if (expected === null || expected === undefined) {
			rows.push({ path: '<root>', actual: actual, status: 'differ', noExpected: true });
		}
		else {
			diffRows(expected, actual, '', rows, 0);
		}
		var table = el('table', { className: 'cr-diff', 'data-testid': 'diff' },
			el('thead', null, el('tr', null, el('th', { className: 'cr-d-status', text: '' }), el('th', { className: 'cr-d-path', text: 'path' }), el('th', { text: 'expected' }), el('th', { text: 'actual' }))));
		var tbody = el('tbody');
		rows.forEach(function (row) {
			var flagged = failing[row.path] !== undefined;
			var status = (row.status === 'match' && flagged) ? 'differ' : row.status;
			var symbol = { match: '✓', differ: '≠', missing: '−', extra: '+' }[status];
			tbody.appendChild(el('tr', { 'data-testid': 'diff-row', 'data-status': status, 'data-path': row.path },
				el('td', { className: 'cr-d-status', text: symbol }),
				el('td', { className: 'cr-d-path', text: row.path }),
				el('td', { className: 'cr-d-expected', text: row.extra ? '' : cell(row.expected, row.noExpected ? '(no shape)' : null) }),
				el('td', { className: 'cr-d-actual', 'data-testid': 'diff-actual', text: row.missing ? 'missing' : cell(row.actual) })));
		});
		table.appendChild(tbody);
		return table;
	}

	// ---- replies ---------------------------------------------------------------------

	function replies(list) {
		var table = el('table', { className: 'cr-replies', 'data-testid': 'replies' },
			el('thead', null, el('tr', null, ['trigger', 'reply', 'state', 'candidates', 'matches', 'matcher', 'notes'].map(function (h) { return el('th', { text: h }); }))));
		var tbody = el('tbody');
		list.forEach(function (reply) {
			var notes = [];
			if (reply.builder_error) {
				notes.push(el('div', { className: 'cr-flag', 'data-testid': 'builder-error', text: 'builder error: ' + reply.builder_error }));
			}
			if (reply.correlation_overridden) {
				notes.push(el('div', { className: 'cr-flag', 'data-testid': 'correlation-overridden', text: 'correlation id overridden' }));
			}
			if (!reply.reply_published && reply.state === 'replied') {
				notes.push(el('div', { className: 'cr-flag', text: 'not confirmed sent' }));
			}
			tbody.appendChild(el('tr', { 'data-testid': 'reply', 'data-state': reply.state },
				el('td', null, el('code', { text: reply.trigger_topic })),
				el('td', null, el('code', { text: reply.reply_topic })),
				el('td', null, badge(reply.state, 'reply-state')),
				el('td', { 'data-testid': 'reply-candidates', text: reply.candidate_count }),
				el('td', { 'data-testid': 'reply-matches', text: reply.match_count }),
				el('td', null, el('code', { text: reply.matcher_description })),
				el('td', null, notes.length ? notes : '–')));
		});
		table.appendChild(tbody);
		return table;
	}

	// ---- filters ---------------------------------------------------------------------

	var shownLabel;

	function applyScenarioFilter(views) {
		views.forEach(function (view) {
			view.node.classList.toggle('cr-hidden', !state.scenarioFilter[view.scenario.outcome]);
		});
	}

	function applyFilters() {
		var shown = 0;
		var scenarioFilterActive = SCENARIO_OUTCOMES.some(function (o) { return !state.scenarioFilter[o]; });
		testViews.forEach(function (view) {
			var visible = state.testFilter[view.test.outcome] !== false
				&& (!state.query || view.haystack.indexOf(state.query) >= 0)
				&& (!scenarioFilterActive || view.scenarios.some(function (s) { return state.scenarioFilter[s.outcome]; }));
			view.node.classList.toggle('cr-hidden', !visible);
			applyScenarioFilter(view.scenarioViews);
			if (visible) {
				shown++;
			}
		});
		if (shownLabel) {
			shownLabel.textContent = 'showing ' + shown + ' of ' + plural(testViews.length, 'test');
		}
		emptyNote.classList.toggle('cr-hidden', shown > 0);
	}

	var emptyNote = el('div', { className: 'cr-empty cr-hidden', 'data-testid': 'empty', text: 'No test matches the filters.' });

	function toolbar() {
		var search = el('input', { type: 'search', className: 'cr-search', 'data-testid': 'search', placeholder: 'Search tests, scenarios, topics…  (press / )', 'aria-label': 'Search tests, scenarios and topics' });
		search.addEventListener('input', function () {
			state.query = search.value.trim().toLowerCase();
			applyFilters();
		});
		var expandAll = el('button', { type: 'button', className: 'cr-button', 'data-testid': 'expand-all', text: 'Expand all' });
		expandAll.addEventListener('click', function () { setAll(true); });
		var collapseAll = el('button', { type: 'button', className: 'cr-button', 'data-testid': 'collapse-all', text: 'Collapse all' });
		collapseAll.addEventListener('click', function () { setAll(false); });
		shownLabel = el('span', { className: 'cr-shown', 'data-testid': 'shown', 'aria-live': 'polite' });
		document.addEventListener('keydown', function (event) {
			var typing = event.target === search;
			if (event.key === '/' && !typing) {
				event.preventDefault();
				search.focus();
			}
			else if (event.key === 'Escape') {
				search.value = '';
				state.query = '';
				applyFilters();
				search.blur();
			}
			else if (!typing && event.key === ']') {
				setAll(true);
			}
			else if (!typing && event.key === '[') {
				setAll(false);
			}
		});
		return el('div', { className: 'cr-toolbar' }, search, expandAll, collapseAll, shownLabel,
			el('span', { className: 'cr-keys' }, el('kbd', { text: '/' }), ' search  ', el('kbd', { text: ']' }), ' expand  ', el('kbd', { text: '[' }), ' collapse'));
	}

	function setAll(open) {
		testViews.forEach(function (view) {
			view.set(open);
			view.scenarioViews.forEach(function (scenario) { scenario.set(open); });
		});
	}

	// ---- page ------------------------------------------------------------------------

	var app = document.getElementById('choreo-app');
	clear(app);
	append(app, [header(), meta(), banners(), stats(), toolbar()]);
	var list = el('div', { className: 'cr-tests', 'data-testid': 'tests' });
	tests.slice().sort(testOrder).forEach(function (test) {
		var view = testView(test);
		testViews.push(view);
		list.appendChild(view.node);
	});
	if (!tests.length) {
		list.appendChild(el('div', { className: 'cr-empty', 'data-testid': 'no-tests', text: 'No tests ran.' }));
	}
	app.appendChild(list);
	app.appendChild(emptyNote);
	applyFilters();
	app.setAttribute('data-ready', 'true');
}());
