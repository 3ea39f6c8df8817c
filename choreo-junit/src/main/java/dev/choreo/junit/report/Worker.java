package dev.choreo.junit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * This JVM's share of the report in one directory. Every JVM (a Surefire fork, say) that
 * runs tests into the directory is a worker: it announces itself with a marker under
 * {@code _partial/}, and at the end of each of its test plans writes its partial there
 * and, holding the directory lock, merges every partial into {@code results.json} and
 * {@code index.html}. The first worker of a run wipes the previous report; the worker
 * that finds no other worker alive writes the final merge and removes the partials.
 */
final class Worker {

	private static final Map<Path, Worker> workers = new ConcurrentHashMap<>();

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final ProcessHandle self = ProcessHandle.current();

	private static volatile boolean hookInstalled;

	private final ReportDirectory directory;

	private final String id;

	private final Map<String, ObjectNode> tests = new LinkedHashMap<>();

	private final Set<String> knownWorkers = new LinkedHashSet<>();

	private final Set<String> knownIncomplete = new LinkedHashSet<>();

	private final Set<String> transports = new LinkedHashSet<>();

	private @Nullable Instant startedAt;

	private long fields;

	private long streamMatches;

	private boolean truncated;

	private boolean registered;

	private @Nullable ReportSettings lastSettings;

	private Worker(Path directory) {
		this.directory = new ReportDirectory(directory);
		this.id = "pid-" + self.pid();
	}

	static Worker forDirectory(Path directory) {
		installHook();
		return workers.computeIfAbsent(directory.toAbsolutePath().normalize(), Worker::new);
	}

	String id() {
		return this.id;
	}

	ReportDirectory directory() {
		return this.directory;
	}

	/**
	 * A test plan starts: join the run in the directory, wiping the previous report when
	 * this is the first worker.
	 * @return why the directory must not be used, or {@code null}
	 */
	synchronized @Nullable String planStarted() throws IOException {
		if (this.registered) {
			return null;
		}
		String refusal = this.directory.prepare();
		if (refusal != null) {
			return refusal;
		}
		try (ReportDirectory.Lock lock = this.directory.lock()) {
			if (otherLiveWorkers().isEmpty() && this.tests.isEmpty()) {
				String wipeRefusal = this.directory.wipe();
				if (wipeRefusal != null) {
					return wipeRefusal;
				}
			}
			Files.createDirectories(this.directory.partials());
			ObjectNode marker = mapper.createObjectNode();
			marker.put("worker", this.id);
			marker.put("pid", self.pid());
			self.info().startInstant().ifPresent((start) -> marker.put("process_started", start.toString()));
			AtomicFiles.write(markerFile(this.id), mapper.writeValueAsBytes(marker));
			this.registered = true;
		}
		return null;
	}

	/**
	 * A test plan finished: add its tests, write this worker's partial, and merge every
	 * partial into the report.
	 * @return why nothing was written, or {@code null}
	 */
	synchronized @Nullable String planFinished(ReportRun run, ReportSettings settings) throws IOException {
		String refusal = planStarted();
		if (refusal != null) {
			return refusal;
		}
		this.lastSettings = settings;
		List<ObjectNode> planTests = run.tests(this.id, settings.streamRedaction());
		planTests.forEach((test) -> {
			String nodeId = test.path("nodeid").asString("");
			this.tests.remove(nodeId);
			this.tests.put(nodeId, test);
		});
		Sanitizer sanitizer = run.sanitizer();
		this.fields += sanitizer.fields();
		this.streamMatches += sanitizer.streamMatches();
		this.truncated |= sanitizer.truncated();
		this.transports.addAll(run.harnesses());
		this.startedAt = (this.startedAt == null || run.startedAt().isBefore(this.startedAt)) ? run.startedAt()
				: this.startedAt;
		try (ReportDirectory.Lock lock = this.directory.lock()) {
			String unknown = this.directory.unknownContent();
			if (unknown != null) {
				return unknown;
			}
			AtomicFiles.write(partialFile(this.id), mapper.writeValueAsBytes(partial(settings)));
			boolean last = otherLiveWorkers().isEmpty();
			String notWritten = merge(settings, last);
			if (last && notWritten == null) {
				finish();
			}
			return notWritten;
		}
	}

	/**
	 * The JVM exits: leave the run; the last worker to leave writes the final merge and
	 * removes the partials.
	 */
	synchronized void exit() {
		if (!this.registered) {
			return;
		}
		try (ReportDirectory.Lock lock = this.directory.lock()) {
			this.directory.deletePartial(markerFile(this.id));
			this.registered = false;
			if (otherLiveWorkers().isEmpty() && !this.directory.partialFiles(".json").isEmpty()) {
				ReportSettings settings = (this.lastSettings != null) ? this.lastSettings
						: ReportSettings.resolve((key) -> Optional.empty());
				if (merge(settings, true) == null) {
					finish();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			ReportLog.failed("the final merge at exit", ex);
		}
	}

	/**
	 * The report is disabled after the run started: leave the run without writing.
	 */
	synchronized void leave() {
		if (!this.registered) {
			return;
		}
		try (ReportDirectory.Lock lock = this.directory.lock()) {
			this.directory.deletePartial(markerFile(this.id));
			this.directory.deletePartialsDirectoryIfEmpty();
		}
		catch (IOException | RuntimeException ex) {
			ReportLog.failed("leaving the report directory", ex);
		}
		this.registered = false;
	}

	private ObjectNode partial(ReportSettings settings) {
		List<String> ids = new ArrayList<>();
		ids.add(this.id);
		this.knownWorkers.stream().filter((known) -> !known.equals(this.id)).forEach(ids::add);
		Instant start = (this.startedAt != null) ? this.startedAt : Instant.now();
		ReportDocument.RunFacts facts = new ReportDocument.RunFacts(start, Instant.now(), this.transports, this.fields,
				this.streamMatches, this.truncated);
		return ReportDocument.build(settings, RunInfo.current(), facts, new ArrayList<>(this.tests.values()),
				new ReportDocument.Forks(ids, List.copyOf(this.knownIncomplete)));
	}

	/**
	 * Merge every partial into results.json and index.html. Called with the lock held.
	 */
	private @Nullable String merge(ReportSettings settings, boolean last) throws IOException {
		List<ObjectNode> partials = new ArrayList<>();
		List<String> incomplete = new ArrayList<>();
		Set<String> withPartial = new LinkedHashSet<>();
		for (Path file : this.directory.partialFiles(".json")) {
			String worker = workerOf(file, ".json");
			withPartial.add(worker);
			ObjectNode partial = read(file);
			if (partial != null) {
				partials.add(partial);
			}
			else {
				incomplete.add(worker);
			}
		}
		for (Path marker : this.directory.partialFiles(".running")) {
			String worker = workerOf(marker, ".running");
			if (!withPartial.contains(worker)) {
				incomplete.add(worker);
			}
		}
		ObjectNode merged = ReportDocument.merge(partials, incomplete, settings, RunInfo.current());
		if (last) {
			merged.path("run")
				.path("forks")
				.path("worker_ids")
				.values()
				.forEach((id) -> this.knownWorkers.add(id.asString()));
			this.knownIncomplete.addAll(incomplete);
		}
		return ReportWriter.write(this.directory, merged);
	}

	/**
	 * The final merge is written: remove the partials, and keep every worker's tests so a
	 * later test plan of this JVM still reports them.
	 */
	private void finish() throws IOException {
		ObjectNode merged = read(this.directory.results());
		if (merged != null) {
			this.tests.clear();
			for (JsonNode test : merged.path("tests").values()) {
				if (test instanceof ObjectNode record) {
					this.tests.put(record.path("nodeid").asString(""), record);
				}
			}
		}
		for (Path file : this.directory.partialFiles(".json")) {
			this.directory.deletePartial(file);
		}
		for (Path file : this.directory.partialFiles(".running")) {
			this.directory.deletePartial(file);
		}
		this.directory.deletePartialsDirectoryIfEmpty();
		this.registered = false;
		ChronicleUpload.postIfConfigured(this.directory.results());
	}

	private List<String> otherLiveWorkers() throws IOException {
		List<String> live = new ArrayList<>();
		for (Path marker : this.directory.partialFiles(".running")) {
			String worker = workerOf(marker, ".running");
			if (!worker.equals(this.id) && isAlive(marker)) {
				live.add(worker);
			}
		}
		return live;
	}

	private static boolean isAlive(Path marker) {
		ObjectNode content = read(marker);
		if (content == null) {
			return false;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(content.path("pid").asLong(-1));
		if (process.isEmpty() || !process.get().isAlive()) {
			return false;
		}
		String recorded = content.path("process_started").asString("");
		Optional<Instant> actual = process.get().info().startInstant();
		return recorded.isEmpty() || actual.isEmpty() || recorded.equals(actual.get().toString());
	}

	private static @Nullable ObjectNode read(Path file) {
		try {
			JsonNode node = mapper.readTree(Files.readAllBytes(file));
			return (node instanceof ObjectNode object) ? object : null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private Path markerFile(String worker) {
		return this.directory.partials().resolve("worker-" + worker + ".running");
	}

	private Path partialFile(String worker) {
		return this.directory.partials().resolve("worker-" + worker + ".json");
	}

	private static String workerOf(Path file, String suffix) {
		String name = file.getFileName().toString();
		return name.substring("worker-".length(), name.length() - suffix.length());
	}

	private static void installHook() {
		if (hookInstalled) {
			return;
		}
		synchronized (Worker.class) {
			if (hookInstalled) {
				return;
			}
			try {
				Runtime.getRuntime()
					.addShutdownHook(new Thread(() -> workers.values().forEach(Worker::exit), "choreo-report-exit"));
			}
			catch (RuntimeException ex) {
				ReportLog.failed("installing the exit hook", ex);
			}
			hookInstalled = true;
		}
	}

}
