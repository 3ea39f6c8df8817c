package dev.choreo.junit.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Names a test for the report: a unique node id of the form
 * {@code <class>#<method>(<parameter types>)[<invocation>]}, a readable name, its class,
 * and its source file relative to the project.
 */
final class TestNames {

	private static final Set<String> METHOD_SEGMENTS = Set.of("method", "test-factory", "test-template", "property",
			"example");

	private static final List<String> SOURCE_ROOTS = List.of("src/test/java", "src/it/java", "src/main/java",
			"src/test/kotlin");

	private TestNames() {
	}

	static TestRecord record(TestIdentifier id, @Nullable TestPlan plan) {
		String className = className(id);
		List<String> tags = id.getTags().stream().map((tag) -> tag.getName()).sorted().toList();
		return new TestRecord(id.getUniqueId(), nodeId(id), name(id, plan), className,
				(className != null) ? file(className) : "", tags);
	}

	static String nodeId(TestIdentifier id) {
		Optional<TestSource> source = id.getSource();
		UniqueId uniqueId = id.getUniqueIdObject();
		if (source.isPresent() && source.get() instanceof MethodSource method) {
			return method.getClassName() + "#" + method.getMethodName() + "(" + method.getMethodParameterTypes() + ")"
					+ invocationSuffix(uniqueId);
		}
		if (source.isPresent() && source.get() instanceof ClassSource type) {
			return type.getClassName();
		}
		return id.getUniqueId();
	}

	private static String invocationSuffix(UniqueId uniqueId) {
		List<UniqueId.Segment> segments = uniqueId.getSegments();
		int methodIndex = -1;
		for (int i = 0; i < segments.size(); i++) {
			if (METHOD_SEGMENTS.contains(segments.get(i).getType())) {
				methodIndex = i;
			}
		}
		if (methodIndex < 0) {
			return "";
		}
		StringBuilder suffix = new StringBuilder();
		for (UniqueId.Segment segment : segments.subList(methodIndex + 1, segments.size())) {
			String value = segment.getValue();
			suffix.append('[').append(value.startsWith("#") ? value.substring(1) : value).append(']');
		}
		return suffix.toString();
	}

	private static String name(TestIdentifier id, @Nullable TestPlan plan) {
		String display = id.getDisplayName();
		if (plan == null || !(id.getSource().orElse(null) instanceof MethodSource)
				|| invocationSuffix(id.getUniqueIdObject()).isEmpty()) {
			return display;
		}
		try {
			return plan.getParent(id).map((parent) -> parent.getDisplayName() + " " + display).orElse(display);
		}
		catch (RuntimeException ex) {
			return display;
		}
	}

	static @Nullable String className(TestIdentifier id) {
		TestSource source = id.getSource().orElse(null);
		if (source instanceof MethodSource method) {
			return method.getClassName();
		}
		if (source instanceof ClassSource type) {
			return type.getClassName();
		}
		return null;
	}

	/**
	 * The source file of a class: under a source root of the project when it is found
	 * there, otherwise its path relative to a source root.
	 */
	static String file(String className) {
		int nested = className.indexOf('$');
		String outer = (nested >= 0) ? className.substring(0, nested) : className;
		String relative = outer.replace('.', '/') + ".java";
		for (String root : SOURCE_ROOTS) {
			String candidate = root + "/" + relative;
			try {
				if (Files.isRegularFile(Path.of(candidate))) {
					return candidate;
				}
				String kotlin = root + "/" + outer.replace('.', '/') + ".kt";
				if (Files.isRegularFile(Path.of(kotlin))) {
					return kotlin;
				}
			}
			catch (RuntimeException ex) {
				// an odd class name is not a path: fall through
			}
		}
		return relative;
	}

}
