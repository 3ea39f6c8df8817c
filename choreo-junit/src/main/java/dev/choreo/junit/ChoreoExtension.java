package dev.choreo.junit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.Stage;
import dev.choreo.StageScenario;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.jspecify.annotations.Nullable;

/**
 * The extension behind {@link EnableChoreo}: connects the class's harnesses before its
 * first test and closes them after its last (a {@code @Nested} class uses its enclosing
 * class's), and resolves {@link Harness}, {@link Stage}, {@link Scenario} and
 * {@link StageScenario} parameters. A scenario is named after its test, shared by the
 * test's {@code @BeforeEach} and {@code @Test} methods, and closed after the test; when
 * the test failed before {@code awaitAll}, its pending expectations are reported as
 * aborted by the test's exception.
 */
class ChoreoExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver, AfterTestExecutionCallback,
		AfterEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(ChoreoExtension.class);

	private static final String HARNESSES = "harnesses";

	private static final String OWNER = "owner";

	private static final String SCENARIOS = "scenarios";

	@Override
	public void beforeAll(ExtensionContext context) {
		ExtensionContext.Store store = context.getStore(NAMESPACE);
		if (store.get(HARNESSES) != null) {
			return;
		}
		EnableChoreo annotation = findAnnotation(context.getRequiredTestClass());
		ClassLoader loader = context.getRequiredTestClass().getClassLoader();
		ChoreoSettings settings = ChoreoSettings.load(loader, List.of(annotation.profiles()),
				List.of(annotation.properties()), System.getenv(),
				(key) -> context.getConfigurationParameter(key).orElse(null));
		store.put(HARNESSES, ClassHarnesses.connect(settings, loader));
		store.put(OWNER, context.getUniqueId());
	}

	private static EnableChoreo findAnnotation(Class<?> testClass) {
		for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
			Optional<EnableChoreo> annotation = AnnotationSupport.findAnnotation(type, EnableChoreo.class);
			if (annotation.isPresent()) {
				return annotation.get();
			}
		}
		throw new IllegalStateException("ChoreoExtension needs @EnableChoreo on " + testClass.getName()
				+ "; annotate the class with @EnableChoreo instead of registering the extension");
	}

	@Override
	public void afterAll(ExtensionContext context) {
		ExtensionContext.Store store = context.getStore(NAMESPACE);
		if (context.getUniqueId().equals(store.get(OWNER))) {
			ClassHarnesses harnesses = store.remove(HARNESSES, ClassHarnesses.class);
			store.remove(OWNER);
			if (harnesses != null) {
				harnesses.close();
			}
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == Harness.class || type == Stage.class || type == Scenario.class || type == StageScenario.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		ClassHarnesses harnesses = extensionContext.getStore(NAMESPACE).get(HARNESSES, ClassHarnesses.class);
		if (harnesses == null) {
			throw new ParameterResolutionException("The Choreo harnesses are not connected yet when JUnit makes the"
					+ " instance of a @TestInstance(Lifecycle.PER_CLASS) class; take them in a @BeforeAll, @BeforeEach"
					+ " or @Test method instead of the constructor");
		}
		Class<?> type = parameterContext.getParameter().getType();
		String named = parameterContext.findAnnotation(ChoreoHarness.class).map(ChoreoHarness::value).orElse(null);
		try {
			if (type == Stage.class) {
				return harnesses.stage();
			}
			if (type == Harness.class) {
				return (named != null) ? harnesses.harness(named) : harnesses.defaultHarness();
			}
			return scenario(extensionContext, harnesses, type, named);
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterResolutionException(String.valueOf(ex.getMessage()), ex);
		}
	}

	private static AutoCloseable scenario(ExtensionContext context, ClassHarnesses harnesses, Class<?> type,
			@Nullable String named) {
		Optional<Method> method = context.getTestMethod();
		if (method.isEmpty()) {
			throw new ParameterResolutionException("A " + type.getSimpleName() + " belongs to one test: take it in a"
					+ " @Test or @BeforeEach method, not in a constructor or @BeforeAll method");
		}
		String name = context.getRequiredTestClass().getSimpleName() + "." + method.get().getName();
		String key = (type == StageScenario.class) ? "stage" : "harness:" + named;
		return scenarios(context).computeIfAbsent(key, (any) -> {
			if (type == StageScenario.class) {
				return harnesses.stage().scenario(name);
			}
			Harness harness = (named != null) ? harnesses.harness(named) : harnesses.defaultHarness();
			return harness.scenario(name);
		});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, AutoCloseable> scenarios(ExtensionContext context) {
		return context.getStore(NAMESPACE)
			.computeIfAbsent(SCENARIOS, (key) -> new LinkedHashMap<String, AutoCloseable>(), Map.class);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		context.getExecutionException().ifPresent((failure) -> {
			for (AutoCloseable scenario : scenarios(context).values()) {
				if (scenario instanceof Scenario single) {
					single.abort(failure);
				}
				else if (scenario instanceof StageScenario staged) {
					staged.abort(failure);
				}
			}
		});
	}

	@Override
	public void afterEach(ExtensionContext context) throws Exception {
		Map<String, AutoCloseable> scenarios = scenarios(context);
		List<AutoCloseable> open = new ArrayList<>(scenarios.values());
		scenarios.clear();
		Exception failure = null;
		for (AutoCloseable scenario : open) {
			try {
				scenario.close();
			}
			catch (Exception ex) {
				failure = (failure != null) ? failure : ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

}
