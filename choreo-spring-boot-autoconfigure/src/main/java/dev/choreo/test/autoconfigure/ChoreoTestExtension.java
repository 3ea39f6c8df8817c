package dev.choreo.test.autoconfigure;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.choreo.Harness;
import dev.choreo.ReadinessCheck;
import dev.choreo.Scenario;
import dev.choreo.Stage;
import dev.choreo.StageScenario;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.ParameterResolutionDelegate;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.context.support.TestConstructorUtils;

/**
 * Resolves {@link Harness}, {@link Stage}, {@link Scenario} and {@link StageScenario}
 * parameters of test methods from the test's application context; parameters Spring's
 * extension resolves ({@code @Autowired}, {@code @Qualifier}, {@code @Value}, autowirable
 * constructors) are left to it. A {@code Harness} parameter named after a harness bean
 * ({@code Harness natsHarness}) gets that harness when the tests are compiled with
 * parameter names; otherwise the primary one. A scenario is named after the test and
 * closed after it; when the test failed before {@code awaitAll}, its pending expectations
 * are reported as aborted by the test's exception.
 */
class ChoreoTestExtension implements ParameterResolver, AfterTestExecutionCallback, AfterEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(ChoreoTestExtension.class);

	private static final String OPEN = "open";

	/**
	 * Claim the Choreo types, except where Spring's own extension resolves the parameter
	 * ({@code @Autowired}, {@code @Qualifier}, {@code @Value} or an autowirable
	 * constructor), so the two never compete.
	 */
	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Parameter parameter = parameterContext.getParameter();
		Class<?> type = parameter.getType();
		if (type != Harness.class && type != Stage.class && type != Scenario.class && type != StageScenario.class) {
			return false;
		}
		return !ParameterResolutionDelegate.isAutowirable(parameter, parameterContext.getIndex())
				&& !isAutowirableConstructor(parameter.getDeclaringExecutable(), extensionContext);
	}

	private static boolean isAutowirableConstructor(Executable executable, ExtensionContext extensionContext) {
		return executable instanceof Constructor<?>
				&& TestConstructorUtils.isAutowirableConstructor(executable, extensionContext.getRequiredTestClass(),
						(name) -> extensionContext.getConfigurationParameter(name).orElse(null));
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		ApplicationContext context = SpringExtension.getApplicationContext(extensionContext);
		Parameter parameter = parameterContext.getParameter();
		Class<?> type = parameter.getType();
		if (type == Harness.class) {
			Harness harness = harness(context, parameter.isNamePresent() ? parameter.getName() : null,
					parameter.getName());
			context.getBeanProvider(ReadinessCheck.class).ifAvailable((check) -> check.awaitReady(harness));
			return harness;
		}
		if (type == Stage.class) {
			return stage(context);
		}
		String name = scenarioName(extensionContext);
		Object scenario = (type == Scenario.class) ? harness(context, null, null).scenario(name)
				: stage(context).scenario(name);
		open(extensionContext).add((AutoCloseable) scenario);
		return scenario;
	}

	private static Harness harness(ApplicationContext context, @Nullable String parameterName,
			@Nullable String compiledName) {
		Map<String, Harness> harnesses = context.getBeansOfType(Harness.class);
		if (harnesses.isEmpty()) {
			throw new ParameterResolutionException("No Choreo harness in the application context: configure a broker"
					+ " (spring.kafka.*, spring.rabbitmq.*, spring.data.redis.*, choreo.nats.servers or a NATS"
					+ " Connection bean), or check that the broker's choreo.*.enabled property is not false");
		}
		if (parameterName != null) {
			Harness named = harnesses.get(parameterName);
			named = (named != null) ? named : harnesses.get(parameterName + "Harness");
			if (named != null) {
				return named;
			}
		}
		ObjectProvider<Harness> provider = context.getBeanProvider(Harness.class);
		Harness unique = provider.getIfUnique();
		if (unique != null) {
			return unique;
		}
		if (compiledName != null && parameterName == null) {
			throw new ParameterResolutionException("Several Choreo harnesses " + harnesses.keySet()
					+ " and none is primary, and the test was compiled without parameter names (this parameter is"
					+ " '" + compiledName + "'), so its name cannot choose one: annotate it with @Qualifier(\""
					+ harnesses.keySet().iterator().next() + "\"), compile the tests with -parameters, or set"
					+ " choreo.default-transport");
		}
		throw new ParameterResolutionException("Several Choreo harnesses " + harnesses.keySet()
				+ " and none is primary: name the parameter after one (Harness natsHarness), annotate it with"
				+ " @Qualifier(\"natsHarness\"), set choreo.default-transport, or take a StageScenario");
	}

	private static Stage stage(ApplicationContext context) {
		try {
			return context.getBean(Stage.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new ParameterResolutionException("No Choreo stage in the application context: a stage needs at least"
					+ " one harness; configure a broker", ex);
		}
	}

	private static String scenarioName(ExtensionContext context) {
		String method = context.getTestMethod().map(Method::getName).orElse(context.getDisplayName());
		return context.getRequiredTestClass().getSimpleName() + "." + method;
	}

	@SuppressWarnings("unchecked")
	private static List<AutoCloseable> open(ExtensionContext context) {
		List<AutoCloseable> open = context.getStore(NAMESPACE)
			.getOrComputeIfAbsent(OPEN, (key) -> new ArrayList<AutoCloseable>(), List.class);
		return java.util.Objects.requireNonNull(open);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		context.getExecutionException().ifPresent((failure) -> {
			for (AutoCloseable scenario : open(context)) {
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
		List<AutoCloseable> scenarios = open(context);
		Exception failure = null;
		for (AutoCloseable scenario : scenarios) {
			try {
				scenario.close();
			}
			catch (Exception ex) {
				failure = (failure != null) ? failure : ex;
			}
		}
		scenarios.clear();
		if (failure != null) {
			throw failure;
		}
	}

}
